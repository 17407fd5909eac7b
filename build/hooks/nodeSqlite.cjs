/* global require, module, process, __dirname */
// `npm run dist` lets electron-builder rebuild better-sqlite3 for Electron, and it does so in place,
// in node_modules, where `npm test` needs the Node build. So the Node build is set aside before the
// rebuild (beforeBuild) and put back after the installers are made (afterAllArtifactBuild).
const { spawnSync } = require('node:child_process');
const { copyFileSync, existsSync, mkdirSync } = require('node:fs');
const { dirname, join } = require('node:path');

const RELATIVE = join('node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
const defaultRoot = join(__dirname, '..', '..');

const binary = (root) => join(root, RELATIVE);
const backup = (root) => join(root, '.cache', 'node-sqlite', 'better_sqlite3.node');

/** True when Node itself can load the binary, i.e. it is the Node build and not the Electron one. */
function loadsInNode(file) {
  const r = spawnSync(process.execPath, ['-e', 'require(process.argv[1])', file], { stdio: 'ignore' });
  return r.status === 0;
}

/** Saves the Node build; an Electron build left by an interrupted dist never overwrites a good backup. */
function saveNodeBuild(root = defaultRoot) {
  const file = binary(root);
  if (!existsSync(file) || !loadsInNode(file)) return false;
  mkdirSync(dirname(backup(root)), { recursive: true });
  copyFileSync(file, backup(root));
  return true;
}

/** Puts the Node build back when the one in node_modules no longer loads in Node. */
function restoreNodeBuild(root = defaultRoot) {
  const file = binary(root);
  if (!existsSync(backup(root)) || (existsSync(file) && loadsInNode(file))) return false;
  copyFileSync(backup(root), file);
  return true;
}

module.exports = { saveNodeBuild, restoreNodeBuild, loadsInNode };
