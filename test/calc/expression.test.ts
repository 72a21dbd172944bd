import { describe, expect, it } from 'vitest';
import { evaluate, ExpressionError, MAX_NESTING } from '../../src/calc/expression.ts';
import { D } from '../../src/decimal.ts';

const values = new Map([
  ['年初项目资金', D('5261.5')],
  ['上年结转', D('3.62')],
  ['送温暖', D('900')],
  ['省劳模', D('1964.5')],
  ['帮扶', D('2200')],
]);
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

describe('formulas a hostile or careless file can hold', () => {
  it(`brackets nested ${MAX_NESTING} deep still compute`, () => {
    expect(evaluate(`${'('.repeat(MAX_NESTING)}送温暖${')'.repeat(MAX_NESTING)}`, lookup).toFixed()).toBe('900');
  });

  it('50,000 nested brackets are an error in Chinese, not a stack overflow', () => {
    expect(() => evaluate(`${'('.repeat(50_000)}1${')'.repeat(50_000)}`, lookup)).toThrow(ExpressionError);
    expect(() => evaluate(`${'('.repeat(50_000)}1${')'.repeat(50_000)}`, lookup)).toThrow(/嵌套超过 50 层/);
    expect(() => evaluate(`${'-'.repeat(50_000)}1`, lookup)).toThrow(/嵌套超过 50 层/);
  });

  it('a formula as long as a text may be is read in linear time', () => {
    const long = Array(5000).fill('送温暖').join(' + ');
    const started = performance.now();
    expect(evaluate(long, lookup).toFixed()).toBe('4500000');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('names are looked up, never taken from an object’s prototype', () => {
    const own = new Map([['toString', D('2')]]);
    expect(evaluate('toString * 3', (n) => own.get(n)).toFixed()).toBe('6');
    expect(() => evaluate('constructor + 1', lookup)).toThrow(/未定义的名称「constructor」/);
  });
});
