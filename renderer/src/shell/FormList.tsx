/** The side list: every form grouped by budget year (newest first), with search. */
import { Badge, NavLink, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import type { FormSummary } from '../../../shared/contract';

export function groupByYear(forms: readonly FormSummary[]): [string, FormSummary[]][] {
  const groups = new Map<string, FormSummary[]>();
  for (const f of forms) {
    const list = groups.get(f.year);
    if (list) list.push(f);
    else groups.set(f.year, [f]);
  }
  for (const list of groups.values()) list.sort((a, b) => a.department.localeCompare(b.department, 'zh-CN'));
  return [...groups.entries()].sort((a, b) => b[0].localeCompare(a[0]));
}

export interface FormListProps {
  forms: readonly FormSummary[];
  selected: number | null;
  search: string;
  onSearch(s: string): void;
  onSelect(id: number): void;
}

export function FormList({ forms, selected, search, onSearch, onSelect }: FormListProps) {
  return (
    <Stack gap="xs" h="100%">
      <TextInput
        placeholder="搜索部门名称、填报单位或年度"
        aria-label="搜索申报表"
        value={search}
        onChange={(e) => onSearch(e.currentTarget.value)}
      />
      <ScrollArea style={{ flex: 1 }}>
        {forms.length === 0 && (
          <Text size="sm" c="dimmed" p="xs">
            {search ? '没有找到符合条件的申报表。' : '还没有申报表。点「新建」开始填写，或点「导入」读入 Word 文件。'}
          </Text>
        )}
        {groupByYear(forms).map(([year, list]) => (
          <section key={year} aria-label={`${year}年`} className="year-group">
            <Text size="xs" fw={700} c="dimmed" px="xs" pt="xs">
              {year}年
            </Text>
            {list.map((f) => (
              <NavLink
                key={f.id}
                component="button"
                aria-label={f.department || '（未填部门名称）'}
                active={f.id === selected}
                label={f.department || '（未填部门名称）'}
                description={f.unit && f.unit !== f.department ? f.unit : undefined}
                rightSection={
                  f.status === 'final' ? (
                    <Badge size="xs" color="gray">
                      已定稿
                    </Badge>
                  ) : (
                    <Badge size="xs" variant="light">
                      草稿
                    </Badge>
                  )
                }
                onClick={() => onSelect(f.id)}
              />
            ))}
          </section>
        ))}
      </ScrollArea>
    </Stack>
  );
}
