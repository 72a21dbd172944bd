/**
 * `juesuan.config.json` "pdf": { "pdfa": true } publishes PDF/A-2b: PDF 1.7, XMP metadata that says so and
 * mirrors the document information, an sRGB output intent, every font embedded. (veraPDF is not at
 * hand; this checks what pdfjs and the file's own objects can show.)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.ts';
import { renderPdf } from '../../src/render/pdf/index.ts';
import { documentsOf, readPdf } from './pdf-text.ts';

const dirs: string[] = [];
function project(config: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-pdfa-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'juesuan.config.json'), JSON.stringify(config));
  return dir;
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('PDF/A-2b', () => {
  const [doc] = documentsOf('2020');

  it('is written when the config asks, and only then', async () => {
    const plain = await renderPdf(doc!);
    expect(plain.includes('/OutputIntents')).toBe(false);
    const bytes = await renderPdf(doc!, { root: project({ pdf: { pdfa: true } }) });
    expect(bytes.includes('/OutputIntents')).toBe(true);
    expect(bytes.includes('/S /GTS_PDFA1')).toBe(true);
    const { pdf } = await readPdf(bytes);
    const { info, metadata } = (await pdf.getMetadata()) as unknown as {
      info: Record<string, string>;
      metadata: { get(k: string): unknown };
    };
    expect(info.PDFFormatVersion).toBe('1.7');
    expect(metadata.get('pdfaid:part')).toBe('2');
    expect(metadata.get('pdfaid:conformance')).toBe('B');
    expect(metadata.get('dc:title')).toBe(info.Title);
    // No modification date: pdfkit writes none into the XMP, and the two must agree.
    expect(info.ModDate).toBeUndefined();
  });

  it('writes & < > of the metadata full-width, so the XMP stays well-formed and equal to the information', async () => {
    const bytes = await renderPdf({ ...doc!, title: '工会<本级>&直属单位' }, { root: project({ pdf: { pdfa: true } }) });
    const { pdf } = await readPdf(bytes);
    const { info, metadata } = (await pdf.getMetadata()) as unknown as {
      info: Record<string, string>;
      metadata: { get(k: string): unknown } | null;
    };
    expect(info.Title).toBe('工会＜本级＞＆直属单位');
    expect(metadata?.get('dc:title')).toBe(info.Title);
  });

  it('is refused in Chinese when the setting is not true or false', () => {
    expect(() => readConfig(project({ pdf: { pdfa: 'yes' } }))).toThrow(/juesuan\.config\.json 中 pdf\.pdfa 有误/);
    expect(() => readConfig(project({ pdf: { pdfA: true } }))).toThrow(/juesuan\.config\.json 中 pdf 有误/);
  });
});
