/**
 * The pipeline, stage by stage: load → schema → calc → check. Each stage returns diagnostics instead of
 * throwing, so a broken file ends in a list of positioned Chinese messages, never a stack trace. The
 * model and renderers (model/, render/) run only on a year that passed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { calcYear, type YearCalc } from './calc/index.ts';
import { runRules } from './check/index.ts';
import type { PriorYear } from './check/rule.ts';
import { hasErrors, type Diagnostic } from './diagnostics.ts';
import { loadYamlFile } from './load/load.ts';
import type { SourceMap } from './load/source-map.ts';
import { parseYearFile, type YearFile } from './schema/index.ts';

export interface LoadedYear {
  file: string;
  path: string;
  raw: unknown;
  source: SourceMap;
  input: YearFile;
  calc: YearCalc;
  prior?: PriorYear;
}

export interface YearResult {
  value?: LoadedYear;
  diagnostics: Diagnostic[];
  /** Milliseconds per stage, for `--verbose` and the benchmark. */
  timings: Record<string, number>;
}

/** `2024` → data/2024.yaml; anything with a slash or .yaml is taken as a path. */
export function yearFilePath(arg: string, dataDir = 'data'): string {
  if (/^\d{4}$/.test(arg)) return resolve(dataDir, `${arg}.yaml`);
  return resolve(arg);
}

function timed<T>(timings: Record<string, number>, name: string, fn: () => T): T {
  const start = performance.now();
  try {
    return fn();
  } finally {
    timings[name] = (timings[name] ?? 0) + performance.now() - start;
  }
}

/** Loads and validates one year file (no calculation: that needs its prior year first). */
function parse(path: string, timings: Record<string, number>) {
  const loaded = timed(timings, 'load', () => loadYamlFile(path));
  if (!loaded.value) return { diagnostics: loaded.diagnostics };
  const parsed = timed(timings, 'schema', () => parseYearFile(loaded.value!));
  if (!parsed.value) return { diagnostics: parsed.diagnostics };
  return { loaded: loaded.value, input: parsed.value, diagnostics: [] as Diagnostic[] };
}

/**
 * load → schema → calc → check for one year file. Last year's file, next to this one, is loaded and
 * calculated first: it gives the figures the narrative compares with, so this year is calculated once.
 */
export interface LoadOptions {
  dataDir?: string;
  /**
   * Called with the year's calculation before the checks run (a cold build hands the documents to its
   * PDF thread then, so the layout overlaps the checks; what the checks stop is thrown away).
   */
  onCalculated?: (calc: YearCalc) => void;
}

export function loadYear(arg: string, options: LoadOptions = {}): YearResult {
  const timings: Record<string, number> = {};
  const path = yearFilePath(arg, options.dataDir);
  const first = parse(path, timings);
  if (!first.input || !first.loaded) return { diagnostics: first.diagnostics, timings };
  const { input, loaded } = first;

  const diagnostics: Diagnostic[] = [...modelineProblems(path, loaded.file)];
  let prior: PriorYear | undefined;
  const priorPath = join(dirname(path), `${input.year - 1}.yaml`);
  if (existsSync(priorPath)) {
    const p = parse(priorPath, timings);
    if (p.input && p.loaded) {
      const priorCalc = timed(timings, 'calc', () => calcYear(p.input));
      // A file holding only stand-alone reports (like 2020) has no figures to compare with.
      if (priorCalc.kind !== 'reports') {
        prior = { calc: priorCalc, source: p.loaded.source };
        const priorChecks = runRules({ calc: priorCalc, raw: p.loaded.data, source: p.loaded.source });
        diagnostics.push(...priorChecks.filter((d) => d.severity === 'error'));
      }
    } else {
      diagnostics.push(...p.diagnostics);
    }
  }

  const calc = timed(timings, 'calc', () => calcYear(input, prior ? { prior: prior.calc.figures } : {}));
  options.onCalculated?.(calc);
  const checked = timed(timings, 'check', () => runRules({ calc, raw: loaded.data, source: loaded.source, ...(prior ? { prior } : {}) }));
  diagnostics.push(...checked);
  return {
    value: { file: loaded.file, path, raw: loaded.data, source: loaded.source, input, calc, ...(prior ? { prior } : {}) },
    diagnostics,
    timings,
  };
}

/**
 * A year file copied from data/ to another folder keeps the first line that points editors at
 * ./year-file.schema.json, which is not there: the editor then stops checking the file as it is typed.
 * Say so, with the command that puts the schema where the line points.
 */
function modelineProblems(path: string, file: string): Diagnostic[] {
  let head: string;
  try {
    head = readFileSync(path, 'utf8').slice(0, 300).split('\n', 1)[0]!;
  } catch {
    return [];
  }
  const target = /yaml-language-server:\s*\$schema=(\S+)/.exec(head)?.[1];
  if (!target || /^[a-z]+:\/\//i.test(target)) return [];
  const schema = resolve(dirname(path), target);
  if (existsSync(schema)) return [];
  const rel = relative(process.cwd(), dirname(path));
  const folder = rel.startsWith('..') ? dirname(path) : rel || '.';
  return [
    {
      ruleId: 'load/schema-modeline',
      severity: 'warning',
      message: `第一行指向的编辑器提示文件 ${target} 不存在，编辑器无法即时标出写错的地方；请运行 npm run schema -- ${folder} 把它写到这个文件夹`,
      place: { file, line: 1 },
    },
  ];
}

export { hasErrors };
