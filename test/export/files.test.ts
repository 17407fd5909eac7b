import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isUserError } from '../../shared/errors';
import { blankExportFileName, exportFileName, writeFileAtomic } from '../../electron/core/export';
import { seedForm, T2019 } from '../helpers/seed';

describe('export file names', () => {
  it('follows the template pattern', () => {
    expect(exportFileName(seedForm(), T2019)).toBe('2019年湖南省桃源县看守所部门整体支出绩效目标申报表.docx');
    expect(blankExportFileName(T2019, '2026')).toBe('2026年部门整体支出绩效目标申报表（空白）.docx');
  });
  it('replaces characters Windows forbids and trims what Explorer drops', () => {
    const form = seedForm();
    form.values.department = ' 财政局/预算股:<甲>"乙"|丙?*\\丁\u0001. ';
    const name = exportFileName(form, T2019);
    expect(name).toBe('2019年财政局_预算股__甲__乙__丙___丁_.部门整体支出绩效目标申报表.docx');
    expect(/[<>:"/\\|?*\u0000-\u001F]/.test(name)).toBe(false); // eslint-disable-line no-control-regex
  });
  it('keeps very long names within Windows limits', () => {
    const form = seedForm();
    form.values.department = '很长的部门'.repeat(100);
    const name = exportFileName(form, T2019);
    expect(name.length).toBeLessThanOrEqual(200);
    expect(name.endsWith('.docx')).toBe(true);
  });
});

describe('writeFileAtomic', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'shenbao-export-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const userError = async (p: Promise<unknown>): Promise<Error & { code: string }> => {
    const e = await p.then(
      () => null,
      (x: unknown) => x,
    );
    expect(isUserError(e), String(e)).toBe(true);
    return e as Error & { code: string };
  };

  it('writes and replaces a file, leaving no temporary file', async () => {
    const target = join(dir, '表.docx');
    await writeFileAtomic(target, new Uint8Array([1, 2, 3]));
    await writeFileAtomic(target, new Uint8Array([4, 5]));
    expect([...readFileSync(target)]).toEqual([4, 5]);
    expect(readdirSync(dir)).toEqual(['表.docx']);
  });

  it('says in Chinese when the folder does not exist', async () => {
    const e = await userError(writeFileAtomic(join(dir, '没有', '表.docx'), new Uint8Array([1])));
    expect(e.message).toMatch(/不存在.*请选择/);
    expect(existsSync(join(dir, '没有'))).toBe(false);
  });

  it('refuses a read-only target and leaves it untouched', async () => {
    const target = join(dir, '只读.docx');
    writeFileSync(target, 'old');
    chmodSync(target, 0o444);
    const e = await userError(writeFileAtomic(target, new Uint8Array([1])));
    expect(e.message).toContain('只读');
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['只读.docx']);
  });

  it('refuses a target that is a folder', async () => {
    mkdirSync(join(dir, '表.docx'));
    const e = await userError(writeFileAtomic(join(dir, '表.docx'), new Uint8Array([1])));
    expect(e.message).toContain('文件夹');
  });

  it('rides out a file held for a moment (a virus scanner on Windows)', async () => {
    const target = join(dir, '扫描中.docx');
    let refusals = 2;
    const briefly = {
      rename: async (a: string, b: string) => {
        if (refusals-- > 0) throw Object.assign(new Error('EBUSY'), { code: 'EBUSY' });
        renameSync(a, b);
      },
    };
    await writeFileAtomic(target, new Uint8Array([7]), briefly);
    expect([...readFileSync(target)]).toEqual([7]);
    expect(readdirSync(dir)).toEqual(['扫描中.docx']);
  });

  it.each(['EBUSY', 'EPERM'])('explains a target locked by Word (%s on Windows) and cleans up', async (code) => {
    const target = join(dir, '打开中.docx');
    writeFileSync(target, 'old');
    const locked = {
      rename: async () => {
        throw Object.assign(new Error(`${code}: resource busy or locked, rename`), { code });
      },
    };
    const e = await userError(writeFileAtomic(target, new Uint8Array([1, 2]), locked));
    expect(e.message).toMatch(/Word|WPS/);
    expect(e.message).toMatch(/关闭/);
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['打开中.docx']);
  });
});
