/**
 * The one XML-text sanitiser every writer uses (.docx, .xlsx: the form, the 汇总, the 指标库) and
 * the importer applies to what it reads. XML 1.0 forbids most C0 control characters, lone UTF-16
 * surrogates and U+FFFE/U+FFFF; Word, Excel and LibreOffice refuse a file that contains them
 * ("unreadable content", 「source file could not be loaded」), so they are removed (issue #27).
 */

// Tab, LF and CR are legal XML; everything else below U+0020 is not. A surrogate is legal
// only as half of a pair.
/* eslint-disable no-control-regex -- control characters are exactly what is removed */
const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/* eslint-enable no-control-regex */

export function sanitizeXmlText(s: string): { text: string; removed: number } {
  let removed = 0;
  const text = s.replace(FORBIDDEN, () => {
    removed++;
    return '';
  });
  return { text, removed };
}

/** The text without the characters XML cannot hold. */
export function xmlSafe(s: string): string {
  return s.replace(FORBIDDEN, '');
}

/** Whether a code point may stand in XML text (what a character reference such as &#xFFFE; may name). */
export function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}
