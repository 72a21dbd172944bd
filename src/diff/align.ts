/**
 * Sequence alignment for paragraphs, sentences and table lines: which old item became which new one.
 * Keys are tried from the strictest to the loosest. The strictest (the exact text) anchors everything
 * that did not change, so the loose keys only ever run inside the small gaps between anchors — that is
 * what keeps an unchanged sentence from being reported when a sentence before it changed or was added.
 */

export interface Aligned<T> {
  old?: T;
  new?: T;
}

/** Index pairs of a longest common subsequence of two key lists (classic dynamic programming). */
function lcs(a: readonly string[], b: readonly string[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  // Suffix table: len[i][j] = LCS length of a[i..] and b[j..]; flat array, (n+1)·(m+1) cells.
  const len = new Uint32Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => i * (m + 1) + j;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      len[at(i, j)] = a[i] === b[j] ? len[at(i + 1, j + 1)]! + 1 : Math.max(len[at(i + 1, j)]!, len[at(i, j + 1)]!);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (len[at(i + 1, j)]! >= len[at(i, j + 1)]!) {
      i++;
    } else {
      j++;
    }
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
  for (const [i, j] of [...lcs(a.map(key), b.map(key)), [a.length, b.length] as [number, number]]) {
    out.push(...alignFrom(a.slice(pi, i), b.slice(pj, j), keys, level + 1));
    if (i < a.length && j < b.length) out.push({ old: a[i]!, new: b[j]! });
    pi = i + 1;
    pj = j + 1;
  }
  return out;
}
