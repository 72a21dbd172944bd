/**
 * The command layer (issue 10): one parser (node:util parseArgs, strict) for every command, Chinese
 * help with exit 0, unknown options and commands named in the error with exit 1, --version.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../src/commands/index.ts';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCommand(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('juesuan <command>', () => {
  it.each([[[]], [['help']], [['--help']], [['-h']]])('%j prints the list of commands, exit 0', async (argv) => {
    const r = await run(...argv);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/命令：/);
    for (const c of ['check', 'build', 'diff', 'schema']) expect(r.out).toContain(`  ${c} `);
    expect(r.out).toMatch(/退出码：0 完成；1 .*；2 程序内部错误/);
  });

  it.each([['--version'], ['-v']])('%s prints the version from package.json', async (flag) => {
    const r = await run(flag);
    expect(r.code).toBe(0);
    expect(r.out).toBe((JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version);
  });

  it('an unknown command is named: 未知命令, exit 1', async () => {
    const r = await run('publish');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^未知命令：publish/);
  });

  it('an unknown global option is named: 未知选项, exit 1', async () => {
    const r = await run('--verbose');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^未知选项：--verbose/);
  });

  it.each(['check', 'build', 'diff', 'schema'])('%s --help and -h print its own help, exit 0', async (name) => {
    for (const flag of ['--help', '-h']) {
      const r = await run(name, flag);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(new RegExp(`^用法：npm run ${name}`));
    }
  });

  it('a misspelt option is an error naming it, not silently ignored (check 2024 --jsn)', async () => {
    const r = await run('check', '2024', '--jsn');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^未知选项：--jsn/);
    expect(r.err).toContain('用法：npm run check');
  });

  it('an option that takes no value refuses one; an option that needs one says so', async () => {
    expect((await run('check', '2024', '--json=yes')).err).toMatch(/^选项 --json 不带值/);
    expect((await run('build', '2024', '--out')).err).toMatch(/^选项 --out 后面缺少值/);
  });

  it('too many or too few arguments are named', async () => {
    expect((await run('check', '2023', '2024')).err).toMatch(/^多余的参数：「2024」/);
    expect((await run('build')).err).toMatch(/^缺少参数/);
  });

  it('check --json prints the diagnostics as JSON', async () => {
    const r = await run('check', '2024', '--json');
    expect(r.code).toBe(0);
    const list = JSON.parse(r.out) as { ruleId: string; place: { line: number } }[];
    expect(list.map((d) => d.ruleId)).toContain('balance-continuity');
  });

  it.each([['--out', 'DIR'], ['--out=DIR']])('diff takes %s in both spellings', async (...flag) => {
    const dir = mkdtempSync(join(tmpdir(), 'juesuan-cmd-'));
    dirs.push(dir);
    const args = flag.map((f) => f.replace('DIR', dir));
    const r = await run('diff', '2023', '2024', ...(args.length === 2 ? args : [args[0]!]));
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'diff', '2023-2024.html'), 'utf8')).toContain('<html');
  });

  it('schema writes the editor schema into each folder it is given, next to year files kept there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'juesuan-cmd-'));
    dirs.push(dir);
    const r = await run('schema', join(dir, '省体育局'));
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, '省体育局', 'year-file.schema.json'), 'utf8')).toBe(readFileSync('data/year-file.schema.json', 'utf8'));
  });

  it('echoes what was typed with its control characters escaped (an ESC in an argument never reaches the terminal raw)', async () => {
    for (const argv of [['\u001b[31mpublish'], ['check', '2024', '--\u001b[2Jx'], ['diff', '2023', '20\u001b24']]) {
      const r = await run(...argv);
      expect(r.code).toBe(1);
      expect(r.err).not.toContain('\u001b');
      expect(r.err).toContain('\\x1B');
    }
  });
});
