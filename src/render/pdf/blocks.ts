/**
 * Blocks → pdfmake content, grouped into sections by page orientation (a landscape 公开表 gets
 * landscape pages of its own). Every part, title, heading and table carries its destination id on a
 * text node (its anchor), which the 目录, the bookmarks and the page numbering refer to. Page breaks
 * go on a wrapper around a block.
 *
 * Headings are kept with what follows them in the one layout pass pdfmake makes (Word's “keep with
 * next”), with no second pass: a run of headings is an unbreakable block that also holds the room of
 * the first line after it (an empty spacer that tall, taken back by a negative bottom margin). pdfmake
 * moves an unbreakable block that does not fit to the next page, so the headings move when that first
 * line would not fit under them, and otherwise the spacer and the margin cancel out. A short
 * paragraph (KEEP_LINES) goes into the block itself and moves with its headings.
 */
import type { Content, ContentSection, Margins } from 'pdfmake/interfaces.js';
import type { Block, DocumentModel } from '../../model/document.ts';
import { lineHeightPt, textWidth, type FontSet, type Role } from '../../fonts/index.ts';
import { contentWidth, MARGINS, SIZE, type TextStyles } from './style.ts';
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
}

type Orientation = 'portrait' | 'landscape';
type Frame = keyof typeof MARGINS;

const orientationOf = (frame: Frame): Orientation => (frame === 'landscapeTable' ? 'landscape' : 'portrait');

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

/** Blocks that head what follows them: kept off the foot of a page. */
const heads = (block: Block | undefined) => block?.kind === 'heading' || block?.kind === 'title';

/**
 * A run of headings kept with what follows, as block indexes [first, last]: `keep` when the run ends
 * with the short paragraph after it (all of it moves together), `reserve` when the run holds only the
 * headings and the room of the next block's first line. A block that starts a page ends a run (and a
 * run never starts with one: it stands at the top of a page already).
 */
interface Run {
  end: number;
  kind: 'keep' | 'reserve';
}

function headingRuns(blocks: readonly Block[], fonts: FontSet, width: number): Map<number, Run> {
  const runs = new Map<number, Run>();
  for (let i = 0; i < blocks.length; i++) {
    if (!heads(blocks[i]) || startsPage(blocks[i]!)) continue;
    let j = i;
    while (heads(blocks[j]) && !startsPage(blocks[j]!)) j++;
    const next = blocks[j];
    if (next && next.kind !== 'pageBreak' && !startsPage(next)) {
      const short = next.kind === 'paragraph' && textWidth(next.text, 'body', SIZE.san, fonts) <= KEEP_LINES * width;
      runs.set(i, short ? { end: j, kind: 'keep' } : { end: j - 1, kind: 'reserve' });
    }
    i = j - 1;
  }
  return runs;
}

/**
 * The height the first line of `content` needs on the page: top margins on the way down plus the line
 * (font, size and line height as pdfmake resolves them, inherited from enclosing stacks).
 */
function firstLineHeight(content: readonly Content[], fonts: FontSet, inherited: { font?: string; fontSize?: number; lineHeight?: number } = {}): number | undefined {
  const node = content[0];
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
  const n = node as { stack?: Content[]; text?: unknown; font?: string; fontSize?: number; lineHeight?: number; margin?: Margins };
  const style = { font: n.font ?? inherited.font, fontSize: n.fontSize ?? inherited.fontSize, lineHeight: n.lineHeight ?? inherited.lineHeight };
  const top = Array.isArray(n.margin) && n.margin.length === 4 ? n.margin[1] : 0;
  if (n.stack) {
    const inner = firstLineHeight(n.stack, fonts, style);
    return inner === undefined ? undefined : top + inner;
  }
  if (n.text === undefined || style.font === undefined || style.fontSize === undefined) return undefined;
  const role = (Object.keys(fonts.family) as Role[]).find((r) => fonts.family[r] === style.font);
  return role && top + lineHeightPt(fonts, role, style.fontSize, style.lineHeight ?? 1);
}

export function layoutBlocks(input: LayoutInput): Layout {
  const { doc } = input;
  const out: { frame: Frame; content: Content[] }[] = [];
  const tocByDest = new Map(input.toc.map((e) => [e.dest, e]));
  const anchors = new Map<string, object>();
  const runs = headingRuns(doc.blocks, input.fonts, contentWidth(MARGINS.text, 'portrait') - 2 * SIZE.san);
  let kept: { node: { stack: Content[]; unbreakable: true; margin?: Margins }; end: number; reserve: boolean } | undefined;
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
    if (anchor) anchors.set(dest, anchor);
    if (kept && index <= kept.end) {
      kept.node.stack.push(...content);
      return;
    }
    const room = kept?.reserve && index === kept.end + 1 && !newSection ? firstLineHeight(content, input.fonts) : undefined;
    if (kept && room) {
      // The room of this block's first line at the end of the headings' block, taken back below it.
      kept.node.stack.push({ stack: [], margin: [0, room, 0, 0] });
      kept.node.margin = [0, 0, 0, -room];
    }
    const run = runs.get(index);
    if (run !== undefined) {
      kept = { node: { stack: [...content], unbreakable: true }, end: run.end, reserve: run.kind === 'reserve' };
      content.length = 0;
      content.push(kept.node);
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
      return [{ text: block.title, ...s.part, ...bookmark, id: dest } as Content];
    case 'title':
      return block.lines.map((line, i) => ({ text: line, ...s.title, ...(i === 0 ? { ...bookmark, id: dest } : {}), margin: [0, 0, 0, i === block.lines.length - 1 ? s.body.fontSize : 0] }) as Content);
    case 'heading': {
      const style = block.level === 1 ? s.heading1 : block.level === 2 ? s.heading2 : s.heading3;
      return [{ text: block.text, ...style, ...bookmark, id: dest } as Content];
    }
    case 'paragraph':
      return [{ text: block.text, ...s.paragraph, ...(block.indent === false ? { leadingIndent: 0 } : {}), ...(block.align ? { alignment: block.align } : {}) }];
    case 'table':
      return [{ stack: tableContent(block.table, { fonts, width, id: dest, titleProps: bookmark }) }];
    case 'pageBreak':
      return [];
  }
}
