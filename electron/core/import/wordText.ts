/**
 * The visible text of WordprocessingML as a reader of the page sees it: tracked insertions
 * and content controls count, deletions and field codes do not, tabs and line breaks stay.
 */
import { checkDeadline } from './deadline';
import { isSpace } from '../../../shared/text/trim';
import { MAX_LINE_CHARS, MAX_LINE_SPACE_RUN } from './limits';
import { attr, child, children, textContent, type El } from './xml';

/** Inline elements whose content is never visible text. */
const SKIP_INLINE = new Set([
  'pPr',
  'rPr',
  'del',
  'moveFrom',
  'delText',
  'delInstrText',
  'instrText',
  'drawing',
  'pict',
  'object',
  'AlternateContent',
  'sdtPr',
  'sdtEndPr',
  'commentReference',
  'footnoteReference',
  'endnoteReference',
  'annotationRef',
]);

function isPlaceholder(sdt: El): boolean {
  const pr = child(sdt, 'sdtPr');
  return !!pr && !!child(pr, 'showingPlcHdr');
}

function inlineText(el: El, out: string[]): void {
  for (const c of children(el)) {
    const name = c.localName;
    if (SKIP_INLINE.has(name)) continue;
    switch (name) {
      case 't':
        out.push(textContent(c));
        break;
      case 'tab':
      case 'ptab':
        out.push('\t');
        break;
      case 'br':
      case 'cr':
        out.push('\n');
        break;
      case 'noBreakHyphen':
        out.push('-');
        break;
      case 'sym': {
        // A symbol-font character; its code is all we know of it.
        const code = attr(c, 'char');
        if (code && /^[0-9a-f]{4}$/i.test(code)) {
          const cp = parseInt(code, 16);
          if (cp < 0xf000) out.push(String.fromCharCode(cp));
        }
        break;
      }
      case 'sdt':
        if (!isPlaceholder(c)) inlineText(c, out);
        break;
      default:
        inlineText(c, out); // r, ins, moveTo, hyperlink, smartTag, fldSimple, sdtContent, customXml …
    }
  }
}

export function paragraphText(p: El): string {
  const out: string[] = [];
  inlineText(p, out);
  return out.join('');
}

/** A paragraph or table in document order; a table lists its own paragraphs' range. */
export interface DocWalk {
  paragraphs: string[];
  /** `parent`: the element holding the table, to tell tables that follow one another apart. */
  tables: { el: El; parent: El; depth: number; start: number; end: number }[];
}

function walkBlocks(el: El, depth: number, acc: DocWalk): void {
  for (const c of children(el)) {
    switch (c.localName) {
      case 'p':
        if ((acc.paragraphs.length & 1023) === 0) checkDeadline();
        acc.paragraphs.push(paragraphText(c));
        break;
      case 'tbl': {
        const entry = { el: c, parent: el, depth, start: acc.paragraphs.length, end: 0 };
        acc.tables.push(entry);
        walkBlocks(c, depth + 1, acc);
        entry.end = acc.paragraphs.length;
        break;
      }
      case 'sdt':
        if (!isPlaceholder(c)) walkBlocks(c, depth, acc);
        break;
      case 'sectPr':
      case 'tblPr':
      case 'tblGrid':
      case 'trPr':
      case 'tcPr':
      case 'sdtPr':
      case 'del':
      case 'moveFrom':
        break;
      default:
        walkBlocks(c, depth, acc); // tr, tc, sdtContent, customXml, ins …
    }
  }
}

/** A paragraph outside tables, bounded for the line patterns (see MAX_LINE_CHARS). */
export function boundLine(p: string): string {
  let out = '';
  let run = 0;
  let changed = false;
  for (let i = 0; i < p.length && out.length < MAX_LINE_CHARS; i++) {
    run = isSpace(p.charCodeAt(i)) ? run + 1 : 0;
    if (run > MAX_LINE_SPACE_RUN) {
      changed = true;
      continue;
    }
    out += p[i];
  }
  return changed || out.length < p.length ? out : p;
}

/**
 * Every paragraph of the body in order, and where each table (nested ones too) sits among them.
 * Paragraphs outside tables are only searched for the lines above and below the form
 * (年度, 填报单位, 填报人 …), so they are bounded there (boundLine).
 */
export function walkDocument(body: El): DocWalk {
  const acc: DocWalk = { paragraphs: [], tables: [] };
  walkBlocks(body, 0, acc);
  let i = 0;
  for (const t of [...acc.tables.filter((x) => x.depth === 0), { start: acc.paragraphs.length, end: acc.paragraphs.length }]) {
    for (; i < t.start; i++) acc.paragraphs[i] = boundLine(acc.paragraphs[i]);
    i = Math.max(i, t.end);
  }
  return acc;
}

/** The paragraphs of a block container (a table cell), nested tables flattened in order. */
export function blockParagraphs(el: El): string[] {
  const acc: DocWalk = { paragraphs: [], tables: [] };
  walkBlocks(el, 0, acc);
  return acc.paragraphs;
}
