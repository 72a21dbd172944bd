/**
 * The one place that touches pdfmake's singleton: fonts into its virtual file system (pdfmake rejects
 * fonts given as Buffers), no network and no file access beyond the font directories, the drawing
 * patch (render-patch.ts), and the render call itself.
 */
import { resolve, sep } from 'node:path';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { loadFonts, type FontSet } from '../../fonts/index.ts';
import { installRenderPatch } from './render-patch.ts';

interface VirtualFs {
  existsSync(name: string): boolean;
  writeFileSync(name: string, content: Buffer): void;
}

let installed: FontSet | undefined;

/** Sets fonts and access policies once per font set (warnings otherwise print on every createPdf). */
function install(): FontSet {
  const fonts = loadFonts();
  if (installed === fonts) return fonts;
  installRenderPatch();
  const vfs = (pdfmake as unknown as { virtualfs: VirtualFs }).virtualfs;
  const families: Record<string, { normal: string; bold: string }> = {};
  for (const face of fonts.faces) {
    const name = `${face.family}.ttf`;
    vfs.writeFileSync(name, face.bytes);
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

export function fontSet(): FontSet {
  return install();
}

export async function render(definition: TDocumentDefinitions): Promise<Buffer> {
  install();
  return pdfmake.createPdf(definition).getBuffer();
}
