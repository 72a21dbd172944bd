/**
 * The 目录 and the bookmarks. Each entry links to its destination and prints its page as a pdfmake page
 * reference; the document numbers pages from 第一部分, so index.ts makes those references count from
 * there (render-patch.ts). pdfmake's own TOC is not used: it has no dot leaders and prints physical
 * page numbers.
 */
import type { Content } from 'pdfmake/interfaces.js';
import type { Block, DocumentModel } from '../../model/document.ts';
import { textWidth, type FontSet, type Role } from '../../fonts/index.ts';
import { tocText } from '../toc-text.ts';
import { lineHeightFor, SIZE } from './style.ts';

export interface TocEntry {
  /** Destination id (ASCII). */
  dest: string;
  level: 0 | 1;
  text: string;
  /** The part the entry belongs to: its bookmark parent. */
  parent?: string;
}

/** PDF destination names: the block id when it is plain ASCII, else one made from its position. */
export function destinationOf(block: Block, index: number): string {
  const id = 'id' in block ? block.id : '';
  return /^[A-Za-z0-9._-]+$/.test(id) ? id : `block-${index}`;
}

export function tocEntries(doc: DocumentModel): TocEntry[] {
  const entries: TocEntry[] = [];
  let part: string | undefined;
  doc.blocks.forEach((block, i) => {
    const text = tocText(block);
    if (text === undefined) return;
    const dest = destinationOf(block, i);
    if (block.kind === 'part') {
      part = dest;
      entries.push({ dest, level: 0, text });
    } else {
      entries.push({ dest, level: 1, text, ...(part ? { parent: part } : {}) });
    }
  });
  return entries;
}

const NUMBER_WIDTH = 40;
const LEADER = '.';
const LEADER_SPACING = 1.5;

/**
 * One line per entry: the text, a dot leader, the page number. The leader is a column of its own,
 * as wide as its dots, right against the number column; the number of dots comes from the text's
 * width measured with fontkit (the widths pdfkit will use), leaving at least half a character free.
 */
export function tocContent(title: string, entries: TocEntry[], fonts: FontSet, width: number): Content[] {
  const f = fonts.family;
  const dotWidth = textWidth(LEADER, 'body', SIZE.si, fonts) + LEADER_SPACING;
  const rows = entries.map((e) => {
    const role: Role = e.level === 0 ? 'hei' : 'body';
    const size = e.level === 0 ? SIZE.san : SIZE.si;
    const pitch = e.level === 0 ? 24 : 20;
    const indent = e.level === 0 ? 0 : 2 * SIZE.san;
    const room = width - NUMBER_WIDTH - indent - textWidth(e.text, role, size, fonts) - SIZE.si / 2;
    const dots = Math.max(0, Math.floor(room / dotWidth));
    const lineHeight = lineHeightFor(fonts, role, size, pitch);
    return {
      columns: [
        { width: '*', text: e.text, noWrap: true, font: f[role], fontSize: size, margin: [indent, 0, 0, 0] },
        {
          width: dots * dotWidth + 1,
          text: LEADER.repeat(dots),
          noWrap: true,
          alignment: 'right',
          font: f.body,
          fontSize: SIZE.si,
          characterSpacing: LEADER_SPACING,
        },
        // pdfmake measures a page reference as “00000” and fills in the number when drawing.
        { width: NUMBER_WIDTH, pageReference: e.dest, alignment: 'right', font: f.body, fontSize: SIZE.si },
      ],
      columnGap: 0,
      lineHeight,
      linkToDestination: e.dest,
    } as Content;
  });
  return [
    // A short title is spaced out (“目　录”), as printed documents do.
    {
      text: [...title].length <= 4 ? [...title].join('\u3000') : title,
      noWrap: true,
      font: f.title,
      fontSize: SIZE.er,
      alignment: 'center',
      margin: [0, 0, 0, 18],
    },
    ...rows,
  ];
}
