/* global require, module */
// electron-builder hook: the installers are made; give `npm test` its Node build of better-sqlite3 back.
const { restoreNodeBuild } = require('./nodeSqlite.cjs');

module.exports = async function afterAllArtifactBuild() {
  restoreNodeBuild();
  return [];
};
