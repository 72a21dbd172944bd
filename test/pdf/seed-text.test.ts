/**
 * The PDFs read back (pdfjs) against the published documents: every figure and at least 98% of the
 * lines of the seed, white space aside, must come out of our PDF. This checks the layout end to end —
 * nothing dropped, clipped or reordered — on top of the model-level oracle (test/seed).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentLines, seedLines } from '../helpers/document-text.ts';
import { SEED_DEFECTS_2020, SEED_DEFECTS_2024 } from '../helpers/seed-defects.ts';
import { readPdf, renderYear, squash } from './pdf-text.ts';

/** Numbers as the seed writes them: 11,953.82 / 2024 / 100% (page footers removed first). */
const tokensOf = (text: string) => new Set(text.replace(/^\s*—\s*\d+\s*—\s*$/gm, '').match(/\d[\d,]*(?:\.\d+)?%?/g) ?? []);

async function pdfText(year: string, index = 0) {
  const docs = await renderYear(year);
  const { pages } = await readPdf(docs[index]!.pdf);
  const text = pages.map((p) => p.text).join('\n');
  return { doc: docs[index]!.doc, text, squashed: squash(text) };
}

function coverage(seed: string, ours: string, defects: Record<number, string>) {
  const lines = seedLines(seed).filter((l) => !(l.line in defects));
  const missed = lines.filter((l) => !ours.includes(squash(l.text)));
  const percent = (100 * (lines.length - missed.length)) / lines.length;
  const defectsReproduced = Object.keys(defects)
    .map(Number)
    .filter((n) => seedLines(seed).some((l) => l.line === n && ours.includes(squash(l.text))));
  return { percent, lines: lines.length, missed, defectsReproduced };
}

describe.each([
  { year: '2024', file: 'seed-2024.txt', defects: SEED_DEFECTS_2024, tokenDefects: ['310111'] },
  { year: '2020', file: 'seed-2020.txt', defects: SEED_DEFECTS_2020, tokenDefects: ['96.18%'] },
])('the $year PDF against the published text', ({ year, file, defects, tokenDefects }) => {
  const seed = readFileSync(new URL(`../fixtures/${file}`, import.meta.url), 'utf8');

  it('has every numeric token of the seed, except the known defects', async () => {
    const ours = tokensOf((await pdfText(year)).text);
    const missing = [...tokensOf(seed)].filter((t) => !ours.has(t));
    expect(missing).toEqual(tokenDefects);
  });

  it('reproduces at least 98% of the seed lines verbatim (white space aside)', async () => {
    const { squashed } = await pdfText(year);
    const r = coverage(seed, squashed, defects);
    const report = `${r.percent.toFixed(2)}% of ${r.lines} lines; missed:\n${r.missed.map((l) => `  ${l.line}: ${l.text}`).join('\n')}`;
    console.log(`${year}: ${report}`);
    expect(r.percent, report).toBeGreaterThanOrEqual(98);
    // A listed defect we start printing again is a regression of the correction.
    expect(r.defectsReproduced).toEqual([]);
  });

  it('contains every line of the document model, in order, nothing dropped or clipped', async () => {
    const { doc, squashed } = await pdfText(year);
    let from = 0;
    const lost: string[] = [];
    for (const line of documentLines(doc).map(squash).filter(Boolean)) {
      const at = squashed.indexOf(line, from);
      if (at < 0) lost.push(line);
      else from = at + line.length;
    }
    expect(lost).toEqual([]);
  });
});
