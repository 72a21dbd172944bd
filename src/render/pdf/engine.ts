/**
 * The one place that touches pdfmake's singleton: fonts into its virtual file system (pdfmake rejects
 * fonts given as Buffers), no network and no file access beyond the font directories, the drawing
 * patch (render-patch.ts), the render call itself, and the shaped runs a warm process keeps from one
 * document to the next (the one wrapper of pdfkit's private code, below).
 */
import { createRequire } from 'node:module';
import { resolve, sep } from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { loadFonts, shareParsedFaces, type FontSet } from '../../fonts/index.ts';
import { installRenderPatch } from './render-patch.ts';

const require = createRequire(import.meta.url);

interface VirtualFs {
  existsSync(name: string): boolean;
  writeFileSync(name: string, content: Buffer): void;
}

interface Pdfmake {
  virtualfs: VirtualFs;
  setFonts(fonts: Record<string, { normal: string; bold: string }>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(definition: TDocumentDefinitions): unknown;
}

let pdfmake: Pdfmake | undefined;
let installed: FontSet | undefined;
/**
 * Virtual file name of each font file: one per file, never reused, so a document still being laid out
 * (pdfkit reads its fonts while pdfmake lays out, after createPdf has returned) keeps its fonts when
 * the next render installs another project's.
 */
const vfsNames = new Map<string, string>();

/**
 * pdfmake, loaded on first use — after fontkit has been told to hand our parsed faces to whoever
 * creates a font from their bytes, so pdfkit, which pdfmake loads, parses none of them again.
 */
function loadPdfmake(): Pdfmake {
  if (!pdfmake) {
    shareParsedFaces(require.resolve('pdfkit'));
    pdfmake = require('pdfmake') as Pdfmake;
  }
  return pdfmake;
}

/** Sets fonts and access policies once per font set (warnings otherwise print on every createPdf). */
function install(root?: string): FontSet {
  const fonts = loadFonts(root);
  if (installed === fonts) return fonts;
  const pdfmake = loadPdfmake();
  installRenderPatch();
  const vfs = pdfmake.virtualfs;
  const families: Record<string, { normal: string; bold: string }> = {};
  for (const face of fonts.faces) {
    let name = vfsNames.get(face.path);
    if (!name) {
      name = `font-${vfsNames.size + 1}-${face.family}.ttf`;
      vfsNames.set(face.path, name);
      vfs.writeFileSync(name, face.bytes);
    }
    // One file per family; `bold` points at the same file so a stray bold flag cannot fail.
    families[face.family] = { normal: name, bold: name };
  }
  pdfmake.setFonts(families);
  pdfmake.setUrlAccessPolicy(() => false);
  const allowed = fonts.directories.map((d) => resolve(d) + sep);
  pdfmake.setLocalAccessPolicy((p) => allowed.some((d) => resolve(p).startsWith(d)));
  installed = fonts;
  return fonts;
}

/** The fonts of the project at `root` (default: the working folder), installed in pdfmake. */
export function fontSet(root?: string): FontSet {
  return install(root);
}

/** The parts of the pdfkit document `finish` may use: its catalog, before the file is written. */
export interface FinishedDocument {
  _root: { data: Record<string, unknown> };
}

/**
 * Lays out and draws the document; `finish` sees the drawn pdfkit document before it is written out
 * (pdfmake's public getStream(): the catalog can still take entries pdfmake has no option for).
 */
export async function render(definition: TDocumentDefinitions, finish?: (doc: FinishedDocument) => void): Promise<Buffer> {
  const out = loadPdfmake().createPdf(definition) as unknown as { getStream(): Promise<FinishedDocument>; getBuffer(): Promise<Buffer> };
  const drawn = await out.getStream();
  keepShapedRuns(drawn);
  if (finish) finish(drawn);
  return out.getBuffer();
}

// ─── Shaped runs kept from one document to the next ───────────────────────────────────────────────

/** The part of pdfkit's EmbeddedFont (pdfkit 0.19, a private class) the cache wraps. */
interface EmbeddedFontPrototype {
  layoutRun(this: { font: object }, text: string, features?: string[]): unknown;
}

/** Runs per font kept in two generations: the newer filled until it holds KEEP, then it becomes the older. */
const KEEP = 4000;
const runs = new WeakMap<object, { newer: Map<string, unknown>; older: Map<string, unknown> }>();
let wrapped: EmbeddedFontPrototype | undefined;

/**
 * pdfkit shapes every run of text with fontkit (substitutions, positioning), caching the result per
 * document: a warm process (build --watch, a batch worker) shapes the same lines again for every
 * document. From the first document drawn on, pdfkit's EmbeddedFont.layoutRun — a pure function of
 * the font, the text and the features, whose result pdfkit only reads (as it already shares one run
 * between the repeats of a text in a document) — answers from runs kept across documents, per parsed
 * font: the same glyphs and positions, shaped once. A cold build draws one document and is unaffected.
 * test/pdf/shaped-runs.test.ts checks that it is in place and that the bytes stay a cold run's.
 */
function keepShapedRuns(doc: FinishedDocument): void {
  if (wrapped) return;
  const font = (doc as unknown as { _font?: object })._font;
  const proto = font && (Object.getPrototypeOf(font) as Partial<EmbeddedFontPrototype>);
  if (!proto || typeof proto.layoutRun !== 'function') return; // pdfkit changed: no cache, the same bytes
  const layoutRun = proto.layoutRun;
  proto.layoutRun = function (text, features) {
    let kept = runs.get(this.font);
    if (!kept) runs.set(this.font, (kept = { newer: new Map(), older: new Map() }));
    const key = features === undefined ? text : `${features.join(',')}\u0000${text}`;
    let run = kept.newer.get(key) ?? kept.older.get(key);
    if (run === undefined) run = layoutRun.call(this, text, features);
    if (!kept.newer.has(key)) {
      if (kept.newer.size >= KEEP) kept = { newer: new Map(), older: kept.newer };
      runs.set(this.font, kept);
      kept.newer.set(key, run);
    }
    return run;
  };
  wrapped = proto as EmbeddedFontPrototype;
}

/** Whether runs are kept across documents (for the test that guards the private code it wraps). */
export const keepsShapedRuns = () => wrapped !== undefined;
