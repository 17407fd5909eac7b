/**
 * A blank form's file (.docx, .xlsx, or a legacy .xls) to its proposed template, synchronously:
 * it runs inside the import worker (workerEntry.ts), under the same limits as any import — the
 * readers' zip, XML and table limits, the worker's time and memory. A protected, damaged or
 * foreign file is refused by those readers in Chinese; a readable file that is no blank form by
 * proposeTemplate. Nothing here touches the store: the proposal is only stored when saved.
 */
import { createHash } from 'node:crypto';
import { UserError } from '../../../shared/errors';
import type { DocModel } from './docModel';
import { readBody } from './docxParts';
import { isLegacyXls } from './sniff';
import { wordModel } from './wordModel';
import { readXls } from './xlsModel';
import { isWorkbook, readWorkbook } from './xlsxModel';
import { openZip } from './zipReader';
import { blankRefusal, proposeTemplate, type BlankProposal } from './fromBlankPropose';

export function blankModel(bytes: Uint8Array): DocModel {
  if (isLegacyXls(bytes)) return readXls(bytes).model;
  const zip = openZip(bytes);
  return isWorkbook(zip) ? readWorkbook(zip).model : wordModel(readBody(zip));
}

/** The proposal for a blank's bytes; `id` names the template (default: from the file's hash). */
export function readBlankFile(bytes: Uint8Array, fileName: string, id?: string): BlankProposal {
  if (id !== undefined && !/^[a-z][a-z0-9-]{1,63}$/.test(id))
    throw new UserError(
      `表样编号「${id.slice(0, 64)}」不合用：只能由小写字母、数字和连字符组成，以字母开头，2 到 64 个字符`,
      'blank.invalid',
    );
  let model: DocModel;
  try {
    model = blankModel(bytes);
  } catch (e) {
    // The readers speak of importing; here nothing is imported.
    if (e instanceof UserError) {
      const why = e.message
        .replace(/，?(?:无法导入|已拒绝导入|没有导入|无法生成表样)/g, '')
        .replace(/后再导入/g, '后再试')
        .replace(/[。，]\s*$/, '');
      throw new UserError(`这个空白表不能生成表样：${why}。没有保存任何内容。`, e.code);
    }
    throw e;
  }
  if (model.sections.every((s) => s.blocks.length === 0)) throw blankRefusal('文件里什么也没有');
  const hash = createHash('sha256').update(bytes).digest('hex');
  return proposeTemplate(model, { id, fileName, hash });
}
