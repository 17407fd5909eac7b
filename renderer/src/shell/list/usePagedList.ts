/**
 * The side list's forms: the search (sent after a pause), the paged model (list/pagedForms.ts)
 * and its layout; a new search or a refresh swaps in a new model once its first pages are here,
 * so the list never flashes empty. A refresh keeps the place (`anchor`); a new search starts at the top.
 */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type MutableRefObject } from 'react';
import { api } from '../../api';
import { ListLayout } from './layout';
import { PAGE_SIZE, PagedForms, type PageFetcher } from './pagedForms';
import { takeFirstPage } from './prefetch';

export const SEARCH_DEBOUNCE_MS = 200;

export const defaultFetch: PageFetcher = (input) => api['forms.page'](input);

/** The row at the top of the view and how far the view's top is below the row's top. */
export type Anchor = MutableRefObject<{ index: number; offset: number }>;

export function usePagedList(fetchPage: PageFetcher, refreshKey: number, anchor: Anchor, onNewSearch: () => void) {
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
  // Laid out again at each new version of the model (a page arrived).
  const layout = useMemo(() => new ListLayout(model), [model, version]);

  useEffect(() => {
    const q = text.trim();
    if (q === query) return;
    const timer = setTimeout(() => setQuery(q), q ? SEARCH_DEBOUNCE_MS : 0);
    return () => clearTimeout(timer);
  }, [text, query]);

  const latest = useRef(model);
  latest.current = model;
  const newSearch = useRef(onNewSearch);
  newSearch.current = onNewSearch;
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
          newSearch.current();
        }
        setModel(next);
      };
      Promise.all(pages.map((p) => next.load(p))).then(swap, swap);
    },
    [fetcher, anchor],
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

  return { text, setText, query, model, version, layout, fetcher };
}
