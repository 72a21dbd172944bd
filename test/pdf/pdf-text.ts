/**
 * Test helpers: render a year's documents through the real pipeline, and read a PDF back with pdfjs
 * (the legacy build, which runs on Node 20 without Promise.withResolvers).
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { expect } from 'vitest';
import { buildDocuments } from '../../src/model/build-document.ts';
import type { DocumentModel } from '../../src/model/document.ts';
import { loadYear } from '../../src/pipeline.ts';
import { renderPdf } from '../../src/render/pdf/index.ts';

export function documentsOf(year: string): DocumentModel[] {
  const result = loadYear(year);
  expect(result.value, JSON.stringify(result.diagnostics)).toBeDefined();
  return buildDocuments(result.value!.calc);
}

const rendered = new Map<string, Promise<{ doc: DocumentModel; pdf: Buffer }[]>>();

/** The PDFs of a year (rendered once per test file). */
export function renderYear(year: string): Promise<{ doc: DocumentModel; pdf: Buffer }[]> {
  let p = rendered.get(year);
  if (!p) {
    p = (async () => {
      const out = [];
      for (const doc of documentsOf(year)) out.push({ doc, pdf: await renderPdf(doc) });
      return out;
    })();
    rendered.set(year, p);
  }
  return p;
}

export interface PdfPage {
  width: number;
  height: number;
  /** The page's text in drawing order, items separated by spaces or line breaks. */
  text: string;
  /** The page number printed in the footer (— 3 —), if any. */
  footer?: number;
}

const FOOTER = /^—\s*(\d+)\s*—$/;

const read = new WeakMap<Buffer, ReturnType<typeof parse>>();

/** The PDF's pages as text (parsed once per buffer). */
export function readPdf(bytes: Buffer): ReturnType<typeof parse> {
  let r = read.get(bytes);
  if (!r) read.set(bytes, (r = parse(bytes)));
  return r;
}

async function parse(bytes: Buffer) {
  const pdf = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const pages: PdfPage[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    const parts: string[] = [];
    let footer: number | undefined;
    for (const item of content.items) {
      if (!('str' in item)) continue;
      const m = FOOTER.exec(item.str.trim());
      // The footer is drawn last on a page; keep it out of the text so lines can run across pages.
      if (m) footer = Number(m[1]);
      else parts.push(item.str + (item.hasEOL ? '\n' : ' '));
    }
    const [, , width, height] = page.view as [number, number, number, number];
    pages.push({ width, height, text: parts.join(''), ...(footer !== undefined ? { footer } : {}) });
  }
  return { pdf, pages };
}

export const squash = (s: string) => s.replace(/\s+/g, '');
