/**
 * The Electron main process: hands the real Electron modules and the core services to the
 * shell (electron/shell/app.ts), which does everything else. Bundled to dist/main/main.cjs.
 */
import * as electron from 'electron';
import { APP_VERSION, PRODUCT_NAME } from './core/appInfo';
import { createCoreHandlers } from './core/handlers';
import { openStore, restoreDamaged } from './core/store';
import { startShell } from './shell/app';

startShell({
  electron,
  openStore,
  restoreDamaged,
  createCoreHandlers,
  appVersion: APP_VERSION,
  productName: PRODUCT_NAME,
  mainDir: __dirname,
  env: process.env,
  process,
});
