/**
 * Last year beside an indicator row (issue 24, point 6): in the page margin left of the row, as
 * the row tools sit right of it, last year's 年度指标值 and — from last year's 自评 — its 实际完成值,
 * small and grey; the row the caret is in has its note highlighted. On screen only: not a cell of
 * the layout (the print view and the Word/Excel writers know nothing of it), hidden by print CSS,
 * and it changes no row's height. The row is matched as it is typed (shared/lastYear.ts), so a
 * renamed or added indicator finds its match, or loses it, at once.
 */
import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import { matchIndicator, namesOf } from '../../../../shared/history';
import { describeLastYear, type LastYear, type LastYearIndicator } from '../../../../shared/lastYear';
import { useSheet } from '../sheetContext';
import './lastYear.css';

export const LastYearContext = createContext<LastYear | null>(null);

const SEP = '\u0001';

export function LastYearSide({ group, row }: { group: string; row: number }) {
  const ly = useContext(LastYearContext);
  const { store } = useSheet();
  const set = store.group(group).indicators?.[0];
  const indicators: readonly LastYearIndicator[] = ly?.indicators ?? [];
  const sub = useCallback((fn: () => void) => store.subscribeKey(group, fn), [store, group]);
  // A string snapshot: stable while the row's names and last year's answer stay the same.
  const found = useSyncExternalStore(sub, () => {
    const r = store.rows(group)[row];
    if (!set || !r || indicators.length === 0) return '';
    const m = matchIndicator(namesOf(r, set), indicators);
    return m ? [m.found.value, m.found.actual, m.matched, m.found.name].join(SEP) : '';
  });
  if (found === '' || !ly) return null;
  const [target, actual, matched, earlierName] = found.split(SEP);
  const text = describeLastYear(ly.year, { target, actual, matched: matched as 'same' | 'similar', earlierName });
  return (
    <td className="ly-side" data-testid="last-year-note" data-row={row} role="note" aria-label={`上年对照：${text}`} title={text}>
      <span className="ly-line">
        <span className="ly-key">{matched === 'similar' ? '上年≈' : '上年'}</span>
        {target || '—'}
      </span>
      <span className="ly-line">
        <span className="ly-key">实际</span>
        {actual || (ly.selfEvaluation ? '—' : '无自评')}
      </span>
    </td>
  );
}
