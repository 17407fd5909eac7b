/**
 * Form roles: cross-form rules name the role of the forms they compare with, not template ids. A
 * project layout that exists only in this test states `role: 'project'` and is covered by the 2019
 * department form's 项目支出 check (本单位各项目的年度资金总额之和不应超过项目支出) — in the editor's
 * check (store.related + validateForm) and in the 汇总 — without the 2019 template being touched.
 * Template files written before roles still load and keep their meaning.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runSummary } from '../../electron/core/summary';
import type { Store } from '../../electron/core/store';
import { blankForm } from '../../shared/formOps';
import { roleOf } from '../../shared/template/roles';
import { checkTemplate } from '../../shared/template/check';
import { templateFromFile, templateToFile } from '../../shared/template/file';
import { templateDefSchema, type TemplateDef } from '../../shared/template/schema';
import { bumenZhengti2019 } from '../../shared/templates/bumen-zhengti-2019';
import { validateForm } from '../../shared/validation';
import { MADE_UP_TEMPLATE } from '../helpers/madeUpTemplate';
import { seedForm } from '../helpers/seed';
import { storeIn, tempDir } from '../store/tempStore';

/** A new project layout: its unit is 实施单位 (`owner`), its 年度资金总额 `total` the sum of its rows. */
const NEW_PROJECT: TemplateDef = {
  ...MADE_UP_TEMPLATE,
  id: 'test-new-project',
  title: '新版项目支出绩效目标表（测试）',
  role: 'project',
};

const T2019_BEFORE = JSON.stringify(bumenZhengti2019);

let tmp: ReturnType<typeof tempDir>;
let store: Store;
beforeEach(() => {
  tmp = tempDir('shenbao-roles-');
  store = storeIn(tmp.dir);
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

/** The seed 2019 form (项目支出 49 万元) and a form of the new layout of the same unit and year with `amount` in its rows. */
function unitWithProject(amount: string, template: TemplateDef = NEW_PROJECT) {
  const dept = store.create(seedForm());
  const unit = String(dept.data.values.department);
  const project = blankForm(template, String(dept.data.values.year));
  project.values.owner = unit;
  project.values.fundName = '新版表样的项目';
  project.values.items = [{ category: '设备', sub: '采购', item: '教学设备', amount, when: '年内' }];
  const proj = store.create(project);
  return { dept, proj };
}

const projectSumMessages = (id: number) =>
  validateForm(store.get(id).data, bumenZhengti2019, { related: store.related(id) }).filter((m) => m.code === 'crossSum');

describe('a project layout defined only here, by its role', () => {
  it('is a valid, sound template', () => {
    expect(templateDefSchema.safeParse(NEW_PROJECT).success).toBe(true);
    expect(checkTemplate(NEW_PROJECT)).toEqual([]);
  });

  it('is covered by the 2019 form’s 项目支出 check in the editor’s validation', () => {
    store.importTemplate(NEW_PROJECT);
    const { dept, proj } = unitWithProject('60');
    expect(store.related(dept.id).map((r) => [r.id, r.templateRole])).toEqual([[proj.id, 'project']]);
    const messages = projectSumMessages(dept.id);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ field: 'projectExpenditure', severity: 'warning' });
    expect(messages[0].message).toMatch(
      /本单位各项目的年度资金总额之和不应超过项目支出：本单位 1 份新版项目支出绩效目标表（测试）合计 60 万元，超过本表项目支出 49 万元/,
    );
    // Within the limit: nothing to say.
    store.save(proj.id, { ...proj.data, values: { ...proj.data.values, items: [{ item: '教学设备', amount: '49' }] } });
    expect(projectSumMessages(dept.id)).toEqual([]);
    expect(JSON.stringify(bumenZhengti2019)).toBe(T2019_BEFORE);
  });

  it('is covered in the 汇总 too', async () => {
    store.importTemplate(NEW_PROJECT);
    const { dept } = unitWithProject('60');
    const summary = await runSummary(store, { year: String(dept.data.values.year) }, { appVersion: 'test' });
    const form = summary.sections
      .find((s) => s.templateId === bumenZhengti2019.id)!
      .parents.flatMap((p) => p.units.flatMap((u) => u.forms))
      .find((f) => f.id === dept.id)!;
    expect(form.problems.join()).toMatch(/本单位各项目的年度资金总额之和不应超过项目支出.*新版项目支出绩效目标表（测试）合计 60 万元/);
  });

  it('in another role it is not compared with: the rule reaches roles, not whatever is stored', () => {
    const other = { ...NEW_PROJECT, role: 'fundAllocation' };
    store.importTemplate(other);
    const { dept } = unitWithProject('60', other);
    expect(store.related(dept.id).filter((r) => r.relation === 'sameUnit')).toEqual([]);
    expect(projectSumMessages(dept.id)).toEqual([]);
  });
});

describe('templates written before roles', () => {
  it('get their role from what they declare: a template naming a 主管部门 is a project form, else a department form', () => {
    const { role: _ignored, ...noRole } = NEW_PROJECT;
    expect(roleOf(noRole)).toBe('department');
    expect(roleOf({ ...noRole, summary: { money: ['total'], parent: 'owner' } })).toBe('project');
    expect(roleOf(NEW_PROJECT)).toBe('project');
  });

  it('load from a template file, cross rules naming template ids included, and keep their meaning', () => {
    // A department layout as a bureau wrote it before roles: no role, its project check by template id.
    const legacy = JSON.parse(templateToFile({ ...bumenZhengti2019, id: 'test-old-dept', title: '旧表样（测试）' })) as {
      template: Record<string, unknown> & { rules: Record<string, unknown>[] };
    };
    delete legacy.template.role;
    for (const r of legacy.template.rules)
      if (r.type === 'crossSumAtMost') {
        delete r.roles;
        r.templates = [NEW_PROJECT.id];
      }
    const old = templateFromFile(JSON.stringify(legacy));
    expect(old.role).toBeUndefined();
    expect(roleOf(old)).toBe('department');
    store.importTemplate(NEW_PROJECT);
    store.importTemplate(old);
    const { proj } = unitWithProject('60');
    const dept = store.create({ ...seedForm(), templateId: old.id });
    const messages = validateForm(store.get(dept.id).data, old, { related: store.related(dept.id) }).filter((m) => m.code === 'crossSum');
    expect(messages.map((m) => m.message)).toEqual([expect.stringContaining('合计 60 万元，超过本表项目支出 49 万元')]);
    expect(store.related(dept.id).some((r) => r.id === proj.id)).toBe(true);
  });

  it('a cross rule must name roles (or, in an old file, templates)', () => {
    const rule = bumenZhengti2019.rules.find((r) => r.type === 'crossSumAtMost')!;
    const { roles: _r, ...bare } = rule as typeof rule & { roles?: string[] };
    const parsed = templateDefSchema.safeParse({ ...bumenZhengti2019, rules: [bare] });
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain('跨表检查要写明与哪些角色的表比较');
  });
});
