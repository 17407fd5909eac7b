/**
 * Form roles: how forms of one unit and year are linked without naming template ids. A template
 * states its `role` (the unit's department form, a project form, a later-stage form that `follows`
 * a declaration); a cross-form rule names the roles it compares with. So a new project layout — a
 * built-in or a finance bureau's template file — is covered by the 2019 form's 项目支出 check just
 * by stating `role: 'project'`.
 */
import type { RuleDef, TemplateDef } from './schema';

export type CrossRule = Extract<RuleDef, { type: 'crossEqual' | 'crossSumAtMost' }>;

export const DEPARTMENT_ROLE = 'department';
export const PROJECT_ROLE = 'project';

/**
 * The template's role; a template file written before roles gets one from what it already says:
 * a project form names its 主管部门 (`summary.parent`), a department form names none.
 */
export const roleOf = (t: Pick<TemplateDef, 'role' | 'summary'>): string => t.role ?? (t.summary?.parent ? PROJECT_ROLE : DEPARTMENT_ROLE);

export const isCrossRule = (r: RuleDef): r is CrossRule => r.type === 'crossEqual' || r.type === 'crossSumAtMost';

export const crossRulesOf = (t: TemplateDef): CrossRule[] => t.rules.filter(isCrossRule);

/** Whether `rule` compares with forms of a template with this id and role. */
export const ruleReaches = (rule: CrossRule, other: { id: string; role: string }): boolean =>
  (rule.roles?.includes(other.role) ?? false) || (rule.templates?.includes(other.id) ?? false);

/** Whether `rule` reads `otherField` off forms of `other`: it reaches them and they have that field. */
export const ruleReadsFrom = (rule: CrossRule, other: TemplateDef): boolean =>
  ruleReaches(rule, { id: other.id, role: roleOf(other) }) && other.fields.some((f) => f.id === rule.otherField);

/** The templates (of `all`) whose forms `t`'s cross-form rules compare with, by id. */
export function crossTemplateIds(t: TemplateDef | undefined, all: readonly TemplateDef[]): string[] {
  const rules = t ? crossRulesOf(t) : [];
  if (rules.length === 0) return [];
  return all.filter((o) => rules.some((r) => ruleReadsFrom(r, o))).map((o) => o.id);
}
