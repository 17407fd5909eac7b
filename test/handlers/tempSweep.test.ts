/**
 * The temp folders the backup and restore channels use hold a whole backup (up to the size of the
 * database); a process killed meanwhile left them in the system's temp folder for good (issue #27
 * item 12). They are now named by process, and those of ended processes are removed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCoreHandlers } from '../../electron/core/handlers';
import { sweepHandlerTemps } from '../../electron/core/handlers/files';
import { tempDir } from '../store/tempStore';
import { tempStore } from './helpers';

const deadPid = () => Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);

function folder(dir: string, name: string): string {
  const d = join(dir, name);
  mkdirSync(d);
  writeFileSync(join(d, 'backup.db'), Buffer.alloc(64 * 1024));
  return d;
}

describe('temp folders of the backup and restore channels', () => {
  it('of ended processes are removed; those of running ones and anything else stay', () => {
    const tmp = tempDir('shenbao-sweep-');
    try {
      const dead = folder(tmp.dir, `shenbao-handlers-${deadPid()}-a1B2c3`);
      const running = folder(tmp.dir, `shenbao-handlers-${process.pid}-a1B2c3`);
      const other = [
        folder(tmp.dir, 'shenbao-handlers-test-a1B2c3'),
        folder(tmp.dir, 'shenbao-handlers-x9Y8z7'),
        folder(tmp.dir, '12345-a1B2c3'),
      ];
      sweepHandlerTemps(tmp.dir);
      expect(existsSync(dead)).toBe(false);
      expect([running, ...other].filter((d) => !existsSync(d))).toEqual([]);
    } finally {
      tmp.cleanup();
    }
  });

  it('are swept when the handlers start', () => {
    const left = folder(tmpdir(), `shenbao-handlers-${deadPid()}-q1W2e3`);
    const env = tempStore();
    try {
      const handlers = createCoreHandlers({ store: env.store, appVersion: '0.1.0', mode: 'desktop' });
      expect(Object.keys(handlers)).toContain('backup.restore');
      expect(existsSync(left)).toBe(false);
    } finally {
      env.cleanup();
    }
  });
});
