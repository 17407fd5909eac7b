/**
 * files.saveAs and files.open: the native save and open dialogs live here, in main, so the
 * renderer hands over bytes and gets bytes back but never names or learns a file path.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { BrowserWindow, Dialog, FileFilter, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { UserError } from '../../shared/errors';
import type { Handlers } from '../core/handlers';
import { decodeBase64, encodeBase64 } from '../core/handlers/files';
import { sanitizeFileName } from '../core/export/fileName';
import { uniqueName } from '../core/export/fileName';
import { writeFileAtomic } from '../core/export/writeFileAtomic';

export const MAX_OPEN_BYTES = 20 * 1024 * 1024;

type SaveKind = 'docx' | 'pdf' | 'backup' | 'template' | 'library' | 'xlsx' | 'original';
type OpenKind = 'docx' | 'backup' | 'template' | 'library';

const FILTERS: Record<SaveKind, FileFilter> = {
  docx: { name: 'Word 文档', extensions: ['docx'] },
  xlsx: { name: 'Excel 工作簿', extensions: ['xlsx'] },
  pdf: { name: 'PDF 文件', extensions: ['pdf'] },
  backup: { name: '绩效目标申报备份', extensions: ['db'] },
  template: { name: '表样文件', extensions: ['json'] },
  library: { name: '指标库文件', extensions: ['xlsx', 'json'] },
  // The file a form was imported from keeps its own type (extensionFor).
  original: { name: '原始文件', extensions: ['docx', 'xlsx', 'xls'] },
};
const TITLES: Record<SaveKind, string> = {
  docx: '导出 Word',
  pdf: '导出 PDF',
  backup: '保存备份',
  template: '导出表样',
  library: '导出指标库',
  xlsx: '导出 Excel',
  original: '原始文件另存为',
};
/** Opening a form to import takes Word and Excel files alike (the importer reads both). */
const OPEN_FILTERS: Record<OpenKind, FileFilter> = {
  docx: { name: 'Word 或 Excel 申报表', extensions: ['docx', 'xlsx'] },
  backup: FILTERS.backup,
  template: FILTERS.template,
  library: FILTERS.library,
};
const OPEN_TITLES: Record<OpenKind, string> = {
  docx: '选择要导入的 Word 或 Excel 文件',
  backup: '选择要恢复的备份文件',
  template: '选择要导入的表样文件',
  library: '选择要导入的指标库文件（Excel 或 JSON）',
};
const OPEN_WHAT: Record<OpenKind, string> = { docx: '申报表', backup: '备份文件', template: '表样文件', library: '指标库文件' };

export interface DialogDeps {
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>;
  /** The window the dialog belongs to (modal); null shows it on its own. */
  window: () => BrowserWindow | null;
  /** Where the first dialog opens (the user's documents folder). */
  defaultDir: string;
  write?: (file: string, bytes: Uint8Array) => Promise<void>;
  read?: (file: string) => Promise<Uint8Array>;
  size?: (file: string) => Promise<number>;
}

/** The file's own extension when the kind allows it (a 指标库 is .xlsx or .json), else the kind's first. */
function extensionFor(file: string, kind: SaveKind): string {
  const own = extname(file).toLowerCase().slice(1);
  return `.${FILTERS[kind].extensions.includes(own) ? own : FILTERS[kind].extensions[0]}`;
}

/** The suggested name with the kind's extension, made safe for Windows. */
export function suggestedName(fileName: string, kind: SaveKind): string {
  const base = basename(fileName.replace(/\\/g, '/'));
  const ext = extensionFor(base, kind);
  const stem = extname(base).toLowerCase() === ext ? base.slice(0, -ext.length) : base;
  return sanitizeFileName(stem, ext);
}

/** Dialogs on Linux do not append the extension the filter implies. */
const withExtension = (file: string, kind: SaveKind, suggested: string): string => {
  const ext = extensionFor(suggested, kind);
  return extname(file).toLowerCase() === ext ? file : file + ext;
};

export function dialogHandlers(deps: DialogDeps): Handlers {
  const write = deps.write ?? writeFileAtomic;
  const read = deps.read ?? ((f: string) => readFile(f));
  const size = deps.size ?? (async (f: string) => (await stat(f)).size);
  // Remembered for this session so consecutive exports land in the same folder.
  let lastDir = deps.defaultDir;

  const showSave = (opts: SaveDialogOptions) => {
    const win = deps.window();
    return win ? deps.dialog.showSaveDialog(win, opts) : deps.dialog.showSaveDialog(opts);
  };
  const showOpen = (opts: OpenDialogOptions) => {
    const win = deps.window();
    return win ? deps.dialog.showOpenDialog(win, opts) : deps.dialog.showOpenDialog(opts);
  };

  return {
    'files.saveAs': async ({ fileName, data, kind }) => {
      const bytes = decodeBase64(data, `文件“${fileName}”`);
      const result = await showSave({
        title: TITLES[kind],
        defaultPath: join(lastDir, suggestedName(fileName, kind)),
        buttonLabel: '保存',
        filters: [FILTERS[kind]],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (result.canceled || !result.filePath) return { saved: false, fileName: null };
      const target = withExtension(result.filePath, kind, suggestedName(fileName, kind));
      await write(target, bytes);
      lastDir = dirname(target);
      return { saved: true, fileName: basename(target) };
    },
    'files.saveMany': async ({ kind, files }) => {
      const decoded = files.map((f) => ({ name: suggestedName(f.fileName, kind), bytes: decodeBase64(f.data, `文件“${f.fileName}”`) }));
      const result = await showOpen({
        title: `把 ${files.length} 个文件保存到文件夹`,
        defaultPath: lastDir,
        buttonLabel: '保存到这里',
        properties: ['openDirectory', 'createDirectory'],
      });
      const folder = result.canceled ? undefined : result.filePaths[0];
      if (!folder) return { saved: 0, folder: null };
      const taken = new Set<string>();
      for (const f of decoded) await write(join(folder, uniqueName(f.name, taken)), f.bytes);
      lastDir = folder;
      return { saved: decoded.length, folder: basename(folder) };
    },
    'files.open': async ({ kind, multiple }) => {
      const result = await showOpen({
        title: OPEN_TITLES[kind],
        defaultPath: lastDir,
        buttonLabel: '打开',
        filters: [OPEN_FILTERS[kind], { name: '所有文件', extensions: ['*'] }],
        properties: multiple ? ['openFile', 'multiSelections'] : ['openFile'],
      });
      if (result.canceled) return [];
      const files = [];
      for (const file of result.filePaths) {
        const name = basename(file);
        const bytes = await size(file).catch(() => {
          throw new UserError(`无法读取文件“${name}”，请确认它仍然存在后重新选择`);
        });
        if (bytes > MAX_OPEN_BYTES) {
          throw new UserError(`文件“${name}”超过 20 MB，不是本程序能读取的${OPEN_WHAT[kind]}，请重新选择`);
        }
        const content = await read(file).catch(() => {
          throw new UserError(`无法读取文件“${name}”：它可能正被其他程序占用，请关闭后重新选择`);
        });
        files.push({ fileName: name, data: encodeBase64(content) });
      }
      if (result.filePaths.length > 0) lastDir = dirname(result.filePaths[0]);
      return files;
    },
  };
}
