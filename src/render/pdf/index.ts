/**
 * PDF renderer (issue 3): DocumentModel → PDF bytes with pdfmake, in the Chinese document style
 * (GB/T 9704). It lays out what the model says and computes nothing.
 *
 * Pages are numbered “— 1 —” from 第一部分 when the document has front matter (the cover and the 目录
 * carry no number), and the 目录 prints those numbers: its entries are page references made relative
 * to 第一部分 (render-patch.ts), and the footer counts from the same node, so one layout serves both.
 * Headings are kept with what follows them within the one layout pass (blocks.ts). A viewer's page box
 * shows the same numbers (/PageLabels: the cover and the 目录 i, ii, then 1, 2, … from 第一部分).
 *
 * `juesuan.config.json` "pdf": { "pdfa": true } makes the file PDF/A-2b for archiving: pdfkit then
 * writes XMP metadata mirroring the document information and an sRGB output intent (the fonts are
 * always embedded). The information has no modification date, as pdfkit writes none into the XMP
 * and the two must agree; and since pdfkit puts the values into the XMP without escaping them, & < >
 * in them are written full-width (＆＜＞) in both places.
 *
 * Same model → same bytes: the only date is the model's, pdfkit writes it in UTC, and its file id is a
 * hash of the metadata; nothing reads the clock.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { readConfig } from '../../config.ts';
import type { DocumentModel } from '../../model/document.ts';
import { layoutBlocks } from './blocks.ts';
import { loadCharts } from './chart.ts';
import { fontSet, render } from './engine.ts';
import { pageOf, relativeTo } from './render-patch.ts';
import { textStyles } from './style.ts';
import { tocEntries } from './toc.ts';

const mm = (v: number) => (v * 72) / 25.4;

export interface PdfOptions {
  /** The folder whose juesuan.config.json applies (fonts, PDF/A); the working folder by default. */
  root?: string;
}

/** Characters pdfkit would put unescaped into the XMP packet, written full-width. */
const xmlSafe = (text: string) => text.replace(/[&<>]/g, (c) => ({ '&': '＆', '<': '＜', '>': '＞' })[c]!);

/**
 * The document as PDF bytes. Call it as often as needed in one process (a watching build, a batch
 * worker): the fonts are read and parsed once, and each call makes the bytes a fresh process would.
 */
export async function renderPdf(doc: DocumentModel, options: PdfOptions = {}): Promise<Buffer> {
  const pdfa = readConfig(options.root).pdf?.pdfa === true;
  const text = pdfa ? xmlSafe : (t: string) => t;
  const fonts = fontSet(options.root);
  const styles = textStyles(fonts);
  const toc = tocEntries(doc);
  if (doc.blocks.some((b) => b.kind === 'charts')) await loadCharts();
  const { sections, anchors } = layoutBlocks({ doc, fonts, styles, toc });

  // Page 1 is the first part's page when the document has front matter, else the first page.
  const firstPart = doc.frontMatter ? toc.find((e) => e.level === 0) : undefined;
  const origin = firstPart ? anchors.get(firstPart.dest) : undefined;
  if (origin)
    for (const e of toc) {
      const anchor = anchors.get(e.dest);
      if (anchor) relativeTo(anchor, origin);
    }
  // The footer is laid out after the content, when the origin's page is known.
  const pageNumber = (physical: number) => {
    const start = origin ? pageOf(origin) : 1;
    return start === undefined ? physical : physical - start + 1;
  };

  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    content: sections,
    defaultStyle: { font: fonts.family.body, fontSize: styles.body.fontSize },
    // GB/T 9704: the number sits 7 mm below the text area, “— 1 —”; none on the cover and 目录.
    footer: (current: number) => {
      const n = pageNumber(current);
      return n < 1 ? null : ({ text: `— ${n} —`, noWrap: true, ...styles.footer, margin: [0, mm(7), 0, 0] } as Content);
    },
    info: {
      title: text(doc.title),
      author: text(doc.author),
      subject: text(doc.subject),
      keywords: text(doc.keywords.join(', ')),
      creator: 'juesuan',
      producer: 'juesuan (pdfmake/pdfkit)',
      // From the data, never the clock: midnight UTC of the model's date, so TZ cannot change it.
      creationDate: new Date(`${doc.date}T00:00:00Z`),
    },
    language: 'zh-CN',
    displayTitle: true,
    // PDF 1.7 (pdfmake's default, 1.3, would make pdfkit leave out the XMP that PDF/A needs).
    version: '1.7',
    ...(pdfa ? { subset: 'PDF/A-2b' as const } : {}),
  };
  return render(definition, (pdf) => {
    // Page labels: lower-case roman numerals for the front matter, then 1, 2, … as the footers say.
    const start = origin ? pageOf(origin) : 1;
    pdf._root.data.PageLabels = { Nums: start !== undefined && start > 1 ? [0, { S: 'r' }, start - 1, { S: 'D' }] : [0, { S: 'D' }] };
  });
}
