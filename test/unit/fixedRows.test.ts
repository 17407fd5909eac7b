/** 固化 indicator rows (issue 25, point 3): put in, never lost, their locked cells known, and a form that lost one told so. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtinCheck } from '../../shared/checks';
import type { FormData, GroupRow } from '../../shared/form';
import { completeRow, withComputed } from '../../shared/formOps';
import { fixedRowAt, isLockedCell, withFixedRows } from '../../shared/fixedRows';
import { fromLabelJson } from '../../shared/labelJson';
import { carryToNewYear } from '../../shared/newYear';
import { checkTemplate } from '../../shared/template/check';
import { HUBEI_FIXED_COST_ROW, xiangmuHubei2021 as T } from '../../shared/templates/xiangmu-hubei-2021';

const g = T.groups![0];
const blank = () => completeRow(g);
const example = (): FormData =>
  withComputed(
    fromLabelJson(
      JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/xiangmu-hubei-2025-example.json', import.meta.url)), 'utf8')),
      T,
    ).form,
    T,
  );
const rowsOf = (f: FormData) => f.values.indicators as GroupRow[];
const kept = (f: FormData) =>
  builtinCheck('fixedRowsKept')!.run({ template: T, form: f, year: '2025' }, { group: 'indicators', name: 'name' } as never);
const COST_AT = 4; // the example's 成本 row

describe('the fixed rows of a template', () => {
  it('are found by their locked columns; their locked cells, and only those, are locked', () => {
    const rows = rowsOf(example());
    expect(fixedRowAt(g, rows, COST_AT)?.values.name).toBe('项目或定额成本控制率');
    expect(fixedRowAt(g, rows, 0)).toBeUndefined();
    for (const c of ['level1', 'level2', 'name', 'sign']) expect(isLockedCell(g, rows, [COST_AT], c), c).toBe(true);
    for (const c of ['number', 'unit', 'explain', 'standard']) expect(isLockedCell(g, rows, [COST_AT], c), c).toBe(false);
    // A merged 一级 cell over the fixed row is locked too: typing there would change it.
    expect(isLockedCell(g, rows, [0, 1, 2, 3, 4], 'level1')).toBe(true);
    expect(isLockedCell(g, rows, [0, 1], 'level2')).toBe(false);
  });

  it('are put back where they belong when a form lost one, and never twice', () => {
    const rows = rowsOf(example());
    const lost = rows.filter((_, i) => i !== COST_AT);
    const back = withFixedRows(g, lost, blank);
    expect(back).toHaveLength(rows.length);
    expect(back[COST_AT]).toMatchObject(HUBEI_FIXED_COST_ROW); // after the 产出指标 rows, before 效益
    expect(withFixedRows(g, rows, blank)).toEqual(rows);
    // No 产出指标 run at all: at the end.
    expect(withFixedRows(g, [], blank)).toEqual([{ ...blank(), ...HUBEI_FIXED_COST_ROW }]);
  });

  it('fixedRowsKept says the row is gone, or its 三级/符号 changed, and is quiet on the example', () => {
    const f = example();
    expect(kept(f)).toEqual([]);
    const deleted = { ...f, values: { ...f.values, indicators: rowsOf(f).filter((_, i) => i !== COST_AT) } };
    const [m] = kept(deleted);
    expect(m).toMatchObject({ field: 'indicators', severity: 'error', code: 'fixedRowMissing' });
    expect(m.message).toMatch(
      /^表样固化的指标「项目或定额成本控制率」不见了或被改动.*三级指标「项目或定额成本控制率」、符号「=」不能改。建议：/,
    );
    const changed = rowsOf(f).map((r, i) => (i === COST_AT ? { ...r, sign: '≤' } : r));
    expect(kept({ ...f, values: { ...f.values, indicators: changed } })).toHaveLength(1);
    // The clerk's own 值 does not count as a change.
    const filled = rowsOf(f).map((r, i) => (i === COST_AT ? { ...r, number: '98' } : r));
    expect(kept({ ...f, values: { ...f.values, indicators: filled } })).toEqual([]);
  });

  it('a new year from a form that lost the row has it again', () => {
    const f = example();
    const lost = { ...f, values: { ...f.values, indicators: rowsOf(f).filter((_, i) => i !== COST_AT) } };
    const next = carryToNewYear(lost, T, '2026').form;
    expect(rowsOf(next)[COST_AT]).toMatchObject(HUBEI_FIXED_COST_ROW);
    expect(kept(next)).toEqual([]);
  });

  it('a template file whose fixed row names a column that is not there, or locks a column it gives no value, is refused', () => {
    const bad = (fixedRows: NonNullable<typeof g.fixedRows>) => checkTemplate({ ...T, groups: [{ ...g, fixedRows }] }).join('\n');
    expect(bad([{ values: { name: '成本控制率', nope: '1' }, locked: ['name'] }])).toMatch(/第 1 个固化行用到了不存在的列「nope」/);
    expect(bad([{ values: { name: '成本控制率' }, locked: ['name', 'sign'] }])).toMatch(/锁定了列「sign」，却没有给出它的值/);
  });
});
