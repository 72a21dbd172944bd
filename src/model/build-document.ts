/**
 * Stage 5: the frozen calc → the documents to publish, as blocks with final text. The 部门决算 follows
 * the Jiangxi template: cover, 目录, 第一部分 概况, 第二部分 公开01–10, 第三部分 情况说明 (with the 自评表),
 * 第四部分 名词解释, 第五部分 附件 (部门评价报告 and 部门评价表). Stand-alone reports (the 2020 自评报告)
 * become documents of their own.
 */
import type { DepartmentEvaluationCalc, IndicatorCalc, ReportCalc, YearCalc } from '../calc/index.ts';
import type { Value } from '../calc/expression.ts';
import { outputNames, reportTitle } from '../calc/output-names.ts';
import { INCOME_TERMS, RELATED_TERMS } from '../catalogue/glossary.ts';
import { orZero } from '../decimal.ts';
import { natural } from './format.ts';
import { dataText, renderNarrative, type NarrativeBlock } from './narrative.ts';
import { buildContext } from './context.ts';
import type { Block, DocumentModel } from './document.ts';
import { parenNumber } from './format-labels.ts';
import { departmentEvaluationTable, selfEvaluationTable } from './forms.ts';
import { resolveProse } from './prose.ts';
import { buildTables } from './tables.ts';

/** Default publication date when the year file gives none: 30 September of the following year. */
export function publicationDate(calc: YearCalc): string {
  return calc.input.publication_date ?? `${calc.year + 1}-09-30`;
}

/** Narrative blocks → document blocks with ids unique within their section. */
function toBlocks(section: string, narrative: NarrativeBlock[], slots: Record<string, Block[]> = {}, tocLevel1 = true): Block[] {
  const out: Block[] = [];
  let i = 0;
  for (const b of narrative) {
    i += 1;
    if (b.kind === 'heading') out.push({ kind: 'heading', id: `${section}.h${i}`, level: b.level, text: b.text, ...(b.level === 1 && tocLevel1 ? { toc: true } : {}) });
    else if (b.kind === 'paragraph') out.push({ kind: 'paragraph', id: `${section}.p${i}`, text: b.text });
    else out.push(...(slots[b.name] ?? []));
  }
  return out;
}

function glossaryContext(calc: YearCalc) {
  const input = calc.input;
  const overrides = new Map((input.glossary?.income ?? []).map((g) => [g.term, g.text]));
  const termFor = (term: string) => overrides.get(term) ?? INCOME_TERMS[term];
  const s = calc.incomeBySource;
  const income: { term: string; text: string }[] = [];
  const add = (term: string, present: boolean) => {
    if (present) income.push({ term, text: dataText(termFor(term) ?? '') });
  };
  add('财政拨款', !orZero(calc.income.total.fiscal).isZero());
  add('上级补助收入', !orZero(s.superior).isZero());
  add('事业收入', !orZero(s.business).isZero());
  add('经营收入', !orZero(s.operating).isZero());
  add('附属单位上缴收入', !orZero(s.affiliated).isZero());
  add('其他收入', !orZero(s.other).isZero());
  add('使用非财政拨款结余', !orZero(calc.totals.nonFiscalSurplusUsed).isZero());
  add('年初结转和结余', !orZero(calc.totals.opening).isZero());
  for (const [term] of overrides) if (!income.some((i) => i.term === term) && !(term in INCOME_TERMS)) income.push({ term, text: dataText(overrides.get(term)!) });

  const codes = new Set<string>();
  for (const r of [calc.income, calc.expenditure]) for (const row of r.rows) if (row.level === 'item') codes.add(row.code);
  const name = (c: string) => calc.catalogue.functionalName(c) ?? c;
  const expenditure = [...codes].sort().map((code, i) => ({
    ordinal: parenNumber(i + 1),
    path: `${name(code.slice(0, 3))}（类）${name(code.slice(0, 5))}（款）${name(code)}（项）`,
    text: dataText(calc.catalogue.functionalExplanation(code) ?? ''),
  }));

  const termOverrides = new Map((input.glossary?.terms ?? []).map((g) => [g.term, g.text]));
  const terms = [...RELATED_TERMS.map((t) => ({ term: t.term, text: termOverrides.get(t.term) ?? t.text }))];
  for (const [term, text] of termOverrides) if (!terms.some((t) => t.term === term)) terms.push({ term, text });
  return { income, expenditure, terms: terms.map((t, i) => ({ ordinal: parenNumber(i + 1), term: dataText(t.term), text: dataText(t.text) })) };
}

/** 四、绩效评价指标分析: one paragraph per 二级 indicator, scores from the form. */
function analysisParagraphs(root: IndicatorCalc | undefined, values: ReadonlyMap<string, Value>): string[] {
  if (!root) return [];
  const clean = (t: string) => resolveProse(t, values).replace(/[。；，,;]+$/u, '');
  const scored = (t: string, n: IndicatorCalc) => (n.weight.isZero() ? clean(t) : `${clean(t)}，得${natural(n.score)}分`);
  const out: string[] = [];
  for (const l2 of root.children) {
    if (l2.comment) out.push(`${l2.name}：${scored(l2.comment, l2)}。`);
    else {
      const parts = l2.children.filter((c) => c.comment).map((c) => scored(c.comment!, c));
      if (parts.length) out.push(`${l2.name}：${parts.join('；')}。`);
    }
  }
  return out;
}

function reportBlocks(report: ReportCalc, id: string, evaluation?: DepartmentEvaluationCalc, opts: { newPage?: boolean; toc?: boolean } = {}): Block[] {
  const blocks: Block[] = [{ kind: 'title', id: `${id}.title`, lines: report.title.split('\n').map((l) => l.trim()).filter(Boolean), ...opts }];
  report.input.body.forEach((b, i) => {
    const bid = `${id}.${i + 1}`;
    if ('h1' in b) blocks.push({ kind: 'heading', id: bid, level: 1, text: b.h1 });
    else if ('h2' in b) blocks.push({ kind: 'heading', id: bid, level: 2, text: b.h2 });
    else if ('h3' in b) blocks.push({ kind: 'heading', id: bid, level: 3, text: b.h3 });
    else if ('p' in b) blocks.push({ kind: 'paragraph', id: bid, text: resolveProse(b.p, report.values) });
    else if ('analysis' in b) {
      const root = evaluation?.indicators.find((n) => n.name === b.analysis);
      analysisParagraphs(root, report.values).forEach((text, j) => blocks.push({ kind: 'paragraph', id: `${bid}.${j + 1}`, text }));
    }
  });
  return blocks;
}

function disclosureDocument(calc: YearCalc): DocumentModel {
  const context = buildContext(calc);
  const year = calc.year;
  const dept = calc.department;
  const tables = buildTables(calc);
  const blocks: Block[] = [
    { kind: 'cover', title: [dept, `${year}年度部门决算`], lines: calc.input.publication_date ? [formatDate(calc.input.publication_date)] : [] },
    { kind: 'toc', title: '目录' },
    { kind: 'part', id: 'part1', title: `第一部分 ${dept}概况` },
    ...toBlocks('overview', renderNarrative('overview', context)),
    { kind: 'part', id: 'part2', title: `第二部分 ${year}年度部门决算表` },
    ...tables.map((table, i): Block => ({ kind: 'table', id: table.id, table, newPage: i > 0, toc: true })),
  ];

  const selfEvaluations: Block[] = calc.projects
    .filter((p) => p.published)
    .map((p) => ({ kind: 'table', id: `self-evaluation.${p.index}`, table: selfEvaluationTable(calc, p), newPage: true }));
  blocks.push(
    { kind: 'part', id: 'part3', title: `第三部分 ${year}年度部门决算情况说明` },
    ...toBlocks('explanation', renderNarrative('explanation', context), { 'self-evaluations': selfEvaluations }),
    { kind: 'part', id: 'part4', title: '第四部分 名词解释' },
    ...toBlocks('glossary', renderNarrative('glossary', glossaryContext(calc)), {}, false),
  );

  if (calc.evaluations.length) {
    blocks.push({ kind: 'part', id: 'part5', title: '第五部分 附件' });
    calc.evaluations.forEach((e, i) => {
      const input = calc.input.department_evaluations![i]!;
      blocks.push(...reportBlocks(e.report, `evaluation.${i}`, e, { newPage: i > 0, toc: true }));
      blocks.push({ kind: 'table', id: `department-evaluation.${i}`, table: departmentEvaluationTable(calc, e, input.form), newPage: true });
    });
  }

  return {
    id: `disclosure-${year}`,
    fileName: outputNames(calc).disclosure!.name,
    title: `${dept}${year}年度部门决算`,
    author: dept,
    subject: `${dept}${year}年度部门决算公开`,
    keywords: ['部门决算', String(year), dept, '决算公开'],
    date: publicationDate(calc),
    frontMatter: true,
    blocks,
  };
}

function standaloneReport(calc: YearCalc, report: ReportCalc, index: number): DocumentModel {
  const title = reportTitle(report.title);
  return {
    id: `report-${calc.year}-${index + 1}`,
    fileName: outputNames(calc).reports[index]!.name,
    title,
    author: calc.department,
    subject: title,
    keywords: ['绩效自评', String(calc.year), calc.department],
    date: publicationDate(calc),
    frontMatter: false,
    blocks: reportBlocks(report, `report.${index}`),
  };
}

/** Every document a year file publishes. */
export function buildDocuments(calc: YearCalc): DocumentModel[] {
  const docs: DocumentModel[] = [];
  if (calc.kind === 'disclosure') docs.push(disclosureDocument(calc));
  calc.reports.forEach((r, i) => docs.push(standaloneReport(calc, r, i)));
  return docs;
}

function formatDate(iso: string): string {
  const [y, m] = iso.split('-');
  return `${y}年${Number.parseInt(m!, 10)}月`;
}
