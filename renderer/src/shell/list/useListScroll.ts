/**
 * The side list's window on its rows: where it is scrolled, which rows to draw (with a margin),
 * the row that stays put when heights change (`anchor`), and moving the keyboard cursor to a row
 * (scrolled into view, focused once it is drawn).
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { headingHeight, type ListLayout } from './layout';
import type { PagedForms } from './pagedForms';
import type { Anchor } from './usePagedList';

const OVERSCAN_PX = 400;
/** The year/unit line shown over the list's top (.list-context). */
const CONTEXT_H = 22;
/** Before the view is measured (and in jsdom). */
export const FALLBACK_VIEW_H = 600;

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

export function useListScroll(model: PagedForms, version: number, layout: ListLayout, anchor: Anchor, setCursor: (i: number) => void) {
  const layoutRef = useRef(layout);
  layoutRef.current = layout;
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  const viewH = useViewHeight(scroller);
  /** The list's scroll position as last seen, with the layout it was seen with. */
  const [scrolled, setScrolled] = useState<{ top: number; layout: ListLayout | null }>({ top: 0, layout: null });
  const pendingFocus = useRef<number | null>(null);
  const [, setFocusWait] = useState(0);

  // Heights changed (a page arrived, a new list): the row that was at the top stays at the top.
  useLayoutEffect(() => {
    if (!scroller) return;
    const { index, offset } = anchor.current;
    const max = Math.max(0, layout.totalHeight - scroller.clientHeight);
    const want = layout.n === 0 ? 0 : Math.max(0, Math.min(max, layout.top(Math.min(index, layout.n - 1)) + offset));
    if (Math.abs(scroller.scrollTop - want) >= 1) scroller.scrollTop = want;
    setScrolled({ top: want, layout });
  }, [layout, scroller, anchor]);

  const onScroll = useCallback(() => {
    if (!scroller) return;
    const top = scroller.scrollTop;
    const l = layoutRef.current;
    const index = Math.max(0, l.indexAt(top));
    anchor.current = { index, offset: top - l.top(index) };
    setScrolled({ top, layout: l });
  }, [scroller, anchor]);

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
    [scroller, anchor],
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
    [reveal, scroller, setCursor],
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

  return { setScroller, viewH, scrollTop, first, last, onScroll, moveTo };
}
