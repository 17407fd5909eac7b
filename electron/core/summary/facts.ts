/**
 * What the 汇总 keeps of one form: its money as exact strings, the 主管部门 it names, how many
 * indicators it has and what its own checks say, plus the few values the cross-form rules
 * compare. Worked out from the stored content and then let go, so a year's forms are never
 * held whole. Nothing here throws: content that does not read as a form of its template, or a
 * form whose template is missing, becomes an unreadable form with the reason.
 */
import { DEFAULT_OPTIONS, type FormData } from '../../../shared/form';
import { rowInUse, rowsOf, str, withComputed } from '../../../shared/formOps';
import { kindOf } from '../../../shared/kinds';
import type { Message } from '../../../shared/messages';
import { parseAmountInput } from '../../../shared/money';
import type { TemplateDef } from '../../../shared/template/schema';
import { validateForm } from '../../../shared/validation';
import { decodeContent, type ScannedForm } from '../store/scan';
import { summaryColumns, type MoneyColumn } from './columns';
import { hasCode, readCodedName, type CodedName } from './parents';
import { stageFacts, type StageFacts } from './stageFacts';

/** Messages kept per form for the 汇总's lists: enough to see what is wrong, not a report. */
export const PROBLEMS_KEPT = 3;

export interface FormFacts {
  id: number;
  templateId: string;
  title: string;
  unit: string;
  status: 'draft' | 'final';
  updatedAt: string;
  readable: boolean;
  /** Canonical amounts in the order of the template's money columns; '' when blank or unreadable. */
  money: string[];
  /** The 主管部门 the form names itself, if it does. */
  parent: CodedName | null;
  indicators: number;
  errors: number;
  warnings: number;
  /** The first messages, errors first. */
  problems: string[];
  /** For cross-form rules: values (computed fields filled) of the fields they compare, and those whose amount did not read. */
  cross: { values: FormData['values']; unreadable: Set<string> } | null;
  /** A later-stage form's scores or lights (stageFacts.ts); null for a declaration. */
  stage: StageFacts | null;
}

/** What the form's row in the list says of it; the rest of FormFacts comes from its content. */
export function rowFacts(row: ScannedForm): Pick<FormFacts, 'id' | 'templateId' | 'title' | 'unit' | 'status' | 'updatedAt'> {
  return { id: row.id, templateId: row.templateId, title: row.title, unit: row.unit, status: row.status, updatedAt: row.updatedAt };
}

function unreadable(row: ScannedForm, reason: string): FormFacts {
  return {
    ...rowFacts(row),
    readable: false,
    money: [],
    parent: null,
    indicators: 0,
    errors: 0,
    warnings: 0,
    problems: [reason],
    cross: null,
    stage: null,
  };
}

/** Indicators a form lists: rows in use of its indicator grid, items of 产出/效益指标 written as lists. */
export function indicatorCount(form: FormData, t: TemplateDef): number {
  const ind = summaryColumns(t).indicators;
  let n = 0;
  if (ind) {
    const g = t.groups?.find((x) => x.id === ind.group);
    if (g) n += rowsOf(form.values, g.id).filter((r) => rowInUse(g, r)).length;
  }
  for (const f of t.fields) n += kindOf(f.kind).indicators?.(form.values[f.id]).length ?? 0;
  return n;
}

function namedParent(form: FormData, t: TemplateDef): CodedName | null {
  const { fields, codeRequired } = summaryColumns(t).parent;
  for (const id of fields) {
    const v = str(form.values[id]).trim();
    if (v === '' || (codeRequired && !hasCode(v))) continue;
    return readCodedName(v);
  }
  return null;
}

function firstProblems(messages: readonly Message[]): string[] {
  const errors = messages.filter((m) => m.severity === 'error');
  const warnings = messages.filter((m) => m.severity === 'warning');
  return [...errors, ...warnings].slice(0, PROBLEMS_KEPT).map((m) => m.message);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The form as a FormData of `t`, or why not. Stored content passed the form schema when it was
 * saved, so only its outline is looked at here (the full schema check would cost as much as the
 * form's checks); anything odd inside makes a check throw, which formFacts catches.
 */
function asForm(content: unknown, t: TemplateDef): FormData | string {
  if (!isRecord(content) || !isRecord(content.values)) return '表单内容已损坏，不是本程序保存的格式';
  if (content.templateId !== t.id) return `表单内容属于另一种表样（${String(content.templateId).slice(0, 60)}）`;
  const options = isRecord(content.options) ? { ...DEFAULT_OPTIONS, ...content.options } : DEFAULT_OPTIONS;
  return { templateId: t.id, values: content.values as FormData['values'], options };
}

/**
 * `t`: the form's template in the version it was made with. `money`: the columns summed, which
 * are the newest version's (field ids are stable across versions). `crossFields`: fields of this
 * template that cross-form rules read (its own and other templates').
 */
export function formFacts(
  row: ScannedForm,
  t: TemplateDef | undefined,
  money: readonly MoneyColumn[],
  crossFields: ReadonlySet<string>,
): FormFacts {
  if (!t) return unreadable(row, `找不到这份表单的表样「${row.templateId}」，请先在「表样管理」中导入该表样`);
  const { content, damage } = decodeContent(row.blob);
  if (content === null) return unreadable(row, damage ?? '表单内容无法读取');
  try {
    const form = asForm(content, t);
    if (typeof form === 'string') return unreadable(row, form);
    const full = withComputed(form, t);
    const messages = validateForm(form, t);
    const amounts = money.map((c) => {
      const r = parseAmountInput(str(full.values[c.field]));
      return r.ok ? r.value : '';
    });
    let cross: FormFacts['cross'] = null;
    if (crossFields.size > 0) {
      const bad = new Set(messages.filter((m) => m.code === 'amount' && m.row === undefined).map((m) => m.field));
      const values: FormData['values'] = {};
      for (const id of crossFields) values[id] = full.values[id] ?? '';
      cross = { values, unreadable: new Set([...bad].filter((id) => crossFields.has(id))) };
    }
    return {
      ...rowFacts(row),
      readable: true,
      money: amounts,
      parent: namedParent(form, t),
      indicators: indicatorCount(form, t),
      errors: messages.filter((m) => m.severity === 'error').length,
      warnings: messages.filter((m) => m.severity === 'warning').length,
      problems: firstProblems(messages),
      cross,
      stage: stageFacts(full, t),
    };
  } catch {
    // Content of the right shape that a check still cannot handle: listed as unreadable, never fatal.
    return unreadable(row, '表单内容无法检查，可能已损坏');
  }
}

/** Adds the cross-form messages to a form's counts and problems (errors stay first). */
export function addMessages(f: FormFacts, messages: readonly Message[]): void {
  if (messages.length === 0) return;
  const errors = messages.filter((m) => m.severity === 'error');
  const warnings = messages.filter((m) => m.severity === 'warning');
  f.errors += errors.length;
  f.warnings += warnings.length;
  f.problems = [...errors.map((m) => m.message), ...f.problems, ...warnings.map((m) => m.message)].slice(0, PROBLEMS_KEPT);
}

/**
 * What a form of a template outside the 汇总 contributes to it: the 主管部门 it names (for its
 * unit's other forms) and the values cross-form rules compare with. No checks run: cheaper, and
 * its own status is not shown.
 */
export function comparedFacts(row: ScannedForm, t: TemplateDef | undefined, crossFields: ReadonlySet<string>): FormFacts {
  const { content } = t ? decodeContent(row.blob) : { content: null };
  if (!t || content === null) return unreadable(row, '');
  try {
    const form = asForm(content, t);
    if (typeof form === 'string') return unreadable(row, form);
    const full = crossFields.size > 0 ? withComputed(form, t) : form;
    const values: FormData['values'] = {};
    const bad = new Set<string>();
    for (const id of crossFields) {
      values[id] = full.values[id] ?? '';
      if (!parseAmountInput(str(values[id]).trim()).ok) bad.add(id);
    }
    return {
      ...unreadable(row, ''),
      readable: true,
      problems: [],
      parent: namedParent(form, t),
      cross: crossFields.size > 0 ? { values, unreadable: bad } : null,
    };
  } catch {
    return unreadable(row, '');
  }
}
