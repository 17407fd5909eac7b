/**
 * Choosing forms for 导出所选: a click with Ctrl (or the checkbox) takes or leaves one, Shift adds
 * every form from the last chosen (rows not read yet are read first), 全选 reads the whole list
 * as searched, a thousand at a time. The callbacks read the latest state through a ref, so the
 * memoised rows keep one callback.
 */
import { useCallback, useRef, useState } from 'react';
import type { FormSummary, PageKey } from '../../../../shared/contract';
import { errorText } from '../../ui/notify';
import type { PagedForms, PageFetcher } from './pagedForms';
import { addPicks, togglePick } from './picks';

const SELECT_ALL_PAGE = 1000;

export function usePicking(
  model: PagedForms,
  fetcher: PageFetcher,
  picked: ReadonlyMap<number, FormSummary> | undefined,
  onPick: ((next: Map<number, FormSummary>) => void) | undefined,
  onError: (message: string) => void,
) {
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
        if (run === selectRun.current) onError(`全选没有完成：${errorText(e)}`);
        return;
      } finally {
        if (run === selectRun.current) setSelectingAll(null);
      }
    }
    const now = state.current;
    if (now.picked && now.onPick) now.onPick(addPicks(now.picked, found));
  }

  function clear() {
    selectRun.current++;
    setSelectingAll(null);
    pickAnchor.current = null;
    onPick?.(new Map());
  }

  return { pick, selectAll, selectingAll, clear };
}
