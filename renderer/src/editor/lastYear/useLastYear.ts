/**
 * Last year's targets and results for the open declaration (contract `forms.lastYear`), read
 * once when it opens: handed to the form store for the check `targetCopiedDespiteActual`, shown
 * beside the rows (LastYearNote.tsx), and — for a template with history columns (近两年指标值) —
 * written into those columns from the store, as new year does, so an earlier form changed since
 * shows its value now. A later-stage form (调整, 监控, 自评) and a form without an indicator grid ask nothing.
 */
import { useEffect, useState } from 'react';
import type { GroupRow } from '../../../../shared/form';
import { fillHistoryFrom, hasHistory, historyColumns } from '../../../../shared/history';
import type { LastYear } from '../../../../shared/lastYear';
import { api } from '../../api';
import type { FormStore } from '../formStore';

/** Writes the history columns from the store's earlier years where they differ (one undo step per group). */
function fillHistoryColumns(store: FormStore, ly: LastYear): void {
  const t = store.template;
  if (!hasHistory(t)) return;
  const filled = fillHistoryFrom(store.data(), t, ly.history).form;
  for (const g of t.groups ?? []) {
    const cols = historyColumns(g).map((c) => c.id);
    if (cols.length === 0) continue;
    const next = (filled.values[g.id] ?? []) as GroupRow[];
    const now = store.rows(g.id);
    if (next.length === now.length && next.every((r, i) => cols.every((c) => (r[c] ?? '') === (now[i][c] ?? '')))) continue;
    store.replaceRows(g.id, next);
  }
}

export function useLastYear(store: FormStore | undefined, key: string, readOnly: boolean): LastYear | null {
  const [answer, setAnswer] = useState<LastYear | null>(null);
  useEffect(() => {
    setAnswer(null);
    const id = Number(key.split('|')[0]);
    if (!store || !id) return;
    const t = store.template;
    if (t.follows !== undefined || !(t.groups ?? []).some((g) => (g.indicators ?? []).length > 0)) return;
    let live = true;
    api['forms.lastYear']({ id }).then(
      (ly) => {
        if (!live) return;
        setAnswer(ly);
        store.setLastYear(ly.indicators);
        if (!readOnly) fillHistoryColumns(store, ly);
      },
      () => {}, // nothing beside the rows; the form itself is edited and checked as ever
    );
    return () => {
      live = false;
    };
  }, [store, key, readOnly]);
  return answer;
}
