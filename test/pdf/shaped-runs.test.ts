/**
 * A warm process (build --watch, a batch worker) keeps pdfkit's shaped runs from one document to the
 * next (src/render/pdf/engine.ts, keepShapedRuns): the next documents must still be the bytes a cold
 * run makes, and the private pdfkit code it wraps must still be what it was written for.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { keepsShapedRuns } from '../../src/render/pdf/engine.ts';
import { renderPdf } from '../../src/render/pdf/index.ts';
import { documentsOf } from './pdf-text.ts';

const require = createRequire(import.meta.url);
const ENGINE = 'src/render/pdf/engine.ts';

describe('shaped runs kept across documents', () => {
  it('pdfkit’s EmbeddedFont.layoutRun is still a function of the font, the text and the features, scaled once', () => {
    // The pdfkit that pdfmake loads.
    const source = readFileSync(require.resolve('pdfkit', { paths: [require.resolve('pdfmake')] }), 'utf8');
    const layoutRun = /\n {2}layoutRun\(text, features\) \{\n([\s\S]*?)\n {2}\}\n/.exec(source)?.[1];
    expect(layoutRun, `pdfkit's EmbeddedFont.layoutRun(text, features) is gone: revisit ${ENGINE}`).toBeDefined();
    expect(layoutRun, `layoutRun no longer shapes with this.font.layout: revisit ${ENGINE}`).toContain('this.font.layout(text, features)');
    expect(layoutRun, `layoutRun no longer scales the positions it returns: revisit ${ENGINE}`).toContain('position[key] *= this.scale');
    expect(source, `layoutCached no longer goes through layoutRun: revisit ${ENGINE}`).toMatch(
      /layoutCached\(text\) \{[\s\S]*?this\.layoutRun\(text\)/,
    );
  });

  // The batch and watch tests compare documents drawn in a warm process with cold builds, too.
  it('after the first document, documents drawn with kept runs are the bytes of their first drawing', async () => {
    const [disclosure] = documentsOf('2024');
    const [report] = documentsOf('2020');
    const first = await renderPdf(disclosure!);
    expect(keepsShapedRuns(), `no runs kept: pdfkit's drawn document has no _font or its font no layoutRun (${ENGINE})`).toBe(true);
    const otherFirst = await renderPdf(report!);
    // Drawn again, each from runs kept from both documents.
    expect((await renderPdf(disclosure!)).equals(first)).toBe(true);
    expect((await renderPdf(report!)).equals(otherFirst)).toBe(true);
  }, 120_000);
});
