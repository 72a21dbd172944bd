/**
 * A wrongly typed amount stops the file at the schema stage; the diagnostic must name the line the user
 * typed it on and say how to write it instead. (The rule id's suffix belongs to src/schema; only the
 * `schema/` prefix is asserted.)
 */
import { describe, expect, it } from 'vitest';
import { D, round } from '../../src/decimal.ts';
import { workbookCell } from '../../src/render/xlsx/cells.ts';
import { MAX_AMOUNT, MAX_TOTAL } from '../../src/schema/primitives.ts';
import { check } from '../helpers/year.ts';

const SCHEMA = expect.stringMatching(/^schema\//);

describe('amounts as typed', () => {
  it('ok: 20.00, 20, 20.1234 (exact 元) and a blank cell', () => {
    for (const typed of ['20.00', '20', '20.1234', '~']) {
      const r = check('', { edit: { '"30101": 120.00': `"30101": ${typed}` } });
      expect(r.pairs().filter(([id]) => id.startsWith('schema/'))).toEqual([]);
    }
  });

  it('not ok: a thousands separator (block style)', () => {
    const r = check('', { edit: { '"30101": 120.00': '"30101": 1,120.00 # ← 违规' } });
    expect(r.pairs()).toEqual([[SCHEMA, r.mark]]);
    expect(r.messages()[0]).toMatch(/「1,120.00」不要写千位分隔符，应写作 1120.00/);
  });

  it('not ok: a thousands separator inside { … }, where the comma splits the amount into a key', () => {
    const r = check('', { edit: { '{ code: "2080505", general: 40.00 }': '{ code: "2080505", general: 1,040.00 } # ← 违规' } });
    expect(r.pairs()).toEqual([[SCHEMA, r.mark]]);
    expect(r.messages()[0]).toMatch(/040\.00/); // the amount (or the piece the comma cut off) is named
  });

  it('not ok: full-width digits', () => {
    const r = check('', { edit: { '"30101": 120.00': '"30101": １２０.００ # ← 违规' } });
    expect(r.pairs()).toEqual([[SCHEMA, r.mark]]);
    expect(r.messages()[0]).toMatch(/含全角字符，请改用半角数字和小数点/);
  });

  it('not ok: 5 decimals (万元 amounts are exact to the 元, 4 places)', () => {
    const r = check('', { edit: { 'small_micro: 15.00': 'small_micro: 15.00001 # ← 违规' } });
    expect(r.pairs()).toEqual([[SCHEMA, r.mark]]);
    expect(r.messages()[0]).toMatch(/^small_micro（授予小微企业合同金额）：.*有 5 位小数，万元金额最多 4 位小数/);
  });

  it('not ok: a negative amount where only a change may be negative', () => {
    const r = check('', { edit: { 'opening: 10.00, closing: 5.00': 'opening: 10.00, closing: -5.00 # ← 违规' } });
    expect(r.pairs()).toEqual([[SCHEMA, r.mark]]);
    expect(r.messages()[0]).toMatch(/「-5.00」不能为负数/);
    expect(
      check('', { edit: { 'amount: -2.00': 'amount: -2.50' } })
        .pairs()
        .filter(([id]) => id.startsWith('schema/')),
    ).toEqual([]);
  });

  it('not ok: a unit typed after the figure', () => {
    const r = check('', { edit: { 'small_micro: 15.00': 'small_micro: 15万元 # ← 违规' } });
    expect(r.pairs()).toEqual([[SCHEMA, r.mark]]);
    expect(r.messages()[0]).toMatch(/只填数字，不要带单位/);
  });

  it('several mistakes: each on its own line', () => {
    const r = check('', {
      edit: {
        '"30101": 120.00': '"30101": 1,120.00 # ← 违规',
        '"30302": 36.00': '"30302": 36.000001 # ← 违规',
        'persons: 60': 'persons: 60.5 # ← 违规',
      },
    });
    expect(r.pairs()).toEqual(r.marks.map((line) => [SCHEMA, line]));
  });
});

describe('amounts are bounded so the PDF and the workbook print the same number (issue 9)', () => {
  it('ok: 99999999.9999 万元, the largest amount, and the same as a negative change', () => {
    const r = check('', { edit: { '"30101": 120.00': '"30101": 99999999.9999', 'amount: -2.00': 'amount: -99999999.9999' } });
    expect(r.pairs().filter(([id]) => id.startsWith('schema/'))).toEqual([]);
  });

  it('not ok: 12345678901234567.89 万元 (the workbook would store 12345678901234568), and 1 亿万元', () => {
    const r = check('', {
      edit: {
        '"30101": 120.00': '"30101": 12345678901234567.89 # ← 违规',
        '"30302": 36.00': '"30302": 100000000 # ← 违规',
        'amount: -2.00': 'amount: -100000000.00 # ← 违规',
      },
    });
    expect(r.pairs()).toEqual(r.marks.map((line) => [SCHEMA, line]));
    expect(r.messages()[0]).toMatch(/「12345678901234567.89」超出上限：一项金额最多 8 位整数/);
  });

  it('the bound is the one that keeps every total exact: the largest possible total still stores as the double it prints', () => {
    // MAX_TOTAL: every value of the largest file an amount at the bound. Printed with 2 places it has
    // at most 15 significant digits, so the workbook's double reads back as the same text.
    expect(MAX_TOTAL.lessThan(D('1e13'))).toBe(true);
    for (const total of [MAX_TOTAL, MAX_TOTAL.minus(D('0.0049')), MAX_AMOUNT, MAX_AMOUNT.times(4)]) {
      const cell = workbookCell({ kind: 'amount', value: total });
      expect(String(cell.value), total.toFixed()).toBe(
        round(total, 2)
          .toFixed(2)
          .replace(/\.?0+$/, ''),
      );
    }
    // A form's 4-place figure adds at most 4 amounts.
    expect(String(workbookCell({ kind: 'plain', value: MAX_AMOUNT.times(4) }).value)).toBe(MAX_AMOUNT.times(4).toFixed());
    // What the bound prevents: a figure the PDF prints exactly and the workbook cannot hold.
    const tooBig = D('12345678901234567.89');
    expect(String(workbookCell({ kind: 'amount', value: tooBig }).value)).not.toBe(tooBig.toFixed(2));
  });
});
