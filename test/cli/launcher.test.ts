/**
 * The npm scripts run the CLI through src/run.mjs, from an esbuild bundle of src/ (fast cold start).
 * The bundle must behave like the sources, be rebuilt when a source changes, and render the workbook in
 * a worker thread with the same bytes as in-process.
 */
import { spawnSync } from 'node:child_process';
import { statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTables } from '../../src/model/tables.ts';
import { reviveTables } from '../../src/model/table-spec.ts';
import { loadYear } from '../../src/pipeline.ts';
import { renderWorkbook } from '../../src/render/xlsx/index.ts';
import { projectCopy } from '../helpers/project-copy.ts';
import { seedOutput } from '../helpers/seed-build.ts';

const run = (...args: string[]) => spawnSync(process.execPath, ['src/run.mjs', ...args], { encoding: 'utf8' });

describe('src/run.mjs', () => {
  it('checks a year file from the bundle, with the same report as the sources', () => {
    const r = run('check', '2024');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/0 个错误，1 个警告/);
    expect(r.stdout).toMatch(/data\/2024\.yaml:\d+: 警告 \[balance-continuity\]/);
  });

  it('exits 1 with the usage for an unknown command, without a stack trace', () => {
    const r = run('publish-everything');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/用法/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('rebuilds the bundle when a source file is newer', () => {
    // In a copy of the project: the other test files are running the shared bundle meanwhile. The copy
    // starts with the run's bundle (up to date: test/setup/seed-build.ts ran the CLI first), its times
    // kept, so that only the rebuild under test runs esbuild.
    const copy = projectCopy({ withBundle: true });
    try {
      const runCopy = () => spawnSync(process.execPath, [copy.run, 'check', '--rules'], { encoding: 'utf8' });
      const copied = statSync(copy.bundle).mtimeMs;
      expect(runCopy().status).toBe(0);
      // Fresh: used as it is.
      expect(statSync(copy.bundle).mtimeMs).toBe(copied);
      const before = copied;
      utimesSync(copy.file('src/paths.ts'), new Date(), new Date(before + 10_000));
      expect(runCopy().status).toBe(0);
      expect(statSync(copy.bundle).mtimeMs).toBeGreaterThan(before);
    } finally {
      copy.remove();
    }
  });
});

describe('commands that load a dependency at run time, from the bundle', () => {
  it('verify reads a PDF with pdfjs, whose worker is found in its own package (not bundled)', () => {
    // The 2020 report as the run's seed build published it (test/setup/seed-build.ts), report.json beside it.
    const r = run('verify', join(seedOutput('2020'), '江西省总工会2020年度部门预算项目绩效自评报告.pdf'));
    expect(r.stdout + r.stderr).toContain('核对通过');
    expect(r.status).toBe(0);
  });
});

describe('tables sent to the workbook worker', () => {
  it('come back with their decimals, so the worker writes the same bytes', async () => {
    const tables = buildTables(loadYear('2024').value!.calc);
    const meta = { title: 't', author: 'a', date: '2025-09-30' };
    const direct = await renderWorkbook(tables, meta);
    const viaJson = await renderWorkbook(reviveTables(JSON.stringify(tables)), meta);
    expect(viaJson.equals(direct)).toBe(true);
  });
});

describe('where a year file publishes', () => {
  it('data/<year>.yaml to output/<year>/, another folder’s file to output/<folder>/<year>/', async () => {
    const { defaultOutputRoot } = await import('../../src/build.ts');
    expect(defaultOutputRoot('data/2024.yaml')).toBe('output');
    expect(defaultOutputRoot('各单位/省体育局/2024.yaml')).toBe('output/省体育局');
  });

  it('refuses an unknown build option with the usage', () => {
    const r = run('build', '2024', '--force');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/未知选项：--force/);
    expect(r.stderr).toMatch(/用法：npm run build -- <年度\|文件> \[--out 输出目录\]/);
  });
});
