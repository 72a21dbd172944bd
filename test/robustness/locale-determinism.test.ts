/**
 * Issue 9 §6: same data, same bytes — in any time zone and any locale. `build 2024` and `build 2020` run
 * as `npm run build` runs them (the src/run.mjs bundle, a fresh process each), under time zones and
 * LANG/LC_ALL settings including zh_CN.UTF-8 (each year under one of them), and
 * every published file (PDF, web edition, workbook, report.json, manifest.json) must be byte-identical across them; `check` must print the same text. The
 * first variant, UTC and the C locale, is the run's seed build (test/setup/seed-build.ts): the others are
 * compared with it.
 *
 * The test proves it could fail: Node's ICU takes its default locale from LANG/LC_ALL, so a child with
 * LANG=zh_CN.UTF-8 really sorts with `localeCompare` in Chinese (pinyin) order — which is what once made
 * report.json and manifest.json differ on a Chinese-locale machine.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { naturalOrder } from '../../src/diff/figures.ts';
import { loadYear } from '../../src/pipeline.ts';
import { REFERENCE_ENV, seedOutput } from '../helpers/seed-build.ts';
import { warmUp } from './cli-run.ts';
import { snapshot, tempDir } from './files.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const RUN = join(ROOT, 'src/run.mjs');

type Env = Record<string, string | undefined>;

/** Time zone × locale: the C locale (the seed build's), a Chinese desktop, a Chinese LANG under an American zone. */
const REFERENCE = { name: 'UTC · C.UTF-8', env: REFERENCE_ENV };
const VARIANTS: { name: string; env: Env }[] = [
  REFERENCE,
  { name: 'Asia/Shanghai · zh_CN.UTF-8', env: { TZ: 'Asia/Shanghai', LANG: 'zh_CN.UTF-8', LC_ALL: 'zh_CN.UTF-8' } },
  { name: 'America/Los_Angeles · LANG=zh_CN.UTF-8', env: { TZ: 'America/Los_Angeles', LANG: 'zh_CN.UTF-8', LC_ALL: undefined } },
];

/** File contents only (the modification times of course differ): relative path → sha256. */
const contents = (dir: string) => Object.fromEntries(Object.entries(snapshot(dir)).map(([name, stamp]) => [name, stamp.split(' ')[0]]));

function childEnv(extra: Env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.LC_ALL;
  delete env.LC_COLLATE;
  delete env.LANGUAGE;
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

function run(args: string[], env: Env): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: childEnv(env) });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('the locale variants are real', () => {
  const probe =
    "process.stdout.write(JSON.stringify([Intl.DateTimeFormat().resolvedOptions().locale, ['b', 'a', '中', 'Z', '啊'].sort((x, y) => x.localeCompare(y))]))";

  it('a child with LANG=zh_CN.UTF-8 runs in zh-CN and sorts by pinyin; one with C.UTF-8 does not', async () => {
    const zh = JSON.parse((await run(['-e', probe], { LANG: 'zh_CN.UTF-8' })).stdout) as [string, string[]];
    const c = JSON.parse((await run(['-e', probe], { LANG: 'C.UTF-8' })).stdout) as [string, string[]];
    expect(zh[0]).toBe('zh-CN');
    expect(c[0]).not.toBe('zh-CN');
    // 啊 (ā) before 中 (zhōng) before Latin in Chinese collation; code-point order puts Latin first.
    expect(zh[1]).toEqual(['啊', '中', 'a', 'b', 'Z']);
    expect(c[1]).not.toEqual(zh[1]);
  });

  it('LC_ALL overrides LANG, as it does for every program', async () => {
    const out = JSON.parse((await run(['-e', probe], { LANG: 'C.UTF-8', LC_ALL: 'zh_CN.UTF-8' })).stdout) as [string];
    expect(out[0]).toBe('zh-CN');
  });
});

describe('published bytes in every time zone and locale', () => {
  beforeAll(async () => {
    const cwd = tempDir('warm');
    dirs.push(cwd);
    await warmUp(cwd);
  });

  // Each year under one variant, crossed: a build in a child process costs about 2 s of CPU, and each
  // variant's locale is Chinese (the probes above show that LANG alone makes it so). 2024 (the 公开表,
  // the narrative, the workbook) under the Chinese desktop, LC_ALL and Asia/Shanghai; 2020 (the
  // evaluation reports) under LANG=zh_CN.UTF-8 alone and an American time zone.
  it.each([
    ['2024', [VARIANTS[1]!]],
    ['2020', [VARIANTS[2]!]],
  ] as const)('build %s: every published file is the same in each variant as in the reference', async (year, variants) => {
    const reference = contents(seedOutput(year));
    expect(Object.keys(reference).length).toBeGreaterThanOrEqual(year === '2024' ? 5 : 4);
    const outputs = await Promise.all(
      variants.map(async (v) => {
        const out = tempDir(`locale-${year}`);
        dirs.push(out);
        const r = await run([RUN, 'build', year, `--out=${out}`], v.env);
        expect(r.code, `${v.name}\n${r.stderr}`).toBe(0);
        return { name: v.name, files: contents(join(out, year)) };
      }),
    );
    for (const o of outputs) expect(o.files, `${o.name} vs ${REFERENCE.name}`).toEqual(reference);
  });

  it('check prints the same report in every variant', async () => {
    const printed = await Promise.all(VARIANTS.map((v) => run([RUN, 'check', '2024'], v.env)));
    for (const p of printed) expect(p.stdout).toBe(printed[0]!.stdout);
    expect(printed[0]!.stdout).toMatch(/个错误/);
  });
});

describe('orders that do not depend on the locale', () => {
  it('figure keys: numbers as numbers, the rest by code unit', () => {
    expect(['x.10', 'x.9', 'x.100', 'a_b', 'a.b'].sort(naturalOrder)).toEqual(['a.b', 'a_b', 'x.9', 'x.10', 'x.100']);
  });

  it('on the figure keys of the shipped years the order is the one the pinned English collation gave', () => {
    // sortFigureKeys ranks keys by their kind (the part before the first “.”) and then orders each
    // kind's keys: the numbers of expenditure_class.201 …, the names of project.送温暖资金 ….
    const keys = [...new Set(['2024', '2023'].flatMap((y) => [...loadYear(y).value!.calc.figures.keys()]))];
    expect(keys.length).toBeGreaterThan(30);
    const kinds = new Map<string, string[]>();
    for (const k of keys) kinds.set(k.split('.')[0]!, [...(kinds.get(k.split('.')[0]!) ?? []), k]);
    expect(kinds.get('project')!.length).toBeGreaterThan(5);
    for (const [kind, group] of kinds) {
      const before = [...group].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
      expect([...group].sort(naturalOrder), kind).toEqual(before);
    }
  });
});
