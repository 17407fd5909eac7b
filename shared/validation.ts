/**
 * Validation as pure functions over a form and its template. Each message is in Chinese and
 * names the cell it concerns, so the editor can mark that cell. What is checked is the
 * template's data: field kinds and `required`, group columns, and its rules.
 */
import { builtinCheck } from './checks';
import type { FieldValue, FormData, GroupRow } from './form';
import { computeInputs, fieldDef, indexOf, rowInUse, rowsOf, str, withComputed } from './formOps';
import { countBenefitItems, countOutputItems } from './indicators';
import { MAX_GROUP_ROWS, MAX_TEXT_BY_KIND } from './limits';
import type { Message, Severity } from './messages';
import { amountsEqual, amountUnits, formatUnits, parseAmountInput } from './money';
import { isCrossRule, ruleReaches, type CrossRule } from './template/roles';
import type { FieldDef, GroupDef, RuleDef, TemplateDef } from './template/schema';

export type { Message, Severity } from './messages';
export { hasErrors } from './messages';

const MOBILE = /^1[3-9]\d{9}$/;
/** Landline with area code: 0736-7221234, (0736)7221234, 073 6722 1234, with an optional extension. */
const LANDLINE = /^0\d{2,3}\d{7,8}(?:转\d{1,6}|-\d{1,6})?$/;

export function isValidPhone(raw: string): boolean {
  if (raw.length > 100) return false;
  const s = raw
    .replace(/[\s（）()]/g, '')
    .replace(/^(0\d{2,3})-/, '$1')
    .replace(/^\+?86-?/, '');
  return MOBILE.test(s) || LANDLINE.test(s);
}

export function isValidIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

function isEmpty(def: FieldDef, v: FieldValue | undefined): boolean {
  if (v === undefined || Array.isArray(v)) return true;
  if (def.kind === 'outputIndicators') return typeof v === 'string' || !('mode' in v) || countOutputItems(v as never) === 0;
  if (def.kind === 'benefitIndicators') return typeof v === 'string' || !('mode' in v) || countBenefitItems(v as never) === 0;
  return str(v).trim() === '';
}

function requiredMessage(def: FieldDef): string {
  if (def.kind === 'outputIndicators' || def.kind === 'benefitIndicators') return `请至少填写一条${def.label}`;
  if (def.kind === 'choice') return `请选择${def.label}`;
  return `请填写${def.label}`;
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
function checkText(
  kind: FieldDef['kind'],
  label: string,
  s: string,
  options: readonly string[] | undefined,
  err: (code: string, message: string) => void,
): void {
  switch (kind) {
    case 'amount': {
      const r = parseAmountInput(s);
      if (!r.ok) err('amount', `${label}：${r.message}`);
      break;
    }
    case 'year':
      if (!/^\d{4}$/.test(s) || +s < 2000 || +s > 2099) err('year', `${label}应为四位数字年份，如 2020`);
      break;
    case 'phone':
      if (!isValidPhone(s)) err('phone', `${label}应为11位手机号或带区号的固定电话，如 0736-6621234`);
      break;
    case 'date':
      if (!isValidIsoDate(s)) err('date', `${label}不是有效日期`);
      break;
    case 'choice':
      if (options && !options.includes(s)) err('choice', `${label}应为${options.join('或')}`);
      break;
  }
}

function checkField(def: FieldDef, v: FieldValue | undefined): Message[] {
  const out: Message[] = [];
  const err = (code: string, message: string) => out.push({ field: def.id, severity: 'error', code, message });
  if (def.compute) return out;
  const max = def.maxLength ?? MAX_TEXT_BY_KIND[def.kind];
  const length = textLength(v);
  if (length > max) {
    err('tooLong', tooLong(def.label, length, max));
    return out;
  }
  if (def.required && isEmpty(def, v)) {
    err('required', requiredMessage(def));
    return out;
  }
  const s = str(v).trim();
  if (s !== '') checkText(def.kind, def.label, s, def.options, err);
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
      const maxLen = c.maxLength ?? MAX_TEXT_BY_KIND[c.kind];
      if (v.length > maxLen) {
        err('tooLong', tooLong(label, v.length, maxLen));
        continue;
      }
      const s = v.trim();
      if (s === '') {
        if (c.required && inUse) err('required', requiredMessage({ id: c.id, label, kind: c.kind } as FieldDef));
        continue;
      }
      checkText(c.kind, label, s, c.options, err);
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
      return [{ field: r.total, severity: severityOf(r), code: 'sum', message: `${r.message}（${label(r.total)} ${v(r.total) || 0}）` }];
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
      return check.run({ template: t, form, year, previous }, params.data);
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

export function validateForm(form: FormData, template: TemplateDef, ctx: ValidationContext = {}): Message[] {
  const full = withComputed(form, template);
  const messages: Message[] = [];
  for (const def of template.fields) messages.push(...checkField(def, full.values[def.id]));
  for (const g of template.groups ?? []) messages.push(...checkGroup(g, rowsOf(full.values, g.id)));
  const bad = new Set(messages.filter((m) => m.code === 'amount' && m.row === undefined).map((m) => m.field));
  const year = str(full.values[template.identity.year]).trim();
  for (const r of template.rules) messages.push(...ruleMessages(r, template, full, bad, year, ctx));
  return messages;
}
