/**
 * Scores a reading of a real published form against what was published (NAME.expected.json,
 * label-keyed by the printed labels): each published value is right (read into the field that
 * label names, equal — amounts by value), listed (not read, but its text is in the unplaced
 * list), or wrong (read differently, or neither read nor listed — lost). Indicator rows count
 * each of their four cells. Nothing here knows a template: labels are matched by each field's
 * own labels and aliases, the way the importer names them.
 */
import { labelsOf, normalizeLabel } from '../../shared/labelJson';
import { parseAmountInput } from '../../shared/money';
import type { FormData, GroupRow } from '../../shared/form';
import type { TemplateDef } from '../../shared/template/schema';

export interface Score {
  right: number;
  listed: number;
  wrong: string[];
}

type Published = Record<string, unknown>;

const squash = (s: string) => s.replace(/\s+/g, '');

function fieldFor(t: TemplateDef, label: string) {
  const n = normalizeLabel(label);
  const bare = n.replace(/^其中/, '');
  return t.fields.find((f) => labelsOf(f).includes(n)) ?? t.fields.find((f) => labelsOf(f).includes(bare));
}

function same(a: string, b: string, money: boolean): boolean {
  if (money) {
    const x = parseAmountInput(a.trim());
    const y = parseAmountInput(b.trim());
    if (x.ok && y.ok) return x.value === y.value;
  }
  return squash(a) === squash(b);
}

/** Whether `text` was read as an amount with its words listed aside (854万(…) → 854 and the remark). */
function readWithRemark(published: string, read: string, unplaced: readonly string[]): boolean {
  const m = /^([0-9.]+)万?元?\s*[（(](.*)[)）]$/.exec(published.trim());
  return !!m && same(m[1], read, true) && unplaced.some((u) => squash(u).includes(squash(m[2])));
}

export function scorePublished(
  expected: Published,
  read: { data: FormData; unplaced?: readonly { where: string; text: string }[] },
  t: TemplateDef,
): Score {
  const score: Score = { right: 0, listed: 0, wrong: [] };
  const unplaced = (read.unplaced ?? []).map((u) => `${u.where}：${u.text}`);
  const isListed = (v: string) => v.trim() !== '' && unplaced.some((u) => squash(u).includes(squash(v)));
  const values = read.data.values;
  const tally = (ok: boolean, v: string, what: string) => {
    if (ok) score.right++;
    else if (isListed(v)) score.listed++;
    else score.wrong.push(what);
  };
  for (const [label, v] of Object.entries(expected)) {
    if (label.startsWith('_') || label === '表' || typeof v !== 'string') continue;
    const def = label === '年度' ? t.fields.find((f) => f.id === t.identity.year) : fieldFor(t, label);
    const got = def ? String(values[def.id] ?? '') : undefined;
    const money = def?.kind === 'amount';
    const ok = got !== undefined && (same(v, got, money) || (money && readWithRemark(v, got, unplaced)));
    tally(ok, v, `${label}：published「${v}」, read「${got ?? '(no field)'}」`);
  }
  const group = (t.groups ?? [])[0];
  const rows = (expected['绩效指标'] ?? []) as Record<string, string>[];
  const readRows = (group ? (values[group.id] ?? []) : []) as GroupRow[];
  const block = group?.indicators?.[0];
  rows.forEach((row, i) => {
    const r = readRows[i] ?? {};
    const cells: [string, string | undefined][] = [
      [row['一级指标'], block && r[block.level1]],
      [row['二级指标'], block && r[block.level2]],
      [row['三级指标'] ?? row['指标内容'], block && r[block.name]],
      [row['指标值'], block && r[block.value]],
    ];
    for (const [want, got] of cells)
      tally(got !== undefined && same(want, got, false), want, `绩效指标第 ${i + 1} 行：「${want}」read「${got}」`);
  });
  if (readRows.length > rows.length && !('_note' in expected)) score.wrong.push(`${readRows.length - rows.length} extra indicator rows`);
  return score;
}
