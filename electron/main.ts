/**
 * The Electron main process: hands the real Electron modules and the core services to the
 * shell (electron/shell/app.ts), which does everything else. Bundled to dist/main/main.cjs.
 */
import * as electron from 'electron';
import { APP_VERSION, PRODUCT_NAME } from './core/appInfo';
import { ExportWorker } from './core/exportWorker/worker';
import { createCoreHandlers } from './core/handlers';
import { openStore, restoreDamaged } from './core/store';
import { startShell } from './shell/app';

// Word and Excel files are built in a worker thread (dist/main/exportWorker.cjs), so a long export never freezes the window.
const exporter = new ExportWorker();

startShell({
  electron,
  openStore,
  restoreDamaged,
  createCoreHandlers: (ctx) => createCoreHandlers({ ...ctx, exporter }),
  appVersion: APP_VERSION,
  productName: PRODUCT_NAME,
  mainDir: __dirname,
  env: process.env,
  process,
});
