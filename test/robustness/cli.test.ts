/**
 * Issue 6 through the real command line, as a child process. The whole corpus runs in-process in
 * broken-files.test.ts (loadYear and buildYear, what the CLI calls); this file runs a representative
 * subset to prove the wiring: exit code 1, each message once as `file:line: 错误 [rule]`, no stack trace
 * or JS error name on either stream, and for `build` an output folder that is byte-for-byte and
 * time-for-time what it was.
 *
 * The subset: `check` on ten files — one per stage and kind of mistake (YAML syntax, tab, encoding,
 * alias bomb, tag, schema, a rule, a broken prior year, an empty file, a workbook picked by mistake) and
 * a 50 MB file generated here; `build` on four of them, one per stage (load, YAML, schema, rules); and
 * `check` of a missing file and of a folder — all through src/run.mjs, what `npm run check/build` run;
 * and one case through `tsx src/cli.ts`. 18 processes, about 0.4 s each (1.2 s for tsx).
 *
 * Each runs from a temporary working directory, so `build` writes to <tmp>/output/ (the default output
 * root, relative to the working directory).
 */
import { cpSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, warmUp, type Run } from './cli-run.ts';
import { crashSigns, parseCase, type Case } from './corpus.ts';
import { snapshot, tempDir } from './files.ts';

/** Checked by the CLI; the first four (one per stage) are also built. */
const SUBSET = [
  'gbk-encoded.yaml',
  'unclosed-double-quote.yaml',
  'amount-thousands-separator-in-braces.yaml',
  'income-not-equal-expenditure.yaml',
  'prior-year-broken',
  'tab-indentation.yaml',
  'billion-laughs.yaml',
  'python-object-tag.yaml',
  'empty-file.yaml',
  'workbook-instead-of-yaml.yaml',
];
const BUILT = SUBSET.slice(0, 4);

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A working directory holding the case under case/ and a previously published output/2024/. */
function workspace(c?: Case): { cwd: string; arg: string; output: string } {
  const cwd = tempDir('cli');
  dirs.push(cwd);
  const output = join(cwd, 'output');
  mkdirSync(join(output, '2024'), { recursive: true });
  writeFileSync(join(output, '2024', 'report.json'), '{"format":"juesuan-report/1"}\n');
  writeFileSync(join(output, '2024', 'manifest.json'), '{"year":2024,"inputs":[],"outputs":[]}\n');
  if (!c) return { cwd, arg: 'case', output };
  mkdirSync(join(cwd, 'case'));
  if (statSync(c.path).isDirectory() || c.dir !== 'test/broken') {
    cpSync(c.dir, join(cwd, 'case'), { recursive: true });
    return { cwd, arg: `case/${basename(c.path)}`, output };
  }
  cpSync(c.path, join(cwd, 'case', basename(c.path)));
  return { cwd, arg: `case/${basename(c.path)}`, output };
}

function expectClear(run: Run, expected: { file: string; line: number; ruleId: string }[]): void {
  const out = `${run.stdout}\n${run.stderr}`;
  expect(run.code, out).toBe(1);
  expect(crashSigns(out), out).toBeUndefined();
  for (const e of expected) expect(out).toContain(`case/${e.file}:${e.line}: 错误 [${e.ruleId}] `);
  expect(out.match(/: 错误 \[/g) ?? [], out).toHaveLength(expected.length);
  expect(out).toContain(`${expected.length} 个错误`);
}

describe.concurrent('the command line on broken files', () => {
  const cases = SUBSET.map(parseCase);
  beforeAll(() => {
    const cwd = tempDir('warm');
    dirs.push(cwd);
    return warmUp(cwd);
  });

  it('the subset covers ten kinds of mistake from the corpus', () => {
    expect(new Set(cases.map((c) => c.expected[0]!.ruleId.split('/')[0])).size).toBeGreaterThanOrEqual(4);
    expect(cases.length).toBe(10);
    expect(cases.every((c) => !c.ok && c.pending.length === 0)).toBe(true);
  });

  it.each(cases.map((c) => [c.name, c] as const))('check %s', async (_name, c) => {
    const { cwd, arg } = workspace(c);
    expectClear(await runCli(['check', arg], cwd), c.expected);
  });

  it.each(cases.filter((c) => BUILT.includes(c.name)).map((c) => [c.name, c] as const))('build %s writes nothing', async (_name, c) => {
    const { cwd, arg, output } = workspace(c);
    const before = snapshot(output);
    const run = await runCli(['build', arg], cwd);
    expectClear(run, c.expected);
    expect(run.stderr).toContain('未发布任何文件');
    expect(snapshot(output)).toEqual(before);
  });

  it.each(['check'])('through tsx src/cli.ts: %s', async (command) => {
    const c = cases.find((x) => x.name === 'unclosed-double-quote.yaml')!;
    const { cwd, arg, output } = workspace(c);
    const before = snapshot(output);
    expectClear(await runCli([command, arg], cwd, undefined, 'tsx'), c.expected);
    expect(snapshot(output)).toEqual(before);
  });

  it.each(['check'])('%s of a 50 MB file: refused by its size', async (command) => {
    const { cwd, output } = workspace();
    mkdirSync(join(cwd, 'case'));
    const line = `# ${'填充'.repeat(40)}\n`;
    writeFileSync(join(cwd, 'case', '2024.yaml'), line.repeat(Math.ceil((50 * 1024 * 1024) / Buffer.byteLength(line))));
    const before = snapshot(output);
    const run = await runCli([command, 'case/2024.yaml'], cwd);
    expectClear(run, [{ file: '2024.yaml', line: 1, ruleId: 'load/file-too-large' }]);
    expect(snapshot(output)).toEqual(before);
  });

  it.each([
    ['a file that does not exist', 'case/2042.yaml', /找不到文件 case\/2042\.yaml/],
    ['a folder', 'case', /case 是一个文件夹/],
  ])('check of %s', async (_what, arg, message) => {
    const { cwd } = workspace();
    mkdirSync(join(cwd, 'case'));
    const run = await runCli(['check', arg], cwd);
    const out = `${run.stdout}\n${run.stderr}`;
    expect(run.code, out).toBe(1);
    expect(crashSigns(out), out).toBeUndefined();
    expect(out).toMatch(message);
    expect(out).toMatch(/: 错误 \[load\/not-readable\] /);
  });
});
