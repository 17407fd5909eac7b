/* global require, module */
// electron-builder hook: keep the Node build of better-sqlite3 before it is rebuilt for Electron.
const { restoreNodeBuild, saveNodeBuild } = require('./nodeSqlite.cjs');

module.exports = async function beforeBuild(context) {
  // A previous dist that failed half-way may have left the Electron build in node_modules.
  restoreNodeBuild(context.appDir);
  saveNodeBuild(context.appDir);
  return true; // let electron-builder rebuild native modules for Electron
};
