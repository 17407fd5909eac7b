/**
 * Template files: a finance bureau exports a template, edits it by hand and hands it out; the
 * units import it and their forms behave like built-in ones. A bad file is refused in Chinese,
 * naming the problem, and changes nothing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEMPLATE_FORMAT, TEMPLATE_SCHEMA_VERSION, type TemplateDef } from '../../shared/template/schema';
import { BUILTIN_TEMPLATES } from '../../shared/templates';
import { runCliCapture, lastLine } from '../helpers/cli';
import { readDocxGrid, cellAt } from '../helpers/docxGrid';
import { MADE_UP_TEMPLATE } from '../helpers/madeUpTemplate';
import { seedJson } from '../helpers/seed';
import { tempDir } from '../store/tempStore';

let tmp: ReturnType<typeof tempDir>;
let db: string;
beforeEach(() => {
  tmp = tempDir('shenbao-templates-');
  db = join(tmp.dir, 'shenbao.db');
});
afterEach(() => tmp.cleanup());

const cli = (...args: string[]) => runCliCapture(['--db', db, ...args]);

async function templateIds(): Promise<string[]> {
  const r = await cli('templates', '--json');
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { id: string }[]).map((t) => t.id);
}

describe('template files', () => {
  it('lists the built-in templates with their title and description', async () => {
    const r = await cli('templates', '--json');
    const list = JSON.parse(r.stdout) as { id: string; title: string; description: string; builtIn: boolean }[];
    expect(list[0]).toMatchObject({ id: 'bumen-zhengti-2019', title: '部门整体支出绩效目标申报表', builtIn: true });
    expect(list.every((t) => t.description.length > 10)).toBe(true);
  });

  it('takes the 2019 template edited by hand: its reworded label reads label JSON and its widened column prints', async () => {
    const exported = join(tmp.dir, 'bumen.json');
    const out = await cli('template', 'export', 'bumen-zhengti-2019', '--out', exported);
    expect(out.code, out.stderr).toBe(0);
    const file = JSON.parse(readFileSync(exported, 'utf8')) as { format: string; schemaVersion: number; template: TemplateDef };
    expect(file).toMatchObject({ format: TEMPLATE_FORMAT, schemaVersion: TEMPLATE_SCHEMA_VERSION });

    // What a finance bureau's clerk would do in a text editor.
    const t = file.template;
    t.id = 'bumen-zhengti-benxian';
    t.title = '部门整体支出绩效目标表（本县）';
    t.fields.find((f) => f.id === 'functions')!.label = '部门主要职能';
    t.table.columnsTwips[2] += 600;
    writeFileSync(exported, JSON.stringify(file, null, 2));

    const imported = await cli('template', 'import', exported);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('已导入表样「部门整体支出绩效目标表（本县）」');

    const json = { ...seedJson(), 表: '部门整体支出绩效目标表（本县）', 部门主要职能: '依法看守。' } as Record<string, string>;
    delete json['部门职能职责概述'];
    const jsonFile = join(tmp.dir, 'form.json');
    writeFileSync(jsonFile, JSON.stringify(json));
    const created = await cli('import-json', jsonFile);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stderr).not.toMatch(/未识别/);
    const id = lastLine(created.stdout);
    const shown = JSON.parse((await cli('show', id, '--json')).stdout) as Record<string, string>;
    expect(shown['部门主要职能']).toBe('依法看守。');
    expect(shown['表']).toBe('部门整体支出绩效目标表（本县）');

    const docx = join(tmp.dir, 'out.docx');
    expect((await cli('export', id, '--out', docx)).code).toBe(0);
    const g = await readDocxGrid(readFileSync(docx));
    expect(g.table.gridCols).toEqual(t.table.columnsTwips);
    expect(cellAt(g.table, 7, 0)!.text).toBe('部门主要职能');
    expect(cellAt(g.table, 7, 1)!.text).toBe('依法看守。');
    expect(cellAt(g.table, 7, 1)!.width).toEqual({ w: 1361 + 2835 + 600 + 2948, type: 'dxa' });
    // The built-in forms are all still there; the imported one comes after them.
    expect(await templateIds()).toEqual([...BUILTIN_TEMPLATES.map((x) => x.id), 'bumen-zhengti-benxian']);
  });

  it('makes, shows and exports a form of an imported template with a repeating group', async () => {
    const f = join(tmp.dir, 'made-up.json');
    writeFileSync(f, JSON.stringify({ format: TEMPLATE_FORMAT, schemaVersion: 1, template: MADE_UP_TEMPLATE }));
    expect((await cli('template', 'import', f)).code).toBe(0);
    const json = {
      表: MADE_UP_TEMPLATE.title,
      年度: '2026',
      主管单位: '某某县教育局',
      资金名称: '义务教育薄弱环节改善资金',
      分配明细: [{ 大类: '设备', 小类: '采购', 事项: '教室多媒体', '金额（万元）': '10.1', 完成时间: '' }],
    };
    const jsonFile = join(tmp.dir, 'form.json');
    writeFileSync(jsonFile, JSON.stringify(json));
    const created = await cli('import-json', jsonFile);
    expect(created.code, created.stderr).toBe(0);
    const shown = JSON.parse((await cli('show', lastLine(created.stdout), '--json')).stdout);
    expect(shown).toEqual({ ...json, 分配合计: '10.1', 备注: '', 制表人: '' });
    const list = JSON.parse((await cli('list', '--json')).stdout);
    expect(list[0]).toMatchObject({ template: MADE_UP_TEMPLATE.id, title: '义务教育薄弱环节改善资金', unit: '某某县教育局' });
    const removal = await cli('template', 'remove', MADE_UP_TEMPLATE.id);
    expect(removal.code).toBe(1);
    expect(removal.stderr).toMatch(/还有 1 份表单.*不能删除/);
  });

  describe('refuses a bad template file in Chinese and changes nothing', () => {
    const good = () => structuredClone(MADE_UP_TEMPLATE) as TemplateDef;
    const cases: [string, () => string, RegExp][] = [
      ['not JSON', () => '这不是 JSON', /不是 JSON 格式的表样文件/],
      [
        'a 10 MB file',
        () => JSON.stringify({ format: TEMPLATE_FORMAT, schemaVersion: 1, template: { pad: 'x'.repeat(10_000_000) } }),
        /文件过大/,
      ],
      ['not a template file', () => JSON.stringify({ hello: 1 }), /不是本程序导出的表样文件/],
      [
        'an unknown field kind',
        () => {
          const t = good();
          (t.fields[1] as { kind: string }).kind = 'spreadsheet';
          return JSON.stringify({ format: TEMPLATE_FORMAT, schemaVersion: 1, template: t });
        },
        /字段 第 2 个（主管单位） 类型的取值不认识/,
      ],
      [
        'a cell outside the grid',
        () => {
          const t = good();
          t.table.cells.push({ row: 1, col: 7, content: { type: 'empty' } });
          return JSON.stringify({ format: TEMPLATE_FORMAT, schemaVersion: 1, template: t });
        },
        /单元格（第 2 行第 8 列）超出了表格/,
      ],
      [
        'overlapping spans',
        () => {
          const t = good();
          t.table.cells[0].colSpan = 2;
          return JSON.stringify({ format: TEMPLATE_FORMAT, schemaVersion: 1, template: t });
        },
        /第 1 行第 2 列有单元格重叠/,
      ],
      [
        'a rule naming a missing field',
        () => {
          const t = good();
          t.rules.push({ type: 'equal', a: 'total', b: 'budget', message: '应相等' });
          return JSON.stringify({ format: TEMPLATE_FORMAT, schemaVersion: 1, template: t });
        },
        /第 2 条检查规则用到的字段「budget」不存在/,
      ],
      [
        'an identity naming a missing field',
        () => {
          const t = good();
          t.identity.title = ['projectName'];
          return JSON.stringify({ format: TEMPLATE_FORMAT, schemaVersion: 1, template: t });
        },
        /表单名称用到的字段「projectName」不存在/,
      ],
      [
        'the id of a built-in template',
        () => JSON.stringify({ format: TEMPLATE_FORMAT, schemaVersion: 1, template: { ...good(), id: 'bumen-zhengti-2019' } }),
        /与程序自带的表样相同/,
      ],
      [
        'a newer template format',
        () => JSON.stringify({ format: TEMPLATE_FORMAT, schemaVersion: 2, template: good() }),
        /来自更新版本的程序.*第 2 版/,
      ],
    ];
    it.each(cases)('%s', async (_name, content, message) => {
      const f = join(tmp.dir, 'bad.json');
      writeFileSync(f, content());
      const before = await templateIds();
      const r = await cli('template', 'import', f);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^错误：/);
      expect(r.stderr).toMatch(message);
      expect(await templateIds()).toEqual(before);
    });
  });
});
