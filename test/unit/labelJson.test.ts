import { describe, expect, it } from 'vitest';
import { fromLabelJson, toLabelJson } from '../../shared/labelJson';
import { parseBenefit, parseOutput, renderOutput, splitPastedItems } from '../../shared/indicators';
import { seedJson, seedForm, T2019 } from '../helpers/seed';

describe('label-keyed JSON', () => {
  it('reads the seed fixture into structured indicators', () => {
    const f = seedForm();
    const out = f.values.output;
    expect(out).toMatchObject({ mode: 'parts' });
    if (typeof out === 'object' && !Array.isArray(out) && out.mode === 'parts') {
      expect(out.parts.quantity).toHaveLength(5);
      expect(out.parts.quality).toHaveLength(6);
      expect(out.parts.timeliness).toEqual(['2019年1月1日至2019年12月31日']);
      expect(out.parts.cost[0]).toMatch(/^成本支出控制在年初预算442.21万元之内/);
    }
    const ben = f.values.benefit;
    expect(ben).toMatchObject({ mode: 'items' });
    if (typeof ben === 'object' && !Array.isArray(ben) && ben.mode === 'items') {
      expect(ben.items.map((i) => i.name)).toEqual(['岗位职责效益', '安全管理效益', '社会影响效益', '社会公众满意度效益']);
    }
  });

  it('writes the seed back with the same values (indicators renumbered consistently)', () => {
    const original = seedJson();
    const written = toLabelJson(seedForm(), T2019) as Record<string, string>;
    expect(written['表']).toBe('部门整体支出绩效目标申报表');
    for (const [k, v] of Object.entries(original)) {
      if (k.startsWith('_')) continue;
      if (k === '产出指标') expect(parseOutput(written[k])).toEqual(parseOutput(v));
      else if (k === '效益指标') expect(parseBenefit(written[k])).toEqual(parseBenefit(v));
      else expect(written[k], k).toBe(v);
    }
    expect(written['产出指标'].split('\n').slice(0, 2)).toEqual(['一、数量指标：', '1、全年要对近1000名在押人员进行武装看守和教育改造。']);
    // Reading what we wrote gives the same form.
    expect(fromLabelJson(written, T2019).form).toEqual(seedForm());
  });

  it('accepts label variants of other counties', () => {
    const { form, notes } = fromLabelJson(
      { '部门(单位)名称': '某局', 公共财政拨款: '１２', '填报单位(公章)': '某局', 年度: '2021年' },
      T2019,
    );
    expect(form.values.department).toBe('某局');
    expect(form.values.generalBudget).toBe('12');
    expect(form.values.unit).toBe('某局');
    expect(form.values.year).toBe('2021');
    expect(notes).toEqual([]);
  });

  it('keeps unnumbered indicator text whole', () => {
    expect(parseOutput('全年完成各项任务')).toEqual({ mode: 'text', text: '全年完成各项任务' });
    expect(parseBenefit('社会效益明显')).toEqual({ mode: 'text', text: '社会效益明显' });
    expect(renderOutput({ mode: 'text', text: 'abc' })).toBe('abc');
  });

  it('splits a pasted numbered block into items', () => {
    expect(splitPastedItems('1、甲\n2、乙\n（3）丙')).toEqual(['甲', '乙', '丙']);
    expect(splitPastedItems('只有一行')).toBeNull();
    expect(splitPastedItems('1.5万元的经费\n用于办公')).toBeNull();
  });
});
