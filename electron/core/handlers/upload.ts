/** export.uploadXlsx: a year's project indicators as the province's 一体化 upload file (export/uploadFile.ts). */
import { NATIONAL_PROFILE, readUploadProfile } from '../../../shared/upload/profile';
import { exportUpload } from '../export/uploadFile';
import type { CoreContext } from './context';
import type { Handlers } from './dispatch';
import { decodeBase64, encodeBase64 } from './files';

export function uploadHandlers({ store }: CoreContext): Handlers {
  return {
    'export.uploadXlsx': async ({ year, ids, profile }) => {
      const p = profile
        ? readUploadProfile(new TextDecoder().decode(decodeBase64(profile.data, `上传表格式文件“${profile.fileName}”`)))
        : NATIONAL_PROFILE;
      const r = await exportUpload(store, { year, ids, profile: p });
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
