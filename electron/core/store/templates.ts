/**
 * Imported templates kept in the database: loading them into the store's registry, storing and
 * removing them, and how many forms use each template.
 */
import { UserError } from '../../../shared/errors';
import { checkTemplate } from '../../../shared/template/check';
import { TemplateRegistry } from '../../../shared/template/registry';
import { templateDefSchema, type TemplateDef } from '../../../shared/template/schema';
import type { Db } from './sqlite';

export interface StoredTemplates {
  templates: TemplateDef[];
  /** A Chinese line for each stored row that was left out, and why. */
  skipped: string[];
}

/** Why a stored template row is not usable as a template, or the template. */
export function readStoredTemplate(json: string): TemplateDef | string {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return '不是有效的数据';
  }
  const parsed = templateDefSchema.safeParse(value);
  if (!parsed.success) return '格式不对';
  const problems = checkTemplate(parsed.data);
  return problems.length === 0 ? parsed.data : '内容不完整或有矛盾';
}

/**
 * Every stored version of every imported template. A row that does not read as a sound
 * template (hand-edited database, a newer app's format) is left out, never fatal: the forms
 * made with it then say their template is missing instead of the whole store failing. So is
 * one whose id is a built-in's (a backup carrying it, or an update that ships a built-in with an
 * id the user had already imported, issue #27 item 2): the built-in is used for its forms.
 */
export function loadStoredTemplates(db: Db, builtIns: readonly TemplateDef[]): StoredTemplates {
  const builtInIds = new Set(builtIns.map((t) => t.id));
  const rows = db.prepare('SELECT id, version, json FROM templates ORDER BY id, version').all() as {
    id: string;
    version: number;
    json: string;
  }[];
  const out: StoredTemplates = { templates: [], skipped: [] };
  for (const r of rows) {
    const t = readStoredTemplate(r.json);
    const name = `导入的表样「${r.id}」（第 ${r.version} 版）`;
    if (typeof t === 'string') out.skipped.push(`${name}${t}，没有载入；用它填写的表单要在重新导入该表样后才能打开`);
    else if (builtInIds.has(t.id) || builtInIds.has(r.id))
      out.skipped.push(`${name}与程序自带的表样编号相同，没有载入；用它填写的表单按程序自带的表样打开`);
    else out.templates.push(t);
  }
  return out;
}

/** The registry of a store: the built-ins and the stored templates that load. */
export function templateRegistry(db: Db, builtIns: readonly TemplateDef[]): { registry: TemplateRegistry; skipped: string[] } {
  const { templates, skipped } = loadStoredTemplates(db, builtIns);
  return { registry: new TemplateRegistry(builtIns, templates), skipped };
}

export function storeTemplate(db: Db, registry: TemplateRegistry, t: TemplateDef, at: string): void {
  if (registry.isBuiltIn(t.id))
    throw new UserError(`表样编号「${t.id}」与程序自带的表样相同，请在文件中换一个编号（id）后再导入`, 'template.builtin');
  db.prepare('INSERT OR REPLACE INTO templates (id, version, json, imported_at) VALUES (?, ?, ?, ?)').run(
    t.id,
    t.version,
    JSON.stringify(t),
    at,
  );
}

/** Refuses a built-in, an unknown template and one that forms (also in the trash) still use. */
export function checkRemovable(db: Db, registry: TemplateRegistry, id: string): void {
  if (registry.isBuiltIn(id)) throw new UserError('程序自带的表样不能删除', 'template.builtin');
  const t = registry.find(id);
  if (!t) throw new UserError(`没有编号为「${id}」的表样`, 'not-found');
  const used = templateUse(db).get(id) ?? 0;
  if (used > 0)
    throw new UserError(
      `还有 ${used} 份表单（含回收站中的）使用表样「${t.title}」，不能删除；请先删除这些表单并清空回收站`,
      'template.inUse',
    );
}

export function templateUse(db: Db): Map<string, number> {
  const rows = db.prepare('SELECT template_id AS id, count(*) AS n FROM forms GROUP BY template_id').all() as { id: string; n: number }[];
  return new Map(rows.map((r) => [r.id, r.n]));
}
