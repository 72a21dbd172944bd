/**
 * Issue 9 §5: every file the loader accepts is checked and built in bounded time, because the loader
 * refuses sizes no real year file comes near (LIMITS), each with a Chinese message and its line. Each
 * limit is tried at its value (loads) and one past it (refused).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LIMITS, loadYamlText } from '../../src/load/load.ts';

const BASE = readFileSync('test/fixtures/robust/2024.yaml', 'utf8');
const baseLines = BASE.split('\n').length;

const load = (text: string) => loadYamlText(text, 'x/2024.yaml');
const pairs = (text: string) => load(text).diagnostics.map((d) => [d.ruleId, d.place?.line]);

describe('the limits leave room for any real year file', () => {
  it('data/2024.yaml, the largest real file, is far inside every limit', () => {
    const text = readFileSync('data/2024.yaml', 'utf8');
    expect(load(text).diagnostics).toEqual([]);
    const longest = Math.max(...text.split('\n').map((l) => l.length));
    expect(longest * 10).toBeLessThan(LIMITS.paragraphChars);
  });
});

describe('a text', () => {
  const withDuties = (duties: string) => BASE.replace('    负责全省示例事务的综合管理。\n', `    ${duties}\n`);

  it(`of ${LIMITS.paragraphChars} characters in one paragraph loads; one more is refused at the paragraph's line`, () => {
    expect(pairs(withDuties('字'.repeat(LIMITS.paragraphChars)))).toEqual([]);
    const r = load(withDuties('字'.repeat(LIMITS.paragraphChars + 1)));
    expect(r.diagnostics.map((d) => [d.ruleId, d.place?.line])).toEqual([['load/paragraph-too-long', 8]]);
    expect(r.diagnostics[0]!.message).toMatch(/分段/);
  });

  it('the paragraph is found on its own line inside a literal block', () => {
    const paragraphs = ['第一段。', '', '第二段。', '', '长'.repeat(LIMITS.paragraphChars + 1)];
    expect(pairs(withDuties(paragraphs.join('\n    ')))).toEqual([['load/paragraph-too-long', 12]]);
  });

  it(`of more than ${LIMITS.textChars} characters is refused even when split into paragraphs`, () => {
    const paragraph = '字'.repeat(LIMITS.paragraphChars - 1);
    const count = Math.ceil(LIMITS.textChars / paragraph.length) + 1;
    const r = load(withDuties(Array(count).fill(paragraph).join('\n\n    ')));
    expect(r.diagnostics.map((d) => [d.ruleId, d.place?.line])).toEqual([['load/text-too-long', 7]]);
  });
});

describe('a mapping', () => {
  const keys = (n: number) => BASE + 'basic_economic_extra:\n' + Array.from({ length: n }, (_, i) => `  k${i}: 1\n`).join('');

  it(`of ${LIMITS.keysPerMapping} keys loads; one more is refused at the mapping's line`, () => {
    expect(pairs(keys(LIMITS.keysPerMapping))).toEqual([]);
    expect(pairs(keys(LIMITS.keysPerMapping + 1))).toEqual([['load/too-many-keys', baseLines]]);
  });

  it('of 120,000 keys under an unknown key is refused in about a second (the parser’s own duplicate check took minutes)', () => {
    const text = keys(120_000);
    const started = performance.now();
    expect(pairs(text)).toEqual([['load/too-many-keys', baseLines]]);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('a duplicate key is still found, with both lines, by the loader’s own check', () => {
    const text = BASE.replace('  "30102": 100.00', '  "30102": 100.00\n  "30101": 1.00');
    const r = load(text);
    expect(r.diagnostics.map((d) => [d.ruleId, d.place?.line])).toEqual([['yaml/duplicate-key', 41]]);
    expect(r.diagnostics[0]!.message).toContain('第 39 行已经写过');
    // `30101` and "30101" are the same key: every scalar is text.
    expect(pairs(BASE.replace('  "30102": 100.00', '  "30102": 100.00\n  30101: 1.00'))).toEqual([['yaml/duplicate-key', 41]]);
  });
});

describe('a list', () => {
  const items = (n: number) => BASE + 'extra_list:\n' + Array.from({ length: n }, () => '  - 1\n').join('');

  it(`of ${LIMITS.listItems} items loads; one more is refused at the list's line`, () => {
    expect(pairs(items(LIMITS.listItems))).toEqual([]);
    expect(pairs(items(LIMITS.listItems + 1))).toEqual([['load/too-many-items', baseLines]]);
  });
});

describe('the whole file', () => {
  it(`of more than ${LIMITS.values} values is refused, each list and mapping being within its own limit`, () => {
    const lists = Math.ceil(LIMITS.values / LIMITS.listItems) + 1;
    const text =
      BASE + 'extra:\n' + Array.from({ length: lists }, (_, i) => `  l${i}: [${Array(LIMITS.listItems).fill('1').join(', ')}]\n`).join('');
    const r = load(text);
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual(['load/too-many-values']);
    expect(r.diagnostics[0]!.place!.line).toBeGreaterThan(baseLines);
  });
});
