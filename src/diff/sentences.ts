/**
 * Narrative text, sentence by sentence. A corrected figure changes a few sentences of a long paragraph
 * (一、收入 holds three clauses separated by ；), so a paragraph is split on 。 and ； and its sentences
 * aligned: only the sentences that differ are reported, each as old and new text.
 */
import { align } from './align.ts';

/** Sentences of a paragraph, each keeping its closing 。 or ；, so joined they give the text back. */
export function splitSentences(text: string): string[] {
  return text.match(/[^。；]+[。；]?|[。；]/gu) ?? [];
}

/**
 * The sentence with its figures blanked out and the direction words merged: the same sentence after a
 * correction (“增加4859.38万元，增长62.34%” → “增加4861.38万元，增长62.37%”) keeps its skeleton.
 */
export function skeleton(text: string): string {
  return text.replace(/\d[\d,]*(?:\.\d+)?/g, '#').replace(/增加|减少|增长|下降/g, '±');
}

const NUMBER = /-?\d[\d,]*(?:\.\d+)?%?/g;

/**
 * The figures that differ between two versions of a sentence (“12653.82 → 12655.82”), when both hold the
 * same number of figures; otherwise null (the wording changed and the figures cannot be paired).
 */
export function figureChanges(oldText: string, newText: string): [string, string][] | null {
  const a = oldText.match(NUMBER) ?? [];
  const b = newText.match(NUMBER) ?? [];
  if (a.length !== b.length) return null;
  return a.map((x, i): [string, string] => [x, b[i]!]).filter(([x, y]) => x !== y);
}

export interface SentenceChange {
  old?: string;
  new?: string;
}

/** The sentences that differ between two texts, aligned (unchanged sentences are left out). */
export function diffSentences(oldText: string, newText: string): SentenceChange[] {
  return diffLines(splitSentences(oldText), splitSentences(newText));
}

/** Aligned lines (sentences, or the rows of a form): the changed, added and removed ones, in order. */
export function diffLines(oldLines: readonly string[], newLines: readonly string[]): SentenceChange[] {
  return align(oldLines, newLines, [(s) => s, skeleton])
    .filter((p) => p.old !== p.new)
    .map((p) => ({ ...(p.old !== undefined ? { old: p.old } : {}), ...(p.new !== undefined ? { new: p.new } : {}) }));
}
