/**
 * 导出一体化上传表 from the list's chosen forms: one file for one year (the receiving system takes a
 * year at a time), in the national column set; what the core says was left blank (forms with no
 * 项目代码, rows with no indicator code) is shown to the clerk with the file.
 */
import type { FormSummary } from '../../../../shared/contract';
import { UserError } from '../../../../shared/errors';
import { api } from '../../api';
import { saveFile } from '../../api/files';
import { flushOpenForms } from '../../editor/useOpenForm';

export interface UploadOutcome {
  /** The saved file's name; null when the save dialog was cancelled. */
  saved: string | null;
  message: string;
}

export async function exportUploadFile(forms: readonly FormSummary[]): Promise<UploadOutcome> {
  const years = [...new Set(forms.map((f) => f.year))].sort();
  if (years.length !== 1)
    throw new UserError(
      years.length === 0
        ? '请先选择项目支出表'
        : `所选表单属于 ${years.join('、')} 多个年度；一体化上传表一次导出一个年度，请只选择同一年度的表单`,
    );
  // What is being typed in the open form goes into the database first.
  await flushOpenForms();
  const file = await api['export.uploadXlsx']({ year: years[0], ids: forms.map((f) => f.id) });
  const saved = await saveFile({ fileName: file.fileName, data: file.data }, 'xlsx');
  return { saved, message: file.message };
}
