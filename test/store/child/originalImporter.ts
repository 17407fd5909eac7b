/**
 * A separate process that imports forms with their original file in a loop through the real
 * store, printing `ack <n>` only after create() has returned; forms 2k and 2k+1 share one file
 * (as two project forms of one file do), and every fifth round it purges an earlier form.
 * Runs until killed. Usage: originalImporter <db file> <tag>
 */
import { createHash } from 'node:crypto';
import { bumenZhengti2019 as T2019 } from '../../../shared/templates/bumen-zhengti-2019';
import { openStore } from '../../../electron/core/store';
import { blankForm } from '../../../shared/formOps';

/** 256 KB that depend only on the name: the test re-makes them to compare. */
export function fileBytes(name: string): Uint8Array {
  const out = new Uint8Array(256 * 1024);
  let block = createHash('sha256').update(name).digest();
  for (let i = 0; i < out.length; i += 32) {
    out.set(block.subarray(0, Math.min(32, out.length - i)), i);
    block = createHash('sha256').update(block).digest();
  }
  return out;
}

const [file, tag] = process.argv.slice(2);
if (file && tag) {
  const store = openStore({ file, appVersion: 'child', autoBackup: false });
  process.stdout.write('ready\n');
  void (async () => {
    for (let n = 1; ; n++) {
      const form = blankForm(T2019, '2020');
      form.values.department = `${tag}${n}`;
      const name = `${tag}file-${Math.floor(n / 2)}`;
      const rec = store.create(form, { original: { fileName: `${name}.docx`, bytes: fileBytes(name) } });
      process.stdout.write(`ack ${n} ${rec.id}\n`);
      if (n % 5 === 0) {
        store.delete(rec.id - 2);
        store.emptyTrash();
        process.stdout.write(`purged ${n - 2}\n`);
      }
      await new Promise((r) => setTimeout(r, 1));
    }
  })();
}
