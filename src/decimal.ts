/**
 * The one place money arithmetic comes from. Amounts are exact decimals in 万元 (up to 4 places = exact
 * 元); JS numbers never carry money. Rounding happens only when a figure is shown (see model/format.ts),
 * always half-up, never banker's rounding.
 */
import { Decimal } from 'decimal.js';

export const Dec = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Dec = InstanceType<typeof Dec>;

/** Builds a decimal from its exact text or another decimal; a JS number is refused on purpose. */
export function D(value: string | Dec): Dec {
  if (typeof value === 'number') throw new TypeError('金额不能用 JS 数字构造（会丢失精度），请传入字符串');
  return new Dec(value);
}

export const ZERO = D('0');
export const HUNDRED = D('100');

/**
 * A cell of a published table: a decimal, or null for a blank cell. The published tables distinguish a
 * blank cell from 0.00 (公开01 prints 0.00 for 上级补助收入 but nothing for 政府性基金), so blank is kept
 * all the way to the renderer.
 */
export type Amount = Dec | null;

/** Sum of cells: blank only when every part is blank, so a column of blanks stays blank. */
export function sumAmounts(values: Iterable<Amount>): Amount {
  let total: Dec | null = null;
  for (const v of values) if (v !== null) total = total === null ? v : total.plus(v);
  return total;
}

export function sum(values: Iterable<Dec>): Dec {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}

/** The value a blank cell stands for in arithmetic and in the narrative (“0.00 万元”). */
export function orZero(value: Amount | undefined): Dec {
  return value ?? ZERO;
}

export function minus(a: Amount, b: Amount): Amount {
  if (a === null && b === null) return null;
  return orZero(a).minus(orZero(b));
}

export function round(value: Dec, places = 2): Dec {
  return value.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
}

/** Exact ratio in percent (unrounded); null when the base is zero, where no rate may be stated. */
export function percent(part: Dec, base: Dec): Dec | null {
  if (base.isZero()) return null;
  return part.div(base).times(HUNDRED);
}

/**
 * Shares of a whole, in percent rounded to `places`, that add up to exactly 100 after rounding
 * (largest-remainder method). Plain half-up rounding gives the same figures whenever they already add
 * up to 100, which is the published case (13.69% + 86.31%); otherwise the last digit goes to the parts
 * with the largest remainders, so a 构成 list never shows 99.99% or 100.01%.
 */
export function sharesOf(parts: Dec[], places = 2): Dec[] {
  const whole = sum(parts);
  if (whole.isZero() || parts.some((p) => p.isNegative())) {
    return parts.map((p) => (whole.isZero() ? ZERO : round(p.div(whole).times(HUNDRED), places)));
  }
  const unit = D('1').div(D('10').pow(places));
  const exact = parts.map((p) => p.div(whole).times(HUNDRED));
  const floors = exact.map((e) => e.toDecimalPlaces(places, Decimal.ROUND_DOWN));
  let missing = HUNDRED.minus(sum(floors)).div(unit).round().toNumber(); // a small count of units, not money
  const order = exact.map((e, i) => ({ i, rest: e.minus(floors[i]!) })).sort((a, b) => b.rest.comparedTo(a.rest) || a.i - b.i);
  const result = [...floors];
  for (const { i, rest } of order) {
    if (missing <= 0) break;
    if (rest.isZero()) continue;
    result[i] = result[i]!.plus(unit);
    missing -= 1;
  }
  return result;
}

export function isDec(value: unknown): value is Dec {
  return value instanceof Dec;
}

export function maxDec(a: Dec, b: Dec): Dec {
  return a.greaterThan(b) ? a : b;
}

export function minDec(a: Dec, b: Dec): Dec {
  return a.lessThan(b) ? a : b;
}
