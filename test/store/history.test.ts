/**
 * History columns filled from the store (issue 25, point 2): a project form whose grid has 前年 |
 * 上年 columns gets, on new year, what this unit declared for the same indicator in those years —
 * matched by 一级/二级/三级, then by the most similar 三级 — each value's source said; the
 * command line's `history` fills them again after an earlier form changed. Real SQLite files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FormData, GroupRow } from '../../shared/form';
import { withComputed } from '../../shared/formOps';
import { fillHistory, similarity } from '../../shared/history';
import { fromLabelJson } from '../../shared/labelJson';
import { checkTemplate } from '../../shared/template/check';
import type { TemplateDef } from '../../shared/template/schema';
import { xiangmuZhichu } from '../../shared/templates/xiangmu-zhichu';
import { lastLine, runCliCapture } from '../helpers/cli';
import { storeIn, tempDir } from './tempStore';

const g = xiangmuZhichu.groups![0];
/** The county project form with 前年 | 上年 columns after 指标值 (a test-only template, as a bureau's file would add them). */
const T: TemplateDef = {
  ...xiangmuZhichu,
  id: 'test-history',
  title: '项目支出绩效目标表（含近两年指标值）',
  groups: [
    {
      ...g,
      columns: [
        ...g.columns,
        { id: 'yearBefore', label: '前年指标值', printed: '前年', kind: 'text', history: { yearsBack: 2 } },
        { id: 'lastYear', label: '上年指标值', printed: '上年', kind: 'text', history: { yearsBack: 1 } },
      ],
      cells: [...g.cells, { column: 'yearBefore', col: 5 }, { column: 'lastYear', col: 6 }],
    },
  ],
  table: {
    ...xiangmuZhichu.table,
    columnsTwips: [...xiangmuZhichu.table.columnsTwips.slice(0, 4), 1300, 800, 800],
    cells: [
      ...xiangmuZhichu.table.cells.map((c) => (c.col + (c.colSpan ?? 1) === 5 && c.row < 7 ? { ...c, colSpan: (c.colSpan ?? 1) + 2 } : c)),
      { row: 7, col: 5, content: { type: 'label', of: { group: 'indicators', column: 'yearBefore' } } },
      { row: 7, col: 6, content: { type: 'label', of: { group: 'indicators', column: 'lastYear' } } },
    ],
  },
};

const FIXTURE = fileURLToPath(new URL('../fixtures/xiangmu-2025-tiyu.json', import.meta.url));
const rowsOf = (f: FormData) => f.values.indicators as GroupRow[];

/** The shared project fixture as the given year's form, its 指标值 patched by 三级. */
function formOf(t: TemplateDef, year: string, patch: Record<string, string> = {}, rename: Record<string, string> = {}): FormData {
  const json = JSON.parse(readFileSync(FIXTURE, 'utf8'));
  json['年度'] = year;
  json['绩效指标'] = (json['绩效指标'] as Record<string, string>[]).map((r) => ({
    ...r,
    三级指标: rename[r['三级指标']] ?? r['三级指标'],
    指标值: patch[r['三级指标']] ?? r['指标值'],
  }));
  delete json['表'];
  return withComputed(fromLabelJson(json, t).form, t);
}

describe('history columns', () => {
  it('the test template is sound, and similarity is 1 for the same text and low for another indicator', () => {
    expect(checkTemplate(T)).toEqual([]);
    expect(similarity('赛事完成率', '赛事完成率')).toBe(1);
    expect(similarity('全民健身赛事完成率', '赛事完成率')).toBeGreaterThanOrEqual(0.6);
    expect(similarity('群众满意度', '项目总成本')).toBe(0);
  });

  it('fills 上年 and 前年 from the earlier forms by name, then by similarity, and leaves a new indicator blank', () => {
    const now = formOf(T, '2025');
    const last = formOf(xiangmuZhichu, '2024', { 群众满意度: '≥92%' }, { 赛事完成率: '全民健身赛事完成率' });
    const before = formOf(xiangmuZhichu, '2023', { 群众满意度: '≥90%' });
    rowsOf(now).push({ level1: '产出指标', level2: '数量指标', name: '新增健身步道长度', value: '≥2公里', yearBefore: '', lastYear: '' });
    const { form, sources } = fillHistory(now, T, [
      { year: '2024', title: '全民健身赛事活动经费', form: last, template: xiangmuZhichu },
      { year: '2023', title: '全民健身赛事活动经费', form: before, template: xiangmuZhichu },
    ]);
    const byName = Object.fromEntries(rowsOf(form).map((r) => [r.name, [r.yearBefore, r.lastYear]]));
    expect(byName['群众满意度']).toEqual(['≥90%', '≥92%']);
    expect(byName['赛事完成率']).toEqual(['100%', '100%']);
    expect(byName['新增健身步道长度']).toEqual(['', '']);
    const similar = sources.find((s) => s.name === '赛事完成率' && s.year === '2024')!;
    expect(similar).toMatchObject({ matched: 'similar', earlierName: '全民健身赛事完成率', from: '全民健身赛事活动经费' });
  });
});

describe('history columns from the store', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir('shenbao-history-')));
  afterEach(() => tmp.cleanup());

  it('new year fills them from this unit’s earlier forms and says where from; history fills them again', async () => {
    const store = storeIn(tmp.dir);
    let id: number;
    try {
      store.importTemplate(T);
      store.create(formOf(xiangmuZhichu, '2023', { 群众满意度: '≥90%' }));
      // Another unit's form of the same project name is not this unit's history.
      store.create({
        ...formOf(xiangmuZhichu, '2024', { 群众满意度: '≥99%' }),
        values: { ...formOf(xiangmuZhichu, '2024').values, unit: '别的单位' },
      });
      const last = store.create({ ...formOf(T, '2024', { 群众满意度: '≥92%' }) });
      const next = store.newYear(last.id, '2025');
      id = next.record.id;
      const row = rowsOf(next.record.data).find((r) => r.name === '群众满意度')!;
      expect([row.yearBefore, row.lastYear]).toEqual(['≥90%', '≥92%']);
      expect(next.history).toContain('第11行「群众满意度」的上年指标值：≥92%（2024 年「全民健身赛事活动经费」同一指标）');
      expect(next.history.filter((h) => h.includes('前年指标值'))).toHaveLength(11);
    } finally {
      store.close();
    }
    // Last year's form is corrected afterwards (another window, another session): `history` reads it again.
    const db = join(tmp.dir, 'shenbao.db');
    const again = storeIn(tmp.dir);
    try {
      const last = again.list({ year: '2024' }).find((f) => f.unit !== '别的单位' && f.templateId === T.id)!;
      const rec = again.get(last.id);
      const rows = rowsOf(rec.data).map((r) => (r.name === '群众满意度' ? { ...r, value: '≥93%' } : r));
      again.save(last.id, { ...rec.data, values: { ...rec.data.values, indicators: rows } }, { baseRevision: rec.revision });
    } finally {
      again.close();
    }
    const r = await runCliCapture(['--db', db, 'history', String(id)]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('已填历史指标值 第11行「群众满意度」的上年指标值：≥93%');
    const after = JSON.parse((await runCliCapture(['--db', db, 'show', lastLine(r.stdout), '--json'])).stdout);
    expect(after['绩效指标'][10]).toMatchObject({ 三级指标: '群众满意度', 前年指标值: '≥90%', 上年指标值: '≥93%' });
  });
});
