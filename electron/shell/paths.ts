/** Where the desktop app keeps its files, all under Electron's per-user userData folder. */
import { join } from 'node:path';
import { DATABASE_FILE_NAME } from '../core/paths';

/** The same file the command line opens by default (electron/core/paths.ts). */
export const databaseFile = (userData: string): string => join(userData, DATABASE_FILE_NAME);
export const logDir = (userData: string): string => join(userData, 'logs');

/** main.cjs and preload.cjs sit in dist/main, the renderer build in dist/renderer (inside app.asar when packaged). */
export const preloadFile = (mainDir: string): string => join(mainDir, 'preload.cjs');
export const rendererDir = (mainDir: string): string => join(mainDir, '..', 'renderer');

/**
 * The Electron-ABI better-sqlite3 binary `npm start` prepared (scripts/start.mjs). Ignored when
 * packaged: an installed app loads only the binary electron-builder rebuilt into it.
 */
export function sqliteBinding(env: Record<string, string | undefined>, isPackaged: boolean): string | undefined {
  const file = env.SHENBAO_SQLITE_BINDING;
  return !isPackaged && file ? file : undefined;
}
