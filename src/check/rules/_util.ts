/** Small helpers shared by the rules: figures in messages, walking the typed text of a file. */
import { orZero, round, type Amount, type Dec } from '../../decimal.ts';
import type { YamlPath } from '../../load/source-map.ts';
import type { Rule } from '../rule.ts';

export const defineRule = (rule: Rule): Rule => rule;

/** A figure as written in a message: two places, no separators (as in the narrative). */
export function show(value: Amount | undefined): string {
  return round(orZero(value), 2).toFixed(2);
}

/** An exact figure: as many places as it has (so 0.001 differences stay visible). */
export function exact(value: Dec): string {
  return value.toFixed();
}

export const eq = (a: Amount, b: Amount) => orZero(a).equals(orZero(b));

/** Every string in the raw data with its path, so text rules can point at the line. */
export function* walkStrings(value: unknown, path: YamlPath = []): Generator<{ text: string; path: YamlPath }> {
  if (typeof value === 'string') yield { text: value, path };
  else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* walkStrings(value[i], [...path, i]);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      yield { text: k, path: [...path, k] };
      yield* walkStrings(v, [...path, k]);
    }
  }
}
