/**
 * Import reading runs in a worker thread with limits that really stop it (issue #16, defect 5).
 * On the old code the reading ran synchronously in the caller: a timer set right after the call
 * could only fire after the file was read, and nothing could stop a read that ran long or grew
 * large but the process dying.
 */
import { threadId } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES } from '../../shared/templates';
import { readDocx } from '../helpers/read';
import { ImportWorker, importWorkerThreadId } from '../../electron/core/import/readWorker';
import { isUserError } from '../../shared/errors';
import { manyParagraphsDocx } from '../helpers/hostileDocx';
import { handmadeFormBody, makeDocx } from '../helpers/makeDocx';
import { seedJson } from '../helpers/seed';

/** 150,000 paragraphs: within every limit, and slow enough to read (~0.3 s) that ordering is clear. */
const big = manyParagraphsDocx(150_000);
const error = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as Error,
  );

const workers: ImportWorker[] = [];
afterAll(async () => {
  for (const w of workers) await w.close();
});

describe('the import worker', () => {
  it('reads in another thread, so the caller keeps running while a file is read', async () => {
    let timerFired = false;
    const read = error(readDocx(big)).then(() => timerFired);
    setTimeout(() => (timerFired = true), 0);
    expect(await read).toBe(true);
    expect(importWorkerThreadId()).not.toBeNull();
    expect(importWorkerThreadId()).not.toBe(threadId);
  });

  it('keeps one worker for the next reads', async () => {
    const good = await makeDocx(handmadeFormBody(seedJson()));
    await readDocx(good);
    const first = importWorkerThreadId();
    await readDocx(good);
    expect(importWorkerThreadId()).toBe(first);
  });

  it('reads with the templates of each call, though it sends them only when they changed', async () => {
    const w = new ImportWorker();
    workers.push(w);
    const good = await makeDocx(handmadeFormBody(seedJson()));
    const department = async (templates: typeof BUILTIN_TEMPLATES) => (await w.read(good, 10_000, templates))[0].data.values.department;
    expect(await department(BUILTIN_TEMPLATES)).toBe('湖南省桃源县看守所');
    expect(await department([...BUILTIN_TEMPLATES])).toBe('湖南省桃源县看守所');
    // Without the 2019 template the file is no form the worker knows…
    const others = BUILTIN_TEMPLATES.filter((t) => t.id !== 'bumen-zhengti-2019');
    expect(isUserError(await error(w.read(good, 10_000, others)))).toBe(true);
    // …and with it again it is.
    expect(await department(BUILTIN_TEMPLATES)).toBe('湖南省桃源县看守所');
  });

  it('a file that needs more memory than the worker may have ends the worker, not the process', async () => {
    // 24 MB: a form reads in 16 MB under Node 20 and 24 alike (12 MB is too little under Node 24),
    // and the 150,000-paragraph file needs more than 32 MB.
    const small = new ImportWorker({ heapMb: 24 });
    workers.push(small);
    const err = await error(small.read(big, 10_000, BUILTIN_TEMPLATES));
    expect(isUserError(err), String(err)).toBe(true);
    expect(err?.message).toMatch(/需要的内存超过上限（24 MB），已停止.*请/);
    expect(small.threadId).toBeNull();
    // The next read gets a fresh worker and works.
    const [r] = await small.read(await makeDocx(handmadeFormBody(seedJson())), 10_000, BUILTIN_TEMPLATES);
    expect(r.data.values.department).toBe('湖南省桃源县看守所');
  });

  it('a read past its time is terminated from outside, whatever the worker is doing', async () => {
    // No grace: the hard stop fires at the deadline itself, while the worker is still parsing
    // (the parser checks no deadline), so only terminate() can end it.
    const strict = new ImportWorker({ graceMs: 0 });
    workers.push(strict);
    await strict.read(await makeDocx(handmadeFormBody(seedJson())), 10_000, BUILTIN_TEMPLATES);
    const before = strict.threadId;
    const err = await error(strict.read(big, 1, BUILTIN_TEMPLATES));
    expect(err?.message).toMatch(/用时过长，已停止/);
    expect(strict.threadId).toBeNull();
    await strict.read(await makeDocx(handmadeFormBody(seedJson())), 10_000, BUILTIN_TEMPLATES);
    expect(strict.threadId).not.toBe(before);
  });
});
