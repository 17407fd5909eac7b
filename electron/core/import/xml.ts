/**
 * A small, strict XML reader for untrusted .docx and .xlsx parts. It knows no DTDs (a DOCTYPE or
 * ENTITY declaration is refused before parsing) and only the five predefined entities and
 * character references, so nothing can expand or fetch. It builds a light tree in one pass;
 * @xmldom/xmldom was measured at 10–17 ms for a 33 KB document.xml, most of the 15 ms
 * budget for a whole import, so it is not used here.
 */
import { UserError } from '../../../shared/errors';
import { isXmlChar, xmlSafe } from '../../../shared/text/xmlChars';
import { MAX_XML_DEPTH, MAX_XML_ELEMENTS, tooDeep, tooManyElements } from './limits';

export interface El {
  /** Name without its namespace prefix: generators choose their own prefixes. */
  localName: string;
  attrs: Record<string, string>;
  kids: (El | string)[];
}

/** Bytes of an XML part as text, honouring a UTF-16 byte order mark. */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes); // strips a UTF-8 BOM
}

class XmlError extends Error {}
/** A limit was passed: the part may be well-formed, it is just too much to read. */
class LimitError extends Error {
  constructor(readonly kind: 'depth' | 'elements') {
    super(kind);
  }
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&([^;&\s]{0,10});|&/g, (m, name: string | undefined) => {
    if (name === undefined) throw new XmlError('bare &');
    if (name in PREDEFINED) return PREDEFINED[name];
    const num = /^#x([0-9a-fA-F]{1,6})$/.exec(name) ?? /^#([0-9]{1,7})$/.exec(name);
    if (num) {
      const cp = parseInt(num[1], m.startsWith('&#x') ? 16 : 10);
      if (cp > 0x10ffff) throw new XmlError('bad char ref');
      // A reference to a character XML cannot hold (&#xFFFE;, &#x1;) is dropped: kept, it would
      // make every file written from the form unreadable (issue #27).
      return isXmlChar(cp) ? String.fromCodePoint(cp) : '';
    }
    throw new XmlError(`undefined entity ${name}`);
  });
}

const localOf = (name: string): string => name.slice(name.indexOf(':') + 1);

const TOKEN =
  /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|([^<]+)/y;
const ATTR = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * One pass with an explicit stack, so no depth can overflow the call stack; the depth and the
 * number of elements are bounded here, so every walk of the tree afterwards (recursive, in
 * wordText.ts and grid.ts) is bounded too.
 */
function parseTree(text: string, maxElements: number): El {
  const root: El = { localName: '#root', attrs: {}, kids: [] };
  const stack: { el: El; name: string }[] = [{ el: root, name: '' }];
  let elements = 0;
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (!m) throw new XmlError(`unexpected input at ${at}`);
    const top = stack[stack.length - 1];
    if (m[2] !== undefined) {
      const [, closing, name, attrText, selfClosing] = m;
      if (closing) {
        if (attrText || selfClosing || top.name !== name) throw new XmlError(`mismatched </${name}>`);
        stack.pop();
        continue;
      }
      const attrs: Record<string, string> = {};
      if (attrText) for (const a of attrText.matchAll(ATTR)) attrs[localOf(a[1])] = decodeEntities(a[2] ?? a[3] ?? '');
      const el: El = { localName: localOf(name), attrs, kids: [] };
      if (++elements > maxElements) throw new LimitError('elements');
      top.el.kids.push(el);
      if (!selfClosing) {
        if (stack.length > MAX_XML_DEPTH) throw new LimitError('depth');
        stack.push({ el, name });
      }
    } else if (m[5] !== undefined) top.el.kids.push(m[5]);
    else if (m[6] !== undefined) {
      if (stack.length > 1) top.el.kids.push(xmlSafe(decodeEntities(m[6])));
      else if (m[6].trim() !== '') throw new XmlError('text outside the root');
    }
  }
  if (stack.length !== 1) throw new XmlError('unclosed element');
  const roots = root.kids.filter((k): k is El => typeof k !== 'string');
  if (roots.length !== 1) throw new XmlError('not one root element');
  return roots[0];
}

/** `maxElements`: a part that legitimately holds more (a 指标库 sheet of 20,000 rows) may allow more. */
export function parseXml(text: string, part: string, maxElements = MAX_XML_ELEMENTS): El {
  // A workbook's parts live under xl/: the advice names the program that fixes the file.
  const [office, ext] = part.startsWith('xl/') ? ['Excel 或 WPS 表格', '.xlsx'] : ['Word 或 WPS', '.docx'];
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    throw new UserError(
      `文件中的 ${part} 含有不安全的 XML 声明（DOCTYPE/ENTITY），已拒绝导入。请在 ${office} 中另存为 ${ext} 后再试`,
      'import.unsafeXml',
    );
  }
  try {
    return parseTree(text, maxElements);
  } catch (e) {
    if (e instanceof LimitError) throw e.kind === 'depth' ? tooDeep(part) : tooManyElements(part, maxElements);
    throw new UserError(`文件中的 ${part} 已损坏，无法读取。请在 ${office} 中打开并另存为 ${ext} 后再导入`, 'import.badXml');
  }
}

export function children(el: El): El[] {
  return el.kids.filter((k): k is El => typeof k !== 'string');
}

export function child(el: El, localName: string): El | undefined {
  for (const k of el.kids) if (typeof k !== 'string' && k.localName === localName) return k;
  return undefined;
}

/** An attribute by local name (w:val, val, r:id … all alike). */
export function attr(el: El, localName: string): string | null {
  return el.attrs[localName] ?? null;
}

export function textContent(el: El): string {
  let s = '';
  for (const k of el.kids) s += typeof k === 'string' ? k : textContent(k);
  return s;
}
