/**
 * Where the desktop app keeps its database, computed without Electron so the command line
 * finds the same file: Electron's userData folder is <appData>/<productName>.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { PRODUCT_NAME } from './appInfo';

export const DATABASE_FILE_NAME = 'shenbao.db';

export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return env.APPDATA || join(homedir(), 'AppData', 'Roaming');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME || join(homedir(), '.config');
}

/** env SHENBAO_DB, else <userData>/shenbao.db. */
export function defaultDatabasePath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.SHENBAO_DB) return env.SHENBAO_DB;
  return join(appDataDir(env, platform), PRODUCT_NAME, DATABASE_FILE_NAME);
}
