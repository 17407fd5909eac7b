/**
 * The paper on a laptop screen: a landscape form (297 mm, 1123 px at 100 %) does not fit 1366 px
 * beside the side list and the 检查结果 panel. The sheet is zoomed down to the width it has, and
 * the panel folds to a strip when the paper would otherwise be drawn too small to read. The
 * clerk's own choice (open or fold the panel) is kept and wins over the automatic one.
 */
import { useEffect, useState } from 'react';

/** The panel's width when open (app.css .messages-panel) and folded (the strip with its counts). */
export const PANEL_OPEN_PX = 260;
export const PANEL_FOLDED_PX = 40;
/** .editor-body's side padding and the gap between paper and panel. */
const BODY_CHROME_PX = 24 + 12;
/** Room kept either side of the sheet inside its scroller (its shadow). */
const SHEET_SIDE_PX = 8;
/** Below this the panel folds by itself: 10.5 pt 仿宋 at 0.85 is about 12 px, the least that reads well. */
export const MIN_ZOOM_WITH_PANEL = 0.85;
/** Never drawn smaller than this; past it the scroller scrolls sideways. */
export const MIN_ZOOM = 0.5;

export type PanelChoice = 'open' | 'folded' | null;

const twipsToPx = (t: number) => (t / 1440) * 96;

/** How wide the paper may be, and whether the panel is open, for an editor body this wide. */
export function fitSheet(bodyWidth: number, paperWidthTwips: number, choice: PanelChoice): { panelOpen: boolean; zoom: number } {
  const paper = twipsToPx(paperWidthTwips);
  const zoomWith = (panel: number) => {
    const room = bodyWidth - BODY_CHROME_PX - panel - 2 * SHEET_SIDE_PX;
    return Math.max(MIN_ZOOM, Math.min(1, room / paper));
  };
  const open = choice === null ? zoomWith(PANEL_OPEN_PX) >= MIN_ZOOM_WITH_PANEL : choice === 'open';
  // Rounded down to a hundredth, so that rounding never makes the paper a pixel too wide.
  const zoom = Math.floor(zoomWith(open ? PANEL_OPEN_PX : PANEL_FOLDED_PX) * 100) / 100;
  return { panelOpen: open, zoom };
}

const CHOICE_KEY = 'shenbao.checksPanel';

function readChoice(): PanelChoice {
  try {
    const v = localStorage.getItem(CHOICE_KEY);
    return v === 'open' || v === 'folded' ? v : null;
  } catch {
    return null;
  }
}

/** The width of an element, followed as the window is resized. */
export function useWidth(el: HTMLElement | null): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    if (!el) return;
    setWidth(el.clientWidth);
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, [el]);
  return width;
}

/** The zoom and panel state for the editor body `el`; `toggle` is the clerk's choice, remembered. */
export function useFitSheet(el: HTMLElement | null, paperWidthTwips: number) {
  const width = useWidth(el);
  const [choice, setChoice] = useState<PanelChoice>(readChoice);
  // Before the first measure (and in jsdom, which measures nothing) the paper is drawn as it is.
  const fit = width > 0 ? fitSheet(width, paperWidthTwips, choice) : { panelOpen: choice !== 'folded', zoom: 1 };
  const toggle = () => {
    const next = fit.panelOpen ? 'folded' : 'open';
    setChoice(next);
    try {
      localStorage.setItem(CHOICE_KEY, next);
    } catch {
      // kept for this window only
    }
  };
  return { ...fit, toggle };
}
