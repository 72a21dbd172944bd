/**
 * A PDF as `verify` reads it: per page, the text pdfjs extracts (each run with its box) and the ruled
 * lines drawn on it (the grid of the tables). Coordinates are those of the page as a reader sees it
 * (pdfjs viewport: origin top left, y down, any /Rotate applied), so a landscape page set as a rotated
 * portrait page reads the same as one with a wide media box.
 *
 * pdfjs is loaded on first use (a dynamic import): only `verify` pays for it. The legacy build runs on
 * Node 20.
 */

export interface TextRun {
  text: string;
  /** Left and right edge, baseline, and font size, in page points (y grows downwards). */
  x0: number;
  x1: number;
  y: number;
  size: number;
}

/** A straight horizontal or vertical line segment (a table rule). */
export interface Rule {
  /** 'h': from (a, at) to (b, at); 'v': from (at, a) to (at, b); a < b. */
  dir: 'h' | 'v';
  at: number;
  a: number;
  b: number;
}

export interface PdfPage {
  /** 1-based, as a PDF viewer counts. */
  index: number;
  width: number;
  height: number;
  /** The number printed in the footer (— 7 —), when the page has one. */
  printed?: number;
  runs: TextRun[];
  /** The page's text in reading order (lines top to bottom), footer left out. */
  text: string;
}

export interface PdfFile {
  pages: PdfPage[];
  /** The rules of a page, read on demand (only pages with tables need them). */
  rules(page: PdfPage): Promise<Rule[]>;
}

const FOOTER = /^—\s*(\d+)\s*—$/;

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/**
 * Reads a PDF. Throws pdfjs's own error for a file that is not a PDF (the command turns it into a
 * Chinese message).
 */
export async function readPdf(bytes: Uint8Array): Promise<PdfFile> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdfjs takes ownership of the buffer it is given: pass a copy.
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const pages: PdfPage[] = [];
  const views = new Map<number, { page: Awaited<ReturnType<typeof doc.getPage>>; view: Matrix }>();
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale: 1 });
    const view = viewport.transform as Matrix;
    views.set(n, { page, view });
    const content = await page.getTextContent();
    const runs: TextRun[] = [];
    let printed: number | undefined;
    for (const item of content.items) {
      if (!('str' in item) || !item.str.trim()) continue;
      const t = item.transform as Matrix;
      const size = Math.hypot(t[2], t[3]) || item.height;
      // The run's start and end on its baseline, then into the viewport.
      const scale = Math.hypot(t[0], t[1]) || 1;
      const [sx, sy] = apply(view, t[4], t[5]);
      const [ex, ey] = apply(view, t[4] + (item.width * t[0]) / scale, t[5] + (item.width * t[1]) / scale);
      const run = { text: item.str, x0: Math.min(sx, ex), x1: Math.max(sx, ex), y: (sy + ey) / 2, size };
      const footer = FOOTER.exec(item.str.trim());
      if (footer && run.y > viewport.height * 0.85) {
        printed = Number(footer[1]);
        continue;
      }
      runs.push(...splitRun(run));
    }
    pages.push({
      index: n,
      width: viewport.width,
      height: viewport.height,
      ...(printed !== undefined ? { printed } : {}),
      runs,
      text: readingOrder(runs),
    });
  }

  const ruleCache = new Map<number, Promise<Rule[]>>();
  return {
    pages,
    rules(p) {
      let r = ruleCache.get(p.index);
      if (!r) {
        const { page, view } = views.get(p.index)!;
        r = page.getOperatorList().then((ops) => rulesOf(ops, view, pdfjs.OPS));
        ruleCache.set(p.index, r);
      }
      return r;
    },
  };
}

/** Roughly how wide a character is, in em: enough to place the parts of a run split at a space. */
const ems = (ch: string) => (/[\u2e80-\u9fff\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60\u3000-\u303f\u201c\u201d\u2014]/.test(ch) ? 1 : 0.5);

/**
 * pdfjs joins text drawn close together on one line into one run, with a space where the gap was: two
 * neighbouring table cells can come back as “848.10 行政运行”. A run is split at its spaces, each part
 * placed in proportion to the width of its characters, so each part falls into its own cell.
 */
export function splitRun(run: TextRun): TextRun[] {
  if (!/\s/.test(run.text.trim())) return [{ ...run, text: run.text.trim() }];
  const chars = [...run.text];
  const total = chars.reduce((s, c) => s + ems(c), 0) || 1;
  const out: TextRun[] = [];
  let pos = 0;
  let start = -1;
  let startPos = 0;
  const flush = (end: number, endPos: number) => {
    if (start < 0) return;
    const k = (run.x1 - run.x0) / total;
    out.push({ text: chars.slice(start, end).join(''), x0: run.x0 + startPos * k, x1: run.x0 + endPos * k, y: run.y, size: run.size });
    start = -1;
  };
  chars.forEach((c, i) => {
    if (/\s/.test(c)) flush(i, pos);
    else if (start < 0) {
      start = i;
      startPos = pos;
    }
    pos += ems(c);
  });
  flush(chars.length, pos);
  return out;
}

/** Lines of text top to bottom (runs whose baselines are within a third of the size), each left to right. */
export function readingOrder(runs: TextRun[]): string {
  return lines(runs)
    .map((line) => line.map((r) => r.text).join(' '))
    .join('\n');
}

export function lines(runs: TextRun[]): TextRun[][] {
  const sorted = [...runs].sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const out: TextRun[][] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && Math.abs(last[0]!.y - r.y) < Math.max(last[0]!.size, r.size) / 3) last.push(r);
    else out.push([r]);
  }
  for (const line of out) line.sort((a, b) => a.x0 - b.x0);
  return out;
}

/**
 * The path operators inside pdfjs's constructPath (its DrawOPS, not exported): moveTo x y, lineTo x y,
 * curveTo x1 y1 x2 y2 x y, quadraticCurveTo x1 y1 x y, closePath.
 */
const DRAW = { moveTo: 0, lineTo: 1, curveTo: 2, quadraticCurveTo: 3, closePath: 4 } as const;
const DRAW_ARGS: Record<number, number> = { 0: 2, 1: 2, 2: 6, 3: 4, 4: 0 };

/**
 * The straight horizontal and vertical segments stroked or filled on a page: table rules, whether drawn
 * as lines (pdfmake) or as thin filled rectangles. Curves and clipping paths are skipped.
 */
function rulesOf(ops: { fnArray: number[]; argsArray: unknown[] }, view: Matrix, OPS: Record<string, number>): Rule[] {
  const painting = new Set(
    ['stroke', 'closeStroke', 'fill', 'eoFill', 'fillStroke', 'eoFillStroke', 'closeFillStroke', 'closeEOFillStroke'].map((k) => OPS[k]),
  );
  const rules: Rule[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  ops.fnArray.forEach((fn, i) => {
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, ops.argsArray[i] as Matrix);
    else if (fn === OPS.constructPath) {
      const [paint, [data]] = ops.argsArray[i] as [number, [ArrayLike<number> | null]];
      if (!painting.has(paint) || !data) return;
      const m = multiply(view, ctm);
      const points: [number, number][][] = [];
      let current: [number, number][] = [];
      for (let k = 0; k < data.length; ) {
        const op = data[k]!;
        const n = DRAW_ARGS[op];
        if (n === undefined) throw new Error(`pdfjs 的路径格式无法识别（操作码 ${op}）：pdfjs-dist 版本变了，请更新 src/verify/pdf.ts`);
        if (op === DRAW.moveTo) {
          if (current.length) points.push(current);
          current = [apply(m, data[k + 1]!, data[k + 2]!)];
        } else if (op === DRAW.lineTo) current.push(apply(m, data[k + 1]!, data[k + 2]!));
        else if (op === DRAW.closePath) {
          if (current.length) current.push(current[0]!);
        } else {
          // A curve: not a rule; end the straight run here.
          if (current.length) points.push(current);
          current = [apply(m, data[k + n - 2]!, data[k + n - 1]!)];
        }
        k += 1 + n;
      }
      if (current.length) points.push(current);
      const filled = paint !== OPS.stroke && paint !== OPS.closeStroke;
      for (const poly of points) {
        if (filled && poly.length >= 4) {
          // A thin filled rectangle is a rule along its long side.
          const xs = poly.map((p) => p[0]);
          const ys = poly.map((p) => p[1]);
          const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
          if (y1 - y0 <= 2 && x1 - x0 > 2) rules.push({ dir: 'h', at: (y0 + y1) / 2, a: x0, b: x1 });
          else if (x1 - x0 <= 2 && y1 - y0 > 2) rules.push({ dir: 'v', at: (x0 + x1) / 2, a: y0, b: y1 });
          continue;
        }
        for (let k = 1; k < poly.length; k++) {
          const [ax, ay] = poly[k - 1]!;
          const [bx, by] = poly[k]!;
          if (Math.abs(ay - by) < 0.1 && Math.abs(ax - bx) > 0.1)
            rules.push({ dir: 'h', at: ay, a: Math.min(ax, bx), b: Math.max(ax, bx) });
          else if (Math.abs(ax - bx) < 0.1 && Math.abs(ay - by) > 0.1)
            rules.push({ dir: 'v', at: ax, a: Math.min(ay, by), b: Math.max(ay, by) });
        }
      }
    }
  });
  return rules;
}
