/**
 * The yardstick of `npm run bench`: the same text as our PDF, laid out by plain pdfmake.
 *
 * What it is, precisely: one pdfmake document definition per DocumentModel, in which
 * - every text block is one text node with the document's own text: the cover lines, the 目录 entries
 *   (text only, no page numbers), part titles, titles, headings and paragraphs;
 * - every table is its title, subtitle, label and 部门/年度/单位 line as text nodes, then one pdfmake
 *   table with the same header and body cells (the same cell texts, the same row and column spans,
 *   header rows repeated) and `widths: '*'` on every column, then its notes;
 * - the faces are ours (the files and roles of src/fonts: titles in the title face, headings in the
 *   heading faces, bold cells in the bold face) at the sizes the document uses (16 pt text, 22 pt
 *   titles, the table's own size), so the two PDFs embed the same glyphs and set similar lines;
 * - everything else is pdfmake's default: A4 portrait, 40 pt margins, left alignment, line height 1,
 *   no styles dictionary, no page breaks, no landscape pages, no header/footer, no 目录 page
 *   references, no bookmarks, no metadata beyond a fixed creation date.
 * test/bench/bare-pdfmake.mjs renders it in a fresh process (node, pdfmake, the fonts, one
 * createPdf().getBuffer(), the file written): the least any pdfmake-based tool must spend on this text.
 */
import type { DocumentModel } from '../../src/model/document.ts';
import { cellText } from '../../src/model/format.ts';
import type { TableSpec } from '../../src/model/table-spec.ts';
import type { FontSet } from '../../src/fonts/index.ts';

type Node = Record<string, unknown>;

const SIZE = { text: 16, title: 22, table: 9, small: 10.5 };

function table(spec: TableSpec, f: FontSet['family']): Node[] {
  const size = spec.fontSize ?? SIZE.table;
  const row = (cells: TableSpec['body'][number]['cells']) =>
    cells.map((c) =>
      c === null
        ? {}
        : {
            text: cellText(c.value),
            ...(c.bold ? { font: f.bodyBold } : {}),
            ...((c.colSpan ?? 1) > 1 ? { colSpan: c.colSpan } : {}),
            ...((c.rowSpan ?? 1) > 1 ? { rowSpan: c.rowSpan } : {}),
          },
    );
  return [
    { text: spec.title, font: f.title, fontSize: SIZE.title },
    ...[spec.subtitle, spec.label, spec.meta && `${spec.meta.left} ${spec.meta.center} ${spec.meta.right}`]
      .filter((t): t is string => Boolean(t))
      .map((t) => ({ text: t, fontSize: SIZE.small })),
    {
      table: {
        headerRows: spec.header.length,
        widths: spec.columns.map(() => '*'),
        body: [...spec.header, ...spec.body].map((r) => row(r.cells)),
      },
      fontSize: size,
    },
    ...spec.notes.map((n) => ({ text: n, fontSize: SIZE.small })),
  ];
}

export function bareDefinition(doc: DocumentModel, fonts: FontSet, tocLines: string[]): Node {
  const f = fonts.family;
  const content: Node[] = [];
  for (const b of doc.blocks) {
    switch (b.kind) {
      case 'cover':
        content.push(...b.title.map((t) => ({ text: t, font: f.title, fontSize: 30 })), ...b.lines.map((t) => ({ text: t })));
        break;
      case 'toc':
        content.push({ text: b.title, font: f.title, fontSize: SIZE.title }, ...tocLines.map((t) => ({ text: t })));
        break;
      case 'part':
        content.push({ text: b.title, font: f.hei, fontSize: SIZE.title });
        break;
      case 'title':
        content.push(...b.lines.map((t) => ({ text: t, font: f.title, fontSize: SIZE.title })));
        break;
      case 'heading':
        content.push({ text: b.text, font: b.level === 1 ? f.hei : b.level === 2 ? f.kai : f.bodyBold });
        break;
      case 'paragraph':
        content.push({ text: b.text });
        break;
      case 'table':
        content.push(...table(b.table, f));
        break;
      case 'pageBreak':
        break;
    }
  }
  return {
    content,
    defaultStyle: { font: f.body, fontSize: SIZE.text },
    info: { creationDate: `${doc.date}T00:00:00Z` },
  };
}

/** The faces as pdfmake font families (file paths: the bare script reads them as any pdfmake user would). */
export function bareFonts(fonts: FontSet): Record<string, { normal: string; bold: string }> {
  return Object.fromEntries(fonts.faces.map((face) => [face.family, { normal: face.path, bold: face.path }]));
}
