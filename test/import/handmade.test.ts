import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../helpers/read';
import { withComputed } from '../../shared/formOps';
import { HANDMADE_DOCX_PATH, seedForm, seedJson, T2019 } from '../helpers/seed';
import { handmadeFormBody, makeDocx, para, paras, run, tbl, tc, tr } from '../helpers/makeDocx';

const seed = () => withComputed(seedForm(), T2019);

describe('hand-made Word files are read from their table', () => {
  it('reads the hand-made fixture to the seed form', async () => {
    const r = await readDocx(readFileSync(HANDMADE_DOCX_PATH));
    expect(r.source).toBe('table');
    expect(r.data).toEqual(seed());
    expect(r.uncertain).toEqual([]);
    expect(r.notes).toEqual([]);
  });

  it('reads a form typed the plain way with our helper to the seed form', async () => {
    const r = await readDocx(await makeDocx(handmadeFormBody(seedJson())));
    expect(r.data).toEqual(seed());
  });

  it('accepts other counties’ label variants, half-width brackets and colons', async () => {
    const body = handmadeFormBody(seedJson(), {
      labels: { 部门名称: '部门(单位)名称', 一般公共预算拨款: '公共财政拨款', 部门职能职责概述: '部门职能职责' },
      unitLabel: '填报单位(公章):',
      yearLine: '( {year} 年度 )',
      colon: ':',
    });
    const r = await readDocx(await makeDocx(body));
    expect(r.data).toEqual(seed());
  });

  it('drops a money-unit note printed at the end of the unit line', async () => {
    const r = await readDocx(
      await makeDocx(handmadeFormBody({ ...seedJson(), 填报单位: '湖南省桃源县看守所\u3000\u3000\u3000单位：万元' })),
    );
    expect(r.data.values.unit).toBe('湖南省桃源县看守所');
  });

  it('reads amounts written as 442.21万元, in full-width digits, blank and 0', async () => {
    const v = {
      ...seedJson(),
      资金总额: '４４２．２１',
      一般公共预算拨款: '382.21万元',
      政府性基金拨款: '',
      纳入专户管理的非税收入拨款: '0',
      其他资金: '60 万元',
      基本支出: '393.21',
      项目支出: '49.00',
    };
    const r = await readDocx(await makeDocx(handmadeFormBody(v)));
    expect(r.data.values.total).toBe('442.21');
    expect(r.data.values.generalBudget).toBe('382.21');
    expect(r.data.values.govFund).toBe('');
    expect(r.data.values.specialNonTax).toBe('0');
    expect(r.data.values.otherFunds).toBe('60');
    expect(r.data.values.projectExpenditure).toBe('49');
    expect(r.data.values.incomeTotal).toBe('442.21');
    expect(r.uncertain).toEqual([]);
  });

  it('keeps an unreadable amount as typed, marked uncertain with a Chinese note', async () => {
    const r = await readDocx(await makeDocx(handmadeFormBody({ ...seedJson(), 其他资金: '六十' })));
    expect(r.data.values.otherFunds).toBe('六十');
    expect(r.uncertain).toContain('otherFunds');
    expect(r.notes.join('\n')).toMatch(/其他资金.*六十.*无法识别/);
  });

  it('notes a printed total that disagrees with its parts', async () => {
    const r = await readDocx(await makeDocx(handmadeFormBody({ ...seedJson(), 按收入性质分: '500' })));
    expect(r.data.values.incomeTotal).toBe('442.21');
    expect(r.uncertain).toContain('incomeTotal');
    expect(r.notes.join('\n')).toMatch(/按收入性质分.*500.*不一致/);
  });

  it('reads a table nested in a layout table, shifted by gridBefore, with bare vMerge', async () => {
    const body = handmadeFormBody(seedJson(), { nested: true, gridBefore: true, bareVMerge: true });
    const r = await readDocx(await makeDocx(body));
    expect(r.data).toEqual(seed());
  });

  it('reads text in content controls and tracked insertions, skips deletions and placeholders, keeps tabs and breaks', async () => {
    const v = seedJson();
    const body = handmadeFormBody(v)
      .replace(
        paras('湖南省桃源县看守所'),
        para(
          '<w:sdt><w:sdtPr><w:alias w:val="单位"/></w:sdtPr><w:sdtContent>' + run('湖南省桃源') + '</w:sdtContent></w:sdt>',
          '<w:ins w:id="1" w:author="a"><w:r><w:t>县看守所</w:t></w:r></w:ins>',
          '<w:del w:id="2" w:author="a"><w:r><w:delText>（旧名）</w:delText></w:r></w:del>',
          '<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>' + run('单击此处输入文字') + '</w:sdtContent></w:sdt>',
        ),
      )
      .replace(paras(v['整体绩效目标']), paras('第一段\t缩进\n第二行') + para(run('甲'), '<w:r><w:br/><w:t>乙</w:t></w:r>'));
    const r = await readDocx(await makeDocx(body));
    expect(r.data.values.department).toBe('湖南省桃源县看守所');
    expect(r.data.values.overallGoal).toBe('第一段\t缩进\n第二行\n甲\n乙');
  });

  it('keeps unnumbered indicator text whole and says so', async () => {
    const r = await readDocx(await makeDocx(handmadeFormBody({ ...seedJson(), 产出指标: '全年安全无事故\n按时完成各项任务' })));
    expect(r.data.values.output).toEqual({ mode: 'text', text: '全年安全无事故\n按时完成各项任务' });
    expect(r.notes.join('\n')).toMatch(/产出指标.*整段保留/);
  });

  it('structures indicators written with other numbering', async () => {
    const r = await readDocx(
      await makeDocx(
        handmadeFormBody({
          ...seedJson(),
          产出指标: '（一）数量指标：\n1.看守1000人\n（二）质量指标：\n①零事故',
          效益指标: '指标一：安全\n说明一\n指标二：满意度',
        }),
      ),
    );
    expect(r.data.values.output).toEqual({
      mode: 'parts',
      parts: { quantity: ['看守1000人'], quality: ['零事故'], timeliness: [], cost: [] },
    });
    expect(r.data.values.benefit).toEqual({
      mode: 'items',
      items: [
        { name: '安全', description: '说明一' },
        { name: '满意度', description: '' },
      ],
    });
  });

  it('reads 年度 without brackets and a missing sign line as notes, not failures', async () => {
    const v = seedJson();
    const body = handmadeFormBody(v, { yearLine: '{year}年度' }).replace(/<\/w:tbl>.*$/s, '</w:tbl><w:sectPr/>');
    const r = await readDocx(await makeDocx(body));
    expect(r.data.values.year).toBe('2019');
    expect(r.data.values.filler).toBe('');
    expect(r.uncertain).toEqual(expect.arrayContaining(['filler', 'phone']));
    expect(r.notes.join('\n')).toMatch(/没有找到「填报人」/);
  });

  it('finds the form table among other tables', async () => {
    const other = tbl([tr([tc(paras('附件')), tc(paras('说明'))])]);
    const r = await readDocx(await makeDocx(other + handmadeFormBody(seedJson()) + other));
    expect(r.data).toEqual(seed());
  });

  describe('a form table split into two tables', () => {
    /** Closes the form's table before its `row`-th row (0-based) and opens a second one, as Word does. */
    const splitBefore = (body: string, row: number, between = ''): string => {
      const at = [...body.matchAll(/<w:tr>/g)][row].index;
      const open = tbl([]).slice(0, -'</w:tbl>'.length);
      return body.slice(0, at) + '</w:tbl>' + between + open + body.slice(at);
    };

    it('joins the rows continued in a second table right after the first', async () => {
      const r = await readDocx(await makeDocx(splitBefore(handmadeFormBody(seedJson()), 7)));
      expect(r.data).toEqual(seed());
      expect(r.notes).toEqual([]);
    });

    it('joins across an empty paragraph and a vertical merge cut at a page break', async () => {
      const r = await readDocx(await makeDocx(splitBefore(handmadeFormBody(seedJson()), 4, para(run('')))));
      expect(r.data).toEqual(seed());
      expect(r.notes).toEqual([]);
    });

    it('does not join a table separated from the form by text', async () => {
      const body = splitBefore(handmadeFormBody(seedJson()), 7, paras('附：续表'));
      const r = await readDocx(await makeDocx(body));
      expect(r.data.values.functions).toBe('');
      expect(r.notes.join('\n')).toMatch(/没有找到「部门职能职责概述」/);
    });
  });

  describe('label words inside the values of the lines above and below the table', () => {
    const lineValues = (r: Awaited<ReturnType<typeof readDocx>>) => {
      const { unit, filler, phone, fillDate } = r.data.values;
      return { unit, filler, phone, fillDate };
    };

    it('does not cut a value at another field’s label word that has no colon', async () => {
      const r = await readDocx(
        await makeDocx(handmadeFormBody({ ...seedJson(), 填报单位: '湖南省桃源县填报日期管理办公室', 填报人: '联系电话张三' })),
      );
      expect(lineValues(r)).toEqual({
        unit: '湖南省桃源县填报日期管理办公室',
        filler: '联系电话张三',
        phone: '13973666908',
        fillDate: '2019-11-26',
      });
    });

    it('splits a sign line at each label followed by a colon', async () => {
      const v = { ...seedJson(), 填报人: '张三', 联系电话: '0736-1234567' };
      const r = await readDocx(await makeDocx(handmadeFormBody(v)));
      expect(lineValues(r)).toMatchObject({ filler: '张三', phone: '0736-1234567', fillDate: '2019-11-26' });
    });

    it('still splits a sign line whose 填报人 has an unclosed bracket', async () => {
      const r = await readDocx(await makeDocx(handmadeFormBody({ ...seedJson(), 填报人: '张三（科长' })));
      expect(lineValues(r)).toMatchObject({ filler: '张三（科长', phone: '13973666908', fillDate: '2019-11-26' });
    });

    it('keeps a label：value written in brackets inside a value as part of that value', async () => {
      const r = await readDocx(
        await makeDocx(handmadeFormBody({ ...seedJson(), 填报单位: '湖南省桃源县看守所（联系电话：0736-7654321）' })),
      );
      expect(lineValues(r)).toEqual({
        unit: '湖南省桃源县看守所（联系电话：0736-7654321）',
        filler: '郭明胜',
        phone: '13973666908',
        fillDate: '2019-11-26',
      });
      expect(r.uncertain).toEqual([]);
    });
  });
});
