/**
 * The command layer: one module per command, one dispatcher. `juesuan <命令> [参数] [选项]`, with
 * `--help`/`-h` for the list of commands or one command's help, and `--version`. Unknown commands and
 * options are errors that name what was typed. Commands are loaded only when run, so `check` never
 * loads what only `build` needs (pdfmake and the renderers).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { printable } from '../diagnostics.ts';
import { PROJECT_ROOT } from '../paths.ts';
import { parseCommandArgs } from './args.ts';
import { stdio, UsageError, type Command, type Io } from './command.ts';

/** Name → loader and one-line summary (kept here so `--help` does not load every command). */
export const COMMANDS: Record<string, { summary: string; load: () => Promise<{ default: Command }> }> = {
  check: { summary: '校验年度文件，不发布', load: () => import('./check.ts') },
  build: { summary: '校验并发布年度文件（PDF、工作簿、report.json）', load: () => import('./build.ts') },
  batch: { summary: '批量发布一个文件夹中各单位的年度文件，并生成汇总', load: () => import('./batch.ts') },
  diff: { summary: '对比两个年度', load: () => import('./diff.ts') },
  verify: { summary: '读回已发布的 PDF，逐格、逐段核对是否与数据一致', load: () => import('./verify.ts') },
  schema: { summary: '重新生成编辑器提示用的 JSON Schema', load: () => import('./schema.ts') },
  import: { summary: '从决算软件导出的公开表工作簿（.xlsx）生成年度文件', load: () => import('./import.ts') },
  new: { summary: '从上一年度的文件开始新的年度（文字带入，数字留待导入）', load: () => import('./new.ts') },
};

export function version(): string {
  return (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

export function globalUsage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  return `juesuan ${version()} 部门决算公开生成与校验工具

用法：npx juesuan <命令> [参数] [选项]      （或 npm run <命令> -- [参数] [选项]）

命令：
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`)
  .join('\n')}

  每个命令的详细说明：npx juesuan <命令> --help

选项：
  -h, --help     显示本说明
  -v, --version  显示版本号

退出码：0 完成；1 数据或参数有误、文件被占用、磁盘已满等可由使用者处理的问题（均有中文说明）；2 程序内部错误。`;
}

/** Runs one command line (without `node` and the script). Returns the exit code. */
export async function runCommand(argv: string[], io: Io = stdio): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.out(globalUsage());
    return 0;
  }
  if (name === '--version' || name === '-v') {
    io.out(version());
    return 0;
  }
  const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!entry) {
    io.err(`${name.startsWith('-') ? '未知选项' : '未知命令'}：${printable(name)}\n\n${globalUsage()}`);
    return 1;
  }
  const command = (await entry.load()).default;
  let input;
  try {
    input = parseCommandArgs(command, rest);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.err(`${err.message}\n\n${command.usage}`);
    return 1;
  }
  if (input.help) {
    io.out(command.usage);
    return 0;
  }
  try {
    return await command.run(input, io);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.err(`${err.message}\n\n${command.usage}`);
    return 1;
  }
}
