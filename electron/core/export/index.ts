/**
 * Export of a form to a .docx that looks like the paper form and carries a machine-readable
 * copy of the form for our importer. Driven entirely by the form's template.
 */
import { Packer } from 'docx';
import { encodeEmbedded } from '../../../shared/embedded';
import type { FormData } from '../../../shared/form';
import { blankForm, withComputed } from '../../../shared/formOps';
import type { TemplateDef } from '../../../shared/template/schema';
import { buildDocument } from './docxDocument';
import { blankExportFileName, exportFileName } from './fileName';
import { printForm } from './printedForm';
import { sanitizeForm } from './xmlText';

export { blankExportFileName, exportFileName } from './fileName';
export { writeFileAtomic } from './writeFileAtomic';
export { sanitizeXmlText } from './xmlText';

export interface ExportResult {
  bytes: Uint8Array;
  /** Chinese notes on what could not be written, e.g. '部门职能职责概述：删除了 2 个 Word 无法保存的控制字符'. */
  dropped: string[];
}

const CREATOR = '绩效目标申报';

async function pack(doc: ReturnType<typeof buildDocument>): Promise<Uint8Array> {
  const buf = await Packer.toBuffer(doc);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

export interface ExportOptions {
  appVersion: string;
  /** Put the template itself in the file: for templates imported from a file, which the receiving office may lack. */
  carryTemplate?: boolean;
}

export async function exportDocx(form: FormData, t: TemplateDef, opts: ExportOptions): Promise<ExportResult> {
  const { form: clean, dropped } = sanitizeForm(form, t);
  const customProperties = encodeEmbedded({
    appVersion: opts.appVersion,
    templateId: t.id,
    templateVersion: t.version,
    // Computed fields are stored as printed, so the copy reads the same as the table.
    form: withComputed(clean, t),
    ...(opts.carryTemplate ? { template: t } : {}),
  });
  const title = exportFileName(clean, t).replace(/\.docx$/, '');
  const doc = buildDocument(t, printForm(t, clean), { title, creator: CREATOR, customProperties });
  return { bytes: await pack(doc), dropped };
}

/**
 * An empty form of a year for filling in by hand. It carries no embedded copy: once filled
 * in Word, only the table says what the form holds, and the importer must read that.
 */
export async function exportBlankDocx(t: TemplateDef, year: string, _opts: { appVersion: string }): Promise<Uint8Array> {
  const form = blankForm(t, year);
  const title = blankExportFileName(t, year).replace(/\.docx$/, '');
  return pack(buildDocument(t, printForm(t, form), { title, creator: CREATOR, customProperties: [] }));
}
