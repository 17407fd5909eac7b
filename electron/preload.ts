/**
 * Runs sandboxed before the renderer: exposes exactly the contract's channels as window.api.
 * Nothing else of Electron or Node reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from './shell/preloadApi';

contextBridge.exposeInMainWorld(
  'api',
  buildApi((channel, input) => ipcRenderer.invoke(channel, input)),
);
