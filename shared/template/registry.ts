/**
 * The templates a store knows: the built-in ones and those imported from template files. A
 * form names its template by id and version; a built-in template is always used in its current
 * version, an imported one in the version the form was made with when the store still has it.
 */
import { UserError } from '../errors';
import type { TemplateDef } from './schema';

export interface TemplateInfo {
  id: string;
  version: number;
  title: string;
  description: string;
  builtIn: boolean;
}

export class TemplateRegistry {
  private readonly builtIns: Map<string, TemplateDef>;
  /** Imported templates by id, every stored version, newest last. */
  private readonly imported = new Map<string, TemplateDef[]>();

  constructor(builtIns: readonly TemplateDef[], imported: readonly TemplateDef[] = []) {
    this.builtIns = new Map(builtIns.map((t) => [t.id, t]));
    for (const t of imported) this.add(t);
  }

  add(t: TemplateDef): void {
    if (this.builtIns.has(t.id)) throw new UserError(`表样编号「${t.id}」与程序自带的表样相同，请换一个编号`);
    const list = (this.imported.get(t.id) ?? []).filter((x) => x.version !== t.version);
    list.push(t);
    list.sort((a, b) => a.version - b.version);
    this.imported.set(t.id, list);
  }

  remove(id: string): void {
    this.imported.delete(id);
  }

  isBuiltIn(id: string): boolean {
    return this.builtIns.has(id);
  }

  /** The template of a form: its version when stored, else the newest. */
  find(id: string, version?: number): TemplateDef | undefined {
    const b = this.builtIns.get(id);
    if (b) return b;
    const list = this.imported.get(id);
    if (!list) return undefined;
    return list.find((t) => t.version === version) ?? list[list.length - 1];
  }

  get(id: string, version?: number): TemplateDef {
    const t = this.find(id, version);
    if (!t)
      throw new UserError(`不认识的表样「${id}」。这份表单是用别处导入的表样填写的，请先在「表样管理」中导入该表样`, 'unknown-template');
    return t;
  }

  /**
   * What a request or label-keyed JSON that names no template means: the first built-in the store
   * was given (the app's first form, the 2019 department form, is first in shared/templates).
   */
  defaultTemplate(): TemplateDef {
    const first = this.builtIns.values().next();
    if (first.done) throw new UserError('没有可用的表样，请先在「表样管理」中导入表样', 'unknown-template');
    return first.value;
  }

  /** The newest version of every template, built-in ones first. */
  all(): TemplateDef[] {
    return [...this.builtIns.values(), ...[...this.imported.values()].map((l) => l[l.length - 1])];
  }

  /** Every stored version of the imported templates. */
  importedVersions(): TemplateDef[] {
    return [...this.imported.values()].flat();
  }

  infos(): TemplateInfo[] {
    return this.all().map((t) => ({
      id: t.id,
      version: t.version,
      title: t.title,
      description: t.description,
      builtIn: this.isBuiltIn(t.id),
    }));
  }

  /** Templates whose printed title is `title` (label-keyed JSON names its form by title). */
  byTitle(title: string): TemplateDef[] {
    const want = title.replace(/\s+/g, '');
    return this.all().filter((t) => t.title.replace(/\s+/g, '') === want);
  }
}
