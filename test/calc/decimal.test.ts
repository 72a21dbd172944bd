import { describe, expect, it } from 'vitest';
import { D, sharesOf, sumAmounts, round } from '../../src/decimal.ts';

describe('decimal module', () => {
  it('refuses JS numbers, so money never passes through a float', () => {
    expect(() => D(0.1 as unknown as string)).toThrow(/JS 数字/);
    expect(D('0.1').plus(D('0.2')).toFixed()).toBe('0.3');
  });

  it('rounds half-up when shown, never banker’s rounding', () => {
    expect(round(D('2.345')).toFixed(2)).toBe('2.35');
    expect(round(D('2.355')).toFixed(2)).toBe('2.36');
    expect(round(D('-2.345')).toFixed(2)).toBe('-2.35');
  });

  it('keeps a column of blanks blank, and a blank plus 0.00 is 0.00', () => {
    expect(sumAmounts([null, null])).toBeNull();
    expect(sumAmounts([null, D('0.00')])?.toFixed(2)).toBe('0.00');
  });

  it('composition shares add to 100.00 and match the published 13.69 / 86.31', () => {
    expect(sharesOf([D('1731.72'), D('10922.10'), D('0'), D('0'), D('0')]).map((s) => s.toFixed(2))).toEqual([
      '13.69',
      '86.31',
      '0.00',
      '0.00',
      '0.00',
    ]);
    const thirds = sharesOf([D('1'), D('1'), D('1')]);
    expect(thirds.reduce((a, b) => a.plus(b)).toFixed(2)).toBe('100.00');
    expect(thirds.map((s) => s.toFixed(2))).toEqual(['33.34', '33.33', '33.33']);
  });
});
