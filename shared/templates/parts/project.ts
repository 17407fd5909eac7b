/**
 * What a project's forms share, as data: the fields naming the project (项目名称, 主管部门, 实施单位)
 * and the names its money's cells go by. The declaration (xiangmu-zhichu) prints the first name
 * of each and reads the others from hand-made files; a later stage (自评) prints its own label,
 * reads the same names, and is seeded from the declaration's field by them — so one list says
 * what a 财政拨款 cell may be called, for the form that declares it and the one that follows it.
 */
import type { FieldDef } from '../../template/schema';
import type { FieldSeed } from '../../template/seedSchema';

/** The names of a project's cells, the declaration's printed label first. */
export const PROJECT_NAMES = {
  department: ['主管部门及代码', '主管部门及编码', '主管部门', '项目主管部门', '业务主管部门'],
  unit: ['实施单位', '项目实施单位', '项目执行单位', '执行单位'],
  total: ['年度资金总额', '资金总额', '当年资金总额', '当年年度预算'],
  fiscal: ['财政拨款', '当年财政拨款', '财政投款', '财政资金', '上级资金'],
  other: ['其他资金', '其它资金'],
} as const;

type Named = keyof typeof PROJECT_NAMES;

/** A field printed `label` (default the declaration's), read under every other name of `names` and `extra`. */
export function named(
  names: Named,
  label: string = PROJECT_NAMES[names][0],
  extra: readonly string[] = [],
): Pick<FieldDef, 'label' | 'aliases'> {
  return { label, aliases: [...PROJECT_NAMES[names], ...extra].filter((n) => n !== label) };
}

/** Where a later stage's field finds the declaration's: by what the declaration states (`from`), else by these names. */
export function seededFrom(names: Named, from?: FieldSeed['from'], extra: readonly string[] = []): FieldSeed {
  return { ...(from ? { from } : {}), labels: [...extra, ...PROJECT_NAMES[names]] };
}

/**
 * 项目名称, 主管部门, 实施单位. On a later stage (`stage`) each is seeded from the declaration and
 * locked; `department` is the label the form prints (主管部门及代码 on the declaration).
 */
export function projectIdentityFields(p: { department?: string; departmentExtra?: readonly string[]; stage?: boolean } = {}): FieldDef[] {
  const later = (seed: FieldSeed) => (p.stage ? { seed, locked: true } : {});
  return [
    { id: 'projectName', label: '项目名称', kind: 'text', required: true, newYear: 'carry', ...later({ from: 'title' }) },
    {
      id: 'department',
      ...named('department', p.department, p.departmentExtra),
      kind: 'text',
      newYear: 'carry',
      ...later({ from: 'parent', labels: ['主管部门及代码', '主管部门'] }),
    },
    { id: 'unit', ...named('unit'), kind: 'text', required: true, newYear: 'carry', ...later({ from: 'unit' }) },
  ];
}
