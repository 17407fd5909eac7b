/**
 * Saving, opening and printing differ between the desktop shell (native dialogs, channels
 * in DESKTOP_ONLY) and browser mode (download, <input type=file>, window.print).
 */
import { api, isDesktop } from './index';

export type FileKind = 'docx' | 'pdf' | 'backup' | 'template' | 'library' | 'xlsx' | 'original';
/** Files that can be opened: a 指标库 file is JSON or Excel. */
export type OpenKind = 'docx' | 'backup' | 'template' | 'library';

export interface FilePayload {
  fileName: string;
  /** base64 */
  data: string;
}

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const MIME: Record<FileKind, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  backup: 'application/octet-stream',
  template: 'application/json',
  library: 'application/json',
  xlsx: XLSX_MIME,
  original: 'application/octet-stream',
};

/** A 指标库 file keeps its own type: .json or .xlsx; an imported form's original file too. */
const mimeOf = (kind: FileKind, fileName: string): string =>
  (kind === 'library' || kind === 'original') && /\.xlsx$/i.test(fileName)
    ? XLSX_MIME
    : kind === 'original' && /\.docx$/i.test(fileName)
      ? MIME.docx
      : MIME[kind];

/** What the browser's file picker offers for each kind of file that can be opened. */
const ACCEPT: Record<OpenKind, string> = {
  // Forms import from Word and Excel files alike.
  docx: `.docx,.xlsx,application/vnd.openxmlformats-officedocument.wordprocessingml.document,${XLSX_MIME}`,
  backup: '',
  template: '.json,application/json',
  library: `.json,.xlsx,application/json,${XLSX_MIME}`,
};

export function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) bin += String.fromCharCode(...bytes.subarray(i, i + step));
  return btoa(bin);
}

/** Returns the saved file name, or null when the user cancelled the dialog. */
export async function saveFile(file: FilePayload, kind: FileKind): Promise<string | null> {
  if (isDesktop()) {
    const r = await api['files.saveAs']({ ...file, kind });
    return r.saved ? r.fileName : null;
  }
  const blob = new Blob([base64ToBytes(file.data)], { type: mimeOf(kind, file.fileName) });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return file.fileName;
}

function pickInBrowser(accept: string, multiple: boolean): Promise<FilePayload[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.multiple = multiple;
    input.style.display = 'none';
    input.setAttribute('data-testid', 'file-picker');
    document.body.appendChild(input);
    input.addEventListener('change', async () => {
      const files = [...(input.files ?? [])];
      input.remove();
      resolve(
        await Promise.all(files.map(async (f) => ({ fileName: f.name, data: bytesToBase64(new Uint8Array(await f.arrayBuffer())) }))),
      );
    });
    input.addEventListener('cancel', () => {
      input.remove();
      resolve([]);
    });
    input.click();
  });
}

export async function openFiles(kind: OpenKind, multiple: boolean): Promise<FilePayload[]> {
  if (isDesktop()) return api['files.open']({ kind, multiple });
  return pickInBrowser(ACCEPT[kind], multiple);
}
