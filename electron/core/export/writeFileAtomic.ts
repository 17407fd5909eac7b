/**
 * Writes a file so that a crash or a refusal never leaves half of it: the bytes go to a
 * temporary file in the same folder (same volume, so the rename is atomic) and replace
 * the target only when complete. Failures become Chinese UserErrors saying what to do.
 */
import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../../../shared/errors';

/** The file operations used, so tests can reproduce Windows-only failures (a file open in Word). */
export interface WriteFs {
  rename(from: string, to: string): Promise<void>;
}

const nodeFs: WriteFs = { rename: (a, b) => fsp.rename(a, b) };

const codeOf = (e: unknown): string => (e as NodeJS.ErrnoException)?.code ?? '';

function explain(e: unknown, target: string, stage: 'folder' | 'replace'): Error {
  const name = basename(target);
  const folder = dirname(target);
  switch (codeOf(e)) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new UserError(`保存位置「${folder}」不存在，请选择一个已有的文件夹`, 'export-folder-missing');
    case 'EBUSY':
      return new UserError(`文件「${name}」正在被其他程序（如 Word 或 WPS）使用，请先关闭它再导出，或另存为其他文件名`, 'export-locked');
    case 'EPERM':
    case 'EACCES':
      return stage === 'replace'
        ? new UserError(`无法替换文件「${name}」：它可能正在 Word 或 WPS 中打开，或是只读文件。请关闭它或另存为其他文件名`, 'export-locked')
        : new UserError(`没有权限在文件夹「${folder}」中保存文件，请另选一个保存位置`, 'export-folder-readonly');
    case 'EROFS':
      return new UserError(`保存位置「${folder}」是只读的，请另选一个保存位置`, 'export-folder-readonly');
    case 'ENOSPC':
    case 'EDQUOT':
      return new UserError(`磁盘空间不足，文件「${name}」没有保存。请清理磁盘或另选保存位置`, 'export-disk-full');
    case 'EISDIR':
      return new UserError(`「${name}」是一个文件夹，请换一个文件名`, 'export-target-dir');
    default:
      return e instanceof Error ? e : new Error(String(e));
  }
}

async function checkTarget(target: string): Promise<void> {
  const folder = dirname(target);
  const dir = await fsp.stat(folder).catch((e: unknown) => {
    throw explain(e, target, 'folder');
  });
  if (!dir.isDirectory()) throw explain(Object.assign(new Error(), { code: 'ENOTDIR' }), target, 'folder');
  const st = await fsp.stat(target).catch(() => null);
  if (!st) return;
  if (st.isDirectory()) throw explain(Object.assign(new Error(), { code: 'EISDIR' }), target, 'folder');
  // Renaming over a read-only file succeeds on POSIX, but the user marked it read-only for a reason.
  if ((st.mode & 0o200) === 0) {
    throw new UserError(`文件「${basename(target)}」是只读的，请取消它的只读属性，或另存为其他文件名`, 'export-target-readonly');
  }
}

export async function writeFileAtomic(target: string, bytes: Uint8Array, fs: WriteFs = nodeFs): Promise<void> {
  await checkTarget(target);
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let handle: Awaited<ReturnType<typeof fsp.open>> | null = null;
  try {
    handle = await fsp.open(tmp, 'wx');
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
    handle = null;
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await fsp.rm(tmp, { force: true }).catch(() => undefined);
    throw explain(e, target, 'folder');
  }
  try {
    await renameWithRetry(fs, tmp, target);
  } catch (e) {
    await fsp.rm(tmp, { force: true }).catch(() => undefined);
    throw explain(e, target, 'replace');
  }
}

/** On Windows a virus scanner or the search indexer holds a fresh file for a moment; Word holds it for good. */
const RETRY_DELAYS_MS = [20, 50, 100, 200];

async function renameWithRetry(fs: WriteFs, from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fs.rename(from, to);
    } catch (e) {
      const transient = ['EBUSY', 'EPERM', 'EACCES'].includes(codeOf(e));
      if (!transient || attempt >= RETRY_DELAYS_MS.length) throw e;
      await new Promise((r) => setTimeout(r, RETRY_DELAYS_MS[attempt]));
    }
  }
}
