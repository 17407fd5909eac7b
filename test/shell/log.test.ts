import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';
import { createLog, logFatalErrors } from '../../electron/shell/log';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shenbao-log-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('createLog', () => {
  it('writes timestamped lines and stacks into the log folder it creates', () => {
    const log = createLog({ dir: join(dir, 'logs'), now: () => new Date('2024-03-01T08:00:00Z') });
    log.info('启动');
    log.error('保存失败', new Error('disk I/O error'));
    const text = readFileSync(log.file, 'utf8');
    expect(text).toContain('2024-03-01T08:00:00.000Z INFO 启动');
    expect(text).toContain('ERROR 保存失败');
    expect(text).toMatch(/Error: disk I\/O error\n\s+at /);
  });

  it('rotates at the size limit and keeps only the newest files', () => {
    const log = createLog({ dir, maxBytes: 200, keep: 2 });
    for (let i = 0; i < 40; i++) log.info(`第 ${String(i).padStart(2, '0')} 行 ${'x'.repeat(30)}`);
    expect(readdirSync(dir).sort()).toEqual(['shenbao.log', 'shenbao.log.1', 'shenbao.log.2']);
    for (const f of readdirSync(dir)) expect(readFileSync(join(dir, f)).length).toBeLessThanOrEqual(200);
    const current = readFileSync(log.file, 'utf8');
    expect(current).toContain('第 39 行');
    expect(readFileSync(`${log.file}.1`, 'utf8')).not.toContain('第 39 行');
    // The oldest lines were dropped.
    expect([...readdirSync(dir)].map((f) => readFileSync(join(dir, f), 'utf8')).join('')).not.toContain('第 00 行');
  });

  it('never throws when the log cannot be written', () => {
    const log = createLog({ dir });
    rmSync(dir, { recursive: true, force: true });
    const quiet = console.error;
    console.error = () => undefined;
    try {
      expect(() => log.info('磁盘被拔掉了')).not.toThrow();
    } finally {
      console.error = quiet;
    }
    expect(existsSync(log.file)).toBe(false);
  });
});

describe('logFatalErrors', () => {
  it('logs uncaught errors with their stack and tells the user in Chinese, without the stack', () => {
    const proc = new EventEmitter();
    const log = createLog({ dir });
    const show = vi.fn();
    logFatalErrors(proc, log, show);
    proc.emit('uncaughtException', new Error('boom in main'));
    proc.emit('unhandledRejection', new Error('lost promise'));
    const text = readFileSync(log.file, 'utf8');
    expect(text).toMatch(/未捕获的异常\nError: boom in main\n\s+at /);
    expect(text).toContain('lost promise');
    expect(show).toHaveBeenCalledTimes(1);
    const [title, detail] = show.mock.calls[0] as [string, string];
    expect(title).toMatch(/[\u4e00-\u9fff]/);
    expect(detail).toContain(log.file);
    expect(detail).not.toMatch(/boom|\bat /);
  });
});
