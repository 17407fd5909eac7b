/**
 * Validation as pure functions over a form and its template. Each message is in Chinese and
 * names the cell it concerns, so the editor can mark that cell. What is checked is the
 * template's data: field kinds and `required`, group columns, and its rules.
 */
import { builtinCheck } from './checks';
import { compare, formatRounded, parseDecimal, type Rational } from './compute/decimal';
import { typedRanges } from './computeForm';
import type { FieldValue, FormData, GroupRow } from './form';
import { computeInputs, fieldDef, indexOf, rowInUse, rowsOf, str, withComputed } from './formOps';
import type { LastYearIndicator } from './lastYear';
import { kindOf, type KindDecl } from './kinds';
import { MAX_GROUP_ROWS } from './limits';
import type { Message, Severity } from './messages';
import { amountsEqual, amountUnits, formatUnits, parseAmountInput } from './money';
import { isCrossRule, ruleReaches, type CrossRule } from './template/roles';
import type { FieldDef, GroupDef, RuleDef, TemplateDef } from './template/schema';

export type { Message, Severity } from './messages';
export { hasErrors } from './messages';

export { isValidIsoDate } from './kinds/date';
export { isValidPhone } from './kinds/phone';

function isEmpty(def: FieldDef, v: FieldValue | undefined): boolean {
  return v === undefined || Array.isArray(v) || kindOf(def.kind).isBlank(v);
}

function requiredMessage(kind: string, label: string): string {
  return kindOf(kind).requiredMessage?.(label) ?? `请填写${label}`;
}

/** Length of what a value holds, for the text limits. */
function textLength(v: FieldValue | undefined): number {
  if (typeof v === 'string') return v.length;
  if (!v || Array.isArray(v)) return 0;
  return JSON.stringify(v).length;
}

function tooLong(label: string, length: number, max: number): string {
  return `${label}太长（${length} 个字，最多 ${max} 个字），请删减`;
}

/** The checks every value of a kind gets, wherever it sits: a field or a group cell. */
function checkText(decl: KindDecl, label: string, s: string, err: (code: string, message: string) => void): void {
  const problem = kindOf(decl.kind).check?.(s, decl, label);
  if (problem) err(problem.code, problem.message);
}

function checkField(def: FieldDef, v: FieldValue | undefined): Message[] {
  const out: Message[] = [];
  const err = (code: string, message: string) => out.push({ field: def.id, severity: 'error', code, message });
  if (def.compute) return out;
  const max = def.maxLength ?? kindOf(def.kind).maxLength;
  const length = textLength(v);
  if (length > max) {
    err('tooLong', tooLong(def.label, length, max));
    return out;
  }
  if (def.required && isEmpty(def, v)) {
    err('required', requiredMessage(def.kind, def.label));
    return out;
  }
  const s = str(v).trim();
  if (s !== '') checkText(def, def.label, s, err);
  return out;
}

function checkGroup(g: GroupDef, rows: readonly GroupRow[]): Message[] {
  const out: Message[] = [];
  const max = g.maxRows ?? MAX_GROUP_ROWS;
  if (rows.length > max) {
    out.push({ field: g.id, severity: 'error', code: 'tooManyRows', message: `${g.label}有 ${rows.length} 行，最多 ${max} 行，请删减` });
  }
  rows.forEach((row, i) => {
    const inUse = rowInUse(g, row);
    for (const c of g.columns) {
      const err = (code: string, message: string) => out.push({ field: g.id, row: i, column: c.id, severity: 'error', code, message });
      const label = `${g.label}第${i + 1}行的${c.label}`;
      const v = row[c.id] ?? '';
      const maxLen = c.maxLength ?? kindOf(c.kind).maxLength;
      if (v.length > maxLen) {
        err('tooLong', tooLong(label, v.length, maxLen));
        continue;
      }
      const s = v.trim();
      if (s === '') {
        if (c.required && inUse && !c.compute) err('required', requiredMessage(c.kind, label));
        continue;
      }
      checkText(c, label, s, err);
    }
  });
  return out;
}

/** Inputs of a value, looking through computed fields: a sum is only compared when its parts read. */
function inputsOf(t: TemplateDef, id: string): string[] {
  const def = indexOf(t).fields.get(id);
  return def?.compute ? computeInputs(def) : [id];
}

const severityOf = (r: { severity?: Severity }): Severity => r.severity ?? 'error';

/** Another form of the same unit and year, as cross-form rules need it. */
export interface RelatedForm {
  id: number;
  templateId: string;
  /** The other form's template title, to name it in a message. */
  templateTitle: string;
  /** Its template's role (shared/template/roles.ts): what cross-form rules name. */
  templateRole: string;
  title: string;
  /** Its values with computed fields filled: its template's fields, no others. */
  values: FormData['values'];
  /** Another form of the same unit and year, or last year's form of the same template and identity. */
  relation: 'sameUnit' | 'previousYear';
}

export interface ValidationContext {
  /** Forms of the same unit and year (not this one); cross-form rules are skipped without them. */
  related?: readonly RelatedForm[];
  /** Last year's targets and results of the form's indicators (contract `forms.lastYear`); checks that compare with them are quiet without. */
  lastYear?: readonly LastYearIndicator[];
}

/** The forms of the unit that rule `r` compares with: in a role it names, and having the field it reads. */
const comparedWith = (r: CrossRule, related: readonly RelatedForm[]) =>
  related.filter(
    (f) =>
      f.relation === 'sameUnit' &&
      ruleReaches(r, { id: f.templateId, role: f.templateRole }) &&
      Object.prototype.hasOwnProperty.call(f.values, r.otherField),
  );

function crossMessages(r: CrossRule, t: TemplateDef, form: FormData, related: readonly RelatedForm[]): Message[] {
  const others = comparedWith(r, related);
  if (others.length === 0) return [];
  const mine = str(form.values[r.field]);
  const label = fieldDef(t, r.field).label;
  const severity = r.severity ?? 'warning';
  if (r.type === 'crossEqual') {
    return others.flatMap((o): Message[] => {
      const theirs = str(o.values[r.otherField]);
      if ((mine === '' && theirs === '') || amountsEqual(mine, theirs)) return [];
      return [
        {
          field: r.field,
          severity,
          code: 'crossEqual',
          message: `${r.message}：本表${label}为 ${mine || 0}，而「${o.title || '未填名称'}」的${o.templateTitle}（编号 ${o.id}）为 ${theirs || 0}`,
        },
      ];
    });
  }
  const sum = others.reduce((a, o) => a + (amountUnits(str(o.values[r.otherField])) ?? 0n), 0n);
  const limit = amountUnits(mine);
  if (limit === null || sum <= limit) return [];
  return [
    {
      field: r.field,
      severity,
      code: 'crossSum',
      message: `${r.message}：本单位 ${others.length} 份${[...new Set(others.map((o) => o.templateTitle))].join('、')}合计 ${formatUnits(sum)} 万元，超过本表${label} ${mine} 万元`,
    },
  ];
}

function ruleMessages(r: RuleDef, t: TemplateDef, form: FormData, bad: Set<string>, year: string, ctx: ValidationContext): Message[] {
  const v = (id: string) => str(form.values[id]);
  const label = (id: string) => fieldDef(t, id).label;
  const unreadable = (ids: readonly string[]) => ids.some((id) => inputsOf(t, id).some((x) => bad.has(x)));
  switch (r.type) {
    case 'equal': {
      if (unreadable([r.a, r.b]) || (v(r.a) === '' && v(r.b) === '')) return [];
      if (amountsEqual(v(r.a), v(r.b))) return [];
      return [
        {
          field: r.a,
          severity: severityOf(r),
          code: 'sum',
          message: `${r.message}（${label(r.a)} ${v(r.a) || 0}，${label(r.b)} ${v(r.b) || 0}）`,
        },
      ];
    }
    case 'sum': {
      if (unreadable([r.total, ...r.parts])) return [];
      const parts = r.parts.map(v);
      if (v(r.total) === '' && parts.every((p) => p === '')) return [];
      const sum = parts.reduce((a, p) => a + (amountUnits(p) ?? 0n), 0n);
      if ((amountUnits(v(r.total)) ?? 0n) === sum) return [];
      // The computed sum is said too, so the clerk sees by how much the total is off.
      const unit = fieldDef(t, r.total).params?.unit === '元' ? '元' : '万元';
      return [
        {
          field: r.total,
          severity: severityOf(r),
          code: 'sum',
          message: `${r.message}（${label(r.total)} ${v(r.total) || 0}，各项之和为 ${formatUnits(sum)} ${unit}）`,
        },
      ];
    }
    case 'atMost': {
      if (unreadable([r.a, r.b]) || v(r.a) === '' || v(r.b) === '') return [];
      if ((amountUnits(v(r.a)) ?? 0n) <= (amountUnits(v(r.b)) ?? 0n)) return [];
      return [
        {
          field: r.a,
          severity: severityOf(r),
          code: 'atMost',
          message: `${r.message}（${label(r.a)} ${v(r.a)}，${label(r.b)} ${v(r.b)}）`,
        },
      ];
    }
    case 'rowSum': {
      const out: Message[] = [];
      rowsOf(form.values, r.group).forEach((row, i) => {
        const cells = [r.total, ...r.parts].map((c) => row[c] ?? '');
        if (cells.every((c) => c.trim() === '') || cells.some((c) => !parseAmountInput(c).ok)) return;
        const sum = r.parts.reduce((a, c) => a + (amountUnits(row[c] ?? '') ?? 0n), 0n);
        if ((amountUnits(row[r.total] ?? '') ?? 0n) !== sum)
          out.push({
            field: r.group,
            row: i,
            column: r.total,
            severity: severityOf(r),
            code: 'rowSum',
            message: `第${i + 1}行：${r.message}`,
          });
      });
      return out;
    }
    case 'rowRequires': {
      const out: Message[] = [];
      rowsOf(form.values, r.group).forEach((row, i) => {
        if ((row[r.column] ?? '').trim() !== '') return;
        if (r.when.some((c) => (row[c] ?? '').trim() !== ''))
          out.push({
            field: r.group,
            row: i,
            column: r.column,
            severity: severityOf(r),
            code: 'rowRequires',
            message: `第${i + 1}行：${r.message}`,
          });
      });
      return out;
    }
    case 'crossEqual':
    case 'crossSumAtMost':
      return unreadable([r.field]) ? [] : crossMessages(r, t, form, ctx.related ?? []);
    case 'check': {
      const check = builtinCheck(r.check);
      if (!check) return [];
      const params = check.params.safeParse(r.params ?? {});
      if (!params.success) return [];
      const previous = ctx.related?.find((f) => f.relation === 'previousYear');
      return check.run({ template: t, form, year, previous, lastYear: ctx.lastYear }, params.data);
    }
  }
}

/**
 * Only the cross-form rules: what validateForm adds when it is given the related forms, for a
 * caller that ran the form's own checks already (the 汇总 checks every form of a year first and
 * compares each with its unit's other forms afterwards). `full` has its computed fields filled;
 * `unreadable` names the fields whose amount could not be read, whose rules are skipped as in
 * validateForm.
 */
export function crossFormMessages(
  full: FormData,
  template: TemplateDef,
  related: readonly RelatedForm[],
  unreadable: ReadonlySet<string>,
): Message[] {
  return template.rules.flatMap((r) =>
    isCrossRule(r) && !inputsOf(template, r.field).some((x) => unreadable.has(x)) ? crossMessages(r, template, full, related) : [],
  );
}

/** A computed cell the clerk types within a range (a 定性 row's 得分): typed outside it is an error. */
function typedRangeMessages(t: TemplateDef, values: FormData['values']): Message[] {
  return typedRanges(t, values).flatMap(({ group, row, column, range }): Message[] => {
    const typed = parseDecimal((rowsOf(values, group)[row]?.[column.id] ?? '').trim());
    if (typed === null || (compare(typed, range.min) >= 0 && compare(typed, range.max) <= 0)) return [];
    const g = indexOf(t).groups.get(group)!;
    const at = (r: Rational) => formatRounded(r, 2, 'halfUp');
    return [
      {
        field: group,
        row,
        column: column.id,
        severity: 'error',
        code: 'computedRange',
        message: `${g.label}第${row + 1}行的${column.label}应在 ${at(range.min)} 到 ${at(range.max)} 之间（${range.why}）`,
      },
    ];
  });
}

export function validateForm(form: FormData, template: TemplateDef, ctx: ValidationContext = {}): Message[] {
  const full = withComputed(form, template);
  const messages: Message[] = [];
  for (const def of template.fields) messages.push(...checkField(def, full.values[def.id]));
  for (const g of template.groups ?? []) messages.push(...checkGroup(g, rowsOf(full.values, g.id)));
  messages.push(...typedRangeMessages(template, full.values));
  const bad = new Set(messages.filter((m) => m.code === 'amount' && m.row === undefined).map((m) => m.field));
  const year = str(full.values[template.identity.year]).trim();
  for (const r of template.rules) messages.push(...ruleMessages(r, template, full, bad, year, ctx));
  return messages;
}
