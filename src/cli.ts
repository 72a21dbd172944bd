/**
 * Command line: `check`, `build`, `diff`, `schema`. Thin: it parses arguments, calls the pipeline and
 * prints. Every failure a user can cause ends with a Chinese message and exit code 1, not a stack trace.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatDiagnostics, hasErrors, StageError } from './diagnostics.ts';
import { loadYear } from './pipeline.ts';
import { yearFileJsonSchema } from './schema/index.ts';
import { RULES } from './check/index.ts';

const USAGE = `用法：
  npm run check -- <年度|文件>          校验年度文件（例如 npm run check -- 2024），有错误时退出码为 1
        --json                           以 JSON 输出校验结果
        --rules                          列出全部校验规则
  npm run build:2024                     发布 2024 年度文件（PDF、工作簿、JSON）到 output/2024/
  npm run build -- <年度|文件>          发布任一年度
  npm run diff -- <年度A> <年度B>       对比两个年度
  npm run schema                         重新生成 data/year-file.schema.json（编辑器提示用）`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const flags = new Set(rest.filter((a) => a.startsWith('--')));
  const args = rest.filter((a) => !a.startsWith('--'));
  switch (command) {
    case 'check':
      return check(args, flags);
    case 'build': {
      const { build } = await import('./build.ts');
      return build(args, flags);
    }
    case 'diff': {
      const { diffCommand } = await import('./diff/command.ts');
      return diffCommand(args, flags);
    }
    case 'schema':
      return writeSchema();
    default:
      console.error(USAGE);
      return command === undefined || command === 'help' || command === '--help' ? 0 : 1;
  }
}

function check(args: string[], flags: Set<string>): number {
  if (flags.has('--rules')) {
    for (const r of RULES) console.log(`${r.id.padEnd(28)} ${r.severity === 'error' ? '错误' : '警告'}  ${r.description}`);
    return 0;
  }
  if (args.length !== 1) {
    console.error(USAGE);
    return 1;
  }
  const result = loadYear(args[0]!);
  if (flags.has('--json')) {
    console.log(JSON.stringify(result.diagnostics, null, 2));
  } else {
    console.log(formatDiagnostics(result.diagnostics));
  }
  return hasErrors(result.diagnostics) ? 1 : 0;
}

/** The JSON Schema sits next to the year files, which point at it on their first line. */
export const SCHEMA_FILE = 'data/year-file.schema.json';

export function schemaText(): string {
  return JSON.stringify(yearFileJsonSchema(), null, 2) + '\n';
}

function writeSchema(): number {
  mkdirSync(resolve('data'), { recursive: true });
  writeFileSync(resolve(SCHEMA_FILE), schemaText());
  console.log(`已生成 ${SCHEMA_FILE}`);
  return 0;
}

/** main() with the last line of defence: whatever escapes becomes a Chinese message, never a stack trace. */
export async function runCli(argv: string[]): Promise<number> {
  try {
    return await main(argv);
  } catch (err) {
    if (err instanceof StageError) {
      console.error(formatDiagnostics(err.diagnostics));
    } else {
      console.error(`内部错误：${(err as Error).message}\n这不是您的数据问题，请把以上信息报告给开发者。`);
      if (process.env.JUESUAN_DEBUG) console.error(err);
    }
    return 2;
  }
}

// Run when invoked as a script (tsx src/cli.ts …); src/run.mjs calls runCli on the bundle instead.
if (process.argv[1] && /cli\.(ts|js)$/.test(process.argv[1])) {
  runCli(process.argv.slice(2)).then((code) => process.exit(code));
}
