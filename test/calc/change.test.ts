import { describe, expect, it } from 'vitest';
import { change } from '../../src/calc/index.ts';
import { D } from '../../src/decimal.ts';
import { changeText } from '../../src/model/narrative.ts';

describe('a change against last year, in words', () => {
  it('states the change and the rate (half-up, two places)', () => {
    expect(changeText(change(D('12653.82'), D('7794.44')))).toBe('比上年增加4859.38万元，增长62.34%');
    expect(changeText(change(D('178.47'), D('186.67')))).toBe('比上年减少8.20万元，下降4.39%');
  });

  it('states no rate from a zero base, and 100.00% down to zero', () => {
    expect(changeText(change(D('28.00'), D('0')))).toBe('比上年增加28.00万元');
    expect(changeText(change(D('0'), D('42.17')))).toBe('比上年减少42.17万元，下降100.00%');
  });

  it('calls a change invisible at two places 与上年持平, not “增加0.00万元”', () => {
    expect(changeText(change(D('100.0049'), D('100')))).toBe('与上年持平');
    expect(changeText(change(D('100.005'), D('100')))).toBe('比上年增加0.01万元，增长0.01%');
  });

  it('says nothing when last year is unknown', () => {
    expect(changeText(change(D('1'), undefined))).toBe('');
  });
});
