/**
 * Arguments through node:util parseArgs in strict mode, with its English errors turned into Chinese
 * ones that name what was typed. Both `--out DIR` and `--out=DIR` work (parseArgs accepts both).
 */
import { parseArgs } from 'node:util';
import { printable } from '../diagnostics.ts';
import { UsageError, type Command, type CommandInput } from './command.ts';

const HELP = { help: { type: 'boolean', short: 'h' } } as const;

export function parseCommandArgs(command: Command, argv: string[]): CommandInput & { help: boolean } {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv, options: { ...command.options, ...HELP }, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(chineseParseError(err as Error & { code?: string }, argv));
  }
  const { help, ...values } = parsed.values as Record<string, string | boolean | undefined>;
  if (help) return { values, positionals: parsed.positionals, help: true };
  const n = parsed.positionals.length;
  const { min, max } = command.positionals;
  if (n < min) throw new UsageError(min === 1 && max === 1 ? '缺少参数' : `缺少参数（需要 ${min} 个，只给了 ${n} 个）`);
  if (n > max) {
    const extra = parsed.positionals
      .slice(max)
      .map((a) => `「${printable(a)}」`)
      .join('、');
    throw new UsageError(max === 0 ? `此命令不接受参数：${extra}` : `多余的参数：${extra}`);
  }
  return { values, positionals: parsed.positionals, help: false };
}

function chineseParseError(err: Error & { code?: string }, argv: string[]): string {
  // What was typed is echoed with its control characters escaped (an ESC in an argument is no colour code).
  const typedRaw = /'([^']+)'/.exec(err.message)?.[1];
  const typed = typedRaw === undefined ? undefined : printable(typedRaw);
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `未知选项：${typed ?? printable(argv.find((a) => a.startsWith('-')) ?? '')}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      // “Option '--out <value>' argument missing” / “Option '--json' does not take an argument”
      return /argument missing/.test(err.message)
        ? `选项 ${typed?.split(' ')[0] ?? ''} 后面缺少值`
        : `选项 ${typed?.split(' ')[0] ?? ''} 不带值`;
    default:
      return `无法识别的参数：${printable(err.message)}`;
  }
}
