/**
 * A form whose file carries a newer version of an imported template the office already has
 * (issue #27, item 11): the review note used to say 「本机还没有，导入时会一并加入」 and the commit
 * then kept the old version (the registry answered the newest stored one for the version asked).
 * Now the note says which version the office has, and the commit adds the file's version.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportDocx } from '../../electron/core/export';
import { commitImport, previewImport } from '../../electron/core/import';
import type { Store } from '../../electron/core/store';
import type { FormData } from '../../shared/form';
import { withComputed } from '../../shared/formOps';
import { MADE_UP_TEMPLATE as T, MADE_UP_VALUES } from '../helpers/madeUpTemplate';
import { seedForm, T2019 } from '../helpers/seed';
import { storeIn, tempDir } from '../store/tempStore';

const V2 = { ...T, version: T.version + 1, description: `${T.description}（新版）` };
const form = (): FormData =>
  withComputed({ templateId: T.id, values: structuredClone(MADE_UP_VALUES), options: { twoDecimals: false, blankZero: false } }, V2);

let tmp: ReturnType<typeof tempDir>;
let office: Store;
beforeEach(() => {
  tmp = tempDir();
  office = storeIn(tmp.dir);
  office.importTemplate(T);
});
afterEach(() => {
  office.close();
  tmp.cleanup();
});

describe('a file carrying a newer version of a template the office has', () => {
  it('says so, and the commit adds that version', async () => {
    const { bytes } = await exportDocx(form(), V2, { appVersion: 't', carryTemplate: true });
    const [preview] = await previewImport(office, 'a.docx', bytes);
    expect(preview.newTemplate).toEqual(V2);
    const note = preview.notes.join();
    expect(note).not.toMatch(/本机还没有/);
    expect(note).toMatch(
      new RegExp(`本机的表样「${T.title}」是第 ${T.version} 版，文件使用的是第 ${V2.version} 版，导入时会一并加入「表样管理」`),
    );
    const out = commitImport(office, preview.data, 'skip', preview.newTemplate);
    expect(out.outcome).toBe('imported');
    expect(office.templates.importedVersions().map((t) => t.version)).toEqual([T.version, V2.version]);
    expect(office.get(out.id!).templateVersion).toBe(V2.version);
  });
});

describe('a file carrying a newer version of a built-in template', () => {
  it('is read from its table, saying the program is older, instead of promising to add a template the store refuses', async () => {
    const newer = { ...T2019, version: T2019.version + 1 };
    const { bytes } = await exportDocx(seedForm(), newer, { appVersion: 't', carryTemplate: true });
    const [preview] = await previewImport(office, 'a.docx', bytes);
    expect(preview.newTemplate).toBeUndefined();
    expect(preview.source).toBe('table');
    expect(preview.notes.join()).toMatch(/内嵌数据来自更新版本的程序，请升级程序后再导入/);
    expect(preview.notes.join()).not.toMatch(/一并加入/);
    const out = commitImport(office, preview.data, 'skip', preview.newTemplate);
    expect(out.outcome).toBe('imported');
  });
});
