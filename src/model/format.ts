/**
 * How figures look on the page. The one place with display precision and units: tables use thousands
 * separators and two places (11,953.82), the narrative two places without separators (12653.82万元),
 * figures the department wrote by hand keep their own form (3100, 1964.5, 1644.0035). Always half-up.
 */
import { round, type Dec } from '../decimal.ts';
import type { CellValue } from '../model/table-spec.ts';

/** 1234567.8 → 1,234,567.8: thousands separators on a fixed-point text. */
function groupThousands(fixed: string): string {
  const negative = fixed.startsWith('-');
  const [int, frac] = (negative ? fixed.slice(1) : fixed).split('.');
  return `${negative ? '-' : ''}${int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac !== undefined ? `.${frac}` : ''}`;
}

/** 11,953.82 — a table cell; blank stays blank. */
export function tableAmount(value: Dec | null): string {
  if (value === null) return '';
  return groupThousands(round(value, 2).toFixed(2));
}

/**
 * 11,953.82 but never rounded: 1,644.0035 keeps its places. For change reports, where rounding could
 * make an old and a new value print the same.
 */
export function exactTableAmount(value: Dec): string {
  return groupThousands(value.toFixed(Math.max(2, value.decimalPlaces())));
}

/** 12653.82 — a figure in a sentence; a blank figure reads 0.00. */
export function textAmount(value: Dec | null | undefined): string {
  return value === null || value === undefined ? '0.00' : round(value, 2).toFixed(2);
}

/** 3100 / 1964.5 / 1644.0035 — as typed, no trailing zeros (up to 4 places, i.e. 元). */
export function natural(value: Dec | null | undefined): string {
  if (value === null || value === undefined) return '';
  return round(value, 4)
    .toFixed()
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');
}

/** 62.34% — a rate or share, two places. */
export function percent(value: Dec | null | undefined): string {
  return value === null || value === undefined ? '' : `${round(value, 2).toFixed(2)}%`;
}

/** 100% / 96.19% — a rate in the department's own prose and forms (two places, trailing zeros dropped). */
export function naturalPercent(value: Dec | null | undefined): string {
  if (value === null || value === undefined) return '';
  return `${natural(round(value, 2))}%`;
}

/** The text a renderer prints for a table cell. */
export function cellText(value: CellValue): string {
  switch (value.kind) {
    case 'text':
    case 'code':
      return value.text;
    case 'amount':
      return tableAmount(value.value);
    case 'plain':
      return natural(value.value);
    case 'percent':
      return naturalPercent(value.value);
    case 'count':
      return value.value === null ? '' : String(value.value);
    case 'dash':
      return '——';
    case 'empty':
      return '';
  }
}
