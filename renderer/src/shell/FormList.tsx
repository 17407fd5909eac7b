/**
 * The side list: every form grouped by budget year (newest first), then by unit, each unit's
 * forms under it with a short name of their form and their status. Plain buttons and a memoised
 * grouping keep a list of a few thousand forms quick to draw and to filter.
 *
 * Several forms can be chosen for 导出所选: a checkbox before each form (Tab and Space reach it),
 * Ctrl+click to add or take one, Shift+click for every form between the last chosen and this one.
 */
import { Badge, Button, Group, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { memo, useMemo, useRef, type MouseEvent } from 'react';
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
  /** Forms chosen for 导出所选. */
  picked?: ReadonlySet<number>;
  onPick?(next: Set<number>): void;
  /** 导出所选: the chosen forms that are in the list, in its order. */
  onExportPicked?(forms: FormSummary[]): void;
}

/** The forms in the order the list shows them. */
export function listOrder(forms: readonly FormSummary[]): FormSummary[] {
  return groupForms(forms).flatMap(([, units]) => units.flatMap((u) => u.forms));
}

/**
 * A click with Ctrl (or ⌘) adds or takes one form; with Shift, every form from the last one
 * chosen (`anchor`) to this one is added. Pure, for the tests.
 */
export function pickWith(
  picked: ReadonlySet<number>,
  order: readonly number[],
  id: number,
  how: 'toggle' | 'range',
  anchor: number | null,
): Set<number> {
  const next = new Set(picked);
  if (how === 'range' && anchor !== null && order.includes(anchor)) {
    const [a, b] = [order.indexOf(anchor), order.indexOf(id)].sort((x, y) => x - y);
    for (const x of order.slice(a, b + 1)) next.add(x);
  } else if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
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
  picked,
  onSelect,
  onPick,
}: {
  f: FormSummary;
  active: boolean;
  kind: string;
  /** What a form is called while its name is blank: （未填项目名称）. */
  blank: string;
  /** Chosen for 导出所选; undefined when the list offers no choosing. */
  picked: boolean | undefined;
  onSelect(id: number): void;
  onPick(id: number, how: 'toggle' | 'range'): void;
}) {
  const title = f.title || blank;
  function onClick(e: MouseEvent<HTMLButtonElement>) {
    if (picked !== undefined && (e.ctrlKey || e.metaKey || e.shiftKey)) {
      e.preventDefault();
      onPick(f.id, e.shiftKey ? 'range' : 'toggle');
    } else onSelect(f.id);
  }
  const button = (
    <button
      type="button"
      className={`form-item${active ? ' active' : ''}${picked ? ' picked' : ''}`}
      aria-label={title}
      aria-current={active ? 'true' : undefined}
      onClick={onClick}
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
  if (picked === undefined) return button;
  return (
    <div className={`form-row${picked ? ' picked' : ''}`}>
      <input
        type="checkbox"
        className="form-pick"
        checked={picked}
        aria-label={`选择「${f.year}年 ${title}」`}
        title="选择这份表，用于「导出所选」（也可按住 Ctrl 或 Shift 点击）"
        onChange={(e) => onPick(f.id, (e.nativeEvent as unknown as { shiftKey?: boolean }).shiftKey ? 'range' : 'toggle')}
      />
      {button}
    </div>
  );
});

const Groups = memo(function Groups({
  forms,
  selected,
  onSelect,
  picked,
  onPick,
}: {
  forms: readonly FormSummary[];
  selected: number | null;
  onSelect(id: number): void;
  picked: ReadonlySet<number> | undefined;
  onPick(id: number, how: 'toggle' | 'range'): void;
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
                  <Item
                    key={f.id}
                    f={f}
                    active={f.id === selected}
                    kind={kindOf(f)}
                    blank={blankOf(f)}
                    picked={picked ? picked.has(f.id) : undefined}
                    onSelect={onSelect}
                    onPick={onPick}
                  />
                ))}
              </div>
            );
          })}
        </section>
      ))}
    </>
  );
});

export function FormList({ forms, selected, search, onSearch, onSelect, picked, onPick, onExportPicked }: FormListProps) {
  const anchor = useRef<number | null>(null);
  const order = useMemo(() => listOrder(forms), [forms]);
  const chosen = useMemo(() => (picked ? order.filter((f) => picked.has(f.id)) : []), [order, picked]);
  // Read through refs so the memoised rows keep one callback.
  const state = useRef({ picked, onPick, order });
  state.current = { picked, onPick, order };
  const pick = useMemo(
    () => (id: number, how: 'toggle' | 'range') => {
      const { picked: p, onPick: set, order: o } = state.current;
      if (!p || !set) return;
      set(
        pickWith(
          p,
          o.map((f) => f.id),
          id,
          how,
          anchor.current,
        ),
      );
      anchor.current = id;
    },
    [],
  );
  return (
    <Stack gap="xs" h="100%">
      <TextInput
        placeholder="搜索单位、名称、年度或表中文字"
        aria-label="搜索申报表"
        value={search}
        onChange={(e) => onSearch(e.currentTarget.value)}
      />
      {picked && onPick && chosen.length > 0 && (
        <div className="pick-bar" role="region" aria-label="已选的申报表">
          <Text size="xs" fw={600}>
            已选 {chosen.length} 份
          </Text>
          <Group gap={4} wrap="wrap">
            <Button size="compact-xs" onClick={() => onExportPicked?.(chosen)}>
              导出所选（{chosen.length} 份）
            </Button>
            {chosen.length < order.length && (
              <Button size="compact-xs" variant="default" onClick={() => onPick(new Set([...picked, ...order.map((f) => f.id)]))}>
                全选
              </Button>
            )}
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => {
                anchor.current = null;
                onPick(new Set());
              }}
            >
              取消选择
            </Button>
          </Group>
        </div>
      )}
      <ScrollArea style={{ flex: 1 }} className={chosen.length ? 'picking' : undefined}>
        {forms.length === 0 && (
          <Text size="sm" c="dimmed" p="xs">
            {search ? '没有找到符合条件的申报表。' : '还没有申报表。点「新建」开始填写，或点「导入」读入 Word 文件。'}
          </Text>
        )}
        <Groups forms={forms} selected={selected} onSelect={onSelect} picked={picked} onPick={pick} />
      </ScrollArea>
    </Stack>
  );
}
