/**
 * Bringing a read form into the store: the preview the review screen shows, and the commit
 * with the user's choice for a form of the same year and 部门名称 that already exists.
 */
import type { FormSummary, ImportPreview, OnConflict } from '../../../shared/contract';
import type { FormData } from '../../../shared/form';
import { str } from '../../../shared/formOps';
import { getTemplate } from '../../../shared/templates';
import { validateForm } from '../../../shared/validation';
import type { Store } from '../store';
import { readDocxForm } from './readDocx';

export interface CommitOutcome {
  outcome: 'imported' | 'replaced' | 'copied' | 'skipped';
  id: number | null;
  message: string;
}

function identity(data: FormData): { year: string; department: string } {
  const t = getTemplate(data.templateId);
  return { year: str(data.values[t.identity.year]).trim(), department: str(data.values[t.identity.name]).trim() };
}

/** 编号 3，2019 年度「湖南省桃源县看守所」 */
function describe(f: Pick<FormSummary, 'id' | 'year' | 'department'>): string {
  return `编号 ${f.id}，${f.year || '未填年度'} 年度「${f.department || '未填部门名称'}」`;
}

export function findConflict(store: Store, data: FormData): FormSummary | null {
  const { year, department } = identity(data);
  return store.findLive(data.templateId, year, department);
}

export async function previewImport(store: Store, fileName: string, bytes: Uint8Array): Promise<ImportPreview> {
  const read = await readDocxForm(bytes);
  return {
    fileName,
    source: read.source,
    data: read.data,
    notes: read.notes,
    uncertain: read.uncertain,
    messages: validateForm(read.data),
    conflict: findConflict(store, read.data),
  };
}

export function commitImport(store: Store, data: FormData, onConflict: OnConflict): CommitOutcome {
  const existing = findConflict(store, data);
  if (!existing) {
    const rec = store.create(data, { note: '导入' });
    return { outcome: 'imported', id: rec.id, message: `已导入为${describe(rec)}` };
  }
  if (onConflict === 'copy') {
    const rec = store.create(data, { asCopy: true, note: '导入（保留两份）' });
    return { outcome: 'copied', id: rec.id, message: `已有${describe(existing)}，已另存为副本：${describe(rec)}` };
  }
  if (onConflict === 'replace') {
    if (existing.status === 'final') {
      return {
        outcome: 'skipped',
        id: null,
        message: `${describe(existing)}已定稿，没有替换。如需替换，请先在该表单中解除定稿，再重新导入`,
      };
    }
    const rec = store.save(existing.id, data, '导入替换');
    return { outcome: 'replaced', id: rec.id, message: `已替换${describe(rec)}，原内容保留在该表单的历史版本中` };
  }
  return {
    outcome: 'skipped',
    id: null,
    message: `已跳过：已有${describe(existing)}。如需替换或两份都保留，请重新导入该文件并选择“替换”（原内容进入历史版本）或“保留两份”`,
  };
}
