/**
 * The command line's entry point: runs one command (src/commands/) and turns whatever escapes into a
 * message, never a stack trace. A problem the user can fix (UserError; PublishError, the file system's:
 * a full disk, a file open elsewhere; an error in the office's own template) is printed as it is, exit 1;
 * anything else is a bug in juesuan: 内部错误, exit 2.
 */
import { runCommand } from './commands/index.ts';
import { stdio, UserError, type Io } from './commands/command.ts';
import type { TemplateError } from './model/narrative.ts';
import { PublishError } from './write/disk.ts';

export { adoptPdfThread } from './render/pdf/background.ts';

/** By name, so the command line does not load the template engine before a command needs it. */
const isOfficeTemplateError = (err: unknown) => err instanceof Error && err.name === 'TemplateError' && (err as TemplateError).overridden;

export async function runCli(argv: string[], io: Io = stdio): Promise<number> {
  try {
    return await runCommand(argv, io);
  } catch (err) {
    // A full disk, a file open in a viewer, a read-only folder … (write/disk.ts), or an office's own
    // template that does not fit: the user's to fix, as a data error would be.
    if (err instanceof UserError || err instanceof PublishError || isOfficeTemplateError(err)) {
      io.err((err as Error).message);
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
