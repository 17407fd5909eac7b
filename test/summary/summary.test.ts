import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSummary } from '../../electron/core/summary';
import type { Summary, SummarySection } from '../../shared/contract';
import { hasErrors, validateForm } from '../../shared/validation';
import { countyStore, expectedTotals, MONEY, wan, yuan, YEAR, type County } from './countyStore';

let county: County;
let all: Summary;

beforeAll(async () => {
  county = countyStore();
  all = await runSummary(county.store, { year: YEAR }, { appVersion: 'test' });
});
afterAll(() => county.cleanup());

const section = (s: Summary, id: string): SummarySection => {
  const found = s.sections.find((x) => x.templateId === id);
  if (!found) throw new Error(`no section ${id}`);
  return found;
};
const formsOf = (sec: SummarySection) => sec.parents.flatMap((p) => p.units.flatMap((u) => u.forms));
const parentOf = (sec: SummarySection, formId: number) =>
  sec.parents.find((p) => p.units.some((u) => u.forms.some((f) => f.id === formId)));

describe('the 汇总 of a year', () => {
  it('adds up every money column exactly: grand, 主管部门 and unit totals equal an independent bigint sum of the raw values', () => {
    for (const templateId of Object.keys(MONEY)) {
      const sec = section(all, templateId);
      expect(sec.moneyColumns.map((c) => c.field)).toEqual(MONEY[templateId]);
      expect(sec.totals).toEqual(expectedTotals(county.forms, templateId));
      for (const p of sec.parents) {
        const inParent = county.forms.filter((f) => p.units.some((u) => u.forms.some((x) => x.id === f.id)));
        expect(p.totals).toEqual(expectedTotals(inParent, templateId));
        for (const u of p.units) {
          const inUnit = county.forms.filter((f) => u.forms.some((x) => x.id === f.id));
          expect(u.totals).toEqual(expectedTotals(inUnit, templateId));
          for (const f of u.forms) {
            const raw = county.forms.find((x) => x.id === f.id)!;
            if (!raw.damaged) expect(f.money.map(yuan)).toEqual(MONEY[templateId].map((m) => yuan(raw.data.values[m])));
          }
        }
      }
    }
    // The amounts carry four decimals (元), so the sums are only right if exact.
    expect(section(all, 'xiangmu-zhichu').totals[0]).toMatch(/\.\d{3,4}$/);
  });

  it('counts every form once, with its indicators, and the counts add up at each level', () => {
    expect(all.counts.forms).toBe(county.forms.length);
    for (const sec of all.sections) {
      const forms = formsOf(sec);
      expect(sec.counts.forms).toBe(forms.length);
      expect(sec.counts.indicators).toBe(forms.reduce((n, f) => n + f.indicators, 0));
      expect(sec.counts.error + sec.counts.warning + sec.counts.complete + sec.counts.unreadable).toBe(forms.length);
      for (const p of sec.parents) expect(p.counts.forms).toBe(p.units.reduce((n, u) => n + u.forms.length, 0));
    }
    const fixture = formsOf(section(all, 'xiangmu-zhichu')).find((f) => f.id === county.ids.fixture)!;
    // The fixture's grid: eleven rows, each with a 三级指标 and a 指标值.
    expect(fixture.indicators).toBe(11);
    const indicatorRows = (id: number) => {
      const raw = county.forms.find((f) => f.id === id)!.data.values.indicators;
      return Array.isArray(raw) ? raw.filter((r) => (r.name ?? '').trim() || (r.value ?? '').trim()).length : 0;
    };
    for (const f of formsOf(section(all, 'xiangmu-zhichu'))) if (f.check !== 'unreadable') expect(f.indicators).toBe(indicatorRows(f.id));
  });

  it('groups forms by the 主管部门 code they name, the unit’s other forms, a code prefix, or else by the unit itself', () => {
    const project = section(all, 'xiangmu-zhichu');
    const sports = parentOf(project, county.ids.fixture)!;
    expect(sports).toMatchObject({ key: 'code:042', code: '042', name: '六安市金安区体育局' });
    expect(sports.units.map((u) => u.name)).toEqual(['六安市金安区体育局']);
    expect(project.parents.map((p) => p.key)).toEqual(['code:042', 'code:101', 'code:102']);

    // A unit that writes its own code is one unit with the forms that do not.
    const edu = project.parents.find((p) => p.key === 'code:101')!;
    const school = edu.units.find((u) => u.name === '六安市金安区教育局第一中学')!;
    expect(school.code).toBe('101002');
    expect(school.forms.some((f) => f.id === county.ids.halfFilled)).toBe(true);

    // 部门整体 forms name no 主管部门: their units' projects do, or their code does.
    const dept = section(all, 'bumen-zhengti-2019');
    expect(dept.parents.map((p) => p.key)).toEqual(['code:101', 'code:102', 'name:湖南省桃源县看守所']);
    expect(dept.parents[0].units.map((u) => u.name)).toContain('六安市金安区教育局培训中心');
    expect(dept.parents[0].units.find((u) => u.name === '六安市金安区教育局培训中心')?.code).toBe('101009');
    expect(dept.parents[2]).toMatchObject({ code: '', name: '湖南省桃源县看守所' });

    // A project naming its department without the code is filed under the coded department.
    const health = project.parents.find((p) => p.key === 'code:102')!;
    expect(health.name).toBe('六安市金安区卫生健康委员会');
    expect(health.units.flatMap((u) => u.forms).length).toBe(
      county.forms.filter((f) => f.data.templateId === 'xiangmu-zhichu' && /卫生健康|疾病预防/.test(String(f.data.values.unit))).length,
    );
  });

  it('lists a damaged form as 无法读取 and a half-filled one with its errors, without breaking the totals', () => {
    const forms = all.sections.flatMap(formsOf);
    const damaged = forms.find((f) => f.id === county.ids.damaged)!;
    expect(damaged.check).toBe('unreadable');
    expect(damaged.problems.join()).toMatch(/损坏/);
    expect(damaged.money.every((m) => m === '')).toBe(true);
    const half = forms.find((f) => f.id === county.ids.halfFilled)!;
    expect(half.check).toBe('error');
    expect(half.errors).toBeGreaterThan(0);
    expect(half.problems.join('；')).toMatch(/请填写年度目标|至少要填写一条三级指标/);
    expect(half.money[0]).toBe('12.5');
    expect(all.counts.unreadable).toBe(1);
  });

  it('gives each form the status its checks give it in the editor, cross-form rules included', () => {
    for (const sec of all.sections)
      for (const f of formsOf(sec)) {
        if (f.check === 'unreadable') continue;
        const record = county.store.get(f.id);
        const messages = validateForm(record.data, county.store.templates.get(record.templateId, record.templateVersion), {
          related: county.store.related(f.id),
        });
        const errors = messages.filter((m) => m.severity === 'error').length;
        expect({ id: f.id, errors: f.errors, warnings: f.warnings }).toEqual({ id: f.id, errors, warnings: messages.length - errors });
        expect(f.check).toBe(hasErrors(messages) ? 'error' : messages.length ? 'warning' : 'complete');
      }
    // The first unit's 项目支出 covers half its projects, so the cross-form rule really ran.
    const head = county.forms.find((f) => f.data.templateId === 'bumen-zhengti-2019' && f.data.values.department === '六安市金安区教育局')!;
    const headForm = formsOf(section(all, 'bumen-zhengti-2019')).find((f) => f.id === head.id)!;
    expect(headForm.check).toBe('warning');
    expect(headForm.problems.join()).toMatch(/本单位各项目的年度资金总额之和不应超过项目支出/);
  });

  it('filters by template, 主管部门 (key, code or name) and check status, with totals of what is shown', async () => {
    const onlyProjects = await runSummary(county.store, { year: YEAR, templateId: 'xiangmu-zhichu' }, { appVersion: 'test' });
    expect(onlyProjects.sections.map((s) => s.templateId)).toEqual(['xiangmu-zhichu']);
    expect(onlyProjects.sections[0]).toEqual(section(all, 'xiangmu-zhichu'));

    for (const parent of ['code:101', '101', '六安市金安区教育局']) {
      const edu = await runSummary(county.store, { year: YEAR, parent }, { appVersion: 'test' });
      expect(edu.counts.forms).toBe(
        all.sections.reduce((n, sec) => n + (sec.parents.find((p) => p.key === 'code:101')?.counts.forms ?? 0), 0),
      );
      for (const sec of edu.sections.filter((x) => x.counts.forms > 0)) {
        expect(sec.parents.map((p) => p.key)).toEqual(['code:101']);
        expect(sec.totals).toEqual(sec.parents[0].totals);
        expect(sec.parents[0]).toEqual(section(all, sec.templateId).parents.find((p) => p.key === 'code:101'));
      }
      expect(edu.filter).toEqual({ parent });
    }

    const errors = await runSummary(county.store, { year: YEAR, status: 'error' }, { appVersion: 'test' });
    const shown = errors.sections.flatMap(formsOf);
    expect(shown.length).toBe(all.counts.error);
    expect(shown.every((f) => f.check === 'error')).toBe(true);
    for (const sec of errors.sections) {
      const ids = new Set(formsOf(sec).map((f) => f.id));
      expect(sec.totals).toEqual(
        expectedTotals(
          county.forms.filter((f) => ids.has(f.id)),
          sec.templateId,
        ),
      );
    }
    expect((await runSummary(county.store, { year: '2030' })).sections).toEqual([]);
  });

  it('keeps what it worked out per form revision, and reads a form again once it is saved', async () => {
    const db = new Database(county.file, { readonly: true });
    const kept = (db.prepare('SELECT count(*) AS n FROM summary_facts').get() as { n: number }).n;
    db.close();
    // Every readable form of the year, each checked once (the damaged one is kept as damaged too).
    expect(kept).toBe(county.forms.length);

    const fixture = county.store.get(county.ids.fixture);
    county.store.save(fixture.id, { ...fixture.data, values: { ...fixture.data.values, total: '1000.0001', other: '0.0001' } });
    const again = await runSummary(county.store, { year: YEAR, templateId: 'xiangmu-zhichu' }, { appVersion: 'test' });
    const before = section(all, 'xiangmu-zhichu');
    expect(yuan(again.sections[0].totals[0]) - yuan(before.totals[0])).toBe(1n);
    expect(again.sections[0].totals[2]).toBe(wan(yuan(before.totals[2]) + 1n));
    const f = formsOf(again.sections[0]).find((x) => x.id === fixture.id)!;
    expect(f.money).toEqual(['1000.0001', '1000', '0.0001']);
    county.store.save(fixture.id, fixture.data);
  });

  it('uses kept facts only when they were made by the same checker, and reads a form again when they do not decode', async () => {
    const tamper = (facts: string) => {
      const db = new Database(county.file);
      db.prepare('UPDATE summary_facts SET facts = ? WHERE form_id = ?').run(facts, county.ids.fixture);
      db.close();
    };
    const fixtureMoney = async (appVersion: string) =>
      formsOf(section(await runSummary(county.store, { year: YEAR, templateId: 'xiangmu-zhichu' }, { appVersion }), 'xiangmu-zhichu')).find(
        (f) => f.id === county.ids.fixture,
      )!.money;
    await runSummary(county.store, { year: YEAR }, { appVersion: 'test' });
    const db = new Database(county.file, { readonly: true });
    const kept = JSON.parse(
      (db.prepare('SELECT facts FROM summary_facts WHERE form_id = ?').get(county.ids.fixture) as { facts: string }).facts,
    );
    db.close();
    // Kept facts are what a 汇总 reads: made to say otherwise, it says otherwise…
    tamper(JSON.stringify({ ...kept, money: ['1', '1', '0'] }));
    expect(await fixtureMoney('test')).toEqual(['1', '1', '0']);
    // …but not for another app version's checks, nor when they do not read as facts.
    expect(await fixtureMoney('another-version')).toEqual(['1000', '1000', '0']);
    expect(await fixtureMoney('test')).toEqual(['1000', '1000', '0']);
    for (const garbage of ['{"money": "not a list"', JSON.stringify({ ...kept, money: 'x' }), JSON.stringify({ ...kept, errors: -1 })]) {
      tamper(garbage);
      expect(await fixtureMoney('test')).toEqual(['1000', '1000', '0']);
    }
  });

  it('lists a form whose template the store does not know as unreadable, in a section of its own', async () => {
    const db = new Database(county.file);
    db.prepare("UPDATE forms SET template_id = 'gone-template' WHERE id = ?").run(county.ids.seed);
    db.close();
    try {
      const s = await runSummary(county.store, { year: YEAR }, { appVersion: 'test' });
      const gone = section(s, 'gone-template');
      expect(gone.templateTitle).toBe('未知表样「gone-template」');
      expect(gone.moneyColumns).toEqual([]);
      expect(formsOf(gone)).toMatchObject([{ id: county.ids.seed, check: 'unreadable' }]);
      expect(formsOf(gone)[0].problems[0]).toMatch(/表样管理/);
    } finally {
      const fix = new Database(county.file);
      fix.prepare("UPDATE forms SET template_id = 'bumen-zhengti-2019' WHERE id = ?").run(county.ids.seed);
      fix.close();
    }
  });
});
