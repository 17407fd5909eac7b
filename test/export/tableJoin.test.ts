/**
 * A grid form is written as two Word tables so that the grid's header repeats on every page
 * (Word repeats header rows only at a table's top). Where they meet, the page must show one
 * rule, not two a twip apart (issue 26 item 10): the first table has no bottom rule, the second
 * keeps its top one, and the cut keeps with the next table so that it never falls at a page's
 * end. Read back from the file's XML with saxes, not with the writer's code.
 */
import { readFileSync } from 'node:fs';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { exportDocx } from '../../electron/core/export';
import { fromLabelJson } from '../../shared/labelJson';
import { xiangmuZhichu as T } from '../../shared/templates/xiangmu-zhichu';
import { readDocxParts } from '../helpers/docxGrid';

interface Tbl {
  borders: Record<string, string>;
  /** Whether every paragraph of its last row keeps with the next. */
  lastRowKeepsNext: boolean;
}

/** The body's tables (their tblBorders) and the paragraphs between them (keepNext or not), in order. */
function bodyOf(xml: string): { tables: Tbl[]; between: boolean[] } {
  const tables: Tbl[] = [];
  const between: boolean[] = [];
  let depth = 0;
  let inBorders = false;
  let rowKeeps: boolean[] = [];
  let paraKeeps = false;
  let inTopPara = false;
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => {
    const name = tag.name;
    if (name === 'w:tbl') {
      depth++;
      if (depth === 1) tables.push({ borders: {}, lastRowKeepsNext: false });
    } else if (depth === 1 && name === 'w:tblBorders') inBorders = true;
    else if (inBorders) tables.at(-1)!.borders[name.slice(2)] = String(tag.attributes['w:val'] ?? '');
    else if (depth === 1 && name === 'w:tr') rowKeeps = [];
    else if (name === 'w:p') {
      paraKeeps = false;
      inTopPara = depth === 0;
    } else if (name === 'w:keepNext') paraKeeps = true;
  });
  parser.on('closetag', (tag) => {
    const name = tag.name;
    if (name === 'w:tbl') depth--;
    else if (name === 'w:tblBorders') inBorders = false;
    else if (name === 'w:p') {
      if (depth === 1) rowKeeps.push(paraKeeps);
      else if (inTopPara && tables.length > 0) between.push(paraKeeps);
    } else if (depth === 1 && name === 'w:tr') tables.at(-1)!.lastRowKeepsNext = rowKeeps.length > 0 && rowKeeps.every(Boolean);
  });
  parser.write(xml).close();
  return { tables, between };
}

describe('the two tables of a grid form in Word', () => {
  it('meet in one rule: no bottom rule on the first, a top rule on the second, the cut kept with the next table', async () => {
    const fixture = JSON.parse(readFileSync(new URL('../fixtures/xiangmu-2025-tiyu.json', import.meta.url), 'utf8'));
    const { bytes } = await exportDocx(fromLabelJson(fixture, T).form, T, { appVersion: 't' });
    const { tables, between } = bodyOf((await readDocxParts(bytes)).get('word/document.xml')!);
    expect(tables).toHaveLength(2);
    expect(tables[0].borders.bottom).toBe('none');
    expect(tables[0].borders.top).toBe('single');
    expect(tables[1].borders.top).toBe('single');
    expect(tables[1].borders.bottom).toBe('single');
    expect(tables[0].lastRowKeepsNext).toBe(true);
    expect(tables[1].lastRowKeepsNext).toBe(false);
    // The one-twip paragraph between them (and whatever lines follow the form) : the first keeps with the table.
    expect(between[0]).toBe(true);
  });
});
