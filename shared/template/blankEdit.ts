/**
 * The designer's changes to a template proposed from a blank form (表样管理 → 从空白表生成), as
 * pure functions from template to template: a field's label, kind or 必填; a value cell made a
 * blank that is not filled in; a blank cell made a value cell with a label of its own. Each
 * returns a new template (the store checks it in full when it is saved) or throws an Error whose
 * message is the Chinese sentence to show.
 */
import { kindForLabel } from '../kinds';
import { labelText } from './layout';
import type { CellDef, FieldDef, RuleDef, TemplateDef } from './schema';

const copy = (t: TemplateDef): TemplateDef => JSON.parse(JSON.stringify(t)) as TemplateDef;

function fieldOf(t: TemplateDef, id: string): FieldDef {
  const f = t.fields.find((x) => x.id === id);
  if (!f) throw new Error(`表样中没有编号为「${id}」的字段`);
  return f;
}

function labelTaken(t: TemplateDef, label: string, except?: string): boolean {
  return label === '表' || t.fields.some((f) => f.id !== except && f.label === label) || (t.groups ?? []).some((g) => g.label === label);
}

/** A field's name (what messages and label JSON call it), kind or 必填, changed. */
export function withFieldEdit(t: TemplateDef, id: string, edit: { label?: string; kind?: string; required?: boolean }): TemplateDef {
  const out = copy(t);
  const f = fieldOf(out, id);
  if (edit.label !== undefined) {
    const label = edit.label.trim();
    if (label === '') throw new Error('字段名称不能为空');
    if (label.length > 100) throw new Error('字段名称最多 100 个字');
    if (labelTaken(out, label, id)) throw new Error(`名称「${label}」已经用过了，字段名称不能重复`);
    // The printed text stays what the blank prints; only the name changes.
    if (f.printed === undefined && f.label !== label) f.printed = f.label;
    f.label = label;
    if (f.printed === label) delete f.printed;
  }
  if (edit.kind !== undefined) f.kind = edit.kind;
  if (edit.required !== undefined) {
    if (edit.required) f.required = true;
    else delete f.required;
  }
  return out;
}

const usesField = (r: RuleDef, id: string): boolean => JSON.stringify(r).includes(`"${id}"`);

/** A value cell made a blank nobody fills in: its field goes, its label cell prints the label as fixed text. */
export function withValueCleared(t: TemplateDef, id: string): TemplateDef {
  const out = copy(t);
  const f = fieldOf(out, id);
  const ident = out.identity;
  if ([ident.year, ident.unit, ident.date, ...ident.key, ...ident.title].includes(id))
    throw new Error(`「${f.label}」用来区分一份份表单（表单标识），不能设为空白格；可以改它的名称或类型`);
  if ([...out.above, ...out.below].some((l) => l.segments.some((s) => 'field' in s && s.field === id)))
    throw new Error(`「${f.label}」在表格外的文字行中，这里只能改表格中的单元格`);
  out.table.cells = out.table.cells.map((c): CellDef => {
    const content = c.content;
    if (content.type === 'field' && content.field === id) {
      if (!content.showLabel) return { ...c, content: { type: 'empty' } };
      return { ...c, content: { type: 'label', lines: [`${content.lead ?? ''}${f.printed ?? f.label}：`] } };
    }
    if (content.type === 'label' && content.of && 'field' in content.of && content.of.field === id)
      return { ...c, content: { type: 'label', lines: labelText(t, content).split('\n') } };
    return c;
  });
  out.fields = out.fields.filter((x) => x.id !== id);
  out.rules = out.rules.filter((r) => !usesField(r, id));
  if (out.summary) {
    out.summary.money = out.summary.money.filter((m) => m !== id);
    if (out.summary.goal === id) delete out.summary.goal;
    if (out.summary.parent === id) delete out.summary.parent;
  }
  return out;
}

/** A blank cell of the table (row and column of the template's grid) made a value cell with its own label. */
export function withValueAt(t: TemplateDef, row: number, col: number, label: string): TemplateDef {
  const out = copy(t);
  const cell = out.table.cells.find((c) => c.row === row && c.col === col);
  if (!cell || cell.content.type !== 'empty') throw new Error('只有空白格可以设为填写处');
  const name = label.trim();
  if (name === '') throw new Error('请给这个填写处起个名称');
  if (name.length > 100) throw new Error('字段名称最多 100 个字');
  if (labelTaken(out, name)) throw new Error(`名称「${name}」已经用过了，字段名称不能重复`);
  let n = out.fields.length + 1;
  while (out.fields.some((f) => f.id === `f${n}`)) n++;
  const id = `f${n}`;
  out.fields.push({ id, label: name, kind: kindForLabel(name) });
  cell.content = { type: 'field', field: id };
  return out;
}
