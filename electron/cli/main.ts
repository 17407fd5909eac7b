/**
 * Command line: `npm run cli -- [--db FILE] <command> ...`. User errors exit non-zero with
 * a Chinese message on stderr; results go to stdout (ids on the last line).
 */
import { isUserError } from '../../shared/errors';
import { APP_VERSION } from '../core/appInfo';
import { defaultDatabasePath } from '../core/paths';
import { openStore, type Store } from '../core/store';
import { environmentFault } from '../core/store/faults';
import { COMMANDS } from './commands';
import type { CliContext } from './types';

export function parseArgs(argv: string[]): { positional: string[]; flags: Record<string, string> } {
  const positional: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) flags[a.slice(2, eq)] = a.slice(eq + 1);
      else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) flags[a.slice(2)] = argv[++i];
      else flags[a.slice(2)] = 'true';
    } else positional.push(a);
  }
  return { positional, flags };
}

function help(out: (l: string) => void): void {
  out('用法：npm run cli -- [--db 数据库文件] <命令> [参数]');
  for (const c of COMMANDS) out(`  ${c.usage}`);
}

export async function runCli(
  argv: string[],
  io: { out(line: string): void; err(line: string): void } = {
    out: (l) => process.stdout.write(l + '\n'),
    err: (l) => process.stderr.write(l + '\n'),
  },
): Promise<number> {
  const { positional, flags } = parseArgs(argv);
  const [name, ...args] = positional;
  if (!name || name === 'help' || flags.help) {
    help(io.out);
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`未知的命令：${name}（运行 npm run cli -- help 查看全部命令）`);
    return 2;
  }
  let store: Store | null = null;
  const ctx: CliContext = {
    args,
    flags,
    store: () => {
      if (store) return store;
      store = openStore({ file: flags.db ?? defaultDatabasePath(), appVersion: APP_VERSION });
      // What the store left out (a stored template it cannot use) is said once, before the command's own output.
      for (const notice of store.notices) io.err(`提示：${notice}`);
      return store;
    },
    out: io.out,
    err: io.err,
  };
  try {
    return await command.run(ctx);
  } catch (e) {
    if (isUserError(e)) {
      io.err(`错误：${(e as Error).message}`);
      return 1;
    }
    // A full or read-only disk, no permission, a disk error: the user can act on these.
    const fault = environmentFault(e, '');
    if (fault) {
      io.err(`错误：${fault.message}`);
      return 1;
    }
    io.err(`内部错误：${e instanceof Error ? e.message : String(e)}`);
    return 70;
  } finally {
    (store as Store | null)?.close();
  }
}

const isMain = process.argv[1] && /cli[\\/]main\.[cm]?[jt]s$/.test(process.argv[1]);
if (isMain) {
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
