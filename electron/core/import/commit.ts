/**
 * Bringing a read form into the store: the preview the review screen shows, and the commit
 * with the user's choice for a form of the same template, year and identity that already exists.
 */
import type { FormSummary, ImportPreview, OnConflict } from '../../../shared/contract';
import type { FormData } from '../../../shared/form';
import { formName, identityOf, keyLabels } from '../../../shared/identity';
import type { TemplateDef } from '../../../shared/template/schema';
import { validateForm } from '../../../shared/validation';
import { notKeptReason, type OriginalFile, type Store } from '../store';
import { readDocxForms, type ReadResult } from './readDocx';

export interface CommitOutcome {
  outcome: 'imported' | 'replaced' | 'copied' | 'skipped';
  id: number | null;
  message: string;
}

/** 编号 3，2019 年度「湖南省桃源县看守所」 */
function describe(f: Pick<FormSummary, 'id' | 'year' | 'title'>, t: TemplateDef): string {
  return `编号 ${f.id}，${formName(f, t)}`;
}

export function findConflict(store: Store, data: FormData): FormSummary | null {
  return store.findLive(data);
}

export function storeTemplates(store: Store) {
  return [...store.templates.all(), ...store.templates.importedVersions()];
}

/** The review screen's preview of each form in a file. */
export async function previewImport(store: Store, fileName: string, bytes: Uint8Array): Promise<ImportPreview[]> {
  const reads = await readDocxForms(bytes, { templates: storeTemplates(store) });
  const notKept = notKeptReason(bytes.length);
  return reads.map((read) => {
    const preview = previewOf(store, fileName, read);
    return notKept ? { ...preview, notes: [...preview.notes, notKept] } : preview;
  });
}

function previewOf(store: Store, fileName: string, read: ReadResult): ImportPreview {
  const t = read.newTemplate ?? store.templates.get(read.data.templateId);
  const id = identityOf(read.data, t);
  return {
    fileName,
    source: read.source,
    data: read.data,
    templateTitle: t.title,
    year: id.year,
    title: id.title,
    unit: id.unit,
    ...(read.newTemplate ? { newTemplate: read.newTemplate } : {}),
    notes: read.notes,
    uncertain: read.uncertain,
    unplaced: read.unplaced ?? [],
    sourceTables: read.sourceTables ?? [],
    messages: validateForm(read.data, t),
    conflict: read.newTemplate ? null : findConflict(store, read.data),
  };
}

/**
 * `template`: a template the file brought with it, stored first so the form can be. `original`:
 * the file the form was read from, kept with it in the same transaction (store/originals.ts);
 * a file over the limit is not kept, and the message says so.
 */
export function commitImport(
  store: Store,
  data: FormData,
  onConflict: OnConflict,
  template?: TemplateDef,
  original?: OriginalFile,
): CommitOutcome {
  const outcome = commitForm(store, data, onConflict, template, original);
  const notKept = original && outcome.outcome !== 'skipped' ? notKeptReason(original.bytes.length) : null;
  return notKept ? { ...outcome, message: `${outcome.message}。${notKept}` } : outcome;
}

function commitForm(store: Store, data: FormData, onConflict: OnConflict, template?: TemplateDef, original?: OriginalFile): CommitOutcome {
  // Exactly that version: find() answers the newest stored one for a version it does not have.
  if (template && !store.templates.importedVersions().some((x) => x.id === template.id && x.version === template.version))
    store.importTemplate(template);
  const t = store.templates.get(data.templateId);
  const existing = findConflict(store, data);
  if (!existing) {
    const rec = store.create(data, { note: '导入', original });
    return { outcome: 'imported', id: rec.id, message: `已导入为${describe(rec, t)}` };
  }
  if (onConflict === 'copy') {
    const rec = store.create(data, { asCopy: true, note: '导入（保留两份）', original });
    return { outcome: 'copied', id: rec.id, message: `已有${describe(existing, t)}，已另存为副本：${describe(rec, t)}` };
  }
  if (onConflict === 'replace') {
    if (existing.status === 'final') {
      return {
        outcome: 'skipped',
        id: null,
        message: `${describe(existing, t)}已定稿，没有替换。如需替换，请先在该表单中解除定稿，再重新导入`,
      };
    }
    // The form now holds the new file's content: the file kept before no longer shows where it came from.
    const rec = store.save(existing.id, data, { note: '导入替换', ...(original ? { original } : {}) });
    return { outcome: 'replaced', id: rec.id, message: `已替换${describe(rec, t)}，原内容保留在该表单的历史版本中` };
  }
  return {
    outcome: 'skipped',
    id: null,
    message: `已跳过：已有同一年度同一${keyLabels(t)}的${describe(existing, t)}。如需替换或两份都保留，请重新导入该文件并选择“替换”（原内容进入历史版本）或“保留两份”`,
  };
}
