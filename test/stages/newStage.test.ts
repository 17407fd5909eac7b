/**
 * new-stage on a real SQLite store: a 调整 and 监控 made from a project declaration, the link
 * between them by identity, the refusals, and the later forms through what any form goes
 * through — new year, 年度对比, trash, history, label JSON, Word export and import, the CLI.
 */
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportDocx } from '../../electron/core/export';
import type { Store } from '../../electron/core/store';
import { diffForms } from '../../shared/compare/formDiff';
import { UserError } from '../../shared/errors';
import type { FormData, GroupRow } from '../../shared/form';
import { withComputed } from '../../shared/formOps';
import { fromLabelJson, toLabelJson } from '../../shared/labelJson';
import type { TemplateDef } from '../../shared/template/schema';
import { BUILTIN_TEMPLATES } from '../../shared/templates';
import { lastLine, runCliCapture } from '../helpers/cli';
import { readDocx } from '../helpers/read';
import { storeIn, tempDir } from '../store/tempStore';

const T = (id: string): TemplateDef => BUILTIN_TEMPLATES.find((t) => t.id === id)!;
const tiyuJson = JSON.parse(readFileSync(new URL('../fixtures/xiangmu-2025-tiyu.json', import.meta.url), 'utf8')) as Record<
  string,
  unknown
>;
const tiyu = (): FormData => fromLabelJson(tiyuJson, T('xiangmu-zhichu')).form;
const jsonRows = () =>
  (tiyuJson['绩效指标'] as Record<string, string>[]).map((r) => [r['一级指标'], r['二级指标'], r['三级指标'], r['指标值']]);
const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return e instanceof UserError ? e.code : 'not-a-user-error';
  }
  return undefined;
};

let tmp: ReturnType<typeof tempDir>;
let store: Store;
beforeEach(() => {
  tmp = tempDir();
  store = storeIn(tmp.dir, { autoBackup: false });
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

describe('new-stage', () => {
  it('makes a 监控表 pre-filled from the declaration, linked to it by identity', () => {
    const decl = store.create(tiyu());
    const mon = store.newStage(decl.id, 'xiangmu-jiankong', { month: '6' });
    expect(mon.templateId).toBe('xiangmu-jiankong');
    expect([mon.year, mon.title, mon.unit]).toEqual([tiyuJson['年度'], tiyuJson['项目名称'], tiyuJson['实施单位']]);
    const v = mon.data.values;
    expect([v.month, v.department, v.totalBudget, v.fiscalBudget, v.otherBudget, v.goal]).toEqual([
      '6',
      tiyuJson['主管部门及代码'],
      String(Number(tiyuJson['年度资金总额'])),
      String(Number(tiyuJson['财政拨款'])),
      String(Number(tiyuJson['其他资金'])),
      tiyuJson['年度目标'],
    ]);
    expect((v.indicators as GroupRow[]).map((r) => [r.level1, r.level2, r.name, r.target])).toEqual(jsonRows());
    expect(store.revisions(mon.id)[0].note).toBe(`由项目支出绩效目标表（编号 ${decl.id}）生成`);

    // From either form: the declaration, its stages, and what can be made from it.
    for (const id of [decl.id, mon.id]) {
      const s = store.stagesOf(id);
      expect(s.declaration?.id).toBe(decl.id);
      expect(s.stages.map((x) => x.id)).toEqual([mon.id]);
      expect(s.offered.map((o) => [o.templateId, o.needsMonth])).toEqual([
        ['xiangmu-tiaozheng', false],
        ['xiangmu-jiankong', true],
        ['xiangmu-zipin', false],
      ]);
    }
    // The stages sit right under their declaration in the list (same year, unit and title).
    store.create({ ...tiyu(), values: { ...tiyu().values, projectName: '另一个项目' } });
    const listed = store.list({ year: '2025' }).map((f) => f.id);
    expect(listed.indexOf(mon.id)).toBe(listed.indexOf(decl.id) + 1);
  });

  it('takes the targets from the latest 调整: 调整后指标值, unchanged rows, 删除 left out', () => {
    const decl = store.create(tiyu());
    const adj = store.newStage(decl.id, 'xiangmu-tiaozheng');
    const rows = structuredClone(adj.data.values.indicators as GroupRow[]);
    expect(rows.map((r) => [r.level1, r.level2, r.name, r.value])).toEqual(jsonRows());
    rows[0] = { ...rows[0], status: '修改', adjusted: '2种' };
    rows[2] = { ...rows[2], status: '删除' };
    store.save(adj.id, { ...adj.data, values: { ...adj.data.values, indicators: rows } });
    const mon = store.newStage(adj.id, 'xiangmu-jiankong', { month: '10' }); // from the 调整 itself: its declaration is found
    const expected = jsonRows();
    expected[0][3] = '2种';
    expected.splice(2, 1);
    expect((mon.data.values.indicators as GroupRow[]).map((r) => [r.level1, r.level2, r.name, r.target])).toEqual(expected);
  });

  it('refuses what cannot be made, with its code', () => {
    const decl = store.create(tiyu());
    expect(codeOf(() => store.newStage(decl.id, 'xiangmu-jiankong'))).toBe('stage.month');
    expect(codeOf(() => store.newStage(decl.id, 'xiangmu-jiankong', { month: '13' }))).toBe('stage.month');
    expect(codeOf(() => store.newStage(decl.id, 'bumen-jiankong', { month: '6' }))).toBe('stage.noDeclaration');
    expect(codeOf(() => store.newStage(decl.id, 'xiangmu-zhichu'))).toBe('stage.notFollowing');
    expect(codeOf(() => store.newStage(decl.id, 'no-such'))).toBe('unknown-template');
    store.newStage(decl.id, 'xiangmu-jiankong', { month: '6月' });
    expect(codeOf(() => store.newStage(decl.id, 'xiangmu-jiankong', { month: '6' }))).toBe('duplicate');
    expect(store.newStage(decl.id, 'xiangmu-jiankong', { month: '10' }).data.values.month).toBe('10');
  });

  it('works for any template that follows a role: a made-up one imported into the store', () => {
    const made: TemplateDef = {
      ...T('xiangmu-tiaozheng'),
      id: 'made-up-review',
      title: '项目中期复核表',
      role: 'projectReview',
      groups: T('xiangmu-tiaozheng').groups!.map((g) => ({ ...g, current: undefined })),
    };
    store.importTemplate(made);
    const decl = store.create(tiyu());
    expect(store.stagesOf(decl.id).offered.map((o) => o.templateId)).toContain('made-up-review');
    const r = store.newStage(decl.id, 'made-up-review');
    expect(r.templateId).toBe('made-up-review');
    expect(r.data.values.fiscal).toBe(String(Number(tiyuJson['财政拨款'])));
    expect((r.data.values.indicators as GroupRow[]).length).toBe(jsonRows().length);
  });
});

describe('every built-in declaration gives its stages', () => {
  it.each([
    ['seed-2019-taoyuan.json', 'bumen-zhengti-2019', 'bumen-jiankong'],
    ['bumen-2015-example.json', 'bumen-zhengti-2015', 'bumen-jiankong'],
    ['bumen-hunan-2023-example.json', 'bumen-zhengti-hunan-2023', 'bumen-jiankong'],
    ['xiangmu-2015-example.json', 'xiangmu-zhichu-2015', 'xiangmu-jiankong'],
    ['xiangmu-2015-example.json', 'xiangmu-zhichu-2015', 'xiangmu-tiaozheng'],
  ])('%s → %s', (file, declId, stageId) => {
    const json = JSON.parse(readFileSync(new URL(`../fixtures/${file}`, import.meta.url), 'utf8')) as Record<string, unknown>;
    const decl = store.create(fromLabelJson(json, T(declId)).form);
    const stage = store.newStage(decl.id, stageId, { month: '6' });
    // Same year, unit and title: the link; the goal as declared; every declared indicator with a 三级 or value.
    expect([stage.year, stage.unit, stage.title]).toEqual([decl.year, decl.unit, decl.title]);
    const goal = T(declId).summary?.goal;
    expect(stage.data.values.goal).toBe(goal ? decl.data.values[goal] : '');
    expect((stage.data.values.indicators as GroupRow[]).length).toBeGreaterThan(3);
    expect(store.stagesOf(decl.id).stages.map((s) => s.id)).toEqual([stage.id]);
  });
});

describe('a stage is a form like any other', () => {
  it('new year, 年度对比, trash, history and label JSON', () => {
    const decl = store.create(tiyu());
    const mon = store.newStage(decl.id, 'xiangmu-jiankong', { month: '6' });
    const t = T('xiangmu-jiankong');
    const edited = structuredClone(mon.data);
    (edited.values.indicators as GroupRow[])[0].causes = '经费保障、其他';
    edited.values.fiscalSpent = '400';
    const saved = store.save(mon.id, edited, { baseRevision: mon.revision });
    expect(store.revisions(mon.id)).toHaveLength(2);

    const { record: next } = store.newYear(mon.id, '2026');
    expect(next.data.values.projectName).toBe(tiyuJson['项目名称']);
    expect((next.data.values.indicators as GroupRow[]).map((r) => r.name)).toEqual(jsonRows().map((r) => r[2]));
    const diff = diffForms(t, saved.data, next.data);
    expect(JSON.stringify(diff)).toMatch(/fiscalSpent|本年一般公共预算拨款/);

    store.delete(mon.id);
    expect(store.stagesOf(decl.id).stages).toEqual([]);
    store.restoreFromTrash(mon.id);
    expect(store.stagesOf(decl.id).stages.map((s) => s.id)).toEqual([mon.id]);

    const json = toLabelJson(saved.data, t);
    expect(json['偏差原因分析']).toBeUndefined();
    expect((json['绩效指标'] as Record<string, string>[])[0]['偏差原因分析']).toBe('经费保障、其他');
    expect(withComputed(fromLabelJson(JSON.parse(JSON.stringify(json)), t).form, t)).toEqual(withComputed(saved.data, t));
  });

  it('exports to Word and imports back exactly, and from the printed table alone', async () => {
    const decl = store.create(tiyu());
    const mon = store.newStage(decl.id, 'xiangmu-jiankong', { month: '6' });
    const data = structuredClone(mon.data);
    const rows = data.values.indicators as GroupRow[];
    rows[0] = { ...rows[0], progress: '1种', causes: '制度保障、其他', causeNote: '赛事延期', likelihood: '有可能' };
    rows[1] = { ...rows[1], likelihood: '确定能' };
    data.values.fiscalSpent = '412.5';
    data.values.fiscalRate = '42.53%';
    const f = withComputed(data, T('xiangmu-jiankong'));
    const { bytes } = await exportDocx(f, T('xiangmu-jiankong'), { appVersion: 't' });
    const exact = await readDocx(bytes);
    expect(exact.source).toBe('embedded');
    expect(exact.notes).toEqual([]);
    expect(exact.data).toEqual(f);
    const zip = await JSZip.loadAsync(bytes);
    zip.remove('docProps/custom.xml');
    const table = await readDocx(await zip.generateAsync({ type: 'uint8array' }));
    expect(table.source).toBe('table');
    expect(table.data).toEqual(f);
  });

  it('cli new-stage', async () => {
    const db = join(tmp.dir, 'cli.db');
    const json = join(tmp.dir, 'tiyu.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(json, JSON.stringify(tiyuJson));
    const imp = await runCliCapture(['--db', db, 'import-json', json]);
    expect(imp.code).toBe(0);
    const id = lastLine(imp.stdout);
    const none = await runCliCapture(['--db', db, 'new-stage', id]);
    expect(none.code).not.toBe(0);
    expect(none.stderr).toMatch(/请用 --template 给出要生成的表样：xiangmu-tiaozheng（项目支出绩效目标调整表）、xiangmu-jiankong/);
    const noMonth = await runCliCapture(['--db', db, 'new-stage', id, '--template', 'xiangmu-jiankong']);
    expect(noMonth.stderr).toMatch(/要给出监控月份/);
    const ok = await runCliCapture(['--db', db, 'new-stage', id, '--template', 'xiangmu-jiankong', '--month', '6']);
    expect(ok.code).toBe(0);
    const shown = await runCliCapture(['--db', db, 'show', lastLine(ok.stdout), '--json']);
    const got = JSON.parse(shown.stdout) as Record<string, unknown>;
    expect(got['表']).toBe('项目支出绩效目标执行监控表');
    expect(got['监控月份']).toBe('6');
    expect((got['绩效指标'] as Record<string, string>[]).map((r) => r['年度指标值'])).toEqual(jsonRows().map((r) => r[3]));
  });
});
