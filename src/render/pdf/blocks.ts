/**
 * Blocks → pdfmake content, grouped into sections by page orientation (a landscape 公开表 gets
 * landscape pages of its own). Every part, title, heading and table carries its destination id on a
 * text node (its anchor), which the 目录, the bookmarks and the page numbering refer to. Page breaks
 * go on a wrapper around a block.
 *
 * All text is broken into lines here (lines.ts; table cells in table-layout.ts), one pdfmake text node
 * of one inline per line.
 *
 * Headings are kept with what follows them in the one layout pass pdfmake makes (Word's “keep with
 * next”), and only as much as needed: a run of headings is an unbreakable block together with the
 * first KEEP_LINES lines of the paragraph after it (the rest of the paragraph flows on). Before
 * anything else (a table) the block holds, instead, the room of the first line that follows: an empty
 * spacer that tall, taken back by a negative bottom margin. pdfmake moves an unbreakable block that
 * does not fit to the next page, so the headings move when what must follow them would not fit under
 * them; otherwise the spacer and the margin cancel out.
 */
import type { Content, ContentSection, Margins } from 'pdfmake/interfaces.js';
import type { Block, DocumentModel } from '../../model/document.ts';
import type { TableSpec } from '../../model/table-spec.ts';
import { lineHeightPt, type FontSet, type Role } from '../../fonts/index.ts';
import { breakLines, textLines } from './lines.ts';
import { contentWidth, MARGINS, PAGE, SIZE, type TextStyles } from './style.ts';
import { TABLE_SIZE, tableContent } from './table.ts';
import { orientationFor, widestFigure } from './table-layout.ts';
import { chartsContent } from './chart.ts';
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

/** How a 更正说明 marks what a correction took out and put in (paragraph runs). */
const MARKS = {
  removed: { decoration: 'lineThrough', background: '#fde2e1' },
  added: { decoration: 'underline', background: '#fff1a8' },
} as const;

/**
 * Text pages use the 公文 frame; table pages a wider one of their orientation. A part title shares the
 * frame of a table that follows it on the same page (第二部分 and 公开01表).
 */
function frameOf(blocks: readonly Block[], index: number, orientation: (spec: TableSpec) => Orientation): Frame {
  const block = blocks[index]!;
  const next = blocks[index + 1];
  const table = block.kind === 'table' ? block : block.kind === 'part' && next?.kind === 'table' && !next.newPage ? next : undefined;
  if (!table) return 'text';
  return orientation(table.table) === 'landscape' ? 'landscapeTable' : 'portraitTable';
}

/**
 * The page orientation of a table: a 公开表 (a table with a 公开NN表 label) by its content width
 * (table-layout.ts orientationFor, the rule the README states); the forms inside the text as the model
 * sets them.
 */
function tableOrientation(doc: DocumentModel, fonts: FontSet, figureEm: number): (spec: TableSpec) => Orientation {
  const specs = doc.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));
  const upright = contentWidth(MARGINS.portraitTable, 'portrait');
  const chosen = new Map(
    specs.map((spec) => [
      spec,
      spec.label ? orientationFor(spec, spec.fontSize ?? TABLE_SIZE, fonts, figureEm, upright) : spec.orientation,
    ]),
  );
  return (spec) => chosen.get(spec) ?? spec.orientation;
}

/** Lines of the paragraph after a heading that stay on the heading's page (no heading above a lone line). */
const KEEP_LINES = 2;

/** Blocks that head what follows them: kept off the foot of a page. */
const heads = (block: Block | undefined) => block?.kind === 'heading' || block?.kind === 'title';

/**
 * Runs of headings kept with what follows them, first block index → last: consecutive headings and
 * titles followed by something in the same flow. A block that starts a page ends a run (and a run never
 * starts with one: it stands at the top of a page already).
 */
function headingRuns(blocks: readonly Block[]): Map<number, number> {
  const runs = new Map<number, number>();
  for (let i = 0; i < blocks.length; i++) {
    if (!heads(blocks[i]) || startsPage(blocks[i]!)) continue;
    let j = i;
    while (heads(blocks[j]) && !startsPage(blocks[j]!)) j++;
    const next = blocks[j];
    if (next && next.kind !== 'pageBreak' && !startsPage(next)) runs.set(i, j - 1);
    i = j - 1;
  }
  return runs;
}

/**
 * The height the first line of `content` needs on the page: top margins on the way down plus the line
 * (font, size and line height as pdfmake resolves them, inherited from enclosing stacks).
 */
function firstLineHeight(
  content: readonly Content[],
  fonts: FontSet,
  inherited: { font?: string; fontSize?: number; lineHeight?: number } = {},
): number | undefined {
  const node = content[0];
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
  const n = node as { stack?: Content[]; text?: unknown; font?: string; fontSize?: number; lineHeight?: number; margin?: Margins };
  const style = {
    font: n.font ?? inherited.font,
    fontSize: n.fontSize ?? inherited.fontSize,
    lineHeight: n.lineHeight ?? inherited.lineHeight,
  };
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
  const runs = headingRuns(doc.blocks);
  const figureEm = widestFigure(
    doc.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : [])),
    input.fonts,
  );
  const orientation = tableOrientation(doc, input.fonts, figureEm);
  let kept: { node: { stack: Content[]; unbreakable: true; margin?: Margins }; end: number } | undefined;
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
    const stays = block.kind === 'table' && !wantsPage && current && orientationOf(current.frame) === orientation(block.table);
    const frame = stays ? current!.frame : frameOf(doc.blocks, index, orientation);
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
    // A table opening a page of its own is fitted to that page (or split evenly over several).
    const page = wantsPage || newSection ? PAGE[orientationOf(frame)].height - MARGINS[frame][1] - MARGINS[frame][3] : undefined;
    const content = blockContent(
      block,
      { ...input, figureEm, ...(page === undefined ? {} : { pageHeight: page }) },
      contentWidth(MARGINS[frame], orientationOf(frame)),
      dest,
      bookmark,
    );
    const anchor = findAnchor(content, dest);
    if (anchor) anchors.set(dest, anchor);
    if (kept && index <= kept.end) {
      kept.node.stack.push(...content);
      return;
    }
    if (kept && index === kept.end + 1 && !newSection) {
      if (block.kind === 'paragraph') {
        // The paragraph's first lines join the headings' block; the rest flows on.
        kept.node.stack.push(...content.splice(0, KEEP_LINES));
      } else {
        // The room of this block's first line at the end of the headings' block, taken back below it.
        const room = firstLineHeight(content, input.fonts);
        if (room) {
          kept.node.stack.push({ stack: [], margin: [0, room, 0, 0] });
          kept.node.margin = [0, 0, 0, -room];
        }
      }
      if (!content.length) return;
    }
    const end = runs.get(index);
    if (end !== undefined) {
      kept = { node: { stack: [...content], unbreakable: true }, end };
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

/** A text style of style.ts as far as textLines needs it. */
interface BlockStyle {
  font: string;
  fontSize: number;
  lineHeight?: number;
  alignment?: 'left' | 'center' | 'right' | 'justify';
  leadingIndent?: number;
  margin?: Margins;
}

/**
 * Text that is not justified, broken into line nodes (lines.ts textLines) and wrapped with the style's
 * margin; the first line carries `first` (the anchor).
 */
function setText(text: string, role: Role, style: BlockStyle, fonts: FontSet, width: number, first: Record<string, unknown> = {}): Content {
  const alignment = style.alignment === 'justify' ? 'left' : style.alignment;
  const lines = textLines(
    text,
    role,
    {
      font: style.font,
      fontSize: style.fontSize,
      ...(style.lineHeight ? { lineHeight: style.lineHeight } : {}),
      ...(alignment ? { alignment } : {}),
    },
    { fonts, width, indent: style.leadingIndent ?? 0 },
    first,
  );
  return (style.margin ? { stack: lines, margin: style.margin } : { stack: lines }) as unknown as Content;
}

function blockContent(
  block: Block,
  input: LayoutInput & { figureEm: number; pageHeight?: number },
  width: number,
  dest: string,
  bookmark: Record<string, unknown>,
): Content[] {
  const { styles: s, fonts } = input;
  const anchor = { ...bookmark, id: dest };
  switch (block.kind) {
    case 'cover':
      return [
        {
          stack: [
            ...block.title.map((line) =>
              setText(line, 'title', { font: fonts.family.title, fontSize: 30, alignment: 'center', margin: [0, 0, 0, 24] }, fonts, width),
            ),
            ...block.lines.map((line) => setText(line, 'body', { ...s.body, alignment: 'center', margin: [0, 0, 0, 8] }, fonts, width)),
          ],
          margin: [0, 150, 0, 0],
        },
      ];
    case 'toc':
      return tocContent(block.title, input.toc, fonts, width);
    case 'part':
      return [setText(block.title, 'hei', s.part, fonts, width, anchor)];
    case 'title':
      return block.lines.map((line, i) =>
        setText(
          line,
          'title',
          { ...s.title, margin: [0, 0, 0, i === block.lines.length - 1 ? s.body.fontSize : 0] },
          fonts,
          width,
          i === 0 ? anchor : {},
        ),
      );
    case 'heading': {
      const [style, role]: [BlockStyle, Role] =
        block.level === 1 ? [s.heading1, 'hei'] : block.level === 2 ? [s.heading2, 'kai'] : [s.heading3, 'bodyBold'];
      return [setText(block.text, role, style, fonts, width, anchor)];
    }
    case 'paragraph': {
      // A 更正说明's sentence with its changes marked: set as pdfmake sets text (it is short, and the
      // marks need their own inlines).
      if (block.runs) {
        return [
          {
            text: block.runs.map((r) => (r.mark ? { text: r.text, ...MARKS[r.mark] } : r.text)),
            ...s.paragraph,
            ...(block.indent === false ? { leadingIndent: 0 } : {}),
            ...(block.align ? { alignment: block.align } : {}),
          },
        ];
      }
      if (block.align)
        return [
          setText(
            block.text,
            'body',
            { ...s.paragraph, alignment: block.align, leadingIndent: block.indent === false ? 0 : s.paragraph.leadingIndent },
            fonts,
            width,
          ),
        ];
      const { font, fontSize, lineHeight } = s.paragraph;
      const lines = breakLines(block.text, {
        fonts,
        role: 'body',
        size: fontSize,
        width,
        indent: block.indent === false ? 0 : s.paragraph.leadingIndent,
      });
      return lines.map((l) => ({
        text: l.runs.map((r) => ({
          text: r.text,
          noWrap: true,
          ...(l.spacing ? { characterSpacing: l.spacing } : {}),
          ...(r.halfWidthPunctuation ? { fontFeatures: ['halt'] } : {}),
        })),
        font,
        fontSize,
        lineHeight,
        ...(l.indent ? { margin: [l.indent, 0, 0, 0] as Margins } : {}),
      }));
    }
    case 'table':
      return [
        {
          stack: tableContent(block.table, {
            fonts,
            width,
            figureEm: input.figureEm,
            ...(input.pageHeight === undefined ? {} : { pageHeight: input.pageHeight }),
            id: dest,
            titleProps: bookmark,
          }),
        },
      ];
    case 'charts':
      return chartsContent(block.charts, fonts, width);
    case 'pageBreak':
      return [];
  }
}
