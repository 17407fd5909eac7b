/** Monitoring lights against an independent computation: hand-worked boundary cases and a sweep in rationals. */
import { describe, expect, it } from 'vitest';
import type { GroupRow } from '../../shared/form';
import { withComputed } from '../../shared/formOps';
import { formLights } from '../../shared/checks/monitoringLights';
import { indicatorLight, spendingLight } from '../../shared/stage/lights';
import { seedStage } from '../../shared/stage/seed';
import { BUILTIN_TEMPLATES } from '../../shared/templates';
import { validateForm } from '../../shared/validation';
import { blankForm } from '../../shared/formOps';

const light = (target: string, actual: string, m: number) => indicatorLight(target, actual, m)?.light ?? null;

describe('indicator lights', () => {
  it('正向: actual against the pro-rata target, each band starting at its threshold', () => {
    // target 12, month 6: the pro-rata target is 6.
    expect(light('≥12个', '3.59个', 6)).toBe('red'); // 59.83 %
    expect(light('≥12个', '3.6个', 6)).toBe('yellow'); // 60 % exactly
    expect(light('12个', '4.79', 6)).toBe('yellow'); // 79.83 %
    expect(light('＞12', '4.8', 6)).toBe('green'); // 80 %
    expect(light('=12', '7.19', 6)).toBe('green'); // 119.83 %
    expect(light('≥12个', '7.2个', 6)).toBe('blue'); // 120 %
    expect(light('≥95%', '95%', 12)).toBe('green');
    expect(indicatorLight('≥1000人次', '450人次', 6)?.why).toBe('为序时进度的 90%');
  });

  it('反向: ≤ green up to the target, ＜ only below it', () => {
    expect(light('≤500万元', '500', 6)).toBe('green');
    expect(light('≤500万元', '500.01', 6)).toBe('red');
    expect(light('＜500', '500', 6)).toBe('red');
    expect(light('<500', '499.99', 6)).toBe('green');
  });

  it('定性 by its words; dates, free text and blanks get no light', () => {
    expect(light('效果良好', '达成目标', 6)).toBe('green');
    expect(light('效果良好', '部分达成目标并具有一定效果', 6)).toBe('yellow');
    expect(light('效果良好', '未达成目标且效果较差', 6)).toBe('red');
    expect(light('2025年年底前', '按计划推进', 6)).toBeNull();
    expect(light('≥12个', '', 6)).toBeNull();
    expect(light('≥12个', '进展顺利', 6)).toBeNull();
  });

  it('agrees with an independent computation in rationals over a sweep', () => {
    // v = a / (t / 12 × m) × 100 as the fraction 1200·a / (t·m), a and t in hundredths.
    const expected = (a: number, t: number, m: number) => {
      const num = 1200 * a;
      const den = t * m;
      if (num < 60 * den) return 'red';
      if (num < 80 * den) return 'yellow';
      if (num < 120 * den) return 'green';
      return 'blue';
    };
    let n = 0;
    for (const t of [1, 7, 12, 95, 100, 1234])
      for (const m of [1, 3, 6, 7, 10, 12])
        for (let a = 0; a <= 2 * t; a += Math.max(1, Math.floor(t / 13))) {
          expect(light(`≥${t / 100}`, `${a / 100}`, m), `${a}/${t} at ${m}`).toBe(expected(a, t, m));
          n++;
        }
    expect(n).toBeGreaterThan(300);
  });
});

describe('spending light', () => {
  it('执行率 against the time elapsed: red < 60, yellow < 80, else green', () => {
    expect(spendingLight('299.99', '1000', 6)?.light).toBe('red');
    expect(spendingLight('300', '1000', 6)?.light).toBe('yellow'); // 30 % at half the year: 60
    expect(spendingLight('400', '1000', 6)?.light).toBe('green'); // 80
    expect(spendingLight('1000', '1000', 6)?.light).toBe('green');
    expect(spendingLight('300', '1000', 6)?.why).toBe('执行率 30%，为序时进度的 60%');
    expect(spendingLight('1', '0', 6)).toBeNull();
  });
});

describe('on a 监控表', () => {
  const decl = BUILTIN_TEMPLATES.find((t) => t.id === 'xiangmu-zhichu')!;
  const t = BUILTIN_TEMPLATES.find((x) => x.id === 'xiangmu-jiankong')!;
  const d = blankForm(decl, '2025');
  Object.assign(d.values, { projectName: '赛事', unit: '体育局', total: '1000', fiscal: '1000' });
  d.values.indicators = [
    { level1: '产出指标', level2: '数量指标', name: '赛事场次', value: '≥12场' },
    { level1: '产出指标', level2: '成本指标', name: '项目成本', value: '≤1000万元' },
    { level1: '效益指标', level2: '社会效益指标', name: '群众参与', value: '显著提高' },
  ];
  const f = seedStage(t, { form: d, template: decl }, { month: '6' });
  const rows = f.values.indicators as GroupRow[];
  rows[0].progress = '3场'; // 50 % of pro-rata: red
  rows[1].progress = '420万元'; // green
  rows[2].progress = '部分达成目标并具有一定效果'; // yellow
  f.values.fiscalSpent = '350'; // 35 % at half the year: 70, yellow

  it('a red or yellow light is a 提醒 on the row; the strip has every light and the worst', () => {
    const full = withComputed(f, t);
    const lights = formLights(t, full)!;
    expect(lights.rows.map((l) => l?.light ?? null)).toEqual(['red', 'green', 'yellow']);
    expect(lights.spending?.light).toBe('yellow');
    expect(lights.worst).toBe('red');
    const msgs = validateForm(full, t).filter((m) => m.code.startsWith('light.'));
    expect(msgs.map((m) => [m.code, m.row ?? null, m.column ?? m.field])).toEqual([
      ['light.red', 0, 'progress'],
      ['light.yellow', 2, 'progress'],
      ['light.yellow', null, 'totalSpent'],
    ]);
    expect(msgs[0].message).toBe('红灯：「赛事场次」1-6月执行情况为序时进度的 50%，请分析偏差原因');
    expect(msgs.every((m) => m.severity === 'warning')).toBe(true);
  });

  it('thresholds are template data: a template with other bands lights otherwise, no code', () => {
    const strict = {
      ...t,
      rules: t.rules.map((r) =>
        r.type === 'check' ? { ...r, params: { ...r.params, bands: { forward: [40, 50, 150], spending: [50, 70] } } } : r,
      ),
    };
    const lights = formLights(strict, withComputed(f, strict))!;
    expect(lights.rows[0]?.light).toBe('green'); // 50 % is now green
    expect(lights.spending?.light).toBe('green'); // 70 is now green
  });
});
