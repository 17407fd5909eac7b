/**
 * export.*, import.* and backup.*: the channels that carry file bytes. Bytes travel as base64
 * both ways; the file system is touched only for backup temp files, which are always removed.
 */
import { readdirSync, rmSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../../../shared/errors';
import { processAlive, type Store } from '../store';
import { blankExportFileName, exportBlankDocx, exportFileName } from '../export';
import { inThisThread, type Exporter } from '../exportWorker/jobs';
import { commitImport, previewImport } from '../import';
import type { CoreContext } from './context';
import type { Handlers } from './dispatch';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Strict, so a mangled upload is reported instead of silently decoding to garbage. */
export function decodeBase64(data: string, what: string): Uint8Array {
  const compact = data.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) {
    throw new UserError(`${what}在传送中损坏了，请重新选择文件再试`);
  }
  return new Uint8Array(Buffer.from(compact, 'base64'));
}

export const encodeBase64 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

/** The folder name says which process made it, so that one left by a killed process can be told apart. */
const TEMP_PREFIX = 'shenbao-handlers-';
const TEMP_DIR = /^shenbao-handlers-(\d+)-[A-Za-z0-9]{6}$/;

/**
 * Removes the temp folders of killed processes: a backup being downloaded or an upload being
 * restored, each as large as a backup (issue #27 item 12). Never fails.
 */
export function sweepHandlerTemps(dir = tmpdir()): void {
  try {
    for (const name of readdirSync(dir)) {
      const m = TEMP_DIR.exec(name);
      if (m && !processAlive(Number(m[1]))) rmSync(join(dir, name), { recursive: true, force: true });
    }
  } catch {
    /* housekeeping only */
  }
}

async function withTempDir<T>(run: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), `${TEMP_PREFIX}${process.pid}-`));
  try {
    return await run(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

export function backupFileName(now: Date): string {
  const stamp = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  return `绩效目标申报-备份-${stamp}.db`;
}

export function fileHandlers({ store, appVersion, exporter }: CoreContext): Handlers {
  sweepHandlerTemps();
  return {
    'export.docx': async ({ id }) => {
      const { bytes, dropped, fileName } = await exportForm(store, id, appVersion, exporter);
      return { fileName, data: encodeBase64(bytes), dropped };
    },
    'export.blankDocx': async ({ year, templateId }) => {
      const t = templateId ? store.templates.get(templateId) : store.templates.defaultTemplate();
      const bytes = await exportBlankDocx(t, year, { appVersion });
      return { fileName: blankExportFileName(t, year), data: encodeBase64(bytes) };
    },
    'import.read': ({ fileName, data }) => previewImport(store, fileName, decodeBase64(data, `文件“${fileName}”`)),
    'import.commit': ({ data, onConflict, newTemplate, original }) =>
      commitImport(
        store,
        data,
        onConflict,
        newTemplate,
        original ? { fileName: original.fileName, bytes: decodeBase64(original.data, `文件“${original.fileName}”`) } : undefined,
      ),
    'forms.original': ({ id, withData }) => {
      const info = store.original(id);
      if (!info) return null;
      const { sha256: _sha256, ...shown } = info;
      return withData ? { ...shown, data: encodeBase64(store.originalFile(id).bytes) } : shown;
    },
    'backup.create': () =>
      withTempDir(async (dir) => {
        const file = join(dir, 'backup.db');
        const manifest = await store.backupTo(file);
        const bytes = await readFile(file);
        return { fileName: backupFileName(new Date()), data: encodeBase64(bytes), manifest };
      }),
    'backup.restore': ({ fileName, data }) =>
      withTempDir(async (dir) => {
        const bytes = decodeBase64(data, `备份文件“${fileName}”`);
        if (bytes.length === 0) throw new UserError(`备份文件“${fileName}”是空的，请选择用“备份”功能保存的文件`);
        // Messages name the file as the user chose it; only its cleaned base name, inside our own temp folder, becomes a path.
        const file = join(dir, safeBaseName(fileName, 'restore.db'));
        await writeFile(file, bytes);
        return { manifest: await store.restoreFrom(file) };
      }),
  };
}

/** A stored form as a Word file, with the file name its template gives it. */
export async function exportForm(store: Store, id: number, appVersion: string, exporter: Exporter = inThisThread) {
  const record = store.get(id);
  const t = store.templates.get(record.templateId, record.templateVersion);
  const r = await exporter.run({
    kind: 'docx',
    form: record.data,
    template: t,
    opts: { appVersion, carryTemplate: !store.templates.isBuiltIn(t.id) },
  });
  return { ...r, fileName: exportFileName(record.data, t), record };
}

/** A base name with no path parts or characters a file system could take as one. */
export function safeBaseName(fileName: string, fallback: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[\u0000-\u001f<>:"|?*]/g, '_')
    .replace(/^\.+/, '')
    .slice(0, 120);
  return cleaned || fallback;
}
