/**
 * The lines above and below a blank form's table as template lines: the title, the （    年度）
 * line with the year to fill in, and lines of labels with room after them (填报单位（盖章）：,
 * 填报人：  联系电话：  填报日期：  年  月  日) — each such label becomes a field, its kind from the
 * label (the kind registry's hints). Printed text without room to write in stays fixed text.
 */
import { kindForLabel } from '../../../shared/kinds';
import { MAX_FREE_FIELDS_PER_LINE } from '../../../shared/template/check';
import type { FieldDef, FontSpec, LineDef, Segment } from '../../../shared/template/schema';
import type { DocLook, DocParagraph } from './docModel';

export interface LineFields {
  lines: LineDef[];
  fields: FieldDef[];
  notes: string[];
}

/** （2025年度）, （    年度）, (20XX年度), 2025年度. */
const YEAR_LINE = /^([（(]?\s*)(?:\d{4}|20[Xx×＿_]{2}|[Xx×＿_]{2,4}|\s*)(\s*年度?\s*[）)]?)$/;

/** A label that asks for something to be written after it: text ending in ：, then blank (spaces, underscores) or a blank date. */
const LABEL = /([^\s：:_＿]{1,30}[：:])([\s_＿\u3000]*(?:年[\s_＿\u3000]*月[\s_＿\u3000]*日)?[\s_＿\u3000]*)/g;

/** Words printed with a label that are not its name: 填报单位（盖章） is the field 填报单位. */
const STAMP = /[（(](?:盖章|签字|签章|签名|公章)[）)]/g;

export const fieldLabelOf = (printed: string): string =>
  printed
    .replace(STAMP, '')
    .replace(/[：:]\s*$/, '')
    .replace(/\s+/g, '');

function fontOf(look: DocLook | undefined, title: boolean): FontSpec {
  const font: FontSpec = {
    eastAsia: look?.eastAsia ?? (title ? '方正小标宋简体' : '仿宋_GB2312'),
    ascii: look?.ascii ?? 'Times New Roman',
    sizePt: Math.min(72, Math.max(5, look?.sizePt ?? (title ? 18 : 12))),
  };
  if (look?.bold) font.bold = true;
  return font;
}

export interface LineIds {
  /** A field id not used yet. */
  next(hint: string): string;
  /** The label made unique among the template's labels (they must be), and taken. */
  label(wanted: string): string;
}

/**
 * `above` and `below` paragraphs (blank ones skipped) as lines; the first line above is the title.
 * The year line's field is the form's year (`yearId`).
 */
export function blankLines(
  above: readonly DocParagraph[],
  below: readonly DocParagraph[],
  ids: LineIds,
  yearId: string,
): LineFields & { above: LineDef[]; below: LineDef[]; title: string | null; hasYear: boolean } {
  const fields: FieldDef[] = [];
  const notes: string[] = [];
  let title: string | null = null;
  let hasYear = false;
  let n = 0;
  const lineOf = (p: DocParagraph, where: 'above' | 'below'): LineDef => {
    const text = p.text.trim();
    const isTitle = where === 'above' && title === null && !YEAR_LINE.test(text);
    const align = p.look?.align ?? (isTitle || where === 'above' ? 'center' : 'left');
    const base = { align, font: fontOf(p.look, isTitle) } as const;
    if (isTitle) {
      title = text.slice(0, 100);
      return { id: 'title', role: 'title', segments: [{ text: text.slice(0, 500) }], ...base, spaceAfterPt: 6 };
    }
    const year = YEAR_LINE.exec(text);
    if (year && !hasYear) {
      hasYear = true;
      return {
        id: 'yearLine',
        segments: [{ text: year[1].trim() || '' }, { field: yearId, minChars: 4 }, { text: year[2].trim() }].filter(
          (s) => !('text' in s) || s.text !== '',
        ),
        ...base,
        spaceAfterPt: 6,
      };
    }
    return { id: `line${++n}`, segments: segmentsOf(text), ...base };
  };
  const segmentsOf = (text: string): Segment[] => {
    const segments: Segment[] = [];
    let at = 0;
    let free = 0;
    for (const m of text.matchAll(LABEL)) {
      const end = m.index + m[0].length;
      const after = text.slice(end);
      // Room to write: the label is followed by blank space, the end of the line, or another label.
      const room = m[2] !== '' || after === '';
      const label = fieldLabelOf(m[1]);
      if (!room || label === '' || free >= MAX_FREE_FIELDS_PER_LINE) continue;
      const kind = kindForLabel(label);
      if (kind === 'year') continue;
      segments.push({ text: text.slice(at, m.index + m[1].length) });
      const id = ids.next('f');
      fields.push({ id, label: ids.label(label), kind });
      segments.push({ field: id, minChars: Math.max(4, Math.min(20, m[2].length)) });
      at = end;
      free++;
    }
    const rest = text.slice(at);
    if (rest !== '' || segments.length === 0) segments.push({ text: rest.slice(0, 500) });
    return segments;
  };
  const up = above.filter((p) => p.text.trim() !== '').map((p) => lineOf(p, 'above'));
  const down = below.filter((p) => p.text.trim() !== '').map((p) => lineOf(p, 'below'));
  return { lines: [...up, ...down], above: up, below: down, fields, notes, title, hasYear };
}
