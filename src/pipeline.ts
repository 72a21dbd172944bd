/**
 * The pipeline, stage by stage: load → schema → calc → check. Each stage returns diagnostics instead of
 * throwing, so a broken file ends in a list of positioned Chinese messages, never a stack trace. The
 * model and renderers (model/, render/) run only on a year that passed.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
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

/** Loads, validates and computes one year file, without its prior year and without the rules. */
function loadOne(path: string, timings: Record<string, number>, prior?: Map<string, import('./decimal.ts').Dec>) {
  const loaded = timed(timings, 'load', () => loadYamlFile(path));
  if (!loaded.value) return { diagnostics: loaded.diagnostics };
  const parsed = timed(timings, 'schema', () => parseYearFile(loaded.value!));
  if (!parsed.value) return { diagnostics: parsed.diagnostics };
  const { calc } = timed(timings, 'calc', () => calcYear(parsed.value!, prior ? { prior } : {}));
  return { loaded: loaded.value, input: parsed.value, calc, diagnostics: [] as Diagnostic[] };
}

export function loadYear(arg: string, options: { dataDir?: string } = {}): YearResult {
  const timings: Record<string, number> = {};
  const path = yearFilePath(arg, options.dataDir);
  const first = loadOne(path, timings);
  if (!first.calc) return { diagnostics: first.diagnostics, timings };

  // Last year's file, next to this one, gives the figures the narrative compares with.
  const diagnostics: Diagnostic[] = [];
  let prior: PriorYear | undefined;
  const priorPath = join(dirname(path), `${first.input.year - 1}.yaml`);
  if (existsSync(priorPath)) {
    const p = loadOne(priorPath, timings);
    // A file holding only stand-alone reports (like 2020) has no figures to compare with.
    if (p.calc && p.loaded && p.calc.kind !== 'reports') {
      prior = { calc: p.calc, source: p.loaded.source };
      const priorChecks = runRules({ calc: p.calc, raw: p.loaded.data, source: p.loaded.source });
      diagnostics.push(...priorChecks.filter((d) => d.severity === 'error'));
    } else if (!p.calc) {
      diagnostics.push(...p.diagnostics);
    }
  }

  const { calc } = timed(timings, 'calc', () => calcYear(first.input, prior ? { prior: prior.calc.figures } : {}));
  const checked = timed(timings, 'check', () =>
    runRules({ calc, raw: first.loaded.data, source: first.loaded.source, ...(prior ? { prior } : {}) }),
  );
  diagnostics.push(...checked);
  return {
    value: { file: first.loaded.file, path, raw: first.loaded.data, source: first.loaded.source, input: first.input, calc, ...(prior ? { prior } : {}) },
    diagnostics,
    timings,
  };
}

export { hasErrors };
