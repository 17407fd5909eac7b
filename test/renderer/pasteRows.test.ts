/**
 * Pasting rows from Excel / WPS 表格 into a repeating group, as pure functions: the clipboard
 * text read as Excel writes it, the two shapes (the columns from the cell onward; every
 * column, placed by 一级/二级 name), what cannot be placed listed with why, and refusals that
 * change nothing.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GroupRow } from '../../shared/form';
import { blankForm, groupDef, rowsOf } from '../../shared/formOps';
import { fromLabelJson } from '../../shared/labelJson';
import { bumenZhengti2015 } from '../../shared/templates/bumen-zhengti-2015';
import { xiangmuZhichu } from '../../shared/templates/xiangmu-zhichu';
import { xiangmuHubei2021 } from '../../shared/templates/xiangmu-hubei-2021';
import { xiangmuZhichu2015 } from '../../shared/templates/xiangmu-zhichu-2015';
import {
  MAX_PASTE_BYTES,
  matchKey,
  parseTable,
  pasteNotice,
  planPaste,
  readPaste,
  skippedAsText,
  utf8Length,
  type PastePlan,
  type PasteResult,
} from '../../renderer/src/editor/pasteRows';

const G = groupDef(xiangmuZhichu, 'indicators');
const fixture = JSON.parse(readFileSync(new URL('../fixtures/xiangmu-2025-tiyu.json', import.meta.url), 'utf8'));
const filledRows = (): GroupRow[] => rowsOf(fromLabelJson(fixture, xiangmuZhichu).form.values, 'indicators');
const skeleton = (): GroupRow[] => rowsOf(blankForm(xiangmuZhichu, '2026').values, 'indicators');

function plan(r: PasteResult): PastePlan {
  if ('refused' in r) throw new Error(`refused: ${r.refused}`);
  return r;
}
const triples = (rows: readonly GroupRow[]) => rows.map((r) => [r.level1, r.level2, r.name, r.value].join('/'));

describe('reading what Excel and WPS put on the clipboard', () => {
  it('splits cells by tabs and rows by CR LF or LF, without the trailing line break', () => {
    expect(parseTable('a\tb\r\nc\td\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseTable('a\tb\nc\td')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseTable('a\t\tc\t\n')).toEqual([['a', '', 'c', '']]);
    expect(parseTable('\t\tx\ty')).toEqual([['', '', 'x', 'y']]);
  });

  it('reads quoted cells with line breaks and doubled quotes, and a cell that only starts with a quote as it stands', () => {
    expect(parseTable('产出指标\t"第一行\r\n第二行"\t"说""好""的"\r\n')).toEqual([['产出指标', '第一行\n第二行', '说"好"的']]);
    expect(parseTable('"十四五"规划\t1\n')).toEqual([['"十四五"规划', '1']]);
    expect(parseTable('"没有结尾\t1')).toEqual([['"没有结尾', '1']]);
  });

  it('leaves ordinary text to the browser; one Excel cell is inserted without its line break', () => {
    expect(readPaste('开展运动种类', 'text')).toEqual({ kind: 'text' });
    expect(readPaste('1种\r\n', 'text')).toEqual({ kind: 'insert', text: '1种' });
    expect(readPaste('"一行\n两行"\r\n', 'text')).toEqual({ kind: 'insert', text: '一行\n两行' });
    // Lines of plain text into free text are that cell's text.
    expect(readPaste('第一段\n第二段', 'multiline')).toEqual({ kind: 'text' });
    expect(readPaste('三级\t值\n', 'text')).toEqual({ kind: 'rows', table: [['三级', '值']] });
    expect(readPaste('甲\n乙\n', 'text')).toEqual({ kind: 'rows', table: [['甲'], ['乙']] });
  });

  it('refuses 2 MB or more before reading it', () => {
    const big = '指'.repeat(Math.ceil(MAX_PASTE_BYTES / 3));
    expect(utf8Length(big)).toBeGreaterThanOrEqual(MAX_PASTE_BYTES);
    const r = readPaste(`${big}\t1`, 'text');
    expect(r.kind).toBe('refused');
    expect(r.kind === 'refused' && r.message).toMatch(/粘贴的内容太大.*2\.0 MB.*没有任何改动/);
    expect(readPaste('a'.repeat(MAX_PASTE_BYTES - 10), 'text').kind).toBe('text');
    expect(utf8Length('a¢指😀')).toBe(1 + 2 + 3 + 4);
  });

  it('matches headings with spaces, full-width letters and ≧ ignored', () => {
    expect(matchKey(' 产出 指标　')).toBe('产出指标');
    expect(matchKey('ＡＢ１２≧９５％')).toBe('AB12≥95%');
  });
});

describe('every column of the group: rows go under their 一级/二级 by name', () => {
  it('fills the blank skeleton row of a 二级 first, then adds after the run’s last row', () => {
    const text =
      '产出指标\t数量指标\t培训人次\t≥200人次\r\n产出指标\t数量指标\t培训场次\t≥4场\r\n满意度指标\t服务对象满意度指标\t满意度\t≥95%\r\n';
    const p = plan(planPaste(G, skeleton(), 0, 'name', parseTable(text)));
    expect(triples(p.rows).slice(0, 3)).toEqual([
      '产出指标/数量指标/培训人次/≥200人次',
      '产出指标/数量指标/培训场次/≥4场',
      '产出指标/质量指标//',
    ]);
    expect(triples(p.rows).at(-1)).toBe('满意度指标/服务对象满意度指标/满意度/≥95%');
    expect(p.rows).toHaveLength(skeleton().length + 1);
    expect(p.placed).toEqual([0, 1, p.rows.length - 1]);
    expect(p).toMatchObject({ added: 1, filledIn: 2, skipped: [], newHeadings: [] });
  });

  it('puts a row under an existing run after its last row, whatever cell it was pasted into', () => {
    const before = filledRows();
    const p = plan(planPaste(G, before, 8, 'value', parseTable('产出 指标\t质量指标\t场地达标率\t＞＝90％\n')));
    // After the two 质量指标 rows (rows 3 and 4), headings as the table spells them.
    expect(triples(p.rows.slice(2, 5))).toEqual([
      '产出指标/质量指标/经费支出合规率/100%',
      '产出指标/质量指标/赛事完成率/100%',
      '产出指标/质量指标/场地达标率/＞＝90％',
    ]);
    expect(p.placed).toEqual([4]);
    expect(p.rows).toHaveLength(before.length + 1);
    // Nothing else moved or changed.
    expect(triples(p.rows.filter((_, i) => i !== 4))).toEqual(triples(before));
  });

  it('adds a new 二级 at the end of its 一级 as a custom 二级; an unknown 一级 is listed, not placed', () => {
    const before = filledRows();
    const text = [
      '效益指标\t社会公平指标\t困难群众参与率\t≥30%',
      '\t\t残疾人专场\t2场', // Excel copies merged cells into their first row only
      '成本指标\t经济成本指标\t人均成本\t≤50元',
      '产出指标\t时效指标\t完成时间\t2025年11月底前',
    ].join('\r\n');
    const p = plan(planPaste(G, before, 0, 'level1', parseTable(text)));
    const effect = p.rows.filter((r) => r.level1 === '效益指标');
    expect(triples(effect).slice(-2)).toEqual(['效益指标/社会公平指标/困难群众参与率/≥30%', '效益指标/社会公平指标/残疾人专场/2场']);
    expect(p.newHeadings).toEqual(['二级指标「社会公平指标」']);
    expect(p.skipped).toEqual([
      { line: 3, cells: ['成本指标', '经济成本指标', '人均成本', '≤50元'], reason: '表中没有一级指标「成本指标」' },
    ]);
    expect(triples(p.rows.filter((r) => r.level2 === '时效指标'))).toEqual([
      '产出指标/时效指标/完成时间/2025年年底前',
      '产出指标/时效指标/完成时间/2025年11月底前',
    ]);
    expect(p.rows).toHaveLength(before.length + 3);
    const notice = pasteNotice(G, p);
    expect(notice).toContain(
      '已粘贴 3 行到绩效指标（新增 3 行），新增了二级指标「社会公平指标」。已填写的内容不会被覆盖，可按 Ctrl+Z 撤销。',
    );
    expect(notice).toContain(
      '以下 1 行没有放入表中：\n第 3 行「成本指标 | 经济成本指标 | 人均成本 | ≤50元」：表中没有一级指标「成本指标」',
    );
    expect(skippedAsText(p.skipped)).toBe('成本指标\t经济成本指标\t人均成本\t≤50元');
  });

  it('skips the header row when it was copied too; a row without 一级 is listed', () => {
    const text = '一级指标\t二级指标\t三级指标\t指标值\n满意度指标\t服务对象满意度指标\t群众满意度\t≥96%\n\t\t\t\n';
    const p = plan(planPaste(G, filledRows(), 0, 'level1', parseTable(text)));
    expect(p.placed).toHaveLength(1);
    expect(p.skipped).toEqual([]);
    const lone = plan(planPaste(G, [{ level1: '', level2: '', name: '', value: '' }], 0, 'name', parseTable('\t\t甲\t1\n\t\t乙\t2')));
    expect(lone.skipped.map((s) => s.reason)).toEqual(['没有填一级指标', '没有填一级指标']);
    expect(lone.placed).toEqual([]);
  });

  it('二级|三级|指标值 into a 二级 cell: the 一级 is the row’s', () => {
    const p = plan(planPaste(G, filledRows(), 6, 'level2', parseTable('社会效益指标\t带动就业\t≥20人\n')));
    expect(triples(p.rows.filter((r) => r.level2 === '社会效益指标'))).toEqual([
      '效益指标/社会效益指标/提升群众健身参与度/效果良好',
      '效益指标/社会效益指标/带动就业/≥20人',
    ]);
  });

  it('works on the two-block form: seven columns, both 二级 headings matched', () => {
    const g = groupDef(xiangmuZhichu2015, 'indicators');
    const rows = rowsOf(blankForm(xiangmuZhichu2015, '2026').values, 'indicators');
    const p = plan(planPaste(g, rows, 0, 'level1', parseTable('产出指标\t数量指标\t三年培训\t≥600人\t数量指标\t当年培训\t≥200人\n')));
    expect(p.rows[0]).toEqual({
      level1: '产出指标',
      midLevel2: '数量指标',
      midName: '三年培训',
      midValue: '≥600人',
      level2: '数量指标',
      name: '当年培训',
      value: '≥200人',
    });
    expect(p.rows).toHaveLength(rows.length);
  });
});

describe('the columns from the cell onward: rows go in from the row pasted into, down its run', () => {
  it('三级|指标值 into a filled 三级 cell inserts the rows there: nothing is written over, the filled rows move down', () => {
    const before = filledRows();
    const text = '参赛队伍\t≥20支\n赛事场次\t≥6场\n裁判培训\t2期\n';
    const p = plan(planPaste(G, before, 0, 'name', parseTable(text)));
    expect(triples(p.rows.slice(0, 6))).toEqual([
      '产出指标/数量指标/参赛队伍/≥20支',
      '产出指标/数量指标/赛事场次/≥6场',
      '产出指标/数量指标/裁判培训/2期',
      ...triples(before.slice(0, 3)),
    ]);
    expect(triples(p.rows.slice(3))).toEqual(triples(before));
    expect(p).toMatchObject({ placed: [0, 1, 2], added: 3, filledIn: 0, column: 'name' });
    expect(pasteNotice(G, p)).toBe('已粘贴 3 行到绩效指标（新增 3 行）。已填写的内容不会被覆盖，可按 Ctrl+Z 撤销。');
  });

  it('the same rule for two columns and four: neither writes over a filled row', () => {
    const before = filledRows();
    const two = plan(planPaste(G, before, 0, 'name', parseTable('参赛队伍\t≥20支\n')));
    const four = plan(planPaste(G, before, 0, 'level1', parseTable('产出指标\t数量指标\t参赛队伍\t≥20支\n')));
    for (const p of [two, four]) {
      expect(p).toMatchObject({ added: 1, filledIn: 0 });
      expect(p.rows).toHaveLength(before.length + 1);
      // Every row there was is still there, unchanged and in order.
      expect(triples(p.rows.filter((_, i) => !p.placed.includes(i)))).toEqual(triples(before));
    }
  });

  it('blank rows of the run are filled first, then rows are inserted in the run, never into the next 二级', () => {
    const rows = skeleton();
    const p = plan(planPaste(G, rows, 0, 'name', parseTable('参赛队伍\t≥20支\n赛事场次\t≥6场\n')));
    expect(triples(p.rows.slice(0, 3))).toEqual([
      '产出指标/数量指标/参赛队伍/≥20支',
      '产出指标/数量指标/赛事场次/≥6场',
      '产出指标/质量指标//',
    ]);
    expect(p).toMatchObject({ placed: [0, 1], added: 1, filledIn: 1 });
    expect(pasteNotice(G, p)).toMatch(/^已粘贴 2 行到绩效指标（填入 1 个空行，新增 1 行）/);
  });

  it('one column of lines fills the blank cells down the run, and inserts where a cell is filled', () => {
    const before = filledRows();
    const blankValue = before.map((r, i) => (i === 10 ? { ...r, value: '' } : r));
    const p = plan(planPaste(G, blankValue, 10, 'value', parseTable('≥96%\n≥90%\n')));
    expect(triples(p.rows.slice(10))).toEqual(['满意度指标/服务对象满意度指标/群众满意度/≥96%', '满意度指标/服务对象满意度指标//≥90%']);
    expect(p).toMatchObject({ added: 1, filledIn: 1 });
  });

  it('a group with no merged columns: rows from the row pasted into, amounts read, free text kept', () => {
    const g = groupDef(bumenZhengti2015, 'tasks');
    const rows = [{ name: '旧任务', content: '', total: '1', fiscal: '1', other: '' }];
    const text = '"宣传教育"\t"开展宣传\r\n进社区"\t１２０.５\t100\t20.5\r\n执法检查\t检查\t"1,000"\t1000\t0\r\n';
    const p = plan(planPaste(g, rows, 0, 'name', parseTable(text)));
    expect(p.rows).toEqual([
      { name: '宣传教育', content: '开展宣传\n进社区', total: '120.5', fiscal: '100', other: '20.5' },
      { name: '执法检查', content: '检查', total: '1000', fiscal: '1000', other: '0' },
      rows[0],
    ]);
    // Into a padding row past the end: the rows up to it are made.
    const q = plan(planPaste(g, [], 2, 'total', parseTable('5\t3\t2\n')));
    expect(q.rows).toHaveLength(3);
    expect(q.rows[2]).toMatchObject({ total: '5', fiscal: '3', other: '2' });
    expect(q.placed).toEqual([2]);
  });
});

describe('refusals change nothing', () => {
  it('a shape that does not fit says which shapes do', () => {
    const r = planPaste(G, filledRows(), 0, 'value', parseTable('a\tb\tc\n'));
    expect(r).toEqual({
      refused:
        '粘贴的内容有 3 列，放不进「指标值」这一格。请复制从「指标值」起的 指标值（1 列以内），或完整的 一级指标、二级指标、三级指标、指标值（4 列）。表中没有任何改动。',
    });
    expect('refused' in planPaste(G, filledRows(), 0, 'level1', parseTable('甲\n乙\n'))).toBe(true);
  });

  it('more rows than the group may hold, pasted or after the paste', () => {
    const small = { ...G, maxRows: 12 };
    const many = Array.from({ length: 13 }, (_, i) => `指标${i}\t${i}`).join('\n');
    expect(planPaste(small, filledRows(), 0, 'name', parseTable(many))).toEqual({
      refused: '粘贴的内容有 13 行，超过了绩效指标最多 12 行的限制，没有粘贴，表中没有任何改动。',
    });
    const r = planPaste(small, filledRows(), 0, 'name', parseTable('甲\t1\n乙\t2\n'));
    expect(r).toEqual({ refused: '粘贴后绩效指标将有 13 行，超过最多 12 行的限制，没有粘贴，表中没有任何改动。请先删去不用的行。' });
  });

  it('never changes the rows it was given', () => {
    const before = filledRows();
    const copy = structuredClone(before);
    plan(planPaste(G, before, 0, 'level1', parseTable('效益指标\t新二级\t甲\t1\n产出指标\t数量指标\t乙\t2\n')));
    plan(planPaste(G, before, 0, 'name', parseTable('甲\t1\n乙\t2\n')));
    expect(before).toEqual(copy);
  });
});

describe('a combined 指标值 pasted into a template that prints it as 符号 | 值 | 计量单位', () => {
  const H = groupDef(xiangmuHubei2021, 'indicators');
  const hubei = (): GroupRow[] => rowsOf(blankForm(xiangmuHubei2021, '2026').values, 'indicators');
  const split = (r: GroupRow) => [r.level1, r.level2, r.name, r.sign, r.number, r.unit].join('/');

  it('一级|二级|三级|指标值 from an older form: each 指标值 split into the three, under its headings', () => {
    const text =
      '一级指标\t二级指标\t三级指标\t指标值\r\n产出指标\t数量指标\t培训人次\t≥200人次\r\n产出指标\t质量指标\t合格率\t不低于95%\r\n效益指标\t社会效益指标\t群众知晓度\t显著提高\r\n';
    const p = plan(planPaste(H, hubei(), 0, 'level1', parseTable(text)));
    expect(p.placed.map((i) => split(p.rows[i]))).toEqual([
      '产出指标/数量指标/培训人次/≥/200/人次',
      '产出指标/质量指标/合格率/≥/95/%',
      '效益指标/社会效益指标/群众知晓度/定性/显著提高/',
    ]);
    expect(p).toMatchObject({ skipped: [], added: 0, filledIn: 3 });
  });

  it('三级|指标值 into a 三级 cell, and a column of 指标值 into the 符号 or 值 cell, split too', () => {
    const rows = hubei();
    const two = plan(planPaste(H, rows, 0, 'name', parseTable('培训人次\t≥200人次\n')));
    expect(split(two.rows[0])).toBe('产出指标/数量指标/培训人次/≥/200/人次');
    const named = rows.map((r, i) => (i === 0 ? { ...r, name: '培训人次' } : r));
    const onSign = plan(planPaste(H, named, 0, 'sign', parseTable('≥200人次\n')));
    expect(split(onSign.rows[0])).toBe('产出指标/数量指标/培训人次/≥/200/人次');
    const onValue = plan(planPaste(H, named, 0, 'number', parseTable('＜＝5%\n')));
    expect(split(onValue.rows[0])).toBe('产出指标/数量指标/培训人次/≤/5/%');
  });

  it('what already is a sign, or a bare figure, goes into its own column as before', () => {
    const rows = hubei();
    const signs = plan(planPaste(H, rows, 0, 'name', parseTable('培训人次\t≥\t200\t人次\n')));
    expect(split(signs.rows[0])).toBe('产出指标/数量指标/培训人次/≥/200/人次');
    const sign = plan(planPaste(H, rows, 0, 'name', parseTable('培训人次\t大于等于\n')));
    expect(split(sign.rows[0])).toBe('产出指标/数量指标/培训人次/≥//');
    const figure = plan(planPaste(H, rows, 0, 'number', parseTable('200\t人次\n')));
    expect(split(figure.rows[0])).toBe('产出指标/数量指标//' + '/200/人次');
  });
});
