/** `npm run web -- [--db FILE] [--port N]` */
import { UserError } from '../../shared/errors';

export const DEFAULT_PORT = 17878;

export interface WebArgs {
  dbFile?: string;
  /** undefined = the default port, or a free one when it is busy; 0 = any free port. */
  port?: number;
}

export function parseWebArgs(argv: readonly string[]): WebArgs {
  const out: WebArgs = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '')
        throw new UserError(`${flag} 后面缺少参数，例如：npm run web -- ${flag === '--db' ? '--db 数据.db' : '--port 17878'}`);
      return v;
    };
    if (flag === '--db') out.dbFile = value();
    else if (flag === '--port') {
      const v = value();
      const port = Number(v);
      if (!/^\d+$/.test(v) || port > 65535) throw new UserError(`端口“${v}”不正确，请给出 0 到 65535 之间的数字（0 表示自动选择）`);
      out.port = port;
    } else if (flag === '--help' || flag === '-h') throw new UserError('用法：npm run web -- [--db 数据库文件] [--port 端口]');
    else throw new UserError(`不认识的参数：${argv[i]}。用法：npm run web -- [--db 数据库文件] [--port 端口]`);
  }
  return out;
}
