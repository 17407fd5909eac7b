/**
 * A child process that answers user-file channels one after another through the core handlers,
 * as the desktop main process and the browser-mode server do: `tsx userFiles.ts db channel=file…`.
 * It prints one JSON line per file (ok or the error, and how long it took) and, last, the
 * process's peak resident memory (worker threads included: they share the process).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createCoreHandlers, dispatch } from '../../../electron/core/handlers';
import { openStore } from '../../../electron/core/store';

const [db, ...steps] = process.argv.slice(2);
const store = openStore({ file: db, appVersion: '0.1.0-test', autoBackup: false });
const handlers = createCoreHandlers({ store, appVersion: '0.1.0-test', mode: 'web' });

for (const step of steps) {
  const [channel, file] = step.split('=');
  const started = performance.now();
  const reply = await dispatch(handlers, channel, { fileName: basename(file), data: readFileSync(file).toString('base64') });
  process.stdout.write(`${JSON.stringify({ channel, file: basename(file), ms: Math.round(performance.now() - started), reply })}\n`);
}
store.close();
process.stdout.write(`${JSON.stringify({ maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
process.exit(0);
