/**
 * The department's own prose with {=名称} references resolved against computed values, formatted by
 * the one formatting module: natural figures by default, |% for a ratio shown as a percentage, |%2 for
 * a percentage with two fixed places, |2 for two fixed places (calc/text.ts lists them).
 */
import type { Value } from '../calc/expression.ts';
import { replaceReferences } from '../calc/text.ts';
import { D, isDec } from '../decimal.ts';
import { natural, naturalPercent, percent, textAmount } from './format.ts';

export function resolveProse(text: string, values: ReadonlyMap<string, Value>): string {
  return replaceReferences(text, (ref) => {
    // A malformed reference or an unknown name is an error of the text-reference rule, so a document
    // holding one is never published; printed as typed here only for a preview of a failed check.
    if (ref.problem) return text.slice(ref.start, ref.end);
    const v = values.get(ref.name);
    if (v === undefined) return text.slice(ref.start, ref.end);
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
