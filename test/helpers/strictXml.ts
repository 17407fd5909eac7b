/**
 * An independent check that an Office file opens: every XML part of the zip (JSZip) parsed by
 * saxes, a conformant XML parser that refuses what Word, Excel and LibreOffice refuse — characters
 * XML 1.0 does not allow (U+FFFE, U+FFFF, most control characters), malformed references.
 */
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';

/** The text of every XML part, after checking it parses; throws naming the part and the error. */
export async function strictXmlParts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n))) {
    const xml = await zip.file(name)!.async('string');
    const parser = new SaxesParser();
    let error: Error | null = null;
    parser.on('error', (e) => (error ??= e));
    parser.write(xml).close();
    if (error) throw new Error(`${name}：${String(error)}`);
    out.set(name, xml);
  }
  return out;
}
