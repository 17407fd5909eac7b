/**
 * A store with three years (2023–2025) of one project's declarations and two years of its 自评
 * (xiangmu-zipin) with actuals, plus look-alikes that must not leak in: another project of the
 * same unit and the same project name under another unit. The targets and actuals are written
 * here as literals, so a test can state what last year's values are without the code under test.
 */
import { readFileSync } from 'node:fs';
import type { Store } from '../../electron/core/store';
import type { FormData, GroupRow } from '../../shared/form';
import { blankForm, completeRow, str } from '../../shared/formOps';
import { fromLabelJson } from '../../shared/labelJson';
import type { TemplateDef } from '../../shared/template/schema';
import { BUILTIN_TEMPLATES } from '../../shared/templates';
import { xiangmuZipin } from '../../shared/templates/xiangmu-zipin';

/** The built-ins with the 自评 template (registered as a built-in on another branch tonight). */
export const TEMPLATES: readonly TemplateDef[] = BUILTIN_TEMPLATES.some((t) => t.id === xiangmuZipin.id)
  ? BUILTIN_TEMPLATES
  : [...BUILTIN_TEMPLATES, xiangmuZipin];
const ZHICHU = BUILTIN_TEMPLATES.find((t) => t.id === 'xiangmu-zhichu')!;

const FIXTURE = JSON.parse(readFileSync(new URL('../fixtures/xiangmu-2025-tiyu.json', import.meta.url), 'utf8')) as Record<string, unknown>;
export const UNIT = FIXTURE['实施单位'] as string;
export const PROJECT = FIXTURE['项目名称'] as string;

/** The fixture's rows as [一级, 二级, 三级, 指标值]. */
const BASE = (FIXTURE['绩效指标'] as Record<string, string>[]).map((r) => [r['一级指标'], r['二级指标'], r['三级指标'], r['指标值']]);

export interface YearSpec {
  /** 三级 → 指标值 where it differs from the fixture. */
  targets: Record<string, string>;
  /** 三级 renamed: fixture name → this year's. */
  rename?: Record<string, string>;
  /** 三级 (this year's name) → 实际完成值 in that year's 自评; no 自评 when absent. */
  actuals?: Record<string, string>;
}

export const YEARS: Record<'2023' | '2024', YearSpec> = {
  '2023': {
    targets: { 群众满意度: '≥90%', 开展运动种类: '1种' },
    actuals: { 群众满意度: '91%', 开展运动种类: '1种', 赛事完成率: '95%' },
  },
  '2024': {
    targets: { 群众满意度: '≥92%', 开展运动种类: '2种', 赛事完成率: '≥98%' },
    rename: { 赛事完成率: '全民健身赛事完成率' },
    actuals: { 群众满意度: '96%', 开展运动种类: '2种', 经费支出合规率: '100%', 全民健身赛事完成率: '97%', 带动体育消费: '经济效益良好' },
  },
};

export function declaration(year: string, spec: YearSpec, identity: { unit?: string; project?: string } = {}): FormData {
  const json = {
    ...FIXTURE,
    年度: year,
    实施单位: identity.unit ?? UNIT,
    项目名称: identity.project ?? PROJECT,
    绩效指标: BASE.map(([l1, l2, name, value]) => ({
      一级指标: l1,
      二级指标: l2,
      三级指标: spec.rename?.[name] ?? name,
      指标值: spec.targets[name] ?? value,
    })),
  };
  return fromLabelJson(json, ZHICHU).form;
}

/**
 * The declaration's 自评, its 实际完成值 typed by 三级: identity and rows as new-stage gives them
 * (written out here: the 自评 template's seed is being added on another branch tonight).
 */
export function selfEvaluation(store: Store, declId: number, actuals: Record<string, string>) {
  const decl = store.get(declId);
  const v = decl.data.values;
  const form = blankForm(xiangmuZipin, str(v.year));
  const indicators = (v.indicators as GroupRow[]).map((r) => ({
    ...completeRow(xiangmuZipin.groups![0]),
    level1: r.level1,
    level2: r.level2,
    name: r.name,
    target: r.value,
    actual: actuals[r.name] ?? '',
  }));
  return store.create({
    ...form,
    values: { ...form.values, projectName: v.projectName, unit: v.unit, department: v.department, indicators },
  });
}

/** 2023 and 2024 with their 自评, 2025 made by new year from 2024; the look-alikes. Returns the forms' ids. */
export function fillStore(store: Store) {
  const d2023 = store.create(declaration('2023', YEARS['2023']));
  const s2023 = selfEvaluation(store, d2023.id, YEARS['2023'].actuals!);
  const d2024 = store.create(declaration('2024', YEARS['2024']));
  const s2024 = selfEvaluation(store, d2024.id, YEARS['2024'].actuals!);
  // Look-alikes: another project of the unit, the same project name under another unit — both with 自评.
  const other = store.create(declaration('2024', { targets: { 群众满意度: '≥80%' } }, { project: '青少年体育培训经费' }));
  selfEvaluation(store, other.id, { 群众满意度: '70%' });
  const elsewhere = store.create(declaration('2024', { targets: { 群众满意度: '≥85%' } }, { unit: '六安市裕安区体育局' }));
  selfEvaluation(store, elsewhere.id, { 群众满意度: '60%' });
  const d2025 = store.newYear(d2024.id, '2025').record;
  return { d2023, s2023, d2024, s2024, d2025 };
}
