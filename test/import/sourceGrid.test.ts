/**
 * The import review's evidence (issue #21 point 5): each form's preview carries the table it was
 * read from, cells marked read (their text is a value the form took), unplaced (listed as having
 * no place) or neither (labels, empty cells).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { previewImport } from '../../electron/core/import';
import type { Store } from '../../electron/core/store';
import { exportDocx } from '../../electron/core/export';
import { seedForm, T2019 } from '../helpers/seed';
import { storeIn, tempDir } from '../store/tempStore';

const real = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/real/${name}.docx`, import.meta.url)));

let tmp: ReturnType<typeof tempDir>;
let store: Store;
beforeEach(() => {
  tmp = tempDir();
  store = storeIn(tmp.dir, { autoBackup: false });
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

type Cells = Awaited<ReturnType<typeof previewImport>>[number]['sourceTables'][number]['cells'];
const cellWith = (cells: Cells, text: string) => cells.find((c) => c.text.replace(/\s+/g, '') === text);

describe('the source table in the import preview', () => {
  it('marks the value cells read, the labels not, and a cell the template has no place for unplaced', async () => {
    const [p] = await previewImport(store, 'r01.docx', real('r01-hunan-yueyangxian-2022-gaobiaonongtian'));
    expect(p.sourceTables.length).toBeGreaterThan(0);
    const cells = p.sourceTables.flatMap((t) => t.cells);
    expect(cellWith(cells, '项目名称')?.mark).toBe('none');
    const projectName = p.title.replace(/\s+/g, '');
    expect(cellWith(cells, projectName)?.mark).toBe('read');
    expect(cellWith(cells, '彭兵')?.mark).toBe('unplaced');
    // The particulars and the indicator rows' cells: each value the form holds is marked where it was printed.
    expect(cells.filter((c) => c.mark === 'read').length).toBeGreaterThan(10);
    expect(cellWith(cells, '脱贫村村内道路硬化里程')?.mark).toBe('read');
    // Every cell lies inside its table's grid.
    for (const t of p.sourceTables) for (const c of t.cells) expect(c.row + c.rowSpan <= t.rows && c.col + c.colSpan <= t.cols).toBe(true);
  });

  it('two forms of one file: each preview shows its own table', async () => {
    const previews = await previewImport(store, 'r05.docx', real('r05-anhui-jinan-2025-tiyu-2forms'));
    expect(previews).toHaveLength(2);
    const [a, b] = previews.map((p) => p.sourceTables.flatMap((t) => t.cells));
    expect(cellWith(a, previews[0].title.replace(/\s+/g, ''))?.mark).toBe('read');
    expect(cellWith(b, previews[1].title.replace(/\s+/g, ''))?.mark).toBe('read');
    expect(cellWith(a, previews[1].title.replace(/\s+/g, ''))).toBeUndefined();
  });

  it('our own export is read from its embedded data: no source table to show', async () => {
    const { bytes } = await exportDocx(seedForm(), T2019, { appVersion: 'test' });
    const [p] = await previewImport(store, 'own.docx', bytes);
    expect(p.source).toBe('embedded');
    expect(p.sourceTables).toEqual([]);
  });
});
