/**
 * What a Word file says of how things are drawn, beside their text: a paragraph's alignment and
 * font, a table's line width, the section's page. The document model keeps these as optional
 * extras (docModel.ts) for a blank form that becomes a template; the fitting of filled forms
 * ignores them.
 */
import type { DocLook, DocPage } from './docModel';
import { attr, child, children, type El } from './xml';

const int = (v: string | null): number | null => {
  const n = v === null ? NaN : parseInt(v, 10);
  return Number.isFinite(n) && n >= 0 ? n : null;
};

const onOff = (el: El | undefined): boolean | undefined =>
  el === undefined ? undefined : !['false', '0', 'off'].includes(attr(el, 'val') ?? 'true');

/** The first run that prints text: its properties speak for the paragraph. */
function firstTextRun(p: El): El | undefined {
  for (const c of children(p)) {
    if (c.localName === 'r' && children(c).some((k) => k.localName === 't' && k.kids.some((x) => typeof x === 'string' && x.trim())))
      return c;
    if (c.localName !== 'pPr' && c.localName !== 'r') {
      const inner = firstTextRun(c);
      if (inner) return inner;
    }
  }
  return undefined;
}

export function paragraphLook(p: El): DocLook | undefined {
  const look: DocLook = {};
  const pPr = child(p, 'pPr');
  const jc = pPr ? attr(child(pPr, 'jc') ?? { localName: '', attrs: {}, kids: [] }, 'val') : null;
  if (jc === 'center') look.align = 'center';
  else if (jc === 'right' || jc === 'end') look.align = 'right';
  else if (jc === 'left' || jc === 'start' || jc === 'both') look.align = 'left';
  const run = firstTextRun(p);
  const rPr = run ? child(run, 'rPr') : pPr ? child(pPr, 'rPr') : undefined;
  if (rPr) {
    const sz = int(attr(child(rPr, 'sz') ?? { localName: '', attrs: {}, kids: [] }, 'val'));
    if (sz !== null && sz >= 10 && sz <= 144) look.sizePt = sz / 2;
    const bold = onOff(child(rPr, 'b'));
    if (bold !== undefined) look.bold = bold;
    const fonts = child(rPr, 'rFonts');
    const ea = fonts ? attr(fonts, 'eastAsia') : null;
    const ascii = fonts ? attr(fonts, 'ascii') : null;
    if (ea) look.eastAsia = ea.slice(0, 60);
    if (ascii) look.ascii = ascii.slice(0, 60);
  }
  return Object.keys(look).length ? look : undefined;
}

/** The table's outer line width in points (w:sz is in eighths of a point). */
export function tableBorderPt(tbl: El): number | undefined {
  const tblPr = child(tbl, 'tblPr');
  const borders = tblPr ? child(tblPr, 'tblBorders') : undefined;
  if (!borders) return undefined;
  for (const side of children(borders)) {
    const sz = int(attr(side, 'sz'));
    const val = attr(side, 'val');
    if (val === 'nil' || val === 'none') return 0;
    if (sz !== null) return Math.min(6, sz / 8);
  }
  return undefined;
}

/** The page of a section (w:sectPr): size and margins; orientation is the size's. */
export function sectionPage(sectPr: El | undefined): DocPage | undefined {
  if (!sectPr) return undefined;
  const sz = child(sectPr, 'pgSz');
  const mar = child(sectPr, 'pgMar');
  const w = sz ? int(attr(sz, 'w')) : null;
  const h = sz ? int(attr(sz, 'h')) : null;
  if (w === null || h === null) return undefined;
  const m = (name: string, fallback: number) => (mar ? (int(attr(mar, name)) ?? fallback) : fallback);
  return {
    widthTwips: w,
    heightTwips: h,
    margins: { top: m('top', 1440), bottom: m('bottom', 1440), left: m('left', 1800), right: m('right', 1800) },
  };
}
