/**
 * The render function is called many times in one process (build --watch, a batch worker): every call
 * makes the bytes of a cold run, and pdfkit parses none of our faces again (src/fonts shares the parsed
 * faces with it through fontkit's module; if pdfkit stops creating fonts through fontkit.create, the
 * count below stays at zero and this test names the cause).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadFonts, sharedFaceCount } from '../../src/fonts/index.ts';
import { renderPdf } from '../../src/render/pdf/index.ts';
import { documentsOf } from './pdf-text.ts';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const script = fileURLToPath(new URL('./render-sha.ts', import.meta.url));

describe('the PDF engine in a long-running process', () => {
  it('renders the same document again and again with the bytes of a cold run', async () => {
    const docs = [...documentsOf('2020'), ...documentsOf('2024')];
    const first = await Promise.all(docs.map(async (d) => sha(await renderPdf(d))));
    const again = [];
    for (const d of [...docs].reverse()) again.unshift(sha(await renderPdf(d)));
    expect(again).toEqual(first);
    const cold = execFileSync(process.execPath, ['--import', 'tsx', script, '2020'], { encoding: 'utf8' }).trim().split('\n');
    expect(first.slice(0, cold.length)).toEqual(cold);
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
    expect(sharedFaceCount() - before, 'pdfkit no longer creates its fonts through fontkit.create: see src/fonts/index.ts shareParsedFaces').toBe(loadFonts().faces.length);
  });
});
