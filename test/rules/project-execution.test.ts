import { describe, expect, it } from 'vitest';
import { check, lineWith } from '../helpers/year.ts';

const RULE = 'project-execution';

describe(RULE, () => {
  it('ok: executed within the 全年预算 (the seed’s 文化宫: 年初 0, 全年 5010.6, executed 5010.6)', () => {
    const r = check('', { edit: { 'current: { initial: 60.00, full_year: 75.00': 'current: { initial: 0, full_year: 75.00' } });
    expect(r.pairs(RULE)).toEqual([]);
  });

  it('not ok: executed more than the 全年预算', () => {
    const r = check('', {
      edit: { 'initial: 30.00, full_year: 30.00, executed: 30.00': 'initial: 30.00, full_year: 29.00, executed: 30.00' },
    });
    expect(r.pairs(RULE)).toEqual([[RULE, lineWith(r.text, '- { name: 改革补助')]]);
    expect(r.messages(RULE)[0]).toMatch(/全年执行数为 30.00，超过全年预算数 29.00/);
  });

  it('not ok: a published 自评表 without a 全年预算 (no 执行率 can be stated)', () => {
    const r = check('', {
      edit: { 'current: { initial: 60.00, full_year: 75.00, executed: 75.00 }': 'current: { initial: 60.00, executed: 75.00 }' },
    });
    expect(r.pairs(RULE)).toEqual([[RULE, lineWith(r.text, 'current: { initial: 60.00, executed: 75.00 }') - 1]]); // funding:
  });
});
