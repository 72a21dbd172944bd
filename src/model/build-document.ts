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
import { buildContext } from './context.ts';
import type { Block, DocumentModel } from './document.ts';
import { checkContextUsed, dataText, entry, phrase, renderEntries, renderNarrative, type NarrativeBlock } from './narrative.ts';
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
    if (b.kind === 'heading')
      out.push({
        kind: 'heading',
        id: `${section}.h${i}`,
        level: b.level,
        text: b.text,
        ...(b.level === 1 && tocLevel1 ? { toc: true } : {}),
      });
    else if (b.kind === 'paragraph') out.push({ kind: 'paragraph', id: `${section}.p${i}`, text: b.text });
    else out.push(...(slots[b.name] ?? []));
  }
  return out;
}

/**
 * A 名词解释 term as a key of meaning: a department writing 「使用非财政拨款结余（含专用结余）」 or
 * 「三公经费」 means the built-in 「使用非财政拨款结余」 and 「“三公”经费」, and replaces them rather than
 * adding a second entry.
 */
const termKey = (term: string) => term.replace(/（[^）]*）|\([^)]*\)|[“”"'‘’\s]/g, '');

/** Built-in entries, each replaced (wording and text) by the department's entry of the same meaning. */
function mergeTerms(builtIn: readonly { term: string; text: string }[], own: readonly { term: string; text: string }[]) {
  const ownByKey = new Map(own.map((o) => [termKey(o.term), o]));
  const merged = builtIn.map((b) => ownByKey.get(termKey(b.term)) ?? b);
  const builtInKeys = new Set(builtIn.map((b) => termKey(b.term)));
  return { merged, extra: own.filter((o) => !builtInKeys.has(termKey(o.term))) };
}

function glossaryContext(calc: YearCalc) {
  const input = calc.input;
  const s = calc.incomeBySource;
  // Income terms are listed only for the sources the department has, in the order of 公开01.
  const present: Record<string, boolean> = {
    财政拨款: !orZero(calc.income.total.fiscal).isZero(),
    上级补助收入: !orZero(s.superior).isZero(),
    事业收入: !orZero(s.business).isZero(),
    经营收入: !orZero(s.operating).isZero(),
    附属单位上缴收入: !orZero(s.affiliated).isZero(),
    其他收入: !orZero(s.other).isZero(),
    使用非财政拨款结余: !orZero(calc.totals.nonFiscalSurplusUsed).isZero(),
    年初结转和结余: !orZero(calc.totals.opening).isZero(),
  };
  const builtInIncome = Object.entries(INCOME_TERMS)
    .filter(([term]) => present[term])
    .map(([term, text]) => ({ term, text }));
  const incomeTerms = mergeTerms(builtInIncome, input.glossary?.income ?? []);
  // A department's entry for a source it does not have is dropped with the built-in one it replaces.
  const allBuiltInKeys = new Set(Object.keys(INCOME_TERMS).map(termKey));
  const income = [...incomeTerms.merged, ...incomeTerms.extra.filter((e) => !allBuiltInKeys.has(termKey(e.term)))].map((t) => ({
    term: dataText(t.term),
    text: dataText(t.text),
  }));

  const codes = new Set<string>();
  for (const r of [calc.income, calc.expenditure]) for (const row of r.rows) if (row.level === 'item') codes.add(row.code);
  const name = (c: string) => calc.catalogue.functionalName(c) ?? c;
  const expenditure = [...codes].sort().map((code) => ({
    className: name(code.slice(0, 3)),
    kuanName: name(code.slice(0, 5)),
    itemName: name(code),
    text: dataText(calc.catalogue.functionalExplanation(code) ?? ''),
  }));

  const related = mergeTerms(RELATED_TERMS, input.glossary?.terms ?? []);
  const terms = [...related.merged, ...related.extra].map((t) => ({ term: dataText(t.term), text: dataText(t.text) }));
  return { income, expenditure, terms };
}

/**
 * 四、绩效评价指标分析: one paragraph per 二级 indicator (phrases/analysis.hbs), its analysis text and
 * the score from the form — or the texts of its 三级 indicators, each with its score.
 */
function analysisParagraphs(root: IndicatorCalc | undefined, values: ReadonlyMap<string, Value>): string[] {
  if (!root) return [];
  const part = (n: IndicatorCalc) => ({
    text: dataText(resolveProse(n.comment!, values).replace(/[。；，,;]+$/u, '')),
    scored: !n.weight.isZero(),
    full: n.fullMarks === true,
    score: n.score,
  });
  const out: string[] = [];
  for (const l2 of root.children) {
    const parts = l2.comment ? [part(l2)] : l2.children.filter((c) => c.comment).map(part);
    if (parts.length) out.push(phrase('analysis', { name: dataText(l2.name), parts }));
  }
  return out.map((t) => t.replace(/[\uE000\uE001]/g, ''));
}

function reportBlocks(
  report: ReportCalc,
  id: string,
  evaluation?: DepartmentEvaluationCalc,
  opts: { newPage?: boolean; toc?: boolean } = {},
): Block[] {
  const blocks: Block[] = [
    {
      kind: 'title',
      id: `${id}.title`,
      lines: report.title
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
      ...opts,
    },
  ];
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

/** The document's fixed texts (templates/document.hbs): cover, 目录, part titles. */
function documentTexts(calc: YearCalc) {
  const date = calc.input.publication_date?.split('-');
  const context = {
    department: dataText(calc.department),
    year: calc.year,
    date: date ? { year: date[0]!, month: Number.parseInt(date[1]!, 10) } : undefined,
  };
  const entries = renderEntries('document', context);
  checkContextUsed(['document.hbs'], context);
  const get = (key: string) => entry(entries, key, 'document');
  const one = (key: string) => get(key).join('');
  return { get, one };
}

function glossaryBlocks(calc: YearCalc): NarrativeBlock[] {
  const context = glossaryContext(calc);
  const blocks = renderNarrative('glossary', context);
  checkContextUsed(['glossary.hbs'], context);
  return blocks;
}

function disclosureDocument(calc: YearCalc): DocumentModel {
  const context = buildContext(calc);
  const overview = renderNarrative('overview', context);
  const explanation = renderNarrative('explanation', context);
  checkContextUsed(['overview.hbs', 'explanation.hbs'], context);
  const texts = documentTexts(calc);
  const year = calc.year;
  const dept = calc.department;
  const tables = buildTables(calc);
  const blocks: Block[] = [
    { kind: 'cover', title: texts.get('cover.title'), lines: texts.get('cover.date') },
    { kind: 'toc', title: texts.one('toc') },
    { kind: 'part', id: 'part1', title: texts.one('part1') },
    ...toBlocks('overview', overview),
    { kind: 'part', id: 'part2', title: texts.one('part2') },
    ...tables.map((table, i): Block => ({ kind: 'table', id: table.id, table, newPage: i > 0, toc: true })),
  ];

  const selfEvaluations: Block[] = calc.performance.formsOrder
    .map((i) => calc.projects[i]!)
    .map((p) => ({ kind: 'table', id: `self-evaluation.${p.index}`, table: selfEvaluationTable(calc, p), newPage: true }));
  blocks.push(
    { kind: 'part', id: 'part3', title: texts.one('part3') },
    ...toBlocks('explanation', explanation, { 'self-evaluations': selfEvaluations }),
    { kind: 'part', id: 'part4', title: texts.one('part4') },
    ...toBlocks('glossary', glossaryBlocks(calc), {}, false),
  );

  if (calc.evaluations.length) {
    blocks.push({ kind: 'part', id: 'part5', title: texts.one('part5') });
    calc.evaluations.forEach((e, i) => {
      const input = calc.input.department_evaluations![i]!;
      blocks.push(...reportBlocks(e.report, `evaluation.${i}`, e, { newPage: i > 0, toc: true }));
      blocks.push({
        kind: 'table',
        id: `department-evaluation.${i}`,
        table: departmentEvaluationTable(calc, e, input.form),
        newPage: true,
      });
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
