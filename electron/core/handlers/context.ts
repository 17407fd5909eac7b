import type { Exporter } from '../exportWorker/jobs';
import type { Store } from '../store';

/** What the core handlers need; the shells (Electron main, browser-mode server) build it. */
export interface CoreContext {
  store: Store;
  appVersion: string;
  mode: 'desktop' | 'web';
  /** Where Word and Excel files are built: the servers give a worker, so a long export never holds up other requests; this thread when not given. */
  exporter?: Exporter;
}
