/**
 * A separate process that creates forms in a loop through the real store, as a command-line
 * batch import does, printing `ack <n>` only after create() has returned (the form 部门 is
 * `<tag><n>`). With `cycle <backup file>`, every third form it also backs the store up to that
 * file (`backup <n>`) and restores that backup (`restored <n>`), so that a test can kill it in
 * the middle of either. Runs until killed, or until its stdin closes.
 * Usage: creator <db file> <tag> [cycle <backup file>]
 */
import { bumenZhengti2019 as T2019 } from '../../../shared/templates/bumen-zhengti-2019';
import { openStore } from '../../../electron/core/store';
import { blankForm } from '../../../shared/formOps';

const [file, tag, mode, backup] = process.argv.slice(2);
const store = openStore({ file, appVersion: 'child', autoBackup: false });
let stop = false;
process.stdin.on('end', () => (stop = true));
process.stdin.resume();
process.stdout.write('ready\n');

async function run(): Promise<void> {
  for (let n = 1; !stop; n++) {
    const form = blankForm(T2019, '2020');
    form.values.department = `${tag}${n}`;
    store.create(form);
    process.stdout.write(`ack ${n}\n`);
    if (mode === 'cycle' && n % 3 === 0) {
      await store.backupTo(backup);
      process.stdout.write(`backup ${n}\n`);
      await store.restoreFrom(backup);
      process.stdout.write(`restored ${n}\n`);
    }
    // A pause between forms, as an import reads its next file: the other process gets its turn.
    await new Promise((r) => setTimeout(r, 2));
  }
  store.close();
}
void run();
