/**
 * A template's forms as the 汇总 shows them: 主管部门 → unit → forms, each level with the exact
 * sum of every money column (bigint 元 via shared/money.ts, written back as decimal strings) and
 * the counts of forms, indicators and check statuses. Filters leave out forms; the totals are
 * those of the forms shown.
 */
import type { CheckStatus, SummaryCounts, SummaryForm, SummaryParent, SummarySection, SummaryUnit } from '../../../shared/contract';
import { amountUnits, formatUnits } from '../../../shared/money';
import { compareListText } from '../../../shared/listOrder';
import type { MoneyColumn } from './columns';
import type { FormFacts } from './facts';
import { departmentKey, readCodedName, type CodedName } from './parents';

export const emptyCounts = (): SummaryCounts => ({ forms: 0, indicators: 0, error: 0, warning: 0, complete: 0, unreadable: 0 });

export function addCounts(to: SummaryCounts, c: SummaryCounts): void {
  to.forms += c.forms;
  to.indicators += c.indicators;
  to.error += c.error;
  to.warning += c.warning;
  to.complete += c.complete;
  to.unreadable += c.unreadable;
}

export function checkStatus(f: FormFacts): CheckStatus {
  if (!f.readable) return 'unreadable';
  if (f.errors > 0) return 'error';
  if (f.warnings > 0) return 'warning';
  return 'complete';
}

const collator = new Intl.Collator('zh-CN', { numeric: true });

/** Coded ones first, by code; then by name (pinyin order, as Chinese staff sort). */
/** 主管部门 in the 汇总's order: coded ones by code, then by name; uncoded ones after them, by name. */
export function byCodeThenName(a: { code: string; name: string }, b: { code: string; name: string }): number {
  if (a.code && b.code) return collator.compare(a.code, b.code) || collator.compare(a.name, b.name);
  if (a.code || b.code) return a.code ? -1 : 1;
  return collator.compare(a.name, b.name);
}

interface Level {
  totals: bigint[];
  counts: SummaryCounts;
}

function newLevel(columns: number): Level {
  return { totals: Array.from({ length: columns }, () => 0n), counts: emptyCounts() };
}

function addTo(level: Level, form: SummaryForm): void {
  form.money.forEach((v, i) => {
    level.totals[i] += amountUnits(v) ?? 0n;
  });
  level.counts.forms++;
  level.counts.indicators += form.indicators;
  level.counts[form.check]++;
}

export interface SectionInput {
  templateId: string;
  templateTitle: string;
  moneyColumns: MoneyColumn[];
  forms: readonly FormFacts[];
  /** The 主管部门 of each form (see parents.ts). */
  parentOf(f: FormFacts): CodedName;
  /** Departments written with their code anywhere in the year: code → name, name → code. */
  coded: { nameOf: ReadonlyMap<string, string>; codeOf: ReadonlyMap<string, string> };
  /** What a blank unit or 主管部门 is called in this template: （未填实施单位）. */
  blankUnit: string;
  /** `parent`: a 主管部门's key, code or name. */
  filter: { parent?: string; status?: CheckStatus };
}

interface UnitNode extends Level {
  name: string;
  code: string;
  /** The unit as the list sorts it: the first, in the list's order, of the texts its forms give. */
  listed: string;
  forms: SummaryForm[];
}
interface ParentNode extends Level {
  key: string;
  code: string;
  /** Names written for it, with how often: the commonest names the group. */
  names: Map<string, number>;
  units: Map<string, UnitNode>;
}

/**
 * The 主管部门 a form goes under: a department named without its code, where it is written with one
 * elsewhere, is that department. With its key (what the `parent` filter matches).
 */
export function resolveParent(f: FormFacts, s: Pick<SectionInput, 'parentOf' | 'coded'>): { dept: CodedName; key: string } {
  let dept = s.parentOf(f);
  const code = dept.code || s.coded.codeOf.get(dept.name);
  if (code) dept = { code, name: dept.name || s.coded.nameOf.get(code) || '' };
  return { dept, key: departmentKey(dept) };
}

/** Whether the `parent` filter (a key, code or name) lets a form of this department through. */
export const parentMatches = (filter: string | undefined, p: { dept: CodedName; key: string }): boolean =>
  filter === undefined || [p.key, p.dept.code, p.dept.name].includes(filter);

export function buildSection(s: SectionInput): SummarySection {
  const columns = s.moneyColumns.length;
  const parents = new Map<string, ParentNode>();
  const section = newLevel(columns);
  for (const f of s.forms) {
    const check = checkStatus(f);
    if (s.filter.status && check !== s.filter.status) continue;
    const resolved = resolveParent(f, s);
    const { dept, key } = resolved;
    if (!parentMatches(s.filter.parent, resolved)) continue;
    let p = parents.get(key);
    if (!p) {
      p = { key, code: key.startsWith('code:') ? key.slice(5) : '', names: new Map(), units: new Map(), ...newLevel(columns) };
      parents.set(key, p);
    }
    if (dept.name) p.names.set(dept.name, (p.names.get(dept.name) ?? 0) + 1);
    const unitName = readCodedName(f.unit);
    const unitKey = unitName.name;
    let u = p.units.get(unitKey);
    if (!u) {
      u = { name: unitName.name || s.blankUnit, code: unitName.code, listed: f.unit, forms: [], ...newLevel(columns) };
      p.units.set(unitKey, u);
    }
    if (compareListText(f.unit, u.listed) < 0) u.listed = f.unit;
    if (!u.code && unitName.code) u.code = unitName.code;
    const form: SummaryForm = {
      id: f.id,
      title: f.title,
      status: f.status,
      updatedAt: f.updatedAt,
      check,
      errors: f.errors,
      warnings: f.warnings,
      problems: f.problems,
      // An unreadable form adds nothing, but keeps the columns aligned.
      money: f.readable ? f.money : Array.from({ length: columns }, () => ''),
      indicators: f.indicators,
    };
    u.forms.push(form);
    addTo(u, form);
    addTo(p, form);
    addTo(section, form);
  }

  const out = (l: Level) => ({ totals: l.totals.map(formatUnits), counts: l.counts });
  const parentList: SummaryParent[] = [...parents.values()].map((p) => {
    const name = [...p.names.entries()].sort((a, b) => b[1] - a[1] || collator.compare(a[0], b[0]))[0]?.[0] ?? s.blankUnit;
    // Units and their forms in the form list's order (shared/listOrder.ts): a unit where its first form is listed.
    const units: SummaryUnit[] = [...p.units.values()]
      .sort((a, b) => compareListText(a.listed, b.listed))
      .map((u) => ({
        name: u.name,
        code: u.code,
        forms: u.forms.sort((a, b) => compareListText(a.title, b.title) || a.id - b.id),
        ...out(u),
      }));
    return { key: p.key, code: p.code, name, units, ...out(p) };
  });
  parentList.sort(byCodeThenName);
  return {
    templateId: s.templateId,
    templateTitle: s.templateTitle,
    moneyColumns: s.moneyColumns,
    parents: parentList,
    ...out(section),
  };
}
