/** export.uploadXlsx: a year's project indicators as the province's 一体化 upload file (export/uploadFile.ts). */
import { NATIONAL_PROFILE, readUploadProfile } from '../../../shared/upload/profile';
import { exportUpload } from '../export/uploadFile';
import { inThisThread } from '../exportWorker/jobs';
import type { CoreContext } from './context';
import type { Handlers } from './dispatch';
import { decodeBase64, encodeBase64 } from './files';

export function uploadHandlers({ store, exporter = inThisThread }: CoreContext): Handlers {
  return {
    'export.uploadXlsx': async ({ year, ids, profile }) => {
      const p = profile
        ? readUploadProfile(new TextDecoder().decode(decodeBase64(profile.data, `上传表格式文件“${profile.fileName}”`)))
        : NATIONAL_PROFILE;
      // The workbook is built in the export worker where the server has one: 8,000 rows take seconds.
      const r = await exportUpload(
        store,
        { year, ids, profile: p },
        async (profile, rows) => (await exporter.run({ kind: 'uploadXlsx', profile, rows })).bytes,
      );
      return {
        fileName: r.fileName,
        data: encodeBase64(r.bytes),
        forms: r.forms,
        rows: r.rows,
        withoutCode: r.withoutCode,
        message: r.message,
      };
    },
  };
}
