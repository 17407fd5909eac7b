import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDocx } from '../../electron/core/export';
import { previewImport } from '../../electron/core/import';
import { readDocx } from '../helpers/read';
import { openStore, type Store } from '../../electron/core/store';
import { isUserError } from '../../shared/errors';
import { handmadeFormBody, makeDocx, paras } from '../helpers/makeDocx';
import { seedForm, seedJson, T2019 } from '../helpers/seed';

/** Patches every central directory record of a zip (sizes, flags) to make hostile archives. */
function patchCentral(bytes: Uint8Array, patch: (view: DataView, at: number) => void): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) if (view.getUint32(i, true) === 0x02014b50) patch(view, i);
  return out;
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ole = (...streams: string[]) =>
  new Uint8Array([...OLE, ...new Uint8Array(504), ...streams.flatMap((s) => [...Buffer.from(s, 'utf16le')])]);

async function zipOf(files: Record<string, string>, compression: 'STORE' | 'DEFLATE' = 'DEFLATE'): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [n, d] of Object.entries(files)) zip.file(n, d);
  return zip.generateAsync({ type: 'uint8array', compression });
}

const BOMB = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><w:document xmlns:w="x"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>`;

let exported: Uint8Array;
let dir: string;
let store: Store;

beforeAll(async () => {
  exported = (await exportDocx(seedForm(), T2019, { appVersion: 'test' })).bytes;
  dir = mkdtempSync(join(tmpdir(), 'shenbao-import-bad-'));
  store = openStore({ file: join(dir, 'forms.db'), appVersion: 'test' });
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const cases: [string, () => Promise<Uint8Array> | Uint8Array, RegExp][] = [
  ['0 bytes', () => new Uint8Array(0), /文件是空的/],
  ['plain text', () => Buffer.from('这不是 Word 文件，只是一段文字。'), /不是 Word（\.docx）文件/],
  ['truncated export', () => exported.slice(0, Math.floor(exported.length / 2)), /不完整或已损坏/],
  ['export cut at the end', () => exported.slice(0, exported.length - 10), /不完整或已损坏/],
  ['legacy .doc', () => ole('Root Entry', 'WordDocument', '1Table'), /旧版 Word 文档（\.doc）.*请在 Word 或 WPS 中另存为 \.docx 后再导入/],
  ['password-protected .docx', () => ole('Root Entry', 'EncryptionInfo', 'EncryptedPackage'), /设置了打开密码/],
  ['RTF named .doc', () => Buffer.from('{\\rtf1\\ansi 部门整体支出}'), /RTF.*另存为 \.docx/],
  ['zip without a document', () => zipOf({ 'a.txt': 'hello' }), /不是 Word（\.docx）文档/],
  ['an Excel file', () => zipOf({ 'xl/workbook.xml': '<workbook/>' }), /Excel/],
  ['a .docx without the form', () => makeDocx(paras('会议纪要\n今天开会。')), /没有找到认识的申报表表格.*部门整体支出绩效目标申报表/],
  ['DOCTYPE/ENTITY in document.xml', () => makeDocx('', { documentXml: BOMB }), /不安全的 XML 声明/],
  ['malformed document.xml', () => makeDocx('', { documentXml: '<w:document xmlns:w="x"><w:body><w:p></w:body>' }), /已损坏/],
  [
    'undefined entity',
    () => makeDocx('', { documentXml: '<w:document xmlns:w="x"><w:body><w:p>&foo;</w:p></w:body></w:document>' }),
    /已损坏/,
  ],
  [
    'more than 2,000 entries',
    () => zipOf(Object.fromEntries(Array.from({ length: 2001 }, (_, i) => [`f/${i}.xml`, ''])), 'STORE'),
    /部件过多/,
  ],
  [
    'over 100 MB declared uncompressed',
    () => patchCentral(exported, (v, at) => v.setUint32(at + 24, 60 * 1024 * 1024, true)),
    /解压后超过 100 MB/,
  ],
  [
    'sizes that lie (zip bomb)',
    async () => patchCentral(await makeDocx(handmadeFormBody(seedJson())), (v, at) => v.setUint32(at + 24, 100, true)),
    /不完整或已损坏/,
  ],
  [
    'encrypted zip entries',
    () => patchCentral(exported, (v, at) => v.setUint16(at + 8, v.getUint16(at + 8, true) | 1, true)),
    /设置了密码/,
  ],
  [
    'over 20 MB',
    () => {
      const b = new Uint8Array(21 * 1024 * 1024);
      b.set([0x50, 0x4b, 3, 4]);
      return b;
    },
    /超过 20 MB/,
  ],
];

describe('bad files fail cleanly, fast, with the store unchanged', () => {
  it.each(cases)('%s', async (_name, make, message) => {
    const bytes = await make();
    // No time assertion here (the first read also starts the import worker); speed is in npm run bench.
    const err = await readDocx(bytes).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isUserError(err), String(err)).toBe(true);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).toMatch(/请|已拒绝|无法/);
    await expect(previewImport(store, 'x.docx', bytes)).rejects.toThrow(message);
    expect(store.list()).toEqual([]);
  });

  it('stops at the time bound', async () => {
    await expect(readDocx(await makeDocx(handmadeFormBody(seedJson())), { timeoutMs: 0 })).rejects.toThrow(/用时过长/);
  });

  it('a failed file does not affect the next one', async () => {
    await expect(readDocx(new Uint8Array(0))).rejects.toThrow();
    const r = await readDocx(await makeDocx(handmadeFormBody(seedJson())));
    expect(r.data.values.department).toBe('湖南省桃源县看守所');
  });
});
