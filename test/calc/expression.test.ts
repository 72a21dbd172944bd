import { describe, expect, it } from 'vitest';
import { evaluate, ExpressionError } from '../../src/calc/expression.ts';
import { D } from '../../src/decimal.ts';

const values = new Map([['年初项目资金', D('5261.5')], ['上年结转', D('3.62')], ['送温暖', D('900')], ['省劳模', D('1964.5')], ['帮扶', D('2200')]]);
const lookup = (n: string) => values.get(n);

describe('report formulas', () => {
  it('computes the 2020 share exactly: 5064.5 / 5265.12', () => {
    const share = evaluate('(送温暖 + 省劳模 + 帮扶) / (年初项目资金 + 上年结转)', lookup);
    expect(share.times(100).toDecimalPlaces(2).toFixed(2)).toBe('96.19');
  });

  it('explains what is wrong in Chinese', () => {
    expect(() => evaluate('送温暖 + 未知', lookup)).toThrow(ExpressionError);
    expect(() => evaluate('送温暖 + 未知', lookup)).toThrow(/未定义的名称「未知」/);
    expect(() => evaluate('送温暖 / 0', lookup)).toThrow(/除数为零/);
    expect(() => evaluate('(送温暖', lookup)).toThrow(/括号/);
  });
});
