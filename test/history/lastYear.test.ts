/**
 * Last year's results beside this year's targets (issue 24, point 6) on a real SQLite store with
 * three years of one project's declarations and two years of its 自评: the contract's answer for
 * the 2025 form against what the test wrote into 2024's forms, row matching (same name, similar
 * name, new row), look-alike forms kept out, and the warning for a target copied unchanged although
 * last year's actual differed — firing, and not firing when the actual equalled it or the target changed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/handlers/dispatch';
import { formHandlers } from '../../electron/core/handlers/forms';
import type { Store } from '../../electron/core/store';
import type { Reply } from '../../shared/contract';
import type { FormData, GroupRow } from '../../shared/form';
import { fillHistoryFrom } from '../../shared/history';
import { lastYearRows, type LastYear } from '../../shared/lastYear';
import { xiangmuZipin } from '../../shared/templates/xiangmu-zipin';
import { validateForm } from '../../shared/validation';
import { runCliCapture } from '../helpers/cli';
import { HISTORY_TEMPLATE } from '../helpers/historyTemplate';
import { declaration, fillStore, PROJECT, TEMPLATES, UNIT, YEARS } from '../helpers/lastYearStore';
import { storeIn, tempDir } from '../store/tempStore';

const FIXTURE_ROWS = (
  JSON.parse(readFileSync(new URL('../fixtures/xiangmu-2025-tiyu.json', import.meta.url), 'utf8'))['绩效指标'] as Record<string, string>[]
).map((r) => ({ level1: r['一级指标'], level2: r['二级指标'], name: r['三级指标'], value: r['指标值'] }));

/** 2024's indicators as the test wrote them: the declared target and the 自评's actual, by 2024's name. */
const expected2024 = FIXTURE_ROWS.map((r) => {
  const s = YEARS['2024'];
  const name = s.rename?.[r.name] ?? r.name;
  return { level1: r.level1, level2: r.level2, name, value: s.targets[r.name] ?? r.value, actual: s.actuals![name] ?? '' };
});

let tmp: ReturnType<typeof tempDir>;
let store: Store;
let ids: ReturnType<typeof fillStore>;
beforeEach(() => {
  tmp = tempDir();
  store = storeIn(tmp.dir, { autoBackup: false, builtInTemplates: TEMPLATES });
  ids = fillStore(store);
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

const ZHICHU = TEMPLATES.find((t) => t.id === 'xiangmu-zhichu')!;
const rows = (f: FormData) => f.values.indicators as GroupRow[];
const warnings = (f: FormData, ly?: LastYear) =>
  validateForm(f, ZHICHU, ly ? { lastYear: ly.indicators } : {})
    .filter((m) => m.code === 'targetCopiedDespiteActual')
    .map((m) => [rows(f)[m.row!].name, m.column, m.message]);
const withRows = (f: FormData, edit: (r: GroupRow) => GroupRow): FormData => ({
  ...f,
  values: { ...f.values, indicators: rows(f).map(edit) },
});

describe('forms.lastYear', () => {
  it('answers 2024’s declared targets and 自评 actuals for the 2025 form, through the contract', async () => {
    const reply = (await dispatch(
      formHandlers({ store, appVersion: 't', mode: 'web' }),
      'forms.lastYear',
      { id: ids.d2025.id },
      {
        templates: store.templates,
      },
    )) as Reply<LastYear>;
    if (!reply.ok) throw new Error(reply.error);
    const ly = reply.value;
    expect(ly.year).toBe('2024');
    expect(ly.declaration).toEqual({ id: ids.d2024.id, title: PROJECT, templateTitle: '项目支出绩效目标表' });
    expect(ly.selfEvaluation).toEqual({ id: ids.s2024.id, title: PROJECT, templateTitle: '项目支出绩效自评表' });
    expect(ly.indicators).toEqual(expected2024);
    // The look-alikes (another project of the unit, this project under another unit) and 2023 stay out.
    expect(ly.indicators.map((i) => i.actual)).not.toContain('70%');
    expect(ly.indicators.map((i) => i.actual)).not.toContain('60%');
    expect(ly.indicators.map((i) => i.actual)).not.toContain('91%');
    expect(ly.history).toEqual([]); // the county form has no history columns
  });

  it('matches this year’s rows by name, then by a similar 三级; a new indicator has nothing beside it', () => {
    const ly = store.lastYear(ids.d2025.id);
    const now = withRows(ids.d2025.data, (r) => (r.name === '全民健身赛事完成率' ? { ...r, name: '赛事完成率' } : r));
    rows(now).push({ level1: '产出指标', level2: '数量指标', name: '新增健身步道长度', value: '≥2公里' });
    const beside = lastYearRows(ZHICHU, now.values, ly.indicators);
    const byName = new Map(beside.map((b) => [rows(now)[b.row].name, b]));
    for (const e of expected2024) {
      const name = e.name === '全民健身赛事完成率' ? '赛事完成率' : e.name;
      expect(byName.get(name), name).toMatchObject({ group: 'indicators', column: 'value', target: e.value, actual: e.actual });
    }
    expect(byName.get('赛事完成率')).toMatchObject({
      matched: 'similar',
      earlierName: '全民健身赛事完成率',
      target: '≥98%',
      actual: '97%',
    });
    expect(byName.get('群众满意度')?.matched).toBe('same');
    expect(byName.has('新增健身步道长度')).toBe(false);
    expect(beside).toHaveLength(expected2024.length);
  });

  it('without last year’s 自评 gives the targets alone; a stage and a first year get nothing', () => {
    store.delete(ids.s2024.id);
    const ly = store.lastYear(ids.d2025.id);
    expect(ly.selfEvaluation).toBeNull();
    expect(ly.indicators).toEqual(expected2024.map((e) => ({ ...e, actual: '' })));
    expect(store.lastYear(ids.s2024.id)).toMatchObject({ declaration: null, selfEvaluation: null, indicators: [] });
    expect(store.lastYear(ids.d2023.id)).toMatchObject({ year: '2022', declaration: null, selfEvaluation: null, indicators: [] });
  });

  it('lists the earlier years a template’s history columns read, and the editor fills them with the store’s values', () => {
    store.importTemplate(HISTORY_TEMPLATE);
    const form = store.create({ ...declaration('2025', { targets: {} }), templateId: HISTORY_TEMPLATE.id });
    const ly = store.lastYear(form.id);
    expect(ly.history.map((h) => h.year).sort()).toEqual(['2023', '2024']);
    const filled = fillHistoryFrom(form.data, HISTORY_TEMPLATE, ly.history).form;
    const byName = new Map(rows(filled).map((r) => [r.name, r]));
    expect(byName.get('群众满意度')).toMatchObject({ lastYear: '≥92%', yearBefore: '≥90%' });
    expect(byName.get('开展运动种类')).toMatchObject({ lastYear: '2种', yearBefore: '1种' });
    // 赛事完成率 was 全民健身赛事完成率 in 2024: found by similarity; 2023 had the same name.
    expect(byName.get('赛事完成率')).toMatchObject({ lastYear: '≥98%', yearBefore: '100%' });
    // The same as the store's own refresh (cli history).
    expect(rows(store.refreshHistory(form.id).record.data)).toEqual(rows(filled));
    expect(UNIT).toBe(form.unit);
  });
});

describe('targetCopiedDespiteActual', () => {
  const MSG = (name: string, target: string, actual: string, now = target) =>
    `「${name}」上年目标为 ${target}，实际完成 ${actual}，本年目标仍为 ${now}，请核对`;

  it('warns where the target is last year’s and the actual differed; not where it equalled it or no 自评 row has one', () => {
    const ly = store.lastYear(ids.d2025.id);
    expect(warnings(ids.d2025.data, ly)).toEqual([
      ['全民健身赛事完成率', 'value', MSG('全民健身赛事完成率', '≥98%', '97%')],
      ['群众满意度', 'value', MSG('群众满意度', '≥92%', '96%')],
    ]);
    // 开展运动种类 2种 → 2种, 经费支出合规率 100% → 100%, 带动体育消费 经济效益良好 → the same: equal, quiet.
    // Without last year's results the check says nothing.
    expect(warnings(ids.d2025.data)).toEqual([]);
  });

  it('is quiet once the target is changed, and sees a copy however it is written (≧92％)', () => {
    const ly = store.lastYear(ids.d2025.id);
    const edited = withRows(ids.d2025.data, (r) =>
      r.name === '全民健身赛事完成率' ? { ...r, value: '≥97%' } : r.name === '群众满意度' ? { ...r, value: '≧92％' } : r,
    );
    expect(warnings(edited, ly)).toEqual([['群众满意度', 'value', MSG('群众满意度', '≥92%', '96%', '≧92％')]]);
  });

  it('cli validate prints it (the 自评 template stored as a template file while it is not a built-in)', async () => {
    const other = tempDir();
    try {
      const s = storeIn(other.dir, { autoBackup: false });
      if (!s.templates.find(xiangmuZipin.id)) s.importTemplate(xiangmuZipin);
      const { d2025 } = fillStore(s);
      s.close();
      const { stdout } = await runCliCapture(['--db', join(other.dir, 'shenbao.db'), 'validate', String(d2025.id)]);
      expect(stdout).toContain(`提示：${MSG('群众满意度', '≥92%', '96%')}`);
      expect(stdout).toContain(`提示：${MSG('全民健身赛事完成率', '≥98%', '97%')}`);
    } finally {
      other.cleanup();
    }
  });

  it('a 自评 of last year whose template is unknown here is passed over, not an error', () => {
    const other = tempDir();
    try {
      const s = storeIn(other.dir, { autoBackup: false, builtInTemplates: TEMPLATES });
      const { d2025 } = fillStore(s);
      s.close();
      const plain = storeIn(other.dir, { autoBackup: false, builtInTemplates: TEMPLATES.filter((t) => t.id !== xiangmuZipin.id) });
      const ly = plain.lastYear(d2025.id);
      plain.close();
      expect(ly.selfEvaluation).toBeNull();
      expect(ly.indicators).toEqual(expected2024.map((e) => ({ ...e, actual: '' })));
    } finally {
      other.cleanup();
    }
  });

  it('is quiet where target and actual cannot be compared: a date, different units, a figure against words', () => {
    const f = declaration('2025', { targets: { 完成时间: '2024年年底前', 项目总成本: '≤1000万元', 群众满意度: '≥92%' } });
    const ly = (value: string, actual: string, name: string) => ({ level1: '', level2: '', name, value, actual });
    const names = new Map(rows(f).map((r) => [r.name, r]));
    const at = (name: string) => ({ ...ly('', '', name), level1: names.get(name)!.level1, level2: names.get(name)!.level2 });
    const last = {
      year: '2024',
      declaration: null,
      selfEvaluation: null,
      history: [],
      indicators: [
        { ...at('完成时间'), value: '2024年年底前', actual: '2024年11月' },
        { ...at('项目总成本'), value: '≤1000万元', actual: '9800000元' },
        { ...at('群众满意度'), value: '≥92%', actual: '基本满意' },
        // A figure that differs: fires.
        { ...at('开展运动种类'), value: '1种', actual: '3种' },
      ],
    };
    expect(warnings(f, last)).toEqual([['开展运动种类', 'value', MSG('开展运动种类', '1种', '3种')]]);
  });

  it('is quiet without last year’s 自评', () => {
    store.delete(ids.s2024.id);
    expect(warnings(ids.d2025.data, store.lastYear(ids.d2025.id))).toEqual([]);
  });
});
