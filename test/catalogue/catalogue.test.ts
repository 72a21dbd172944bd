/**
 * The built-in 政府收支分类科目 data (src/catalogue/<edition>.yaml): how many entries each edition has,
 * that every code has the right shape, level and parent, that the names the published 2024 document
 * prints are the catalogue's, and how a year finds its edition.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CATALOGUE_DIR, catalogueFor, editions, type CatalogueEdition } from '../../src/catalogue/index.ts';
import { INCOME_TERMS, RELATED_TERMS } from '../../src/catalogue/glossary.ts';
import { readPlainYaml } from '../../src/catalogue/read-yaml.ts';

const count = (c: CatalogueEdition, level: string) => [...c.functional.values()].filter((e) => e.level === level).length;

describe('the built-in catalogue', () => {
  it('ships the 2024 and 2025 editions', () => {
    expect(editions()).toEqual([2024, 2025]);
  });

  it('2024: 28 类 and 248 款 of 功能分类 (all of them), 236 项 (the common ones), 10 类 and 99 款 of 经济分类', () => {
    const c = catalogueFor(2024);
    expect([count(c, 'class'), count(c, 'kuan'), count(c, 'item')]).toEqual([28, 248, 236]);
    const economic = [...c.economic.values()];
    expect([economic.filter((e) => e.level === 'class').length, economic.filter((e) => e.level === 'kuan').length]).toEqual([10, 99]);
    // 公开06 prints six classes in three column groups; their 款 as the published table lists them.
    expect(c.economicClasses.map((k) => [k.code, k.group, k.column, k.items.length])).toEqual([
      ['301', 'personnel', 0, 13],
      ['303', 'personnel', 0, 12],
      ['302', 'public', 1, 27],
      ['307', 'public', 2, 4],
      ['310', 'public', 2, 16],
      ['399', 'public', 2, 5],
    ]);
  });

  it('2025 = 2024 + the 财预〔2025〕41号 amendment (one 项, two 款 of 政府性基金预算)', () => {
    const c = catalogueFor(2025);
    expect([count(c, 'class'), count(c, 'kuan'), count(c, 'item')]).toEqual([28, 250, 237]);
    expect(c.functional.get('2170404')).toMatchObject({
      name: '中央金融机构注资特别国债支出',
      level: 'item',
      parent: '21704',
      fund: 'gov_fund',
    });
    expect(c.functional.get('22911')).toMatchObject({ level: 'kuan', parent: '229', fund: 'gov_fund' });
    expect(c.functional.get('23107')).toMatchObject({ level: 'kuan', parent: '231', fund: 'gov_fund' });
    expect(c.functional.get('21704')?.fund).toBe('general');
  });

  it.each(editions())('%s: every code has its shape, level and an existing parent of the level above', (edition) => {
    const c = catalogueFor(edition);
    for (const e of c.functional.values()) {
      const expected = { 3: 'class', 5: 'kuan', 7: 'item' }[e.code.length];
      expect(e.level, e.code).toBe(expected);
      expect(e.code, e.code).toMatch(/^2\d{2}(\d{2}){0,2}$/);
      if (e.level === 'class') expect(e.parent).toBeUndefined();
      else {
        expect(e.parent, e.code).toBe(e.code.slice(0, e.code.length - 2));
        expect(c.functional.get(e.parent!)?.level, e.code).toBe(e.level === 'item' ? 'kuan' : 'class');
      }
      expect(e.name.trim(), e.code).toBe(e.name);
      expect(e.name.length, e.code).toBeGreaterThan(1);
    }
    for (const e of c.economic.values()) {
      expect(e.code).toMatch(e.level === 'class' ? /^3\d{2}$/ : /^3\d{4}$/);
      if (e.level === 'kuan') expect(c.economic.get(e.parent!)?.level, e.code).toBe('class');
    }
    // In code order, so a listing reads like the published 科目表.
    const codes = [...c.functional.keys()];
    expect(codes).toEqual([...codes].sort());
  });

  it('marks the funds: 223 国有资本经营预算 and everything under it; 基金 款 such as 22960 and their 项', () => {
    const c = catalogueFor(2024);
    expect(c.functional.get('2230199')?.fund).toBe('state_capital');
    expect(c.functional.get('2296003')?.fund).toBe('gov_fund');
    expect(c.functional.get('2120801')?.fund).toBe('gov_fund');
    expect(c.functional.get('2012901')?.fund).toBe('general');
    expect([...c.functional.values()].filter((e) => e.fund === 'state_capital').every((e) => e.code.startsWith('223'))).toBe(true);
  });

  it('prints 公开01/04 with the 26 类 of the published 2024 tables, in their order', () => {
    expect(catalogueFor(2024).statementClasses.map((c) => c.code)).toEqual([
      '201',
      '202',
      '203',
      '204',
      '205',
      '206',
      '207',
      '208',
      '210',
      '211',
      '212',
      '213',
      '214',
      '215',
      '216',
      '217',
      '219',
      '220',
      '221',
      '222',
      '223',
      '224',
      '229',
      '231',
      '232',
      '234',
    ]);
    expect(catalogueFor(2024).statementClasses[25]!.name).toBe('抗疫特别国债安排的支出');
  });

  it('keeps the 名词解释 beside the codes: every 项 of the published 2024 document has its 科目说明', () => {
    const c = catalogueFor(2024);
    for (const code of ['2012901', '2012999', '2080501', '2080505', '2101101', '2230199'])
      expect(c.functional.get(code)?.explanation, code).toMatch(/^反映/);
    expect(c.functional.get('2010101')?.explanation).toBe('反映行政单位（包括实行公务员管理的事业单位）的基本支出。');
    expect(INCOME_TERMS.财政拨款).toBe('指本级财政当年拨付的资金。');
    expect(RELATED_TERMS.map((t) => t.term)).toEqual(['“三公”经费', '机关运行经费']);
  });

  it('finds a year its edition: its own, else the nearest earlier one, else the first — and says so', () => {
    expect(catalogueFor(2024)).toMatchObject({ edition: 2024, year: 2024 });
    expect(catalogueFor(2024).note).toBeUndefined();
    expect(catalogueFor(2027)).toMatchObject({ edition: 2025, year: 2027 });
    expect(catalogueFor(2027).note).toBe('没有 2027 年版的内置科目目录，使用 2025 年版（src/catalogue/2025.yaml）');
    expect(catalogueFor(2023)).toMatchObject({ edition: 2024 });
    expect(catalogueFor(2023).note).toMatch(/这是最早的版本$/);
  });

  it.each(readdirSync(CATALOGUE_DIR).filter((f) => f.endsWith('.yaml')))(
    '%s is read by the fast reader exactly as by the YAML parser',
    (file) => {
      const text = readFileSync(`${CATALOGUE_DIR}/${file}`, 'utf8');
      const fast = readPlainYaml(text);
      expect(fast).toBeDefined();
      expect(isDeepStrictEqual(fast, parse(text))).toBe(true);
    },
  );

  it('the fast reader gives up on what it does not know, so the YAML parser reads it', () => {
    expect(readPlainYaml('a: 1\nb:\n  - x: 1\n    y: 2\n')).toBeUndefined();
    expect(readPlainYaml('a: &x 1\n')).toBeUndefined();
    expect(readPlainYaml('a: 1.5\n')).toBeUndefined();
    expect(readPlainYaml('a: { b: 1, b: 2 }\n')).toBeUndefined();
    expect(readPlainYaml('a: [1, "x", y]\nb: { c: "3" }\n')).toEqual({ a: [1, 'x', 'y'], b: { c: '3' } });
  });
});
