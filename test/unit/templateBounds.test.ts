/**
 * Bounds the template check puts on what makes the importer or the editor slow (issue #27, item 8):
 *   - a line above or below the table whose fields sit side by side, or holds many of them, made
 *     the importer's whole-line pattern try every split of a paragraph: an ordinary note with 24
 *     commas took 13 s to minutes in every hand-made file;
 *   - a check listing 80,000 levels stalled the editor, which runs the checks at every key.
 */
import { describe, expect, it } from 'vitest';
import { readLines } from '../../electron/core/import/lineReader';
import { checkTemplate } from '../../shared/template/check';
import { templateFromFile, templateToFile } from '../../shared/template/file';
import type { LineDef, TemplateDef } from '../../shared/template/schema';
import { BUILTIN_TEMPLATES } from '../../shared/templates';
import { MADE_UP_TEMPLATE as T } from '../helpers/madeUpTemplate';

const withLine = (segments: LineDef['segments']): TemplateDef => ({
  ...T,
  above: [...T.above, { ...T.above[0], id: 'echoes', role: undefined, segments }],
});
/** The probe's line: four echoed text fields side by side, then a bracket. */
const ECHOES = withLine([
  ...['owner', 'fundName', 'notes', 'maker'].map((field) => ({ field, echo: true })),
  { text: '（' },
  { field: 'owner', echo: true },
  { text: '）：' },
]);
const NOTE = `说明${Array.from({ length: 24 }, (_, i) => `第${i + 1}项`).join('，')}。`;

describe('lines above and below the table', () => {
  it('refuses text fields side by side, and more than three in a line', () => {
    expect(checkTemplate(ECHOES).join()).toMatch(/表格外的文字行「echoes」中字段「owner」和「fundName」紧挨着，中间没有文字/);
    expect(() => templateFromFile(templateToFile(ECHOES))).toThrow(/这个表样文件不能导入：.*紧挨着/);
    const many = withLine(['owner', 'fundName', 'notes', 'maker'].flatMap((field) => [{ text: `${field}：` }, { field, echo: true }]));
    expect(checkTemplate(many).join()).toMatch(/「echoes」放了超过 3 个文字字段/);
    // A year beside a text field has a fixed shape (湖南 2023: the unit's name, then the year).
    expect(checkTemplate(withLine([{ field: 'owner', echo: true }, { field: 'year', echo: true }, { text: '年度' }]))).toEqual([]);
    for (const b of BUILTIN_TEMPLATES) expect(checkTemplate(b), b.id).toEqual([]);
  });

  it(
    'a template stored before the check is read by its label pairs, so an ordinary note does not stall the import',
    { timeout: 20_000 },
    () => {
      // On the old code this took minutes (84 s measured for this note).
      expect(readLines(ECHOES, [NOTE], []).has('fundName')).toBe(false);
    },
  );
});

describe('parameters of a template’s checks', () => {
  const hunan = BUILTIN_TEMPLATES.find((t) => t.id === 'bumen-zhengti-hunan-2023')!;
  const withLevels = (levels: string[]): TemplateDef => ({
    ...hunan,
    id: 'hunan-copy',
    rules: hunan.rules.map((r) => (r.type === 'check' && r.check === 'levelsFilled' ? { ...r, params: { ...r.params, levels } } : r)),
  });

  it('refuses a list of 80,000 levels and a 10,000-character name, saying the limit', () => {
    const many = checkTemplate(withLevels(Array.from({ length: 80_000 }, (_, i) => `指标${i}`))).join();
    expect(many).toMatch(/levelsFilled）的参数不对：levels过长或过多（最多 50）/);
    expect(checkTemplate(withLevels(['产出指标', 'x'.repeat(10_000)])).join()).toMatch(/levels\.1过长或过多（最多 100）/);
    expect(checkTemplate(withLevels(['产出指标', '效益指标', '满意度指标']))).toEqual([]);
  });
});
