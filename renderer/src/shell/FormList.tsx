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
import { Badge, Button, Group, Text, TextInput } from '@mantine/core';
import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
} from 'react';
import type { FormSummary, PageKey } from '../../../shared/contract';
import { untitled } from '../../../shared/identity';
import type { TemplateRegistry } from '../../../shared/template/registry';
import { api } from '../api';
import { shortTemplateName, useTemplates } from '../templates/TemplatesContext';
import { ListLayout, ROW_H, headingHeight, unitOf, type Deco } from './list/layout';
import { PAGE_SIZE, PagedForms, type PageFetcher } from './list/pagedForms';
import { takeFirstPage } from './list/prefetch';
import { errorText } from '../ui/notify';

export const NO_UNIT = '（未填单位）';
export const NO_TITLE = '（未填名称）';

/** Pause after typing before the search is sent. */
export const SEARCH_DEBOUNCE_MS = 200;
/** Drawn beyond the visible part of the list, above and below. */
const OVERSCAN_PX = 400;
/** The year and unit shown above the list while scrolling. */
const CONTEXT_H = 22;
/** When the list has no height yet (a test without layout), the height assumed for windowing. */
const FALLBACK_VIEW_H = 600;
/** Rows per request of 全选. */
const SELECT_ALL_PAGE = 1000;

/** The list's order (the core's: year newest first, then unit, title, id), for the chosen forms. */
export function listCompare(a: FormSummary, b: FormSummary): number {
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return cmp(b.year, a.year) || cmp(a.unit, b.unit) || cmp(a.title, b.title) || a.id - b.id;
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

/** Ctrl+click or the checkbox: adds the form, or takes it out. Pure, for the tests. */
export function togglePick(picked: ReadonlyMap<number, FormSummary>, f: FormSummary): Map<number, FormSummary> {
  const next = new Map(picked);
  if (next.has(f.id)) next.delete(f.id);
  else next.set(f.id, f);
  return next;
}

/** Shift+click, or 全选: adds every form given. */
export function addPicks(picked: ReadonlyMap<number, FormSummary>, forms: Iterable<FormSummary>): Map<number, FormSummary> {
  const next = new Map(picked);
  for (const f of forms) next.set(f.id, f);
  return next;
}

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

const defaultFetch: PageFetcher = (input) => api['forms.page'](input);

const Item = memo(function Item({
  f,
  index,
  active,
  tabbable,
  kind,
  blank,
  picked,
  onSelect,
  onPick,
}: {
  f: FormSummary;
  index: number;
  active: boolean;
  tabbable: boolean;
  kind: string;
  /** What a form is called while its name is blank: （未填项目名称）. */
  blank: string;
  /** Chosen for 导出所选; undefined when the list offers no choosing. */
  picked: boolean | undefined;
  onSelect(id: number): void;
  onPick(index: number, how: 'toggle' | 'range'): void;
}) {
  const title = f.title || blank;
  function onClick(e: MouseEvent<HTMLButtonElement>) {
    if (picked !== undefined && (e.ctrlKey || e.metaKey || e.shiftKey)) {
      e.preventDefault();
      onPick(index, e.shiftKey ? 'range' : 'toggle');
    } else onSelect(f.id);
  }
  const button = (
    <button
      type="button"
      className={`form-item${active ? ' active' : ''}${picked ? ' picked' : ''}`}
      aria-label={title}
      aria-current={active ? 'true' : undefined}
      data-index={index}
      data-id={f.id}
      tabIndex={tabbable ? 0 : -1}
      onClick={onClick}
    >
      <span className="form-item-text">
        <span className="form-item-title" title={title}>
          {title}
        </span>
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
  if (picked === undefined) return <div className="form-row">{button}</div>;
  return (
    <div className={`form-row pickable${picked ? ' picked' : ''}`}>
      <input
        type="checkbox"
        className="form-pick"
        checked={picked}
        tabIndex={tabbable ? 0 : -1}
        aria-label={`选择「${f.year}年 ${title}」`}
        title="选择这份表，用于「导出所选」（也可按住 Ctrl 或 Shift 点击）"
        onChange={(e) => onPick(index, (e.nativeEvent as unknown as { shiftKey?: boolean }).shiftKey ? 'range' : 'toggle')}
      />
      {button}
    </div>
  );
});

interface RowOf {
  i: number;
  f: FormSummary;
  deco: Deco;
}
/**
 * `key`: the year (the unit) with how many blocks of it come before in the window, so that a
 * section keeps its key while the window moves and its rows are not drawn anew.
 */
type Block =
  { kind: 'year'; key: string; year: string; heading: boolean; units: UnitBlock[] } | { kind: 'wait'; key: string; height: number };
interface UnitBlock {
  unit: string;
  key: string;
  heading: boolean;
  solo: boolean;
  rows: RowOf[];
}

/** The rows from first to last, as year sections of unit groups; rows not read yet as one block each run. */
function blocksOf(layout: ListLayout, first: number, last: number): Block[] {
  const out: Block[] = [];
  const seen = new Map<string, number>();
  const keyFor = (k: string) => {
    const count = seen.get(k) ?? 0;
    seen.set(k, count + 1);
    return `${k}#${count}`;
  };
  for (let i = first; i <= last; i++) {
    const deco = layout.deco(i);
    const f = layout.model.get(i);
    const prev = out[out.length - 1];
    if (!deco || !f) {
      if (prev?.kind === 'wait') prev.height += layout.height(i);
      else out.push({ kind: 'wait', key: `wait-${i}`, height: layout.height(i) });
      continue;
    }
    let year = prev?.kind === 'year' && !deco.year && prev.year === f.year ? prev : null;
    if (!year) out.push((year = { kind: 'year', key: keyFor(f.year), year: f.year, heading: deco.year, units: [] }));
    const unit = unitOf(f);
    let group = year.units[year.units.length - 1];
    if (!group || deco.unit || deco.solo || group.unit !== unit) {
      year.units.push((group = { unit, key: keyFor(`${f.year}/${unit}`), heading: deco.unit, solo: deco.solo, rows: [] }));
    }
    group.rows.push({ i, f, deco });
  }
  return out;
}

function useViewHeight(el: HTMLDivElement | null): number {
  const [h, setH] = useState(0);
  useLayoutEffect(() => {
    if (!el) return;
    setH(el.clientHeight);
    const ro = new ResizeObserver(() => setH(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, [el]);
  return h || FALLBACK_VIEW_H;
}

export function FormList({ selected, onSelect, refreshKey = 0, picked, onPick, onExportPicked, fetchPage = defaultFetch }: FormListProps) {
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const fetcher = useCallback<PageFetcher>((input) => fetchRef.current(input), []);
  const [model, setModel] = useState(() => new PagedForms(fetcher, '', PAGE_SIZE, fetchPage === defaultFetch ? takeFirstPage() : null));
  const version = useSyncExternalStore(
    useCallback((l: () => void) => model.subscribe(l), [model]),
    () => model.version,
  );
  const layout = useMemo(() => new ListLayout(model), [model, version]);
  const layoutRef = useRef(layout);
  layoutRef.current = layout;
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  const viewH = useViewHeight(scroller);
  /** The list's scroll position as last seen, with the layout it was seen with. */
  const [scrolled, setScrolled] = useState<{ top: number; layout: ListLayout | null }>({ top: 0, layout: null });
  /** The row at the top of the view and how far the view's top is below the row's top: kept in place when heights change. */
  const anchor = useRef({ index: 0, offset: 0 });
  const [cursor, setCursor] = useState(0);
  const pendingFocus = useRef<number | null>(null);
  const [, setFocusWait] = useState(0);

  // Search: sent after a pause; the new list replaces the old one when its first page is here.
  useEffect(() => {
    const q = text.trim();
    if (q === query) return;
    const timer = setTimeout(() => setQuery(q), q ? SEARCH_DEBOUNCE_MS : 0);
    return () => clearTimeout(timer);
  }, [text, query]);

  const latest = useRef(model);
  latest.current = model;
  const replacing = useRef<PagedForms | null>(null);
  const replace = useCallback(
    (search: string, keepPlace: boolean) => {
      const next = new PagedForms(fetcher, search);
      replacing.current?.dispose();
      replacing.current = next;
      // A refresh reads the pages in view again, so the list stays where it is; a new search starts at the top.
      const size = next.pageSize;
      const { index } = anchor.current;
      const pages = keepPlace ? [...new Set([Math.floor(index / size), Math.floor((index + 60) / size)])] : [0];
      const swap = () => {
        if (replacing.current !== next) return;
        replacing.current = null;
        latest.current.dispose();
        if (!keepPlace) {
          anchor.current = { index: 0, offset: 0 };
          setCursor(0);
        }
        setModel(next);
      };
      Promise.all(pages.map((p) => next.load(p))).then(swap, swap);
    },
    [fetcher],
  );
  const firstRun = useRef(true);
  useEffect(() => {
    if (firstRun.current) {
      firstRun.current = false;
      return;
    }
    replace(query, false);
  }, [query, replace]);
  const refreshes = useRef(refreshKey);
  useEffect(() => {
    if (refreshes.current === refreshKey) return;
    refreshes.current = refreshKey;
    replace(latest.current.search, true);
  }, [refreshKey, replace]);
  useEffect(() => () => replacing.current?.dispose(), []);

  // Heights changed (a page arrived, a new list): the row that was at the top stays at the top.
  useLayoutEffect(() => {
    if (!scroller) return;
    const { index, offset } = anchor.current;
    const max = Math.max(0, layout.totalHeight - scroller.clientHeight);
    const want = layout.n === 0 ? 0 : Math.max(0, Math.min(max, layout.top(Math.min(index, layout.n - 1)) + offset));
    if (Math.abs(scroller.scrollTop - want) >= 1) scroller.scrollTop = want;
    setScrolled({ top: want, layout });
  }, [layout, scroller]);

  const onScroll = useCallback(() => {
    if (!scroller) return;
    const top = scroller.scrollTop;
    const l = layoutRef.current;
    const index = Math.max(0, l.indexAt(top));
    anchor.current = { index, offset: top - l.top(index) };
    setScrolled({ top, layout: l });
  }, [scroller]);

  const n = layout.n;
  // Heights changed since the position was seen: where the row at the top now is (the layout
  // effect above scrolls there), so that the rows drawn and asked for are already the right ones.
  const scrollTop =
    scrolled.layout === layout || n === 0
      ? scrolled.top
      : Math.max(0, Math.min(layout.totalHeight, layout.top(Math.min(anchor.current.index, n - 1)) + anchor.current.offset));
  const first = n ? layout.indexAt(Math.max(0, scrollTop - OVERSCAN_PX)) : 0;
  const last = n ? layout.indexAt(scrollTop + viewH + OVERSCAN_PX) : -1;
  useEffect(() => model.ensure(first, Math.max(first, last)), [model, first, last, version]);

  // Moving with the keyboard: scroll the row into view, focus it once it is drawn.
  const reveal = useCallback(
    (i: number) => {
      if (!scroller) return;
      const l = layoutRef.current;
      const d = l.deco(i);
      const rowTop = l.top(i) + (d ? headingHeight(d) : 0);
      const rowBottom = l.top(i) + l.height(i);
      const h = scroller.clientHeight || FALLBACK_VIEW_H;
      let top = scroller.scrollTop;
      if (rowTop - CONTEXT_H < top) top = Math.max(0, i === 0 ? 0 : rowTop - CONTEXT_H);
      else if (rowBottom > top + h) top = rowBottom - h;
      if (top !== scroller.scrollTop) {
        scroller.scrollTop = top;
        const index = Math.max(0, l.indexAt(top));
        anchor.current = { index, offset: top - l.top(index) };
        setScrolled({ top, layout: l });
      }
    },
    [scroller],
  );
  const moveTo = useCallback(
    (i: number) => {
      const count = layoutRef.current.n;
      if (count === 0) return;
      const to = Math.max(0, Math.min(count - 1, i));
      setCursor(to);
      reveal(to);
      const el = scroller?.querySelector<HTMLElement>(`button[data-index="${to}"]`);
      if (el) el.focus({ preventScroll: true });
      else {
        // Not drawn yet (its page is being read, or it is far away): focused once it is.
        pendingFocus.current = to;
        setFocusWait((k) => k + 1);
      }
    },
    [reveal, scroller],
  );
  useLayoutEffect(() => {
    const i = pendingFocus.current;
    if (i === null || !scroller) return;
    const el = scroller.querySelector<HTMLElement>(`button[data-index="${i}"]`);
    if (!el) return;
    pendingFocus.current = null;
    reveal(i);
    el.focus({ preventScroll: true });
  });

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

  // Choosing forms. Callbacks read the latest state through a ref, so the memoised rows keep one callback.
  const pickAnchor = useRef<{ model: PagedForms; index: number } | null>(null);
  const state = useRef({ picked, onPick, model });
  state.current = { picked, onPick, model };
  const pick = useCallback((index: number, how: 'toggle' | 'range') => {
    const { picked: p, onPick: set, model: m } = state.current;
    const f = m.get(index);
    if (!p || !set || !f) return;
    const from = pickAnchor.current?.model === m ? pickAnchor.current.index : null;
    pickAnchor.current = { model: m, index };
    if (how === 'toggle' || from === null) return set(togglePick(p, f));
    const [a, b] = from < index ? [from, index] : [index, from];
    void m.loadRange(a, b).then(() => {
      const range: FormSummary[] = [];
      for (let i = a; i <= b; i++) {
        const row = m.get(i);
        if (row) range.push(row);
      }
      const now = state.current;
      if (now.picked && now.onPick) now.onPick(addPicks(now.picked, range));
    });
  }, []);

  const [selectingAll, setSelectingAll] = useState<{ done: number; total: number } | null>(null);
  const selectRun = useRef(0);
  async function selectAll() {
    const m = model;
    const total = m.total ?? 0;
    const run = ++selectRun.current;
    const found: FormSummary[] = [];
    if (Array.from({ length: m.pageCount }, (_, p) => m.pageLoaded(p)).every(Boolean)) {
      for (let i = 0; i < total; i++) found.push(m.get(i)!);
    } else {
      setSelectingAll({ done: 0, total });
      try {
        for (let after: PageKey | undefined; ;) {
          const page = await fetcher({ ...(m.search ? { search: m.search } : {}), ...(after ? { after } : {}), limit: SELECT_ALL_PAGE });
          if (run !== selectRun.current) return;
          found.push(...page.items);
          setSelectingAll({ done: found.length, total });
          if (!page.next) break;
          after = page.next;
        }
      } catch (e) {
        if (run === selectRun.current) setListError(`全选没有完成：${errorText(e)}`);
        return;
      } finally {
        if (run === selectRun.current) setSelectingAll(null);
      }
    }
    const now = state.current;
    if (now.picked && now.onPick) now.onPick(addPicks(now.picked, found));
  }
  const [listError, setListError] = useState<string | null>(null);

  const { registry } = useTemplates();
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
    <Item
      key={r.f.id}
      f={r.f}
      index={r.i}
      active={r.f.id === selected}
      tabbable={r.i === tabStop}
      kind={kindOf(r.f)}
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
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => {
                selectRun.current++;
                setSelectingAll(null);
                pickAnchor.current = null;
                onPick(new Map());
              }}
            >
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
