/**
 * Issue 6: bad input gets a clear error, and nothing is lost. Every file of the corpus (test/broken/,
 * see corpus.ts for the header format) is checked and built in-process, through the same entry points
 * the command line uses (loadYear, buildYear). The command line itself runs as a child process for a
 * representative subset in cli.test.ts — twenty child processes cost about as much as the whole
 * in-process corpus, so the corpus runs here and the CLI proves the wiring (exit code, output streams,
 * no stack trace).
 *
 * For each broken case: exactly the expected errors, each at its file:line with its rule id, every
 * message Chinese and free of programmer's English; and `build` publishes nothing and leaves an existing
 * output folder byte-for-byte and time-for-time as it was. The ok-cases must pass and (BOM, CRLF) give
 * exactly the model of the plain file.
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { buildYear } from '../../src/build.ts';
import { formatDiagnostics, hasErrors } from '../../src/diagnostics.ts';
import { loadYear } from '../../src/pipeline.ts';
import { buildModel, serializeModel } from '../../src/model/report.ts';
import { caseRelative, corpus, expectedKeys, key, unclearness, type Case } from './corpus.ts';
import { seededOutputRoot, snapshot } from './files.ts';

const CASES = corpus();
const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

describe('the corpus', () => {
  it('holds at least 50 broken files, each with a machine-readable expectation', () => {
    const broken = CASES.filter((c) => !c.ok);
    expect(broken.length).toBeGreaterThanOrEqual(50);
    for (const c of broken) expect(c.expected.length, c.name).toBeGreaterThan(0);
  });
});

function errorKeys(c: Case, result: ReturnType<typeof loadYear>): string[] {
  return result.diagnostics
    .filter((d) => d.severity === 'error' && !d.acknowledged)
    .map((d) => key(caseRelative(c, d.place?.file), d.place?.line, d.ruleId))
    .sort();
}

const model = (path: string) => {
  const calc = loadYear(path).value!.calc;
  // The file name appears nowhere in the model; the year file's own comments differ between variants.
  return serializeModel(buildModel(calc));
};

describe.each(CASES.filter((c) => !c.ok))('$name', (c) => {
  const run = c.pending.length ? it.todo : it;

  run(`check: ${c.title} → ${expectedKeys(c).join('，')}`, () => {
    const result = loadYear(c.path);
    expect(errorKeys(c, result)).toEqual(expectedKeys(c));
    expect(hasErrors(result.diagnostics)).toBe(true);

    const printed = formatDiagnostics(result.diagnostics);
    for (const d of result.diagnostics) {
      expect(unclearness(d.message), `${d.ruleId}: ${d.message}`).toBeUndefined();
      expect(d.place?.line, d.message).toBeGreaterThanOrEqual(1);
      if (d.severity === 'error') expect(printed).toContain(`${d.place!.file}:${d.place!.line}: 错误 [${d.ruleId}] ${d.message}`);
    }
  });

  run('build: publishes nothing, the previous outputs stay as they were', async () => {
    const root = seededOutputRoot('broken');
    roots.push(root);
    const before = snapshot(root);
    const log: string[] = [];
    const result = await buildYear(c.path, { outputRoot: root, log: (l) => log.push(l) });
    expect(result.ok).toBe(false);
    expect(result.files).toEqual([]);
    expect(snapshot(root)).toEqual(before);
    expect(log.join('\n')).toContain('未发布任何文件');
  });
});

describe('files that must work', () => {
  const base = model('test/fixtures/robust/2024.yaml');

  it.each(CASES.filter((c) => c.ok && /bom|crlf/.test(c.name)).map((c) => [c.name, c]))(
    '%s: no error, and the same model as the plain file',
    (_name, c) => {
      const result = loadYear(c.path);
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(model(c.path)).toBe(base);
    },
  );

  it('the BOM and CRLF variants point at the same lines as the plain file', () => {
    // bom-with-error / crlf-with-error in the corpus assert the line; here: a warning's line is unchanged too.
    const plain = loadYear('test/fixtures/robust/2024.yaml').diagnostics.map((d) => [d.ruleId, d.place?.line]);
    for (const c of CASES.filter((x) => x.ok && /bom|crlf/.test(x.name))) {
      // The variants carry a two-line header in place of the base's one comment line: one line further down.
      expect(
        loadYear(c.path).diagnostics.map((d) => [d.ruleId, (d.place?.line ?? 0) - 1]),
        c.name,
      ).toEqual(plain);
    }
  });
});
