/**
 * The render function is called many times in one process (build --watch, a batch worker): every call
 * makes the bytes of a cold run, and pdfkit parses none of our faces again (src/fonts shares the parsed
 * faces with it through fontkit's module; if pdfkit stops creating fonts through fontkit.create, the
 * count below stays at zero and this test names the cause).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFonts, sharedFaceCount } from '../../src/fonts/index.ts';
import { renderPdf } from '../../src/render/pdf/index.ts';
import { seedFile } from '../helpers/seed-build.ts';
import { documentsOf } from './pdf-text.ts';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('the PDF engine in a long-running process', () => {
  it('renders the same document again and again with the bytes of a cold run', async () => {
    const docs = ['2020', '2024'].flatMap((year) => documentsOf(year).map((doc) => ({ year, doc })));
    const first = await Promise.all(docs.map(async ({ doc }) => sha(await renderPdf(doc))));
    const again = [];
    for (const { doc } of [...docs].reverse()) again.unshift(sha(await renderPdf(doc)));
    expect(again).toEqual(first);
    // A cold run: `build 2020` and `build 2024` as the run's global setup published them, each in a
    // fresh process (from the bundle of these sources).
    expect(first).toEqual(docs.map(({ year, doc }) => sha(seedFile(year, doc.fileName))));
  });

  it('renders two projects with different fonts at the same time, each as it would alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'juesuan-engine-'));
    try {
      const sans = createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
      writeFileSync(join(dir, 'juesuan.config.json'), JSON.stringify({ fonts: { serif: { normal: sans } } }));
      const [doc] = documentsOf('2020');
      const alone = [sha(await renderPdf(doc!)), sha(await renderPdf(doc!, { root: dir }))];
      expect(alone[0]).not.toBe(alone[1]);
      const together = (await Promise.all([renderPdf(doc!), renderPdf(doc!, { root: dir }), renderPdf(doc!)])).map(sha);
      expect(together).toEqual([alone[0], alone[1], alone[0]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('hands pdfkit the faces parsed once per process (src/fonts shareParsedFaces) instead of parsing them per document', async () => {
    const [doc] = documentsOf('2020');
    const before = sharedFaceCount();
    await renderPdf(doc!);
    // One hand-over per face the document uses (2020: body, bold and 黑体).
    expect(
      sharedFaceCount() - before,
      'pdfkit no longer creates its fonts through fontkit.create: see src/fonts/index.ts shareParsedFaces',
    ).toBe(loadFonts().faces.length);
  });
});
