/**
 * The side list: every form grouped by budget year (newest first), then by unit, each unit's
 * forms under it with a short name of their form and their status. Plain buttons and a memoised
 * grouping keep a list of a few thousand forms quick to draw and to filter.
 */
import { Badge, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { memo, useMemo } from 'react';
import type { FormSummary } from '../../../shared/contract';
import { untitled } from '../../../shared/identity';
import type { TemplateRegistry } from '../../../shared/template/registry';
import { shortTemplateName, useTemplates } from '../templates/TemplatesContext';

export const NO_UNIT = '（未填单位）';
export const NO_TITLE = '（未填名称）';

export interface UnitGroup {
  unit: string;
  forms: FormSummary[];
}

const collator = new Intl.Collator('zh-CN');

/** Years newest first; in a year the units by name (a blank unit last); in a unit the forms by title. */
export function groupForms(forms: readonly FormSummary[]): [string, UnitGroup[]][] {
  const years = new Map<string, Map<string, FormSummary[]>>();
  for (const f of forms) {
    let units = years.get(f.year);
    if (!units) years.set(f.year, (units = new Map()));
    const unit = f.unit.trim();
    const list = units.get(unit);
    if (list) list.push(f);
    else units.set(unit, [f]);
  }
  return [...years.entries()]
    .sort((a, b) => b[0].localeCompare(a[0]))
    .map(([year, units]) => [
      year,
      [...units.entries()]
        .sort((a, b) => (a[0] === '' ? 1 : b[0] === '' ? -1 : collator.compare(a[0], b[0])))
        .map(([unit, list]) => ({ unit, forms: list.sort((a, b) => collator.compare(a.title, b.title) || a.id - b.id) })),
    ]);
}

export interface FormListProps {
  forms: readonly FormSummary[];
  selected: number | null;
  search: string;
  onSearch(s: string): void;
  onSelect(id: number): void;
}

/** Each form's template by a short name, or by its whole title where two short names would read alike. */
export function templateNames(registry: TemplateRegistry): (f: FormSummary) => string {
  const shortCount = new Map<string, number>();
  for (const t of registry.all()) shortCount.set(shortTemplateName(t), (shortCount.get(shortTemplateName(t)) ?? 0) + 1);
  const cache = new Map<string, string>();
  return (f) => {
    const key = `${f.templateId}@${f.templateVersion}`;
    let name = cache.get(key);
    if (name === undefined) {
      const t = registry.find(f.templateId, f.templateVersion);
      const short = t ? shortTemplateName(t) : '';
      cache.set(key, (name = !t ? '未知表样' : (shortCount.get(short) ?? 0) > 1 ? t.title : short));
    }
    return name;
  };
}

const Item = memo(function Item({
  f,
  active,
  kind,
  blank,
  onSelect,
}: {
  f: FormSummary;
  active: boolean;
  kind: string;
  /** What a form is called while its name is blank: （未填项目名称）. */
  blank: string;
  onSelect(id: number): void;
}) {
  const title = f.title || blank;
  return (
    <button
      type="button"
      className={`form-item${active ? ' active' : ''}`}
      aria-label={title}
      aria-current={active ? 'true' : undefined}
      onClick={() => onSelect(f.id)}
    >
      <span className="form-item-text">
        <span className="form-item-title">{title}</span>
        <span className="form-item-kind" title={kind}>
          {kind}
        </span>
      </span>
      {f.status === 'final' ? (
        <Badge size="xs" color="gray" className="form-item-badge">
          已定稿
        </Badge>
      ) : (
        <Badge size="xs" variant="light" className="form-item-badge">
          草稿
        </Badge>
      )}
    </button>
  );
});

const Groups = memo(function Groups({
  forms,
  selected,
  onSelect,
}: {
  forms: readonly FormSummary[];
  selected: number | null;
  onSelect(id: number): void;
}) {
  const { registry } = useTemplates();
  const grouped = useMemo(() => groupForms(forms), [forms]);
  const kindOf = useMemo(() => templateNames(registry), [registry]);
  const blankOf = useMemo(() => {
    const cache = new Map<string, string>();
    return (f: FormSummary) => {
      let name = cache.get(f.templateId);
      if (name === undefined) {
        const t = registry.find(f.templateId, f.templateVersion);
        cache.set(f.templateId, (name = t ? untitled(t) : NO_TITLE));
      }
      return name;
    };
  }, [registry]);
  return (
    <>
      {grouped.map(([year, units]) => (
        <section key={year} aria-label={`${year}年`} className="year-group">
          <Text size="xs" fw={700} c="dimmed" px="xs" pt="xs">
            {year}年
          </Text>
          {units.map(({ unit, forms: list }) => {
            // A unit whose one form is named after it (部门名称 is both) needs no heading of its own.
            const solo = list.length === 1 && list[0].title === unit && unit !== '';
            return (
              <div key={unit} role="group" aria-label={unit || NO_UNIT} className={solo ? 'unit-group solo' : 'unit-group'}>
                {!solo && <div className="unit-name">{unit || NO_UNIT}</div>}
                {list.map((f) => (
                  <Item key={f.id} f={f} active={f.id === selected} kind={kindOf(f)} blank={blankOf(f)} onSelect={onSelect} />
                ))}
              </div>
            );
          })}
        </section>
      ))}
    </>
  );
});

export function FormList({ forms, selected, search, onSearch, onSelect }: FormListProps) {
  return (
    <Stack gap="xs" h="100%">
      <TextInput
        placeholder="搜索单位、名称、年度或表中文字"
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
        <Groups forms={forms} selected={selected} onSelect={onSelect} />
      </ScrollArea>
    </Stack>
  );
}
