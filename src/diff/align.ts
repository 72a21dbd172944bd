/**
 * Sequence alignment for paragraphs, sentences and table lines: which old item became which new one.
 * Keys are tried from the strictest to the loosest. The strictest (the exact text) anchors everything
 * that did not change, so the loose keys only ever run inside the small gaps between anchors — that is
 * what keeps an unchanged sentence from being reported when a sentence before it changed or was added.
 */
import { diffArrays } from 'diff';

export interface Aligned<T> {
  old?: T;
  new?: T;
}

/**
 * Index pairs of the items two key lists share, in order: the unchanged runs of a shortest edit script
 * (Myers' algorithm, from the `diff` package — O((n+m)·d) where the old table was O(n·m), and a
 * well-tested implementation instead of our own).
 */
function common(a: readonly string[], b: readonly string[]): [number, number][] {
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  for (const part of diffArrays([...a], [...b])) {
    const n = part.count;
    if (part.added) j += n;
    else if (part.removed) i += n;
    else for (let k = 0; k < n; k++) pairs.push([i++, j++]);
  }
  return pairs;
}

/**
 * Aligns two sequences. After every key has been tried, what is left in a gap is paired in order when
 * both sides have the same number of items (a sentence rewritten in place), otherwise reported as
 * removed and added — guessing a pairing there would invent changes.
 */
export function align<T>(a: readonly T[], b: readonly T[], keys: readonly ((x: T) => string)[]): Aligned<T>[] {
  return alignFrom(a, b, keys, 0);
}

function alignFrom<T>(a: readonly T[], b: readonly T[], keys: readonly ((x: T) => string)[], level: number): Aligned<T>[] {
  if (!a.length) return b.map((x) => ({ new: x }));
  if (!b.length) return a.map((x) => ({ old: x }));
  if (level >= keys.length) {
    if (a.length === b.length) return a.map((x, i) => ({ old: x, new: b[i]! }));
    return [...a.map((x) => ({ old: x })), ...b.map((x) => ({ new: x }))];
  }
  const key = keys[level]!;
  const out: Aligned<T>[] = [];
  let pi = 0;
  let pj = 0;
  for (const [i, j] of [...common(a.map(key), b.map(key)), [a.length, b.length] as [number, number]]) {
    out.push(...alignFrom(a.slice(pi, i), b.slice(pj, j), keys, level + 1));
    if (i < a.length && j < b.length) out.push({ old: a[i]!, new: b[j]! });
    pi = i + 1;
    pj = j + 1;
  }
  return out;
}
