/**
 * The one place the PDF engine reaches into pdfmake's private code: a wrapper around
 * Renderer.prototype.renderLine (pdfmake 0.3.11, pinned exactly in package.json), the function that
 * draws one laid-out line. The wrapper draws a copy of the line, never pdfmake's own objects, and does
 * only what no public hook of pdfmake or pdfkit does in a single layout pass:
 *
 * 1. Page numbers counted from a chosen page. pdfmake's `pageReference` prints the physical page of its
 *    target; this document numbers its pages from 第一部分 (the cover and the 目录 carry none). A target
 *    tagged with relativeTo(target, origin) prints its page counted from the origin's page. The number
 *    is known only after layout and pdfmake fills it in while drawing, so this is the place; the public
 *    alternative, a second layout pass that prints literal numbers, costs a whole layout. (The page
 *    footer needs no patch: pdfmake's footer callback is given the page number; a viewer's page box
 *    gets the same numbers from /PageLabels, added to the catalog through pdfmake's getStream().)
 *
 * 2. Bookmarks that open at their heading. pdfmake adds a line's bookmark with no position, and pdfkit
 *    then writes [page /XYZ pageWidth pageHeight 0]: the top of the page, scrolled to its right edge
 *    in some viewers. Here the bookmark is added (as pdfmake does, through pdfkit's public outline API)
 *    with the line's top and left 0. The line's position exists only while drawing: pdfmake records a
 *    node's layout position before an unbreakable block (a heading kept with its text) moves it.
 *
 * (pdfmake draws CJK text one inline per ideograph; ours reaches it already broken into lines, one
 * inline per line — lines.ts, table-layout.ts — so nothing needs merging at drawing time.)
 *
 * test/pdf/render-patch.test.ts tests each part and guards the private code this relies on: if
 * pdfmake's Renderer changes, it fails naming this file.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface Inline {
  text: string;
  _pageNodeRef?: PageNodeRef;
  [key: string]: unknown;
}

const ORIGIN = Symbol('juesuan.pageOrigin');

/** What pdfmake's page references read: the first position's page. */
export interface PageNodeRef {
  positions?: { pageNumber: number }[];
  [ORIGIN]?: PageNodeRef;
}

/** The parts of a laid-out pdfmake line the patch reads. */
export interface Line {
  inlines: Inline[];
  _pageNodeRef?: PageNodeRef;
  _outline?: { id?: string; parentId?: string; text: string; expanded: boolean };
}

interface OutlineItem {
  addItem(title: string, options: { expanded: boolean; top: number; left: number }): OutlineItem;
}

/** The parts of pdfmake's Renderer the patch uses. */
export interface RendererThis {
  pdfDocument: { outline: OutlineItem; page: { width: number } };
  outlineMap: Record<string, OutlineItem>;
}

export type RenderLine = (this: RendererThis, line: Line, x: number, y: number) => void;

// ─── 1. Page numbers counted from a chosen page ───────────────────────────────────────────────────

/** Page references to `target` print its page counted from `origin`'s page (which is page 1). */
export function relativeTo(target: object, origin: object): void {
  (target as PageNodeRef)[ORIGIN] = origin as PageNodeRef;
}

/** The physical page a laid-out node starts on (pdfmake records positions on the node). */
export function pageOf(node: object): number | undefined {
  return (node as PageNodeRef).positions?.[0]?.pageNumber;
}

/** A stand-in reference that reports the relative page, for a target tagged with relativeTo(). */
export function resolved(ref: PageNodeRef | undefined): PageNodeRef | undefined {
  const origin = ref?.[ORIGIN];
  if (!ref || !origin) return ref;
  const page = pageOf(ref);
  const start = pageOf(origin);
  return page === undefined || start === undefined ? ref : { positions: [{ pageNumber: page - start + 1 }] };
}

// ─── 2. Bookmarks at their heading ────────────────────────────────────────────────────────────────

/**
 * Adds the line's bookmark as pdfmake does (under its parent's, else at the top level), at the line's
 * top; pdfkit writes left = page width − left and top = page height − top (PDF space is bottom-up).
 */
export function addBookmark(renderer: RendererThis, outline: NonNullable<Line['_outline']>, y: number): void {
  const parent = (outline.parentId && renderer.outlineMap[outline.parentId]) || renderer.pdfDocument.outline;
  const item = parent.addItem(outline.text, { expanded: outline.expanded, top: y, left: renderer.pdfDocument.page.width });
  if (outline.id) renderer.outlineMap[outline.id] = item;
}

// ─── The wrapper ──────────────────────────────────────────────────────────────────────────────────

/** pdfmake's renderLine wrapped: the two adjustments, then pdfmake's own drawing of the copy. */
export function patchedRenderLine(renderLine: RenderLine): RenderLine {
  return function (this: RendererThis, line: Line, x: number, y: number) {
    const view = Object.create(line) as Line;
    if (line._outline) {
      addBookmark(this, line._outline, y);
      view._outline = undefined;
    }
    if (line.inlines.some((i) => i._pageNodeRef))
      view.inlines = line.inlines.map((i) => (i._pageNodeRef ? { ...i, _pageNodeRef: resolved(i._pageNodeRef as PageNodeRef) } : i));
    if (line._pageNodeRef) view._pageNodeRef = resolved(line._pageNodeRef);
    return renderLine.call(this, view, x, y);
  };
}

/** pdfmake's Renderer class (private module of the pinned version). */
export function pdfmakeRenderer(): { prototype: { renderLine: RenderLine } } {
  return (require('pdfmake/js/Renderer.js') as { default: { prototype: { renderLine: RenderLine } } }).default;
}

let installed = false;

export function installRenderPatch(): void {
  if (installed) return;
  const Renderer = pdfmakeRenderer();
  Renderer.prototype.renderLine = patchedRenderLine(Renderer.prototype.renderLine);
  installed = true;
}
