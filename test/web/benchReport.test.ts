import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collect, parseBenchArgs, TARGETS, toJson, toTable } from '../../bench/run';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('bench report', () => {
  it('keeps the figures of working modules when others are missing or fail', async () => {
    const report = await collect(['store', 'export', 'import', 'editor'], async (area) => {
      if (area === 'store') return async () => ({ store_save_ms_p50: 0.5, store_save_ms_p99: 12 });
      if (area === 'export') return async () => ({ export_ms_p50: 9, export_bad: Number.NaN });
      if (area === 'import') return async () => Promise.reject(new Error('读不到样例\nstack line'));
      return null;
    });
    expect(report.figures).toEqual({ store_save_ms_p50: 0.5, store_save_ms_p99: 12, export_ms_p50: 9 });
    expect(report.errors).toEqual({
      'export.export_bad': '结果不是数字：NaN',
      import: '运行失败：读不到样例',
      editor: '没有找到 bench/editor.ts',
    });
    expect(report.machine.cores).toBeGreaterThan(0);

    const table = toTable(report);
    expect(table).toMatch(/store_save_ms_p50\s+0\.50\s+≤ 2\s+达标/);
    expect(table).toMatch(/store_save_ms_p99\s+12\.0\s+≤ 10\s+未达标/);
    expect(table).toMatch(/keystroke_ms_p95\s+—\s+≤ 16\s+未测得/);
    expect(table).toContain('达标 2 / 3 项');
    expect(table).toContain('错误：import：运行失败：读不到样例');

    const json = JSON.parse(toJson(report));
    expect(json.store_save_ms_p99).toBe(12);
    expect(json.machine.node).toBe(process.version);
    // Every figure an issue set a goal for has its target (more may be added by later issues).
    expect(Object.keys(TARGETS)).toEqual(
      expect.arrayContaining([
        'store_save_ms_p50',
        'store_save_ms_p99',
        'store_open_ms_5000',
        'store_list_ms_5000',
        'export_ms_p50',
        'export_vs_floor',
        'import_ms_p50',
        'import_batch_200_ms',
        'editor_ready_ms',
        'keystroke_ms_p95',
        'xiangmu_export_ms_p50',
        'xiangmu_import_ms_p50',
        'xiangmu_editor_ready_ms',
        'xiangmu_keystroke_ms_p95',
        'store_open_ms_150k',
        'store_list_page_ms_150k',
        'store_search_ms_150k',
        'summary_ms_15k',
        'summary_xlsx_ms_15k',
        'summary_xlsx_rss_mb',
        'ui_list_ready_ms_15k',
        'suggest_ms_p95',
        'diff_ms_p50',
      ]),
    );
  });

  it('parses --json and --only', () => {
    expect(parseBenchArgs([])).toEqual({
      json: false,
      areas: ['store', 'export', 'import', 'editor', 'summary', 'library', 'computed', 'stages', 'blank', 'quality', 'lastYear', 'upload'],
    });
    expect(parseBenchArgs(['--json', '--only', 'store,import'])).toEqual({ json: true, areas: ['store', 'import'] });
    expect(parseBenchArgs(['--only=export'])).toEqual({ json: false, areas: ['export'] });
  });

  it('prints exactly one JSON object on stdout with --json', () => {
    const out = execFileSync('npx', ['tsx', 'bench/run.ts', '--json', '--only', 'none'], { cwd: ROOT, encoding: 'utf8' });
    expect(out.trim().split('\n')).toHaveLength(1);
    const json = JSON.parse(out);
    expect(Object.keys(json).sort()).toEqual(['errors', 'machine']);
    expect(json.machine.cpu).toBeTruthy();
  });
});
