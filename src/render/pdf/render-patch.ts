/**
 * Three adjustments to how pdfmake draws a laid-out line, made by wrapping Renderer.renderLine (the one
 * place pdfmake draws text). They act on a copy of the line, never on pdfmake's own objects.
 *
 * 1. Page numbers counted from a chosen page. pdfmake's `pageReference` prints the physical page of its
 *    target, but this document numbers its pages from 第一部分 (the cover and the 目录 carry none). A
 *    target tagged with relativeTo(target, origin) prints its page counted from the origin's page. The
 *    number is filled in when drawing, after layout, so one layout pass is enough (instead of laying
 *    out once to learn the pages and again to print them).
 *
 * 2. Fewer text calls. pdfmake breaks CJK text between every two ideographs, so a line of 27
 *    characters is 27 “words”, each drawn with its own pdfkit text() call (its own BT…ET, font lookup
 *    and glyph layout): ~64,000 calls for this document, a third of the PDF time, and bloated content
 *    streams. pdfmake's Renderer has a TODO for this (“line.optimizeInlines()”); until it lands,
 *    neighbouring single-character inlines that share every drawing property and are evenly spaced
 *    are drawn as one run. A justified line spreads its slack evenly between inlines, so the run
 *    with that gap as character spacing (PDF Tc) puts every glyph where pdfmake placed it. Anything
 *    unusual is left alone: page references, decorations, backgrounds, super/subscripts, links to
 *    pages, text with its own character spacing.
 *
 * 3. Bookmarks that open at their heading. pdfmake adds a line's bookmark with no position, and pdfkit
 *    then writes [page /XYZ pageWidth pageHeight 0]: the top of the page, scrolled to its right edge
 *    in some viewers. Here the bookmark is added (as pdfmake does) with the line's top and left 0.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface Inline {
  text: string;
  x: number;
  width: number;
  characterSpacing?: number;
  [key: string]: unknown;
}

const ORIGIN = Symbol('juesuan.pageOrigin');

/** What pdfmake's page references read: the first position's page. */
interface PageNodeRef {
  positions?: { pageNumber: number }[];
  [ORIGIN]?: PageNodeRef;
}

interface Line {
  inlines: Inline[];
  _pageNodeRef?: PageNodeRef;
  _outline?: { id?: string; parentId?: string; text: string; expanded: boolean };
}

interface OutlineItem {
  addItem(title: string, options: { expanded: boolean; top: number; left: number }): OutlineItem;
}

/** The parts of pdfmake's Renderer the patch uses. */
interface RendererThis {
  pdfDocument: { outline: OutlineItem; page: { width: number } };
  outlineMap: Record<string, OutlineItem>;
}

/** Page references to `target` print its page counted from `origin`'s page (which is page 1). */
export function relativeTo(target: object, origin: object): void {
  (target as PageNodeRef)[ORIGIN] = origin as PageNodeRef;
}

/** The physical page a laid-out node starts on (pdfmake records positions on the node). */
export function pageOf(node: object): number | undefined {
  return (node as PageNodeRef).positions?.[0]?.pageNumber;
}

/** The page of a laid-out node as the document numbers it (origin's page = 1). */
function relativePage(node: object, origin: object): number | undefined {
  const page = pageOf(node);
  const start = pageOf(origin);
  return page === undefined || start === undefined ? undefined : page - start + 1;
}

/** A stand-in reference that reports the relative page, for a target tagged with relativeTo(). */
function resolved(ref: PageNodeRef | undefined): PageNodeRef | undefined {
  const origin = ref?.[ORIGIN];
  if (!ref || !origin) return ref;
  const page = relativePage(ref, origin);
  return page === undefined ? ref : { positions: [{ pageNumber: page }] };
}

/** Properties two inlines must share to be drawn as one run. */
const SHARED = ['font', 'fontSize', 'color', 'opacity', 'link', 'linkToDestination', 'fontFeatures', 'characterSpacing', 'lineHeight', 'height'] as const;
/** Properties that make an inline special: never merged. */
const SPECIAL = ['_pageNodeRef', '_tocItemRef', 'decoration', 'background', 'sup', 'sub', 'linkToPage', 'noWrap', 'characterSpacing'] as const;

const EPSILON = 1e-6;

function mergeable(inline: Inline): boolean {
  return SPECIAL.every((k) => inline[k] === undefined || inline[k] === null || inline[k] === false || inline[k] === 0);
}

const chars = (text: string) => [...text].length;

/** The inlines of a line, merged into evenly spaced runs. */
export function mergeInlines(inlines: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  // The run being built: its pieces' total width, the gap between its pieces, how many pieces, where it ends.
  let width = 0;
  let gap = 0;
  let pieces = 0;
  let end = 0;
  const close = () => {
    const run = out.at(-1);
    if (run && pieces > 1) {
      run.width = width;
      if (gap > EPSILON) run.characterSpacing = (run.characterSpacing ?? 0) + gap;
    }
  };
  for (const inline of inlines) {
    const run = out.at(-1);
    if (run && mergeable(inline) && mergeable(run) && SHARED.every((k) => run[k] === inline[k]) && /^\S+$/u.test(inline.text) && /\S$/u.test(run.text)) {
      const g = inline.x - end;
      // Only single characters merge: Tc adds the gap after every glyph, and a merged run is laid
      // out as one string, so a multi-character word (Latin, figures) could gain kerning it was not
      // measured with. CJK text is one inline per character anyway.
      const uniform = g > -EPSILON && (pieces === 1 || Math.abs(g - gap) < EPSILON);
      if (uniform && chars(inline.text) === 1 && chars(run.text) === pieces) {
        gap = g;
        run.text += inline.text;
        width += inline.width;
        pieces += 1;
        end = inline.x + inline.width;
        continue;
      }
    }
    close();
    out.push({ ...inline });
    width = inline.width;
    gap = 0;
    pieces = 1;
    end = inline.x + inline.width;
  }
  close();
  return out;
}

let installed = false;

export function installRenderPatch(): void {
  if (installed) return;
  const Renderer = (require('pdfmake/js/Renderer.js') as { default: { prototype: { renderLine(this: RendererThis, line: Line, x: number, y: number): void } } }).default;
  const renderLine = Renderer.prototype.renderLine;
  Renderer.prototype.renderLine = function (this: RendererThis, line: Line, x: number, y: number) {
    const view = Object.create(line) as Line;
    if (line._outline) {
      const o = line._outline;
      const parent = (o.parentId && this.outlineMap[o.parentId]) || this.pdfDocument.outline;
      // pdfkit writes left = page width − left and top = page height − top (PDF space is bottom-up).
      const item = parent.addItem(o.text, { expanded: o.expanded, top: y, left: this.pdfDocument.page.width });
      if (o.id) this.outlineMap[o.id] = item;
      view._outline = undefined;
    }
    view.inlines = mergeInlines(line.inlines.map((i) => (i._pageNodeRef ? { ...i, _pageNodeRef: resolved(i._pageNodeRef as PageNodeRef) } : i)));
    if (line._pageNodeRef) view._pageNodeRef = resolved(line._pageNodeRef);
    return renderLine.call(this, view, x, y);
  };
  installed = true;
}
