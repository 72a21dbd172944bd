/**
 * The ruled tables of a page, rebuilt from the lines drawn on it: rows are the bands between horizontal
 * rules, columns the bands between vertical rules, and two neighbouring bands are one (merged) cell
 * where no rule separates them. This is the table's own geometry, as a reader sees it: a figure shifted
 * into the next column, a blank cell printed as 0.00 or a merge lost are visible here, where the text
 * positions alone could not tell them apart. Nothing depends on where the table sits or how wide its
 * columns are.
 */
import { lines, type Rule, type TextRun } from './pdf.ts';

export interface GridCell {
  /** Elementary rows and columns the cell covers (inclusive). */
  r0: number;
  r1: number;
  c0: number;
  c1: number;
  /** Its box on the page. */
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  /** The text inside, line by line, whitespace removed. */
  text: string;
}

export interface Grid {
  page: number;
  top: number;
  bottom: number;
  left: number;
  right: number;
  rows: number;
  cols: number;
  /** Merged cells, in reading order (top to bottom, left to right by their first elementary cell). */
  cells: GridCell[];
  /** The cell covering an elementary position. */
  at(r: number, c: number): GridCell;
}

/** Rules closer than this (pt) are one; a rule reaching within this of another meets it. */
const TOL = 1;

class UnionFind {
  private parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]!]!;
    return i;
  }
  union(a: number, b: number) {
    this.parent[this.find(a)] = this.find(b);
  }
}

const touches = (h: Rule, v: Rule) => v.at >= h.a - TOL && v.at <= h.b + TOL && h.at >= v.a - TOL && h.at <= v.b + TOL;
const collinear = (p: Rule, q: Rule) => p.dir === q.dir && Math.abs(p.at - q.at) <= TOL && p.a <= q.b + TOL && q.a <= p.b + TOL;

/** Positions within TOL of each other become one (their mean), sorted. */
function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1]! <= TOL) last.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((s, v) => s + v, 0) / g.length);
}

/** The tables on a page: every connected set of rules with at least two rows and two columns. */
export function findGrids(page: number, rules: Rule[], runs: TextRun[]): Grid[] {
  const uf = new UnionFind(rules.length);
  for (let i = 0; i < rules.length; i++) {
    for (let j = i + 1; j < rules.length; j++) {
      const p = rules[i]!;
      const q = rules[j]!;
      if (p.dir !== q.dir ? touches(p.dir === 'h' ? p : q, p.dir === 'h' ? q : p) : collinear(p, q)) uf.union(i, j);
    }
  }
  const groups = new Map<number, Rule[]>();
  rules.forEach((r, i) => {
    const k = uf.find(i);
    groups.set(k, [...(groups.get(k) ?? []), r]);
  });
  const grids: Grid[] = [];
  for (const group of groups.values()) {
    const grid = buildGrid(page, group, runs);
    if (grid) grids.push(grid);
  }
  return grids.sort((a, b) => a.top - b.top || a.left - b.left);
}

function buildGrid(page: number, rules: Rule[], runs: TextRun[]): Grid | undefined {
  const hs = rules.filter((r) => r.dir === 'h');
  const vs = rules.filter((r) => r.dir === 'v');
  const ys = cluster(hs.map((r) => r.at));
  const xs = cluster(vs.map((r) => r.at));
  if (ys.length < 2 || xs.length < 2) return undefined;
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  // A rule separates two neighbouring elementary cells when it crosses the middle of their shared side.
  const vertical = (x: number, y: number) => vs.some((v) => Math.abs(v.at - x) <= TOL && v.a <= y && v.b >= y);
  const horizontal = (y: number, x: number) => hs.some((h) => Math.abs(h.at - y) <= TOL && h.a <= x && h.b >= x);
  const uf = new UnionFind(rows * cols);
  const id = (r: number, c: number) => r * cols + c;
  for (let r = 0; r < rows; r++) {
    const midY = (ys[r]! + ys[r + 1]!) / 2;
    for (let c = 0; c < cols; c++) {
      const midX = (xs[c]! + xs[c + 1]!) / 2;
      if (c + 1 < cols && !vertical(xs[c + 1]!, midY)) uf.union(id(r, c), id(r, c + 1));
      if (r + 1 < rows && !horizontal(ys[r + 1]!, midX)) uf.union(id(r, c), id(r + 1, c));
    }
  }
  const boxes = new Map<number, { r0: number; r1: number; c0: number; c1: number }>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const k = uf.find(id(r, c));
      const b = boxes.get(k);
      if (!b) boxes.set(k, { r0: r, r1: r, c0: c, c1: c });
      else Object.assign(b, { r0: Math.min(b.r0, r), r1: Math.max(b.r1, r), c0: Math.min(b.c0, c), c1: Math.max(b.c1, c) });
    }
  }
  const top = ys[0]!;
  const bottom = ys[rows]!;
  const left = xs[0]!;
  const right = xs[cols]!;
  const inside = runs.filter((run) => {
    const [cx, cy] = centre(run);
    return cx >= left && cx <= right && cy >= top && cy <= bottom;
  });
  const cells: GridCell[] = [...boxes.values()]
    .sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0)
    .map((b) => {
      const box = { ...b, x0: xs[b.c0]!, x1: xs[b.c1 + 1]!, y0: ys[b.r0]!, y1: ys[b.r1 + 1]! };
      const mine = inside.filter((run) => {
        const [cx, cy] = centre(run);
        return cx >= box.x0 && cx < box.x1 && cy >= box.y0 && cy < box.y1;
      });
      return {
        ...box,
        text: lines(mine)
          .map((l) => l.map((r) => r.text).join(''))
          .join('')
          .replace(/\s+/g, ''),
      };
    });
  const index: GridCell[] = new Array(rows * cols);
  for (const cell of cells) for (let r = cell.r0; r <= cell.r1; r++) for (let c = cell.c0; c <= cell.c1; c++) index[id(r, c)] = cell;
  return { page, top, bottom, left, right, rows, cols, cells, at: (r, c) => index[id(r, c)]! };
}

/** The middle of a run's glyphs: its baseline less about a third of the size (CJK sit above it). */
export const centre = (run: TextRun): [number, number] => [(run.x0 + run.x1) / 2, run.y - run.size * 0.35];
