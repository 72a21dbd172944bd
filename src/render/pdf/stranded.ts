/**
 * Headings kept off the foot of a page. A heading (or a run of headings) that ends a page while its
 * text goes on the next one is moved to the next page — “keep with next” — through pdfmake's
 * pageBreakBefore hook, which runs after each layout and lays the document out again when it answers
 * true. Answering for one heading at a time would cost a full layout per heading; instead a round
 * collects every stranded heading, moves the first one of each flow (the content between two forced
 * page breaks: moving a heading shifts only its own flow), and asks pdfmake for one more layout. The
 * headings later in those flows are looked at again in the next round, as they may have moved.
 */
import type { NodeInfo, PageBreakHelpers } from './engine.ts';

/** Style name of the page-number nodes (pdfmake lists them among a page's nodes, after the content). */
export const FOOTER = 'pageFooter';

interface PdfmakeNode {
  pageBreak?: string;
  pageBreakCalculated?: boolean;
}

function stranded(node: NodeInfo, helpers: PageBreakHelpers): boolean {
  const following = helpers.getFollowingNodesOnPage().filter((n) => n.style !== FOOTER);
  return following.every((n) => n.headlineLevel) && helpers.getNodesOnNextPage().length > 0;
}

/** The pageBreakBefore hook, for headings whose text nodes carry `headlineLevel` and an id. */
export function keepHeadingsWithText(anchors: ReadonlyMap<string, object>, flows: ReadonlyMap<string, number>) {
  let found = new Map<number, string>();
  return (node: NodeInfo, helpers: PageBreakHelpers): boolean => {
    if (node.headlineLevel && node.id && stranded(node, helpers)) {
      const flow = flows.get(node.id);
      if (flow !== undefined && !found.has(flow)) found.set(flow, node.id);
    }
    // The last page's number is the last node pdfmake asks about: the round is complete.
    const last = node.style === FOOTER && node.pageNumbers[0] === node.pages;
    if (!last || !found.size) return false;
    for (const [flow, dest] of found) {
      (anchors.get(dest) as PdfmakeNode).pageBreak = 'before';
      for (const [d, f] of flows) if (f === flow) (anchors.get(d) as PdfmakeNode).pageBreakCalculated = false;
    }
    found = new Map();
    // pdfmake puts a page break on this page-number node, which is rebuilt for the next layout.
    return true;
  };
}
