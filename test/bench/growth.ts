/**
 * The bench's growth case: data/2024.yaml with more projects and more 科目 rows, still a year file that
 * checks without errors, so `build` publishes it and the bench can tell whether the time grows in
 * proportion to the content.
 *
 * - Projects: each project that no 部门评价 names is split into copies (its figures divided among
 *   them, so 项目支出 and every total stay the same) until there are `projects` × as many projects.
 *   The first copy keeps the name (the prior year and the texts refer to it); the others are named
 *   “名称（2）”, “名称（3）”…; a copy of a project with a 自评表 has its own 自评表.
 * - Rows: each 项 of the income and expenditure lists is split into `rows` 项 of the same 款, taking
 *   codes of that 款 the file does not use yet from the built-in catalogue, so 类 and 款 totals — and so
 *   every figure of the narrative — stay the same while the tables get `rows` × as many 项 lines.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, Scalar, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import { catalogueFor } from '../../src/catalogue/index.ts';
import { D, type Dec } from '../../src/decimal.ts';

export interface Growth {
  /** Projects × this many. */
  projects: number;
  /** 项 rows of the income and expenditure tables × this many. */
  rows: number;
}

/** Splits `total` into `n` parts of two decimals (the last takes what rounding left over). */
export function split(total: Dec, n: number): Dec[] {
  const part = total.div(n).toDecimalPlaces(2, 1);
  return Array.from({ length: n }, (_, i) => (i < n - 1 ? part : total.minus(part.times(n - 1))));
}

/** A YAML number node for an exact decimal (yaml writes a JS number; ≤ 15 digits round-trip exactly). */
const amountNode = (d: Dec) => new Scalar(Number(d.toString()));

const amountOf = (node: unknown): Dec | undefined =>
  isScalar(node) && typeof node.value === 'number' ? D(String(node.source ?? node.value)) : undefined;

/** Every amount leaf of a mapping (recursively), as [path, value]. */
function amountLeaves(map: YAMLMap, path: string[] = []): [string[], Dec][] {
  const out: [string[], Dec][] = [];
  for (const pair of map.items) {
    const key = String((pair.key as Scalar).value);
    if (isMap(pair.value)) out.push(...amountLeaves(pair.value, [...path, key]));
    else {
      const a = amountOf(pair.value);
      if (a) out.push([[...path, key], a]);
    }
  }
  return out;
}

function growProjects(doc: Document, factor: number): void {
  const projects = doc.get('projects') as YAMLSeq<YAMLMap>;
  const evaluated = new Set(
    ((doc.get('department_evaluations') as YAMLSeq<YAMLMap> | undefined)?.items ?? []).map((e) => String(e.get('project'))),
  );
  const splittable = projects.items.filter((p) => !evaluated.has(String(p.get('name'))));
  const target = projects.items.length * factor - (projects.items.length - splittable.length);
  // Copies per splittable project: as even as possible, the first ones taking the remainder.
  const counts = splittable.map((_, i) => Math.floor(target / splittable.length) + (i < target % splittable.length ? 1 : 0));
  const out: YAMLMap[] = [];
  for (const p of projects.items) {
    const i = splittable.indexOf(p);
    if (i < 0) {
      out.push(p);
      continue;
    }
    const n = counts[i]!;
    const funding = p.get('funding') as YAMLMap;
    const parts = amountLeaves(funding).map(([path, value]) => [path, split(value, n)] as const);
    for (let k = 0; k < n; k++) {
      const copy = p.clone() as YAMLMap;
      if (k > 0) copy.set('name', `${String(p.get('name'))}（${k + 1}）`);
      for (const [path, values] of parts) copy.setIn(['funding', ...path], amountNode(values[k]!));
      out.push(copy);
    }
  }
  projects.items = out;
}

/** Unused 项 codes of the 款 of `code`, in catalogue order. */
function siblings(code: string, used: Set<string>): string[] {
  return [...catalogueFor(2024).functional.values()]
    .filter((e) => e.code.length === 7 && e.code.startsWith(code.slice(0, 5)) && !used.has(e.code) && e.explanation)
    .map((e) => e.code);
}

function growRows(doc: Document, factor: number): void {
  const income = doc.get('income') as YAMLSeq<YAMLMap>;
  const expenditure = doc.get('expenditure') as YAMLSeq<YAMLMap>;
  const used = new Set([...income.items, ...expenditure.items].map((r) => String(r.get('code'))));
  const codes = new Map<string, string[]>();
  for (const row of income.items) {
    const code = String(row.get('code'));
    const more = siblings(code, used).slice(0, factor - 1);
    if (more.length < factor - 1) throw new Error(`科目 ${code} 所在的款没有足够的未用项级科目`);
    more.forEach((c) => used.add(c));
    codes.set(code, [code, ...more]);
  }
  // Expenditure first: each leaf (basic/project × fund) split in `factor` parts; the income of a new 项
  // is then the sum of its expenditure parts per fund where the original row's income equalled its
  // expenditure (the seed has no balances), else its own split.
  const spent = new Map<string, Map<string, Dec[]>>();
  const rows: YAMLMap[] = [];
  for (const row of expenditure.items) {
    const code = String(row.get('code'));
    const targets = codes.get(code) ?? [code];
    const leaves = amountLeaves(row).map(([path, value]) => [path, split(value, targets.length)] as const);
    const byFund = new Map<string, Dec[]>();
    for (const [path, parts] of leaves) {
      const fund = path.at(-1)!;
      const sum = byFund.get(fund) ?? parts.map(() => D('0'));
      byFund.set(
        fund,
        sum.map((s, k) => s.plus(parts[k]!)),
      );
    }
    spent.set(code, byFund);
    targets.forEach((c, k) => {
      const copy = row.clone() as YAMLMap;
      copy.set('code', c);
      for (const [path, parts] of leaves) copy.setIn(path, amountNode(parts[k]!));
      rows.push(copy);
    });
  }
  expenditure.items = rows;

  const incomeRows: YAMLMap[] = [];
  for (const row of income.items) {
    const code = String(row.get('code'));
    const targets = codes.get(code)!;
    const byFund = spent.get(code);
    const leaves = amountLeaves(row).map(([path, value]) => {
      const fund = path.at(-1)!;
      const fromSpending = byFund?.get(fund);
      const sum = fromSpending?.reduce((a, b) => a.plus(b), D('0'));
      return [path, fromSpending && sum!.eq(value) ? fromSpending : split(value, targets.length)] as const;
    });
    targets.forEach((c, k) => {
      const copy = row.clone() as YAMLMap;
      copy.set('code', c);
      for (const [path, parts] of leaves) copy.setIn(path, amountNode(parts[k]!));
      incomeRows.push(copy);
    });
  }
  income.items = incomeRows;
}

/**
 * Writes the grown year file (and a copy of its prior year) into `dir`; returns the year file's path.
 * The source must be a year file with income/expenditure rows and projects (data/2024.yaml).
 */
export function writeGrowthYear(dir: string, growth: Growth, source = 'data/2024.yaml'): string {
  const doc = parseDocument(readFileSync(source, 'utf8'));
  if (!isSeq(doc.get('projects')) || !isSeq(doc.get('income'))) throw new Error(`${source} 没有 projects 或 income`);
  growProjects(doc, growth.projects);
  growRows(doc, growth.rows);
  const year = String(doc.get('year'));
  const path = join(dir, `${year}.yaml`);
  writeFileSync(path, doc.toString({ lineWidth: 0 }));
  const prior = join(dirname(source), `${Number(year) - 1}.yaml`);
  try {
    copyFileSync(prior, join(dir, `${Number(year) - 1}.yaml`));
  } catch {
    // No prior year: the grown file is checked without one, as its source is.
  }
  return path;
}
