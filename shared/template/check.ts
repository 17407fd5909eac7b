/**
 * What the schema cannot say about a template: that its grid is covered exactly once, that every
 * field is printed exactly once, that rules, identity and checks name fields that exist and have
 * the right kind. Each problem is one Chinese sentence naming where it is, for the people who
 * write template files; an empty list means the template is sound.
 */
import { builtinCheck } from '../checks';
import { compile, refsOf, type ComputeScope, type ComputeSpec } from '../compute';
import { isKnownKind, kindNames, kindOf } from '../kinds';
import type { CellDef, ColumnDef, FieldDef, GroupDef, LineDef, TemplateDef } from './schema';

/** The kinds a total and the money rules accept: the money kinds (金额). */
const AMOUNT: readonly string[] = kindNames().filter((k) => kindOf(k).money);

export function checkTemplate(t: TemplateDef): string[] {
  const problems: string[] = [];
  const say = (p: string) => problems.push(p);
  const fields = new Map<string, FieldDef>();
  const groups = new Map<string, GroupDef>();

  for (const f of t.fields) {
    if (fields.has(f.id)) say(`字段编号「${f.id}」重复`);
    fields.set(f.id, f);
  }
  for (const g of t.groups ?? []) {
    if (groups.has(g.id) || fields.has(g.id)) say(`分组编号「${g.id}」与其他字段或分组重复`);
    groups.set(g.id, g);
  }
  const labels = new Set<string>();
  for (const l of [...t.fields.map((f) => f.label), ...(t.groups ?? []).map((g) => g.label), '表']) {
    if (labels.has(l)) say(`名称「${l}」用了不止一次（字段和分组的名称不能重复，也不能叫“表”）`);
    labels.add(l);
  }
  // Label JSON keys its values by these names and skips keys starting with _ (its comments,
  // "_about"); "__proto__" would even replace the object's prototype. Such a name lost its data.
  const named = [
    ...t.fields.flatMap((f) => [f.label, f.printed, ...(f.aliases ?? [])]),
    ...(t.groups ?? []).flatMap((g) => [g.label, ...g.columns.flatMap((c) => [c.label, c.printed, ...(c.aliases ?? [])])]),
  ];
  for (const l of named)
    if (l !== undefined && l.replace(/\s+/g, '').startsWith('_'))
      say(`名称「${l.slice(0, 50)}」以下划线“_”开头，这样的名称在以项目名称为键的 JSON 中会被当作注释忽略，请换一个名称`);

  const fieldRef = (id: string, where: string, kinds?: readonly string[]) => {
    const f = fields.get(id);
    if (!f) say(`${where}用到的字段「${id}」不存在`);
    else if (kinds && !kinds.includes(f.kind)) say(`${where}用到的字段「${f.label}」应为${kinds.map(kindName).join('或')}类型`);
  };
  const columnRef = (group: string, column: string, where: string, kinds?: readonly string[]) => {
    const g = groups.get(group);
    if (!g) return say(`${where}用到的分组「${group}」不存在`);
    const c = g.columns.find((x) => x.id === column);
    if (!c) say(`${where}用到的列「${column}」在分组「${g.label}」中不存在`);
    else if (kinds && !kinds.includes(c.kind)) say(`${where}用到的列「${c.label}」应为${kinds.map(kindName).join('或')}类型`);
  };

  /** A formula's inputs exist and it may be used where it stands (a row formula on a column, a form formula on a field). */
  const formulaRefs = (spec: ComputeSpec, scope: ComputeScope, where: string, g?: GroupDef) => {
    const { formula } = compile(spec);
    if (!formula.scopes.includes(scope.kind)) say(`${where}「${formula.name}」不能用在${scope.kind === 'row' ? '表格的列' : '字段'}上`);
    const r = refsOf(spec, scope);
    for (const id of r.fields ?? []) {
      fieldRef(id, where);
      if (g && fields.get(id)?.compute) say(`${where}用到的字段「${fields.get(id)!.label}」也是计算出来的，表格的列只能用填写的字段`);
    }
    for (const c of r.columns ?? []) if (g) columnRef(g.id, c, where);
    for (const gc of r.groupColumns ?? []) columnRef(gc.group, gc.column, where);
  };
  for (const f of t.fields) {
    const where = `字段「${f.label}」`;
    declared(f, where, say);
    if (f.compute) formulaRefs(f.compute, { kind: 'field' }, `${where}的计算公式`);
  }
  for (const g of groups.values()) {
    checkGroupDef(g, say);
    const scope = { kind: 'row' as const, group: g.id, columns: new Set(g.columns.map((c) => c.id)) };
    for (const c of g.columns) if (c.compute) formulaRefs(c.compute, scope, `分组「${g.label}」的列「${c.label}」的计算公式`, g);
  }

  const id = t.identity;
  fieldRef(id.year, '表单标识（年度）', ['year']);
  for (const k of id.key) fieldRef(k, '表单标识');
  for (const k of id.title) fieldRef(k, '表单名称');
  fieldRef(id.unit, '所属单位');
  if (id.date) fieldRef(id.date, '填报日期', ['date']);
  for (const m of t.fileName.matchAll(/\{([^{}]*)\}/g)) fieldRef(m[1], '文件名');

  const bound = new Map<string, number>();
  const bind = (fid: string, where: string) => {
    fieldRef(fid, where);
    bound.set(fid, (bound.get(fid) ?? 0) + 1);
  };
  const kinds = new Map(t.fields.map((f) => [f.id, f.kind]));
  for (const line of [...t.above, ...t.below]) {
    const problem = linePatternProblem(line, kinds);
    if (problem) say(`表格外的文字行「${line.id}」${problem}`);
  }
  for (const line of [...t.above, ...t.below])
    for (const s of line.segments) {
      if (!('field' in s)) continue;
      if (s.echo) fieldRef(s.field, `表格外的文字行「${line.id}」`);
      else bind(s.field, `表格外的文字行「${line.id}」`);
    }

  checkGrid(t, groups, say, bind, fieldRef, columnRef);

  for (const f of t.fields) {
    const n = bound.get(f.id) ?? 0;
    if (n === 0) say(`字段「${f.label}」没有放在表格或文字行中，填不了也打印不出来`);
    if (n > 1) say(`字段「${f.label}」在表中放了 ${n} 次，每个字段只能放一处`);
  }

  t.rules.forEach((r, i) => {
    const where = `第 ${i + 1} 条检查规则`;
    switch (r.type) {
      case 'equal':
      case 'atMost':
        fieldRef(r.a, where, AMOUNT);
        fieldRef(r.b, where, AMOUNT);
        break;
      case 'sum':
        fieldRef(r.total, where, AMOUNT);
        for (const p of r.parts) fieldRef(p, where, AMOUNT);
        break;
      case 'rowSum':
        for (const c of [r.total, ...r.parts]) columnRef(r.group, c, where, AMOUNT);
        break;
      case 'rowRequires':
        for (const c of [r.column, ...r.when]) columnRef(r.group, c, where);
        break;
      case 'crossEqual':
      case 'crossSumAtMost':
        // The other templates may be imported later; only this form's side can be checked here.
        fieldRef(r.field, where, AMOUNT);
        break;
      case 'check': {
        const check = builtinCheck(r.check);
        if (!check) {
          say(`${where}的检查「${r.check}」不存在`);
          break;
        }
        const params = check.params.safeParse(r.params ?? {});
        if (!params.success) {
          const issues = params.error.issues.slice(0, 3).map((x) => {
            const path = x.path.join('.') || '参数';
            return x.code === 'too_big' ? `${path}过长或过多（最多 ${String(x.maximum)}）` : path;
          });
          say(`${where}（${r.check}）的参数不对：${issues.join('、')}`);
          break;
        }
        const refs = check.refs(params.data);
        for (const f of refs.fields ?? []) fieldRef(f.id, `${where}（${r.check}）`, f.kinds);
        for (const c of refs.columns ?? []) columnRef(c.group, c.column, `${where}（${r.check}）`);
      }
    }
  });

  if (t.summary) {
    const s = t.summary;
    const where = '汇总设置（summary）';
    if (new Set(s.money).size !== s.money.length) say(`${where}的金额栏（money）有重复的字段`);
    for (const f of s.money) fieldRef(f, `${where}的金额栏`, AMOUNT);
    if (s.parent) fieldRef(s.parent, `${where}的主管部门（parent）`, ['text']);
    if (s.goal) fieldRef(s.goal, `${where}的年度目标（goal）`, ['text', 'multiline']);
    if (s.indicators) {
      const i = s.indicators;
      for (const c of [i.level1, i.level2, i.name, i.value]) columnRef(i.group, c, `${where}的绩效指标（indicators）`);
    }
  }

  const width = t.table.columnsTwips.reduce((a, b) => a + b, 0);
  if (width > t.page.widthTwips) say('表格各列宽度之和超过了纸张宽度');
  if (t.page.marginsTwips.left + t.page.marginsTwips.right >= t.page.widthTwips) say('左右页边距之和超过了纸张宽度');
  if (t.page.marginsTwips.top + t.page.marginsTwips.bottom >= t.page.heightTwips) say('上下页边距之和超过了纸张高度');
  return problems;
}

const kindName = (k: string): string => (isKnownKind(k) ? kindOf(k).title : k);

/** The kind's own demands on a declaration (a choice's options), as its module states them. */
function declared(d: FieldDef | ColumnDef, where: string, say: (p: string) => void): void {
  const schema = kindOf(d.kind).declaration;
  const r = schema?.safeParse(d);
  if (r && !r.success) say(`${where}${r.error.issues[0]?.message ?? '的声明不完整'}`);
}

/** Fields with no fixed shape (all but a year) one line above or below the table may hold. */
export const MAX_FREE_FIELDS_PER_LINE = 3;

/**
 * Why a line's fields cannot be read back from a hand-made Word file in bounded time, or null.
 * The importer matches the whole line as one pattern with a lazy group per field (lineReader.ts):
 * two such groups side by side, or many of them, try every way of splitting a paragraph that does
 * not match, which took 13 s to minutes for an ordinary note with 24 commas (issue #27).
 */
export function linePatternProblem(line: LineDef, kinds: ReadonlyMap<string, string>): string | null {
  let free = 0;
  let previousFree: string | null = null;
  for (const seg of line.segments) {
    if ('text' in seg) {
      if (seg.text.trim() !== '') previousFree = null;
      continue;
    }
    const kind = kinds.get(seg.field);
    if (kind === undefined) continue;
    if (kind === 'year') {
      previousFree = null;
      continue;
    }
    if (previousFree !== null)
      return `中字段「${previousFree}」和「${seg.field}」紧挨着，中间没有文字，导入 Word 文件时分不开，请在两者之间加上文字（如“ 联系电话：”）`;
    if (++free > MAX_FREE_FIELDS_PER_LINE)
      return `放了超过 ${MAX_FREE_FIELDS_PER_LINE} 个文字字段（年度除外），导入 Word 文件时读不过来，请分成几行`;
    previousFree = seg.field;
  }
  return null;
}

function checkGroupDef(g: GroupDef, say: (p: string) => void): void {
  const where = `分组「${g.label}」`;
  const cols = new Set<string>();
  const heads = new Set<string>();
  for (const c of g.columns) {
    if (cols.has(c.id)) say(`${where}的列编号「${c.id}」重复`);
    if (heads.has(c.label)) say(`${where}的列名「${c.label}」重复`);
    cols.add(c.id);
    heads.add(c.label);
    declared(c, `${where}的列「${c.label}」`, say);
    for (const w of c.merge?.within ?? [])
      if (!g.columns.some((x) => x.id === w)) say(`${where}的列「${c.label}」合并时参照的列「${w}」不存在`);
  }
  const placed = new Map<string, number>();
  for (const p of g.cells) {
    if (!cols.has(p.column)) say(`${where}放置了不存在的列「${p.column}」`);
    const key = p.option === undefined ? p.column : `${p.column}\u0000${p.option}`;
    placed.set(key, (placed.get(key) ?? 0) + 1);
  }
  for (const c of g.columns) {
    const boxes = g.cells.filter((p) => p.column === c.id && p.option !== undefined);
    if (boxes.length === 0) {
      if ((placed.get(c.id) ?? 0) !== 1) say(`${where}的列「${c.label}」应在表中恰好放一处`);
      continue;
    }
    // A column laid out as boxes: one cell per option, each exactly once, and no cell of the whole value.
    const options = c.options ?? kindOf(c.kind).fixedOptions ?? [];
    if (!kindOf(c.kind).printOption) say(`${where}的列「${c.label}」的类型不能按选项分格放置（option）`);
    if ((placed.get(c.id) ?? 0) !== 0) say(`${where}的列「${c.label}」按选项分格放置时不能再整列放置`);
    for (const o of options)
      if ((placed.get(`${c.id}\u0000${o}`) ?? 0) !== 1) say(`${where}的列「${c.label}」的选项「${o}」应在表中恰好放一格`);
    for (const b of boxes) if (!options.includes(b.option!)) say(`${where}的列「${c.label}」没有选项「${b.option}」`);
  }
  for (const [i, r] of (g.defaultRows ?? []).entries())
    for (const k of Object.keys(r)) if (!cols.has(k)) say(`${where}的第 ${i + 1} 个默认行用到了不存在的列「${k}」`);
  if (g.seed) {
    const s = g.seed.indicators;
    for (const c of [s.level1, s.level2, s.name, s.value]) if (!cols.has(c)) say(`${where}的预填（seed）用到了不存在的列「${c}」`);
  }
  if (g.current) {
    const s = g.current;
    for (const c of [s.level1, s.level2, s.name, s.value, s.orElse, s.skip?.column])
      if (c !== undefined && !cols.has(c)) say(`${where}的当前指标（current）用到了不存在的列「${c}」`);
  }
  for (const [i, r] of (g.defaultRows ?? []).entries())
    for (const k of Object.keys(r)) if (!cols.has(k)) say(`${where}的第 ${i + 1} 个默认行用到了不存在的列「${k}」`);
  for (const [i, f] of (g.fixedRows ?? []).entries())
    for (const k of [...Object.keys(f.values), ...f.locked])
      if (!cols.has(k)) say(`${where}的第 ${i + 1} 个固化行用到了不存在的列「${k}」`);
      else if (f.locked.includes(k) && (f.values[k] ?? '') === '') say(`${where}的第 ${i + 1} 个固化行锁定了列「${k}」，却没有给出它的值`);
  if (g.maxRows !== undefined && g.minRows !== undefined && g.minRows > g.maxRows) say(`${where}的最少行数大于最多行数`);
  for (const set of g.indicators ?? [])
    for (const c of [set.level1, set.level2, set.name, set.value, set.comparator, set.unit, set.actual])
      if (c !== undefined && !cols.has(c)) say(`${where}的指标列用到了不存在的列「${c}」`);
}

/** Every grid position is covered by exactly one cell; a group's row is covered by its cells and the fixed cells crossing it. */
function checkGrid(
  t: TemplateDef,
  groups: Map<string, GroupDef>,
  say: (p: string) => void,
  bind: (field: string, where: string) => void,
  fieldRef: (id: string, where: string) => void,
  columnRef: (group: string, column: string, where: string) => void,
): void {
  const rows = t.table.rows.length;
  const cols = t.table.columnsTwips.length;
  const cover: number[][] = Array.from({ length: rows }, () => Array<number>(cols).fill(0));
  const slots = new Map<string, number>();
  t.table.rows.forEach((r, i) => {
    if (!('group' in r)) return;
    if (!groups.has(r.group)) say(`表格第 ${i + 1} 行放置的分组「${r.group}」不存在`);
    else if (slots.has(r.group)) say(`分组「${groups.get(r.group)!.label}」在表中放了不止一处`);
    slots.set(r.group, i);
  });
  for (const g of groups.values()) if (!slots.has(g.id)) say(`分组「${g.label}」没有放在表格中`);

  const place = (row: number, col: number, rowSpan: number, colSpan: number, where: string): boolean => {
    if (row >= rows || col >= cols || row + rowSpan > rows || col + colSpan > cols) {
      say(`${where}超出了表格（表格共 ${rows} 行 ${cols} 列）`);
      return false;
    }
    for (let r = row; r < row + rowSpan; r++) for (let c = col; c < col + colSpan; c++) cover[r][c]++;
    return true;
  };

  t.table.cells.forEach((cell: CellDef) => {
    const where = `单元格（第 ${cell.row + 1} 行第 ${cell.col + 1} 列）`;
    const row = t.table.rows[cell.row];
    if (row && 'group' in row) say(`${where}放在了分组的行上；分组行只能放分组的列`);
    place(cell.row, cell.col, cell.rowSpan ?? 1, cell.colSpan ?? 1, where);
    const c = cell.content;
    if (c.type === 'field') bind(c.field, where);
    if (c.type === 'label') {
      if (!c.lines === !c.of) say(`${where}的标签应给出文字（lines）或所属字段（of）之一`);
      if (c.of && 'field' in c.of) fieldRef(c.of.field, where);
      if (c.of && 'column' in c.of) columnRef(c.of.group, c.of.column, where);
      else if (c.of && 'group' in c.of && !groups.has(c.of.group)) say(`${where}用到的分组「${c.of.group}」不存在`);
    }
  });
  for (const [gid, r] of slots) {
    const g = groups.get(gid);
    if (!g) continue;
    for (const p of g.cells) place(r, p.col, 1, p.colSpan ?? 1, `分组「${g.label}」的列「${p.column}」`);
  }
  const bad: string[] = [];
  cover.forEach((line, r) =>
    line.forEach((n, c) => {
      if (n !== 1) bad.push(`第 ${r + 1} 行第 ${c + 1} 列${n === 0 ? '没有单元格' : '有单元格重叠'}`);
    }),
  );
  if (bad.length) say(`表格没有恰好铺满：${bad.slice(0, 5).join('；')}${bad.length > 5 ? ` 等 ${bad.length} 处` : ''}`);
}
