/**
 * The command line's entry point: runs one command (src/commands/) and turns whatever escapes into a
 * message, never a stack trace. A problem the user can fix (UserError) is printed as it is, exit 1;
 * anything else is a bug in juesuan: 内部错误, exit 2.
 */
import { runCommand } from './commands/index.ts';
import { stdio, UserError, type Io } from './commands/command.ts';
import { PublishError } from './write/disk.ts';

export async function runCli(argv: string[], io: Io = stdio): Promise<number> {
  try {
    return await runCommand(argv, io);
  } catch (err) {
    // A full disk, a file open in a viewer, a read-only folder … (write/disk.ts): the user's to fix.
    if (err instanceof UserError || err instanceof PublishError) {
      io.err(err.message);
      return 1;
    }
    io.err(`内部错误：${(err as Error).message}\n这不是您的数据问题，请把以上信息报告给开发者。`);
    if (process.env.JUESUAN_DEBUG) console.error(err);
    return 2;
  }
}

// Run when invoked as a script (tsx src/cli.ts …); src/run.mjs calls runCli on the bundle instead.
if (process.argv[1] && /cli\.(ts|js)$/.test(process.argv[1])) {
  runCli(process.argv.slice(2)).then((code) => process.exit(code));
}
