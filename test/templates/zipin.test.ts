/**
 * 项目支出绩效自评表 (shared/templates/xiangmu-zipin.ts): the filled example scores as an
 * independent computation says, prints in Word as computed, and imports back — exactly from the
 * embedded copy, and from the printed table alone (its money block read where a row's 资金来源
 * meets a column's header, its grid found under the header row naming most of its columns).
 */
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { exportDocx } from '../../electron/core/export';
import { readDocxFormsNow } from '../../electron/core/import/readNow';
import type { GroupRow } from '../../shared/form';
import { withComputed } from '../../shared/formOps';
import { fromLabelJson } from '../../shared/labelJson';
import { checkTemplate } from '../../shared/template/check';
import type { TemplateDef } from '../../shared/template/schema';
import { BUILTIN_TEMPLATES } from '../../shared/templates';
import { xiangmuZipin as T } from '../../shared/templates/xiangmu-zipin';
import { validateForm } from '../../shared/validation';
import { cellAt, readDocxGrid } from '../helpers/docxGrid';

const json = JSON.parse(readFileSync('test/fixtures/xiangmu-zipin-example.json', 'utf8'));
const form = () => withComputed(fromLabelJson(json, T).form, T);

describe('项目支出绩效自评表', () => {
  it('is sound, built in, and its example scores as computed by hand', () => {
    expect(checkTemplate(T)).toEqual([]);
    expect(BUILTIN_TEMPLATES).toContain(T);
    expect(fromLabelJson(json, T).notes).toEqual([]);
    const v = form().values;
    // 全年预算数 68, 全年执行数 63.6234: 执行率 93.5638… % → 93.56 %, budget 9.356… → 9.36.
    expect([v.totalBudget, v.totalSpent, v.execRate, v.budgetScore, v.budgetWeight]).toEqual(['68', '63.6234', '93.56', '9.36', '10']);
    // 11/12 × 20 = 18.333 → 18.33; 6300 ≥ 6000 full; 0 ≤ 0 full; the date row typed 5; 5/5.2 × 5 = 4.8077 → 4.81;
    // 定性 typed 18; 不适用 blank; 92 ≥ 90 full.
    expect((v.indicators as GroupRow[]).map((r) => r.score)).toEqual(['18.33', '10', '10', '5', '4.81', '18', '', '10']);
    // (76.14 + 9.36) × 100 ÷ (100 − 10) = 95.
    expect([v.totalPoints, v.totalScore, v.grade]).toEqual(['100', '95', '优']);
    expect(validateForm(form(), T)).toEqual([]);
  });

  it('names the project and its money as the declaration does: every name the declaration reads, the 自评 reads and seeds from', () => {
    const D = BUILTIN_TEMPLATES.find((t) => t.id === 'xiangmu-zhichu')!;
    const names = (t: TemplateDef, id: string) => {
      const f = t.fields.find((x) => x.id === id)!;
      return [f.label, ...(f.aliases ?? [])];
    };
    for (const id of ['projectName', 'department', 'unit']) expect(names(T, id), id).toEqual(expect.arrayContaining(names(D, id)));
    const seedOf = (id: string) => T.fields.find((x) => x.id === id)!.seed!.labels!;
    for (const [stage, declared] of [
      ['totalInitial', 'total'],
      ['fiscalInitial', 'fiscal'],
      ['otherInitial', 'other'],
    ])
      expect(seedOf(stage), stage).toEqual(expect.arrayContaining(names(D, declared)));
  });

  it('prints as computed in Word and imports back, from the copy and from the table alone', async () => {
    const f = form();
    const { bytes } = await exportDocx(f, T, { appVersion: 't' });
    const grid = await readDocxGrid(bytes);
    expect([3, 4].map((r) => [5, 6, 7, 8].map((c) => cellAt(grid.table, r, c)!.text))).toEqual([
      ['63.6234', '10.00', '93.56%', '9.36'],
      ['55.1234', '—', '', ''],
    ]);
    expect([cellAt(grid.table, 11, 6)!.text, cellAt(grid.table, 19, 7)!.text, cellAt(grid.table, 20, 6)!.text]).toEqual([
      '20.00',
      '95.00',
      '优',
    ]);

    const read = async (b: Uint8Array) => readDocxFormsNow(b, { templates: BUILTIN_TEMPLATES })[0];
    const exact = await read(bytes);
    expect([exact.source, exact.notes]).toEqual(['embedded', []]);
    expect(exact.data).toEqual(f);
    const zip = await JSZip.loadAsync(bytes);
    zip.remove('docProps/custom.xml');
    const table = await read(await zip.generateAsync({ type: 'uint8array' }));
    expect([table.source, table.notes]).toEqual(['table', []]);
    expect(table.data.values).toEqual(f.values);
  });
});
