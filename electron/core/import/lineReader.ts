/**
 * Reads the fields printed in the lines above and below the table (年度, 填报单位, 填报人 …)
 * from the template's line segments. Two ways, the second for what the first missed:
 *   1. the whole line as a loose pattern: "（ 2019 年度）";
 *   2. label：value pairs, a label being the literal text before a field or one of the
 *      field's labels and aliases: "填报单位（公章）：…", "联系电话:…".
 */
import { labelsOf, normalizeLabel } from '../../../shared/labelJson';
import { linePatternProblem } from '../../../shared/template/check';
import type { FieldDef, LineDef, TemplateDef } from '../../../shared/template/schema';
import { dropUnitSuffix } from '../../../shared/text/trim';
import { labelAlternation, loosePattern } from './looseText';

interface LineModel {
  /** Loose pattern of the whole line with one capture per field. */
  whole: RegExp;
  fields: FieldDef[];
  /** Fields introduced by a label ending in a colon, and those labels (normalized). */
  labelled: { def: FieldDef; labels: string[] }[];
}

const VALUE_BY_KIND: Partial<Record<FieldDef['kind'], string>> = {
  year: '([0-9０-９]{4})',
  phone: '([0-9０-９()（）\\-－+＋ 转]*?)',
};

const NEVER = /(?!)/;

function lineModel(line: LineDef, defs: Map<string, FieldDef>): LineModel {
  const kinds = new Map([...defs].map(([id, f]) => [id, f.kind]));
  let src = '';
  const fields: FieldDef[] = [];
  const labelled: LineModel['labelled'] = [];
  line.segments.forEach((seg, i) => {
    if ('text' in seg) {
      // Brackets around a year are often left out; literal text is matched loosely.
      src += loosePattern(seg.text).replace(/\[（\(\]|\[）\)\]/g, '$&?');
      return;
    }
    const def = defs.get(seg.field);
    if (!def) return;
    fields.push(def);
    const last = i === line.segments.length - 1;
    src += '\\s*' + (VALUE_BY_KIND[def.kind] ?? (last ? '(.*)' : '(.*?)')) + '\\s*';
    const before = line.segments[i - 1];
    if (before && 'text' in before && /[:：]\s*$/.test(before.text)) {
      // The label is the literal's last word: "\u3000\u3000联系电话：" → 联系电话.
      const own = normalizeLabel(
        before.text
          .trim()
          .split(/[\s\u3000]+/)
          .pop() ?? '',
      );
      labelled.push({ def, labels: [own, ...labelsOf(def)] });
    }
  });
  // A line the template check would refuse now (a template stored before it did) is read by its
  // label：value pairs only: its whole-line pattern could take minutes on a paragraph that does not match.
  const safe = linePatternProblem(line, kinds) === null;
  return { whole: safe ? new RegExp(src) : NEVER, fields, labelled };
}

const models = new WeakMap<TemplateDef, { lines: LineModel[]; labelRe: RegExp; byLabel: Map<string, FieldDef> }>();

function modelsOf(t: TemplateDef) {
  const cached = models.get(t);
  if (cached) return cached;
  const defs = new Map(t.fields.map((f) => [f.id, f]));
  const lines = [...t.above, ...t.below].map((l) => lineModel(l, defs));
  const byLabel = new Map<string, FieldDef>();
  for (const l of lines) for (const { def, labels } of l.labelled) for (const lab of labels) byLabel.set(lab, def);
  const labelRe = new RegExp(`(${labelAlternation([...byLabel.keys()])})\\s*[：:]`, 'g');
  const m = { lines, labelRe, byLabel };
  models.set(t, m);
  return m;
}

export function lineFieldIds(t: TemplateDef): string[] {
  return modelsOf(t).lines.flatMap((l) => l.fields.map((f) => f.id));
}

const OPEN = /[（(［[【〔]/g;
const CLOSE = /[）)］\]】〕]/g;

/**
 * Drops a label：value match that belongs to another printed line than the paragraph's
 * first label and sits inside brackets of the value before it: in
 * "填报单位：某某局（联系电话：0736-1234567）" the phone is part of the unit's text, not the
 * sign line's 联系电话. Labels of the paragraph's own line always count, so a value with a
 * stray bracket does not hide the next label of its line.
 */
function labelsOutsideBrackets(text: string, matches: RegExpExecArray[], lineOf: (label: string) => number): RegExpExecArray[] {
  const kept: RegExpExecArray[] = [];
  let from = 0;
  for (const m of matches) {
    const before = text.slice(from, m.index);
    const foreign = kept.length > 0 && lineOf(m[1]) !== lineOf(kept[0][1]);
    if (foreign && (before.match(OPEN)?.length ?? 0) > (before.match(CLOSE)?.length ?? 0)) continue;
    kept.push(m);
    from = m.index + m[0].length;
  }
  return kept;
}

/**
 * Printed text per field from the paragraphs near the table (nearest first). A field that
 * is not found is absent from the result.
 */
export function readLines(t: TemplateDef, aboveNearestFirst: readonly string[], belowNearestFirst: readonly string[]): Map<string, string> {
  const { lines, labelRe, byLabel } = modelsOf(t);
  const lineOf = (label: string) => {
    const def = byLabel.get(normalizeLabel(label));
    return lines.findIndex((l) => l.fields.some((f) => f === def));
  };
  const raw = new Map<string, string>();
  const nearby = [...aboveNearestFirst, ...belowNearestFirst];
  // Pairs first: they are exact about where a value ends.
  for (const text of nearby) {
    const matches = labelsOutsideBrackets(text, [...text.matchAll(labelRe)], lineOf);
    matches.forEach((m, i) => {
      const def = byLabel.get(normalizeLabel(m[1]));
      if (!def || raw.has(def.id)) return;
      const end = i + 1 < matches.length ? matches[i + 1].index : text.length;
      // Some forms print the money unit at the end of the unit line: "…看守所\u3000\u3000单位：万元".
      const value = dropUnitSuffix(text.slice(m.index + m[0].length, end));
      raw.set(def.id, value.trim());
    });
  }
  for (const line of lines) {
    if (line.fields.every((f) => raw.has(f.id))) continue;
    for (const text of nearby) {
      const m = line.whole.exec(text);
      if (!m) continue;
      line.fields.forEach((f, i) => {
        if (!raw.has(f.id)) raw.set(f.id, (m[i + 1] ?? '').trim());
      });
      break;
    }
  }
  return raw;
}
