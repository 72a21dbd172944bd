/**
 * The department's own prose with {=名称} references resolved against computed values, formatted by
 * the one formatting module: natural figures by default, |% for a ratio shown as a percentage, |2 for
 * two fixed places.
 */
import type { Value } from '../calc/expression.ts';
import { replaceReferences } from '../calc/text.ts';
import { D, isDec } from '../decimal.ts';
import { natural, naturalPercent, percent, textAmount } from './format.ts';

export function resolveProse(text: string, values: ReadonlyMap<string, Value>): string {
  return replaceReferences(text, (ref) => {
    const v = values.get(ref.name);
    // Unknown names are reported by the text-reference rule before any publishing happens.
    if (v === undefined) return `{=${ref.name}}`;
    if (!isDec(v)) return v;
    switch (ref.format) {
      case '%':
        return naturalPercent(v.times(D('100')));
      case '%2':
        return percent(v.times(D('100')));
      case '2':
        return textAmount(v);
      default:
        return natural(v);
    }
  });
}
