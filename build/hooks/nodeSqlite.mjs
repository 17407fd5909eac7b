/* global process */
// electron-builder hooks (see electron-builder.yml). `npm run dist` lets electron-builder rebuild
// better-sqlite3 for Electron, and it does so in place, in node_modules, where `npm test` needs the
// Node build. So the Node build is set aside before the rebuild (beforeBuild) and put back after
// the installers are made (afterAllArtifactBuild).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const RELATIVE = join('node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
const defaultRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const binary = (root) => join(root, RELATIVE);
const backup = (root) => join(root, '.cache', 'node-sqlite', 'better_sqlite3.node');

/** True when Node itself can load the binary, i.e. it is the Node build and not the Electron one. */
export function loadsInNode(file) {
  return spawnSync(process.execPath, ['-e', 'require(process.argv[1])', file], { stdio: 'ignore' }).status === 0;
}

/** Saves the Node build; an Electron build left by an interrupted dist never overwrites a good backup. */
export function saveNodeBuild(root = defaultRoot) {
  const file = binary(root);
  if (!existsSync(file) || !loadsInNode(file)) return false;
  mkdirSync(dirname(backup(root)), { recursive: true });
  copyFileSync(file, backup(root));
  return true;
}

/** Puts the Node build back when the one in node_modules no longer loads in Node. */
export function restoreNodeBuild(root = defaultRoot) {
  const file = binary(root);
  if (!existsSync(backup(root)) || (existsSync(file) && loadsInNode(file))) return false;
  copyFileSync(backup(root), file);
  return true;
}

export async function beforeBuild(context) {
  // A previous dist that failed half-way may have left the Electron build in node_modules.
  restoreNodeBuild(context.appDir);
  saveNodeBuild(context.appDir);
  return true; // electron-builder goes on to rebuild native modules for Electron
}

export async function afterAllArtifactBuild() {
  restoreNodeBuild();
  return [];
}
