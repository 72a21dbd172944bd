/**
 * Reading single cells and titles: amounts from doubles and from text as finance systems write them, and
 * table titles with or without the department and year before them.
 */
import { describe, expect, it } from 'vitest';
import { D } from '../../src/decimal.ts';
import { parseAmount, parseCount } from '../../src/import/amount.ts';
import { labelIn, titleIn } from '../../src/import/locate.ts';
import { bareLabel } from '../../src/import/read-tables.ts';

const num = (value: number) => ({ kind: 'number' as const, value });
const text = (value: string) => ({ kind: 'text' as const, value });
const read = (v: Parameters<typeof parseAmount>[0], scale?: string) => {
  const r = parseAmount(v, scale ? D(scale) : undefined);
  return 'problem' in r ? `× ${r.problem}` : r.value === null ? 'blank' : r.value.toFixed();
};

describe('an amount cell', () => {
  it('a double gives back exactly the decimal the system stored (shortest round-trip text)', () => {
    expect(read(num(11953.82))).toBe('11953.82');
    expect(read(num(1644.0035))).toBe('1644.0035');
    expect(read(num(0.1))).toBe('0.1');
    expect(read(num(99999999.99))).toBe('99999999.99');
    expect(read(num(0))).toBe('0');
  });

  it('a double that is arithmetic noise, not a figure, is refused rather than rounded', () => {
    expect(read(num(0.1 + 0.2))).toMatch(/^× 「0\.30000000000000004」有 17 位小数，万元金额最多 4 位（精确到元）/);
    expect(read(num(1e-7))).toMatch(/^× 「1e-7」不像决算金额/);
    expect(read(num(-5))).toMatch(/^× 「-5」是负数/);
  });

  it('text with thousands separators, stray and full-width spaces, full-width digits; dashes and nothing are blank', () => {
    expect(read(text(' 11,953.82 '))).toBe('11953.82');
    expect(read(text('\u00a01,234,567.5\u3000'))).toBe('1234567.5');
    expect(read(text('１２３.４５'))).toBe('123.45');
    expect(read(text('——'))).toBe('blank');
    expect(read(text('-'))).toBe('blank');
    expect(read(undefined)).toBe('blank');
  });

  it('text that is not an amount says why', () => {
    expect(read(text('12,34.5'))).toBe('× 「12,34.5」不是数字（千位分隔符的位置不对）');
    expect(read(text('八四八'))).toBe('× 「八四八」不是数字');
    expect(read(text('(1,234.00)'))).toMatch(/是负数/);
    expect(read({ kind: 'formula', value: '=SUM(E9:E12)' })).toMatch(/公式 =SUM\(E9:E12\)，但文件中没有保存计算结果/);
    expect(read({ kind: 'error', value: '#REF!' })).toMatch(/错误值 #REF!/);
  });

  it('元 become 万元 exactly; 角分 that would need more than 4 places are refused', () => {
    expect(read(num(3000000), '10000')).toBe('300');
    expect(read(num(12345), '10000')).toBe('1.2345');
    expect(read(num(12345.67), '10000')).toMatch(/^× 12345\.67 元换算为万元是 1\.234567，超过 4 位小数/);
  });

  it('a count is a whole number', () => {
    expect(parseCount(num(3))).toEqual({ value: 3 });
    expect(parseCount(num(2.5))).toEqual({ problem: '「2.5」不是整数（这一栏是个数、人次或台数）' });
  });
});

describe('a table title or label', () => {
  it('finds the title, also after a department and a year, and the longest title wins', () => {
    expect(titleIn('收入支出决算总表')).toBe('T01');
    expect(titleIn('财政拨款收入支出决算总表')).toBe('T04');
    expect(titleIn('江西省总工会2024年度支出决算表')).toBe('T03');
    expect(titleIn('一般公共预算财政拨款支出决算表')).toBe('T05');
    expect(titleIn('财政拨款"三公"经费支出决算表')).toBe('T09');
    expect(titleIn('一般公共预算财政拨款基本支出决算表（按经济分类）')).toBe('T06');
    // Another word before a title makes it another table, not this one.
    expect(titleIn('项目支出决算表')).toBeUndefined();
    expect(titleIn('注：本表反映部门（单位）本年度各项支出情况，见支出决算表')).toBeUndefined();
  });

  it('finds the label 公开NN表, with or without the zero', () => {
    expect(labelIn('公开01表')).toBe('T01');
    expect(labelIn('公开 7 表')).toBe('T07');
    expect(labelIn('公开11表')).toBeUndefined();
  });

  it('reads a row label without its numbering and unit', () => {
    expect(bareLabel('（1）公务用车购置费')).toBe('公务用车购置费');
    expect(bareLabel('其中：外事接待批次（个）')).toBe('外事接待批次');
    expect(bareLabel('一、“三公”经费支出')).toBe('三公经费支出');
    expect(bareLabel('二、单价100万元（含）以上设备（不含车辆）(台、套)')).toBe('单价100万元(含)以上设备(不含车辆)');
  });
});
