/** The `ticks` kind and a `choice` laid out as boxes: one reader, one cell per option printing √, sound placement. */
import { describe, expect, it } from 'vitest';
import type { GroupRow } from '../../shared/form';
import { blankForm } from '../../shared/formOps';
import { isTicked, kindOf } from '../../shared/kinds';
import { checkTemplate } from '../../shared/template/check';
import { layoutForm } from '../../shared/template/layout';
import type { TemplateDef } from '../../shared/template/schema';
import { BUILTIN_TEMPLATES } from '../../shared/templates';

const ticks = kindOf('ticks');
const choice = kindOf('choice');
const causes = {
  id: 'causes',
  label: '偏差原因分析',
  kind: 'ticks',
  options: ['经费保障', '制度保障', '人员保障', '硬件条件保障', '其他'],
};
const likely = { id: 'likelihood', label: '完成目标可能性', kind: 'choice', options: ['确定能', '有可能', '完全不可能'] };

describe('ticks', () => {
  it('reads the ticked names however separated, in the order of the boxes', () => {
    expect(ticks.read('其他，经费保障', causes)).toEqual({ value: '经费保障、其他' });
    expect(ticks.read(' 人员保障 / 制度保障 ', causes)).toEqual({ value: '制度保障、人员保障' });
    expect(ticks.read('', causes)).toEqual({ value: '' });
    const bad = ticks.read('经费保障、天气', causes);
    expect(bad.value).toBe('经费保障、天气');
    expect(bad.problem?.reason).toMatch(/不是可勾选的项/);
    expect(ticks.check!('经费保障、天气', causes, '偏差原因分析')?.message).toBe(
      '偏差原因分析只能勾选经费保障、制度保障、人员保障、硬件条件保障、其他',
    );
    expect(ticks.check!('其他', causes, '偏差原因分析')).toBeNull();
  });

  it('toggles one box at a time and prints √ in the ticked boxes only', () => {
    let v = '';
    v = ticks.setOption!(v, '其他', true, causes);
    v = ticks.setOption!(v, '经费保障', true, causes);
    expect(v).toBe('经费保障、其他');
    v = ticks.setOption!(v, '其他', false, causes);
    expect(v).toBe('经费保障');
    expect(causes.options.map((o) => ticks.printOption!('经费保障、其他', o))).toEqual(['√', '', '', '', '√']);
  });

  it('a choice laid out as boxes ticks only the chosen option', () => {
    expect(likely.options.map((o) => choice.printOption!('有可能', o))).toEqual(['', '√', '']);
    expect(choice.setOption!('有可能', '确定能', true, likely)).toBe('确定能');
    expect(choice.setOption!('确定能', '确定能', false, likely)).toBe('');
    expect(choice.setOption!('有可能', '确定能', false, likely)).toBe('有可能');
  });

  it('tells a ticked box from a blank one in a file', () => {
    for (const t of ['√', '✓', ' ✔ ', '☑', 'v', '是']) expect(isTicked(t), t).toBe(true);
    for (const t of ['', ' ', '否', '—']) expect(isTicked(t), t).toBe(false);
  });
});

describe('boxes in the grid', () => {
  const t = BUILTIN_TEMPLATES.find((x) => x.id === 'xiangmu-jiankong')!;

  it('prints √ in the cell of each ticked option, nothing in the others', () => {
    const form = blankForm(t, '2025');
    form.values.indicators = [
      { ...(form.values.indicators as GroupRow[])[0], name: '开展运动种类', causes: '制度保障、其他', likelihood: '完全不可能' },
    ];
    const rows = layoutForm(t, form, { print: true }).rows.filter((r) => r.group?.index === 0 && !r.group.padding);
    const boxes = rows[0].cells.filter((c) => c.binding.kind === 'group' && c.binding.option !== undefined);
    expect(boxes.map((c) => [(c.binding as { option: string }).option, c.paragraphs.map((p) => p.text).join('')])).toEqual([
      ['经费保障', ''],
      ['制度保障', '√'],
      ['人员保障', ''],
      ['硬件条件保障', ''],
      ['其他', '√'],
      ['确定能', ''],
      ['有可能', ''],
      ['完全不可能', '√'],
    ]);
  });

  it('a template that leaves out a box, or places a kind without boxes by option, is refused', () => {
    const g = t.groups![0];
    const missing: TemplateDef = { ...t, groups: [{ ...g, cells: g.cells.filter((c) => c.option !== '其他') }] };
    expect(checkTemplate(missing).join('\n')).toMatch(/选项「其他」应在表中恰好放一格/);
    const textBoxes: TemplateDef = {
      ...t,
      groups: [{ ...g, columns: g.columns.map((c) => (c.id === 'causes' ? { ...c, kind: 'text' } : c)) }],
    };
    expect(checkTemplate(textBoxes).join('\n')).toMatch(/的类型不能按选项分格放置/);
  });
});
