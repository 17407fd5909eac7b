/**
 * A separate process that saves forms in a loop through the real store, printing
 * `ack <id> <n>` only after save() has returned. Tests kill it at random moments and then
 * check that every acknowledged save is in the file.
 * Usage: saver <db file> <forms> <tag> [max saves]
 */
import { bumenZhengti2019 as T2019 } from '../../../shared/templates/bumen-zhengti-2019';
import { openStore } from '../../../electron/core/store';
import { blankForm } from '../../../shared/formOps';

const [file, formsArg, tag, maxArg] = process.argv.slice(2);
const store = openStore({ file, appVersion: 'child', autoBackup: false });
const forms = Number(formsArg);
const max = maxArg ? Number(maxArg) : Infinity;

const ids: number[] = [];
for (let i = 0; i < forms; i++) {
  const department = `部门${i}`;
  const form = blankForm(T2019, '2020');
  form.values.department = department;
  const existing = store.findLive(form);
  ids.push(existing ? existing.id : store.create(form).id);
}
process.stdout.write('ready\n');
for (let n = 1; n <= max; n++) {
  const id = ids[n % ids.length];
  const current = store.get(id);
  // The amount encodes n so the test can check the exact value that was acknowledged.
  store.save(id, { ...current.data, values: { ...current.data.values, filler: `${tag}第${n}次`, total: `${n}.0001` } });
  process.stdout.write(`ack ${id} ${n}\n`);
}
store.close();
