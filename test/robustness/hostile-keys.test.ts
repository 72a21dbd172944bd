/**
 * Issue 9 §4: keys that mean something to JavaScript (`__proto__`, `constructor`, `prototype`,
 * `toString`) at every level of a year file — a fixed key's place, a mapping of codes, a report's own
 * named values — end in a clear diagnostic with its line or are plain data, never a crash (`__proto__`
 * once ended in `source.trim is not a function`, exit 2). And text typed into a key is printed as text
 * by the command line, never as a terminal escape.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, parseDocument, visit } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { calcYear } from '../../src/calc/index.ts';
import { runRules } from '../../src/check/index.ts';
import type { Diagnostic } from '../../src/diagnostics.ts';
import { loadYamlText } from '../../src/load/load.ts';
import { buildModel } from '../../src/model/report.ts';
import { parseYearFile } from '../../src/schema/index.ts';
import { runCli } from './cli-run.ts';
import { crashSigns } from './corpus.ts';
import { tempDir } from './files.ts';

/** The robust fixture plus a report with named values, so every kind of mapping is present. */
const BASE = `${readFileSync('test/fixtures/robust/2024.yaml', 'utf8')}reports:
  - title: 示例报告
    values:
      合计: =甲 + 乙
      甲: 1
      乙: 2
    body:
      - p: 合计{=合计}万元。
`;

const KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];

/** The whole pipeline up to the model, as `build` runs it; what it reports, or the exception it threw. */
function pipeline(text: string): { diagnostics: Diagnostic[]; crash?: unknown } {
  try {
    const loaded = loadYamlText(text, 'x/2024.yaml');
    if (!loaded.value) return { diagnostics: loaded.diagnostics };
    const parsed = parseYearFile(loaded.value);
    if (!parsed.value) return { diagnostics: parsed.diagnostics };
    const calc = calcYear(parsed.value);
    const diagnostics = runRules({ calc, raw: loaded.value.data, source: loaded.value.source });
    if (!diagnostics.some((d) => d.severity === 'error')) buildModel(calc);
    return { diagnostics };
  } catch (crash) {
    return { diagnostics: [], crash };
  }
}

/** Where a key can be added to each mapping: after a block mapping's last pair, or first in a flow one. */
function insertionPoints(text: string): { offset: number; indent: string; flow: boolean }[] {
  const doc = parseDocument(text);
  const points: { offset: number; indent: string; flow: boolean }[] = [];
  visit(doc, {
    Map(_key, node) {
      if (!isMap(node) || !node.range || !node.items.length) return;
      const first = node.items[0]!.key as { range?: [number, number, number] };
      if (!first.range) return;
      if (node.flow) {
        points.push({ offset: first.range[0], indent: '', flow: true });
        return;
      }
      const lineStart = text.lastIndexOf('\n', first.range[0]) + 1;
      // A block mapping's range ends after its last line break (or at the end of the text).
      const end = node.range[1];
      const offset = text[end - 1] === '\n' ? end : text.indexOf('\n', end) + 1 || text.length;
      points.push({ offset, indent: ' '.repeat(first.range[0] - lineStart), flow: false });
    },
  });
  return points;
}

describe('JavaScript’s own names as keys, at every level', () => {
  const points = insertionPoints(BASE);

  it('the fixture has mappings of every kind to put them in', () => {
    expect(points.length).toBeGreaterThan(20);
    expect(points.some((p) => p.flow)).toBe(true);
  });

  it.each(KEYS)('「%s」: a diagnostic at its line, or plain data — never a crash', (key) => {
    const problems: string[] = [];
    for (const p of points) {
      const insert = p.flow ? `${key}: 1, ` : `${p.indent}${key}: "1"\n`;
      const text = BASE.slice(0, p.offset) + insert + BASE.slice(p.offset);
      const line = text.slice(0, p.offset + (p.flow ? 0 : 1)).split('\n').length;
      const r = pipeline(text);
      if (r.crash) problems.push(`line ${line}: crashed: ${String(r.crash)}`);
      for (const d of r.diagnostics) {
        if (d.ruleId.startsWith('internal/')) problems.push(`line ${line}: ${d.ruleId} ${d.message}`);
        if (!(d.place && d.place.line >= 1)) problems.push(`line ${line}: no line: ${d.message}`);
      }
      // At a place with fixed keys the unknown key is named at its own line.
      const errors = r.diagnostics.filter((d) => d.severity === 'error');
      if (key === '__proto__' && !errors.some((d) => d.ruleId === 'load/bad-key' && d.place?.line === line))
        problems.push(`line ${line}: __proto__ not refused there`);
    }
    expect(problems).toEqual([]);
  });

  it('as a report’s named values, such names are the file’s own figures', () => {
    const text = BASE.replace('      合计: =甲 + 乙', '      合计: =toString + constructor\n      toString: 1\n      constructor: 2');
    const r = pipeline(text);
    expect(r.crash).toBeUndefined();
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('a formula naming toString without defining it is an error at its line, not “source.trim is not a function”', () => {
    const text = BASE.replace('      合计: =甲 + 乙', '      合计: =toString + 1');
    const r = pipeline(text);
    expect(r.crash).toBeUndefined();
    const line = text.split('\n').findIndex((l) => l.includes('=toString')) + 1;
    expect(r.diagnostics.filter((d) => d.ruleId === 'report-values').map((d) => d.place?.line)).toEqual([line]);
  });
});

describe('the command line prints typed text as text', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('an ANSI escape in a key name reaches neither stream raw; the message shows it as \\x1B, exit 1', async () => {
    const cwd = tempDir('ansi');
    dirs.push(cwd);
    writeFileSync(join(cwd, '2024.yaml'), BASE.replace('assets:\n', 'assets:\n  "\\x1b[2J\\x1b[31mvehicles\\x1b[0m": 1\n'));
    const run = await runCli(['check', '2024.yaml'], cwd);
    const out = run.stdout + run.stderr;
    expect(run.code, out).toBe(1);
    expect(crashSigns(out)).toBeUndefined();
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(out).toContain('2024.yaml:73: 错误 [load/control-character]');
    expect(out).toContain('U+001B');
  });
});
