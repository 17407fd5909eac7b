/**
 * The visible text of WordprocessingML as a reader of the page sees it: tracked insertions
 * and content controls count, deletions and field codes do not, tabs and line breaks stay.
 */
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

export function isPlaceholder(sdt: El): boolean {
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
