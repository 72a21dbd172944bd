import { describe, expect, it } from 'vitest';
import { check, yaml } from '../helpers/year.ts';

const RULE = 'year-file';

describe(RULE, () => {
  it('ok: the year matches the file name; a partial prior-year file may hold a summary', () => {
    const r = check('');
    expect(r.pairs(RULE)).toEqual([]);
    expect(r.priorPairs()).toEqual([]); // the base 2023.yaml is partial: true with a summary
  });

  it('not ok: year 2023 in a file named 2024.yaml', () => {
    const r = check(
      yaml`
      year: 2023   # ← 违规
    `,
      { prior: null },
    );
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
    expect(r.messages(RULE)[0]).toMatch(/文件名是 2024 年度，文件中 year 却是 2023/);
  });

  it('not ok: a summary in a full disclosure (totals are computed, not typed)', () => {
    const r = check(yaml`
      summary:   # ← 违规
        income_total: 442.00
    `);
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
  });

  it('not ok: a partial file with detailed income', () => {
    const r = check(
      yaml`
      partial: true   # ← 违规
    `,
      { prior: null },
    );
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
    expect(r.messages(RULE)[0]).toMatch(/partial 文件只用于上年对比/);
  });

  it('not ok: a year outside 2000–2100', () => {
    const r = check(
      yaml`
      year: 1999   # ← 违规
    `,
      { file: 'fixture/1999.yaml', prior: null },
    );
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
  });

  it('not ok: a prior-year file whose year does not match its name is an error of this year too (as loadYear)', () => {
    const r = check('', {
      prior: yaml`
        year: 2022   # ← 违规
        department: 江西省示例协会
        partial: true
        summary: { income_total: 420.00 }
      `,
    });
    expect(r.priorPairs()).toEqual([[RULE, r.priorMarks[0]]]);
  });

  it('ok: published in the following year', () => {
    expect(
      check(yaml`
      publication_date: 2025-09-30
    `).pairs(RULE),
    ).toEqual([]);
  });

  it('not ok: a publication date before the year has ended', () => {
    const r = check(yaml`
      publication_date: 2024-06-30   # ← 违规
    `);
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
    expect(r.messages(RULE)[0]).toMatch(/公开日期 2024-06-30 早于 2024 年度结束/);
  });
});
