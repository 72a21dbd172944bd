/**
 * Test helpers: a year's documents through the real pipeline with the PDFs `build` published of them, and
 * a PDF read back with pdfjs (the legacy build, which runs on Node 20 without Promise.withResolvers).
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { expect } from 'vitest';
import { buildDocuments } from '../../src/model/build-document.ts';
import type { DocumentModel } from '../../src/model/document.ts';
import { loadYear } from '../../src/pipeline.ts';
import { seedFile } from '../helpers/seed-build.ts';

export function documentsOf(year: string): DocumentModel[] {
  const result = loadYear(year);
  expect(result.value, JSON.stringify(result.diagnostics)).toBeDefined();
  return buildDocuments(result.value!.calc);
}

/**
 * The documents of a seed year with their PDFs as `build` published them (rendered once for the whole
 * run by test/setup/seed-build.ts; test/pdf/engine.test.ts proves an in-process render gives the same bytes).
 */
export async function renderYear(year: string): Promise<{ doc: DocumentModel; pdf: Buffer }[]> {
  return documentsOf(year).map((doc) => ({ doc, pdf: seedFile(year, doc.fileName) }));
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
