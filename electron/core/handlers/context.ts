import type { Store } from '../store';

/** What the core handlers need; the shells (Electron main, browser-mode server) build it. */
export interface CoreContext {
  store: Store;
  appVersion: string;
  mode: 'desktop' | 'web';
}
