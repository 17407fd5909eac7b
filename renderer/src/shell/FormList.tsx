/**
 * The side list: every form grouped by budget year (newest first), then by unit, each unit's
 * forms under it with a short name of their form and their status. A receiving office keeps
 * 15,000 forms a year and ten years of them, so the list is read a page at a time through
 * forms.page as it scrolls (list/pagedForms.ts) and only the rows in view, and a margin around
 * them, are drawn (windowing: list/layout.ts says where each row sits). The year and unit
 * headings are rows of their own; while scrolling, the year and unit of the top row stay shown
 * above the list.
 *
 * Keyboard: ↓ from the search box goes to the list; ↑/↓ move between forms, PageUp/PageDown by a
 * screen, Home/End to the first and last; Enter opens the form. Only one form of the list is a
 * Tab stop (the one last focused), so Tab leaves the list in one step.
 *
 * Several forms can be chosen for 导出所选: a checkbox before each form (Shift+Tab from a form
 * reaches it, Space ticks it), Ctrl+click to add or take one, Shift+click for every form between
 * the last chosen and this one (rows not read yet are read first). 全选 chooses every form of the
 * list as searched, reading them a thousand at a time. Chosen forms stay chosen when the search
 * changes.
 */
import { Button, Group, Text, TextInput } from '@mantine/core';
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { FormSummary } from '../../../shared/contract';
import { errorText, notifyError, notifyOk } from '../ui/notify';
import { blocksOf, type RowOf } from './list/blocks';
import { FormItem } from './list/FormItem';
import { ROW_H, unitOf } from './list/layout';
import type { PageFetcher } from './list/pagedForms';
import { listCompare } from './list/picks';
import { useFormNames } from './list/useFormNames';
import { useListScroll } from './list/useListScroll';
import { defaultFetch, usePagedList } from './list/usePagedList';
import { usePicking } from './list/usePicking';
import { exportUploadFile } from './list/uploadPicked';

export { addPicks, listCompare, togglePick } from './list/picks';
export { NO_TITLE, templateNames } from './list/useFormNames';
export { SEARCH_DEBOUNCE_MS } from './list/usePagedList';

export const NO_UNIT = '（未填单位）';

export interface FormListProps {
  selected: number | null;
  onSelect(id: number): void;
  /** Goes up when the list must be read again (a form made, saved under a new name, deleted…); the place in the list is kept. */
  refreshKey?: number;
  /** Forms chosen for 导出所选, by id. */
  picked?: ReadonlyMap<number, FormSummary>;
  onPick?(next: Map<number, FormSummary>): void;
  /** 导出所选: the chosen forms, in the list's order. */
  onExportPicked?(forms: FormSummary[]): void;
  /** Where pages come from; forms.page by default. */
  fetchPage?: PageFetcher;
}

export function FormList({ selected, onSelect, refreshKey = 0, picked, onPick, onExportPicked, fetchPage = defaultFetch }: FormListProps) {
  /** The row at the top of the view and how far the view's top is below the row's top: kept in place when heights change. */
  const anchor = useRef({ index: 0, offset: 0 });
  /** The keyboard's row: the list's one Tab stop. */
  const [cursor, setCursor] = useState(0);
  const { text, setText, query, model, version, layout, fetcher } = usePagedList(fetchPage, refreshKey, anchor, () => setCursor(0));
  const { setScroller, viewH, scrollTop, first, last, onScroll, moveTo } = useListScroll(model, version, layout, anchor, setCursor);
  const [listError, setListError] = useState<string | null>(null);
  const { pick, selectAll, selectingAll, clear } = usePicking(model, fetcher, picked, onPick, setListError);
  const { kindOf, blankOf, isStage } = useFormNames();
  const n = layout.n;

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // Enter opens the form (also where a browser would not turn it into a click).
    const el = e.target as HTMLElement;
    if (e.key === 'Enter' && el.matches('button[data-id]') && !(e.altKey || e.ctrlKey || e.metaKey || e.shiftKey)) {
      e.preventDefault();
      onSelect(Number(el.dataset.id));
      return;
    }
    const target = (e.target as HTMLElement).closest<HTMLElement>('[data-index], .form-row');
    const button = target?.matches('[data-index]') ? target : target?.querySelector<HTMLElement>('[data-index]');
    const here = button ? Number(button.dataset.index) : cursor;
    const screen = Math.max(1, Math.floor(viewH / ROW_H) - 1);
    const to =
      e.key === 'ArrowDown'
        ? here + 1
        : e.key === 'ArrowUp'
          ? here - 1
          : e.key === 'PageDown'
            ? here + screen
            : e.key === 'PageUp'
              ? here - screen
              : e.key === 'Home'
                ? 0
                : e.key === 'End'
                  ? n - 1
                  : null;
    if (to === null || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    moveTo(to);
  };
  const onFocus = (e: { target: EventTarget }) => {
    const row = (e.target as HTMLElement).closest<HTMLElement>('.form-row')?.querySelector<HTMLElement>('[data-index]');
    if (row) setCursor(Number(row.dataset.index));
  };

  const blocks = n ? blocksOf(layout, first, last) : [];
  const visibleLoaded = (i: number) => i >= first && i <= last && layout.deco(i) !== null;
  let tabStop = visibleLoaded(cursor) ? cursor : -1;
  if (tabStop < 0) {
    const top = n ? layout.indexAt(scrollTop) : -1;
    for (let i = Math.max(top, first); i <= last && tabStop < 0; i++) if (visibleLoaded(i)) tabStop = i;
  }
  const pickedCount = picked?.size ?? 0;
  const everyRowPicked =
    picked !== undefined &&
    model.total !== null &&
    pickedCount >= model.total &&
    Array.from({ length: model.total }, (_, i) => model.get(i)).every((f) => f !== undefined && picked.has(f.id));

  // The year and unit of the row at the top, while its headings are scrolled away.
  let context: ReactNode = null;
  if (n && scrollTop > 0) {
    const i = layout.indexAt(scrollTop);
    const f = model.get(i);
    const d = layout.deco(i);
    if (f && !(d?.year && scrollTop - layout.top(i) < 1))
      context = (
        <div className="list-context" aria-hidden="true">
          <span className="list-context-year">{f.year}年</span>
          {!d?.solo && <span className="list-context-unit">{unitOf(f) || NO_UNIT}</span>}
        </div>
      );
  }

  const row = (r: RowOf) => (
    <FormItem
      key={r.f.id}
      f={r.f}
      index={r.i}
      active={r.f.id === selected}
      tabbable={r.i === tabStop}
      kind={kindOf(r.f)}
      stage={isStage(r.f)}
      blank={blankOf(r.f)}
      picked={picked ? picked.has(r.f.id) : undefined}
      onSelect={onSelect}
      onPick={pick}
    />
  );

  const error = model.error ? errorText(model.error) : listError;
  return (
    <div className="form-list">
      <TextInput
        placeholder="搜索单位、名称、年度或表中文字"
        aria-label="搜索申报表"
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && n) {
            e.preventDefault();
            moveTo(tabStop >= 0 ? tabStop : layout.indexAt(scrollTop));
          }
        }}
      />
      {picked && onPick && pickedCount > 0 && (
        <div className="pick-bar" role="region" aria-label="已选的申报表">
          <Text size="xs" fw={600}>
            已选 {pickedCount} 份
          </Text>
          <Group gap={4} wrap="wrap">
            <Button size="compact-xs" onClick={() => onExportPicked?.([...picked.values()].sort(listCompare))}>
              导出所选（{pickedCount} 份）
            </Button>
            <Button
              size="compact-xs"
              variant="light"
              title="把所选项目支出表的绩效指标导出为一体化系统的上传表（Excel）"
              onClick={() =>
                void exportUploadFile([...picked.values()].sort(listCompare)).then(
                  (r) => r.saved !== null && notifyOk(r.message, '已导出一体化上传表'),
                  (e) => notifyError(e, '没有导出一体化上传表'),
                )
              }
            >
              导出一体化上传表
            </Button>
            {!everyRowPicked && (
              <Button
                size="compact-xs"
                variant="default"
                loading={selectingAll !== null}
                title={`选择${query ? '搜索到的' : '列表中的'}全部 ${model.total ?? 0} 份`}
                onClick={() => void selectAll()}
              >
                全选
              </Button>
            )}
            <Button size="compact-xs" variant="subtle" onClick={clear}>
              取消选择
            </Button>
          </Group>
          {selectingAll && (
            <Text size="xs" c="dimmed" role="status">
              正在全选：已读 {selectingAll.done} / {selectingAll.total} 份
            </Text>
          )}
        </div>
      )}
      {error && (
        <div className="list-error" role="alert">
          <Text size="xs" c="red">
            读取申报表列表失败：{error}
          </Text>
          <Button
            size="compact-xs"
            variant="default"
            onClick={() => {
              setListError(null);
              model.retry();
            }}
          >
            重试
          </Button>
        </div>
      )}
      <div className="form-list-view">
        {context}
        <div
          ref={setScroller}
          className={`form-list-scroll${pickedCount ? ' picking' : ''}`}
          data-testid="form-list"
          data-total={model.total ?? ''}
          data-top-index={n ? layout.indexAt(scrollTop) : ''}
          onScroll={onScroll}
          onKeyDown={onKeyDown}
          onFocus={onFocus}
        >
          {model.total === 0 && (
            <Text size="sm" c="dimmed" p="xs">
              {model.search ? '没有找到符合条件的申报表。' : '还没有申报表。点「新建」开始填写，或点「导入」读入 Word 文件。'}
            </Text>
          )}
          {model.total === null && !error && (
            <Text size="sm" c="dimmed" p="xs">
              正在读取申报表……
            </Text>
          )}
          <div className="form-list-space" style={{ height: layout.totalHeight }}>
            {blocks.length > 0 && (
              <div className="form-list-window" style={{ top: layout.top(first) }}>
                {blocks.map((b) =>
                  b.kind === 'wait' ? (
                    <div key={b.key} className="list-wait" style={{ height: b.height }} aria-hidden="true" />
                  ) : (
                    <section key={b.key} aria-label={`${b.year}年`} className="year-group">
                      {b.heading && <div className="year-name">{b.year}年</div>}
                      {b.units.map((u) => (
                        <div key={u.key} role="group" aria-label={u.unit || NO_UNIT} className={u.solo ? 'unit-group solo' : 'unit-group'}>
                          {u.heading && (
                            <div className="unit-name" title={u.unit || NO_UNIT}>
                              {u.unit || NO_UNIT}
                            </div>
                          )}
                          {u.rows.map(row)}
                        </div>
                      ))}
                    </section>
                  ),
                )}
              </div>
            )}
          </div>
        </div>
      </div>
    </div>
  );
}
