/**
 * The suggestion list under a cell: each candidate's 三级指标, its typical 指标值 (placeholders
 * already filled from the form) and where it comes from. Drawn in a portal at fixed coordinates
 * taken from the cell, so no table cell, scroll box or page edge cuts it off; above the cell when
 * there is no room below. The mouse picks on click; pressing on the list never takes the caret
 * out of the cell.
 */
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import type { Suggestion, Suggestions } from './useSuggestions';
import './suggest.css';

export const SOURCE_TAG: Record<Suggestion['source'], string> = {
  unit: '本单位',
  library: '指标库',
  store: '其他单位',
  starter: '常用',
};

const SOURCE_TITLE: Record<Suggestion['source'], string> = {
  unit: '本单位以前的表单中用过',
  library: '指标库中的条目（自己添加或从指标库文件导入）',
  store: '本机其他单位的表单中用过',
  starter: '程序自带的常用指标',
};

interface Place {
  left: number;
  top: number;
  width: number;
  above: boolean;
}

const MIN_WIDTH = 400;
const MAX_WIDTH = 520;
const GAP = 2;

function placeUnder(anchor: HTMLElement, list: HTMLElement | null): Place {
  const r = anchor.getBoundingClientRect();
  const width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, r.width));
  const left = Math.max(4, Math.min(r.left, window.innerWidth - width - 4));
  const height = list?.offsetHeight ?? 0;
  const below = window.innerHeight - r.bottom;
  const above = height > 0 && below < height + GAP + 4 && r.top > below;
  return { left, top: above ? r.top - height - GAP : r.bottom + GAP, width, above };
}

let liveRegion: HTMLElement | null = null;

/**
 * Says how many suggestions there are to a screen reader (one polite live region for the page,
 * made on first use: a region made together with the list would not be read).
 */
function announce(text: string): void {
  if (!liveRegion || !liveRegion.isConnected) {
    liveRegion = document.createElement('div');
    liveRegion.setAttribute('role', 'status');
    liveRegion.setAttribute('aria-live', 'polite');
    liveRegion.className = 'suggest-live';
    liveRegion.dataset.testid = 'suggest-status';
    document.body.appendChild(liveRegion);
  }
  liveRegion.textContent = text;
}

export interface SuggestionListProps {
  s: Suggestions;
  anchor: RefObject<HTMLElement | null>;
  /** The 指标值 shown for an item: its pattern with the form's values put in. */
  valueOf(item: Suggestion): string;
  /** The row's 二级: an item from another 二级 says which. */
  level2?: string;
  label: string;
}

export function SuggestionList({ s, anchor, valueOf, level2, label }: SuggestionListProps) {
  const list = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<Place | null>(null);
  const { open } = s;

  useLayoutEffect(() => {
    if (!open) return;
    const update = () => anchor.current && setPlace(placeUnder(anchor.current, list.current));
    update();
    // A second pass once the list has its height (to go above when there is no room below).
    const frame = requestAnimationFrame(update);
    window.addEventListener('scroll', update, { capture: true, passive: true });
    window.addEventListener('resize', update);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', update, { capture: true });
      window.removeEventListener('resize', update);
    };
  }, [open, anchor, s.items]);

  const count = s.items.length;
  useEffect(() => {
    if (count > 0) announce(`${count} 条推荐的指标，按 ↓ 选择，回车填入，Esc 关闭`);
  }, [count]);

  useLayoutEffect(() => {
    if (s.active >= 0) document.getElementById(s.optionId(s.active))?.scrollIntoView?.({ block: 'nearest' });
  }, [s.active, s.optionId]);

  if (!open) return null;
  return createPortal(
    <div
      ref={list}
      className={`suggest-popup no-print${place?.above ? ' suggest-above' : ''}`}
      data-testid="suggest-list"
      style={place ? { left: place.left, top: place.top, width: place.width } : { visibility: 'hidden' }}
      // Pressing on the list keeps the caret in the cell (its blur would close the list first).
      onMouseDown={(e) => e.preventDefault()}
    >
      <ul id={s.listId} role="listbox" aria-label={label} className="suggest-list">
        {s.items.map((item, i) => {
          const value = valueOf(item);
          const otherLevel = level2 !== undefined && item.level2 !== '' && item.level2 !== level2;
          return (
            <li
              key={`${item.level1}\u0001${item.level2}\u0001${item.name}\u0001${item.value}`}
              id={s.optionId(i)}
              role="option"
              aria-selected={i === s.active}
              className={`suggest-item${i === s.active ? ' active' : ''}`}
              onClick={() => s.pick(i)}
            >
              <span className="suggest-name">{item.name}</span>
              {value && <span className="suggest-value">{value}</span>}
              {otherLevel && <span className="suggest-level">{item.level2}</span>}
              <span className={`suggest-source src-${item.source}`} title={SOURCE_TITLE[item.source]}>
                {SOURCE_TAG[item.source]}
              </span>
            </li>
          );
        })}
      </ul>
      <div className="suggest-hint" aria-hidden="true">
        ↓↑ 选择 · 回车 填入 · Esc 关闭
      </div>
    </div>,
    document.body,
  );
}
