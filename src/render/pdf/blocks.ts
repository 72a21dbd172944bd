/**
 * Blocks → pdfmake content, grouped into sections by page orientation (a landscape 公开表 gets
 * landscape pages of its own). Every part, title, heading and table carries its destination id on a
 * text node (its anchor), which the 目录, the bookmarks and the page numbering refer to. Page breaks
 * go on a wrapper around a block, because pdfmake's pageBreakBefore hook skips a node that breaks.
 */
import type { Content, ContentSection, Margins } from 'pdfmake/interfaces.js';
import type { Block, DocumentModel } from '../../model/document.ts';
import { textWidth, type FontSet } from '../../fonts/index.ts';
import { contentWidth, MARGINS, SIZE, type TextStyles } from './style.ts';
import { chartsContent } from './chart.ts';
import { tableContent } from './table.ts';
import { destinationOf, tocContent, type TocEntry } from './toc.ts';

export interface LayoutInput {
  doc: DocumentModel;
  fonts: FontSet;
  styles: TextStyles;
  toc: TocEntry[];
}

export interface Layout {
  sections: ContentSection[];
  /** Destination → the text node that carries it (pdfmake records its page positions on it). */
  anchors: Map<string, object>;
  /**
   * Destination → its flow: the run of content between two forced page breaks. Moving a heading to
   * the next page shifts what follows it only up to the next forced break (see stranded.ts).
   */
  flows: Map<string, number>;
}

type Orientation = 'portrait' | 'landscape';
type Frame = keyof typeof MARGINS;

const orientationOf = (frame: Frame): Orientation => (frame === 'landscapeTable' ? 'landscape' : 'portrait');

/** How a 更正说明 marks what a correction took out and put in (paragraph runs). */
const MARKS = { removed: { decoration: 'lineThrough', background: '#fde2e1' }, added: { decoration: 'underline', background: '#fff1a8' } } as const;

/** Headline levels mark the nodes kept off the foot of a page (stranded.ts). */
export const HEADLINE = 1;

/**
 * Text pages use the 公文 frame; table pages a wider one of their orientation. A part title shares the
 * frame of a table that follows it on the same page (第二部分 and 公开01表).
 */
function frameOf(blocks: readonly Block[], index: number): Frame {
  const block = blocks[index]!;
  const next = blocks[index + 1];
  const table = block.kind === 'table' ? block : block.kind === 'part' && next?.kind === 'table' && !next.newPage ? next : undefined;
  if (!table) return 'text';
  return table.table.orientation === 'landscape' ? 'landscapeTable' : 'portraitTable';
}

/** A paragraph this short (in lines of body text) moves with the headings above it. */
const KEEP_LINES = 3;

/**
 * Runs of headings with the short paragraph after them, as [first, last] block indexes: each run is
 * kept on one page (Word's “keep with next”). Before a long paragraph a heading can still end a page;
 * stranded.ts then moves it, at the price of laying the document out again.
 */
function keepTogether(blocks: readonly Block[], fonts: FontSet, width: number): Map<number, number> {
  const runs = new Map<number, number>();
  for (let i = 0; i < blocks.length; i++) {
    if (blocks[i]!.kind !== 'heading') continue;
    let j = i;
    while (blocks[j]?.kind === 'heading') j++;
    const p = blocks[j];
    if (p?.kind === 'paragraph' && textWidth(p.text, 'body', SIZE.san, fonts) <= KEEP_LINES * width) runs.set(i, j);
    i = j;
  }
  return runs;
}

export function layoutBlocks(input: LayoutInput): Layout {
  const { doc } = input;
  const out: { frame: Frame; content: Content[] }[] = [];
  const tocByDest = new Map(input.toc.map((e) => [e.dest, e]));
  const anchors = new Map<string, object>();
  const runs = keepTogether(doc.blocks, input.fonts, contentWidth(MARGINS.text, 'portrait') - 2 * SIZE.san);
  const flows = new Map<string, number>();
  let flow = 0;
  let kept: { stack: Content[]; end: number } | undefined;
  let breakNext = false;

  doc.blocks.forEach((block, index) => {
    if (block.kind === 'pageBreak') {
      breakNext = true;
      return;
    }
    const dest = destinationOf(block, index);
    const wantsPage = breakNext || startsPage(block);
    let current = out.at(-1);
    // A table that does not ask for a page of its own stays in the frame it follows, if it can.
    const stays = block.kind === 'table' && !wantsPage && current && orientationOf(current.frame) === block.table.orientation;
    const frame = stays ? current!.frame : frameOf(doc.blocks, index);
    // A section always starts on a new page; inside one, a block that wants a page of its own breaks
    // before its wrapper (a break after the previous block would leave an empty page behind a table
    // that fills its page exactly).
    const newSection = !current || current.frame !== frame;
    if (newSection) {
      current = { frame, content: [] };
      out.push(current);
    }
    const section = current!;
    breakNext = block.kind === 'cover' || block.kind === 'toc';
    const entry = tocByDest.get(dest);
    const bookmark = entry ? { outline: true, outlineText: entry.text, ...(entry.parent ? { outlineParentId: entry.parent } : {}) } : {};
    const content = blockContent(block, input, contentWidth(MARGINS[frame], orientationOf(frame)), dest, bookmark);
    const anchor = findAnchor(content, dest);
    if (newSection || wantsPage) flow += 1;
    if (anchor) {
      anchors.set(dest, anchor);
      flows.set(dest, flow);
    }
    if (kept && index <= kept.end) {
      kept.stack.push(...content);
      return;
    }
    const run = runs.get(index);
    if (run !== undefined) {
      kept = { stack: [...content], end: run };
      content.length = 0;
      content.push({ stack: kept.stack, unbreakable: true });
    }
    if (wantsPage && !newSection) {
      section.content.push({ stack: content, pageBreak: 'before' });
    } else if (section.content.length && doc.blocks[index - 1]?.kind === 'table') {
      // Space after a table goes before what follows it: a bottom margin that does not fit would
      // open an empty page after a table that fills its page.
      section.content.push({ stack: content, margin: [0, SIZE.san, 0, 0] });
    } else {
      section.content.push(...content);
    }
  });

  return {
    sections: out.map((s) => ({
      section: s.content,
      pageOrientation: orientationOf(s.frame),
      pageMargins: MARGINS[s.frame] as Margins,
    })),
    anchors,
    flows,
  };
}

function findAnchor(content: Content[], dest: string): object | undefined {
  for (const node of content) {
    if (typeof node !== 'object' || node === null) continue;
    if ('id' in node && node.id === dest) return node;
    if ('stack' in node && Array.isArray(node.stack)) {
      const found = findAnchor(node.stack, dest);
      if (found) return found;
    }
  }
  return undefined;
}

function startsPage(block: Block): boolean {
  switch (block.kind) {
    case 'cover':
    case 'toc':
    case 'part':
      return true;
    case 'title':
    case 'table':
      return block.newPage === true;
    default:
      return false;
  }
}

function blockContent(block: Block, input: LayoutInput, width: number, dest: string, bookmark: Record<string, unknown>): Content[] {
  const { styles: s, fonts } = input;
  switch (block.kind) {
    case 'cover':
      return [
        {
          stack: [
            ...block.title.map((line) => ({ text: line, font: fonts.family.title, fontSize: 30, alignment: 'center' as const, margin: [0, 0, 0, 24] as Margins })),
            ...block.lines.map((line) => ({ text: line, ...s.body, alignment: 'center' as const, margin: [0, 0, 0, 8] as Margins })),
          ],
          margin: [0, 150, 0, 0],
        },
      ];
    case 'toc':
      return tocContent(block.title, input.toc, fonts, width);
    case 'part':
      return [{ text: block.title, ...s.part, ...bookmark, id: dest, headlineLevel: HEADLINE } as Content];
    case 'title':
      return block.lines.map((line, i) => ({ text: line, ...s.title, ...(i === 0 ? { ...bookmark, id: dest, headlineLevel: HEADLINE } : {}), margin: [0, 0, 0, i === block.lines.length - 1 ? s.body.fontSize : 0] }) as Content);
    case 'heading': {
      const style = block.level === 1 ? s.heading1 : block.level === 2 ? s.heading2 : s.heading3;
      return [{ text: block.text, ...style, ...bookmark, id: dest, headlineLevel: HEADLINE } as Content];
    }
    case 'paragraph':
      return [{ text: block.runs ? block.runs.map((r) => (r.mark ? { text: r.text, ...MARKS[r.mark] } : r.text)) : block.text, ...s.paragraph, ...(block.indent === false ? { leadingIndent: 0 } : {}), ...(block.align ? { alignment: block.align } : {}) }];
    case 'table':
      return [{ stack: tableContent(block.table, { fonts, width, id: dest, titleProps: bookmark }) }];
    case 'charts':
      return chartsContent(block.charts, fonts, width);
    case 'pageBreak':
      return [];
  }
}
