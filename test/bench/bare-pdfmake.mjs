/**
 * Bare pdfmake (see bare-definition.ts): `node bare-pdfmake.mjs <input.json> <out>` (writes <out>-1.pdf …).
 * Loads pdfmake, registers the fonts named in the definition file, lays out and renders the content
 * with pdfmake's defaults, and writes the PDF — the same work a cold `build` does for its PDF, minus
 * everything that is ours. Plain JavaScript, so it starts as fast as node can.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const pdfmake = require('pdfmake');

const [input, output] = process.argv.slice(2);
const { fonts, definitions } = JSON.parse(readFileSync(input, 'utf8'));
pdfmake.setFonts(fonts);
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy(() => true);
for (const [i, definition] of definitions.entries()) {
  definition.info.creationDate = new Date(definition.info.creationDate);
  writeFileSync(`${output}-${i + 1}.pdf`, await pdfmake.createPdf(definition).getBuffer());
}
