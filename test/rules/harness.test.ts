/**
 * Every registered rule is documented by its tests (remark-lint's examples, beancount's
 * find_missing_tests): a test file test/rules/<id>.test.ts with at least one `ok` and one `not ok`
 * case, a unique kebab-case id, a Chinese description and a severity.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/check/index.ts';

const dir = new URL('./', import.meta.url);
const testFiles = readdirSync(dir).filter((f) => f.endsWith('.test.ts') && f !== 'harness.test.ts');
const source = (id: string) => readFileSync(new URL(`${id}.test.ts`, dir), 'utf8');

describe('the rules', () => {
  it('are registered (a sanity check that the list is read at all)', () => {
    expect(RULES.length).toBeGreaterThanOrEqual(42);
  });

  it('each have a test file test/rules/<id>.test.ts', () => {
    const missing = RULES.map((r) => r.id).filter((id) => !testFiles.includes(`${id}.test.ts`));
    expect(missing, `规则缺少测试文件：${missing.map((id) => `test/rules/${id}.test.ts`).join('、')}`).toEqual([]);
  });

  it('have no test file for a rule that is not registered (renamed or removed)', () => {
    const ids = new Set(RULES.map((r) => r.id));
    expect(testFiles.filter((f) => !ids.has(f.replace(/\.test\.ts$/, '')))).toEqual([]);
  });

  it.each(RULES.map((r) => [r.id]))('%s: its test file has an ok and a not ok case, and tests this rule', (id) => {
    if (!testFiles.includes(`${id}.test.ts`)) return; // reported above
    const text = source(id);
    expect(text).toMatch(/\bit(?:\.each\([^)]*\))?\(\s*['"`]ok\b/);
    expect(text).toMatch(/\bit(?:\.each\([^)]*\))?\(\s*['"`](?:C-\d+[^'"`]*)?not ok\b/);
    expect(text).toContain(`'${id}'`);
  });

  it('have unique kebab-case ids', () => {
    const ids = RULES.map((r) => r.id);
    expect(ids.filter((id) => !/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(id))).toEqual([]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('each have a Chinese description and a severity', () => {
    for (const r of RULES) {
      expect(r.description, r.id).toMatch(/\p{sc=Han}{4}/u);
      expect(['error', 'warning', 'info'], r.id).toContain(r.severity);
      for (const kind of r.appliesTo ?? []) expect(['disclosure', 'partial', 'reports'], r.id).toContain(kind);
    }
  });
});
