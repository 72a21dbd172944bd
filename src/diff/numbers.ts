/**
 * How the diff reports print figures. Table figures keep the tables' convention (thousands separators,
 * two places, half-up), but a change is never rounded away: a value with more places (1644.0035) is
 * printed with all of them, so “old → new” can never show two equal numbers.
 */
import { D, round, type Dec } from '../decimal.ts';
import { exactTableAmount } from '../model/format.ts';

/** 12,653.82; exact when the value has more than two places. */
export function exactAmount(value: Dec | string): string {
  return exactTableAmount(typeof value === 'string' ? D(value) : value);
}

/** A cell value for a report: amounts as above, counts as integers, blank as （空白）. */
export function figure(value: string | null, kind: 'amount' | 'count'): string {
  if (value === null) return '（空白）';
  return kind === 'count' ? D(value).toFixed(0) : exactAmount(value);
}

/** +2.00 / -8.20 / 0.00: a difference, always signed when not zero. */
export function signed(value: Dec | string, kind: 'amount' | 'count' = 'amount'): string {
  const d = typeof value === 'string' ? D(value) : value;
  const text = kind === 'count' ? d.toFixed(0) : exactAmount(d);
  return d.isPositive() && !d.isZero() ? `+${text}` : text;
}

/** +62.34% / -4.39%: a rate in percent, half-up to two places. */
export function signedRate(rate: Dec | string): string {
  const r = round(typeof rate === 'string' ? D(rate) : rate, 2);
  return `${r.isPositive() && !r.isZero() ? '+' : ''}${r.toFixed(2)}%`;
}
