/**
 * `import`: the 公开表 workbook a 决算 system exports (or juesuan itself wrote) + a year file's texts →
 * a complete year file. Figures come from the workbook, only the leaves (see figures.ts); texts from the
 * texts file — the same year's (a re-exported, corrected workbook: everything but the figures is kept)
 * or last year's (a new year: the texts become drafts marked 待填写, as `npm run new` makes them).
 *
 * Nothing is written unless the whole workbook reads, its own totals agree with its leaves (verify.ts),
 * and the year file made from it loads and reproduces every figure; then the file is written atomically
 * and never over an existing one without `force`.
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { buildCatalogue, type Catalogue } from '../calc/catalogue.ts';
import { calcYear } from '../calc/index.ts';
import { catalogueFor, type Fund } from '../catalogue/index.ts';
import { formatDiagnostics } from '../diagnostics.ts';
import { displayPath, loadYamlFile, loadYamlText } from '../load/load.ts';
import { parseYearFile, type YearFile } from '../schema/index.ts';
import { draftNextYear, WORKBOOK_SECTIONS } from '../new-year/draft.ts';
import { FileExistsError, parseYearText, renderYearText, updateHeader, writeYearFile } from '../new-year/year-document.ts';
import { applyFigures, markMissing } from './apply.ts';
import { deriveFigures, type Tables } from './figures.ts';
import { labelOf, locateTables, norm, readMeta, TABLE_IDS, type Region, type TableId, type TableMeta } from './locate.ts';
import { ImportError, MAX_PROBLEMS, refuse } from './problems.ts';
import { readCodeTable, readEconomicTable, readLabelTable, type CodeTable } from './read-tables.ts';
import { classLookup, CODE_TABLES, t01Spec, t04Spec, T09_SPEC, T10_SPEC } from './specs.ts';
import { verifyWorkbook } from './verify.ts';
import { readWorkbook } from './workbook.ts';

export { ImportError } from './problems.ts';

export interface ImportOptions {
  workbook: string;
  texts: string;
  out: string;
  force?: boolean;
  /** --fund 2012999=general: the budget of a 项's 财政拨款收入 the catalogue cannot tell. */
  funds?: ReadonlyMap<string, Fund>;
}

export interface ImportResult {
  out: string;
  year: number;
  /** same-year: a corrected workbook of the texts' year; new-year: texts from an earlier year, as drafts. */
  mode: 'same-year' | 'new-year';
  department: string;
  counts: { income: number; expenditure: number; basicEconomic: number };
  /** Things worth knowing that do not stop the import (a 科目名称 that differs from the catalogue …). */
  notes: string[];
  /** Entries added with 待填写 because the new figures need them (budget 2xx, glossary 2xxxxxx). */
  added: string[];
}

function loadTexts(path: string): { text: string; input: YearFile } {
  const loaded = loadYamlFile(path);
  if (!loaded.value) throw new ImportError([`--texts 文件无法读取：\n${formatDiagnostics(loaded.diagnostics)}`]);
  const parsed = parseYearFile(loaded.value);
  if (!parsed.value)
    throw new ImportError([
      `--texts 文件 ${displayPath(path)} 有错误，请先改正（npm run check -- ${displayPath(path)}）：\n${formatDiagnostics(parsed.diagnostics)}`,
    ]);
  return { text: readFileSync(path, 'utf8'), input: parsed.value };
}

/** The department and year the tables state; they must agree across tables. */
function agreedMeta(metas: Map<TableId, TableMeta>): { department?: string; year?: number } {
  const departments = new Map<string, TableId[]>();
  const years = new Map<number, TableId[]>();
  for (const [id, m] of metas) {
    if (m.department) departments.set(norm(m.department), [...(departments.get(norm(m.department)) ?? []), id]);
    if (m.year !== undefined) years.set(m.year, [...(years.get(m.year) ?? []), id]);
  }
  const problems: string[] = [];
  const list = <K>(m: Map<K, TableId[]>) => [...m].map(([k, ids]) => `${ids.map(labelOf).join('、')}为「${k}」`).join('；');
  if (departments.size > 1) problems.push(`各表的部门（编制单位）不一致：${list(departments)}；一个工作簿应只有一个部门的公开表`);
  if (years.size > 1) problems.push(`各表的年度不一致：${list(years)}`);
  if (problems.length) throw new ImportError(problems);
  const department = [...metas.values()].find((m) => m.department)?.department;
  return { ...(department ? { department } : {}), ...(years.size ? { year: [...years.keys()][0]! } : {}) };
}

function checkCodes(
  tables: CodeTable[],
  t06: Tables['T06'],
  catalogue: Catalogue,
  year: number,
  problems: string[],
  notes: string[],
): void {
  const edition = catalogue.edition;
  for (const table of tables) {
    for (const row of table.rows) {
      const place = `${labelOf(table.id)}（工作表「${table.region.sheet.name}」第 ${row.line} 行）`;
      const name = catalogue.functionalName(row.code);
      if (!name) {
        problems.push(
          `${place}：科目编码 ${row.code}${row.name ? `「${row.name}」` : ''}不在 ${edition} 年版《政府收支分类科目》内置目录中${edition !== year ? `（${year} 年没有内置目录，用的是 ${edition} 年版）` : ''}。如编码无误，请在 --texts 文件的 catalogue.functional 中补充它的编码、名称和科目说明后再导入`,
        );
      } else if (row.name && norm(row.name) !== norm(name)) {
        notes.push(`${place}：科目 ${row.code} 在表中名为「${row.name}」，目录中为「${name}」；年度文件按目录名称发布`);
      }
    }
  }
  for (const [code, f] of t06.codes) {
    const name = catalogue.economicName(code);
    if (!name)
      problems.push(
        `公开06表（工作表「${f.place.sheet}」第 ${f.line} 行）：经济分类编码 ${code}「${f.name}」不在内置目录中；如编码无误，请在 --texts 文件的 catalogue.economic 中补充后再导入`,
      );
    else if (f.name && norm(f.name) !== norm(name))
      notes.push(`公开06表（工作表「${f.place.sheet}」第 ${f.line} 行）：经济分类 ${code} 在表中名为「${f.name}」，目录中为「${name}」`);
  }
}

export async function importWorkbook(options: ImportOptions): Promise<ImportResult> {
  const what = `文件「${basename(options.workbook)}」`;
  let bytes: Buffer;
  try {
    bytes = readFileSync(options.workbook);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    refuse(
      code === 'ENOENT'
        ? `找不到工作簿 ${displayPath(options.workbook)}`
        : code === 'EISDIR'
          ? `${displayPath(options.workbook)} 是文件夹，请给出 .xlsx 文件`
          : `无法读取工作簿 ${displayPath(options.workbook)}（${code}）`,
    );
  }
  const texts = loadTexts(options.texts);
  const sheets = await readWorkbook(bytes, what);
  const regions = locateTables(sheets);
  const metas = new Map<TableId, TableMeta>(TABLE_IDS.map((id) => [id, readMeta(regions.get(id)!)]));
  const stated = agreedMeta(metas);

  // The year: the workbook's, else the output file's name; the texts may be this year's or earlier.
  const named = /(\d{4})\.ya?ml$/.exec(options.out)?.[1];
  const year = stated.year ?? (named ? Number.parseInt(named, 10) : undefined);
  if (year === undefined)
    refuse(`${what}中的表没有写明年度（如「2025年度」），--out 文件名也不是「年度.yaml」；请把输出文件命名为 2025.yaml 这样的年度文件名`);
  if (named && Number.parseInt(named, 10) !== year)
    refuse(`${what}是 ${year} 年度的公开表，输出文件却是 ${named} 年度（${options.out}）；年度文件名应与年度一致`);
  const textsYear = texts.input.year;
  if (textsYear > year) refuse(`--texts 文件是 ${textsYear} 年度，晚于工作簿的 ${year} 年度；文字应取自本年度或上一年度的文件`);
  const mode = textsYear === year ? 'same-year' : 'new-year';
  if (
    stated.department &&
    norm(stated.department) !== norm(texts.input.department) &&
    !norm(stated.department).includes(norm(texts.input.department)) &&
    !norm(texts.input.department).includes(norm(stated.department))
  ) {
    refuse(`${what}是「${stated.department}」的公开表，--texts 文件却是「${texts.input.department}」的；请确认两个文件属于同一部门`);
  }

  const catalogue = buildCatalogue({
    year,
    ...(texts.input.catalogue ? { catalogue: texts.input.catalogue } : {}),
    ...(texts.input.glossary ? { glossary: texts.input.glossary } : {}),
  });
  const classes = classLookup([...catalogueFor(year).functional.values()].filter((e) => e.level === 'class'));

  const problems: string[] = [];
  const notes: string[] = [];
  const region = (id: TableId): Region => regions.get(id)!;
  const code = (id: 'T02' | 'T03' | 'T05' | 'T07' | 'T08') => readCodeTable(region(id), metas.get(id)!, CODE_TABLES[id]!, problems);
  const tables: Tables = {
    T01: readLabelTable(region('T01'), metas.get('T01')!, t01Spec(classes), problems),
    T02: code('T02'),
    T03: code('T03'),
    T04: readLabelTable(region('T04'), metas.get('T04')!, t04Spec(classes), problems),
    T05: code('T05'),
    T06: readEconomicTable(region('T06'), metas.get('T06')!, problems),
    T07: code('T07'),
    T08: code('T08'),
    T09: readLabelTable(region('T09'), metas.get('T09')!, T09_SPEC, problems),
    T10: readLabelTable(region('T10'), metas.get('T10')!, T10_SPEC, problems),
  };
  checkCodes([tables.T02, tables.T03, tables.T05, tables.T07, tables.T08], tables.T06, catalogue, year, problems, notes);
  if (problems.length) throw new ImportError(problems);
  const figures = deriveFigures(tables, { fundOf: (c) => catalogue.functionalFund(c), overrides: options.funds ?? new Map() }, problems);
  if (problems.length) throw new ImportError(problems);

  // The year file: the texts (as drafts for a new year) with the workbook's figures.
  const doc = parseYearText(texts.text);
  if (mode === 'new-year') draftNextYear(doc, year);
  applyFigures(doc, figures, catalogue);
  const fiscalClasses = [
    ...new Set(
      figures.expenditure
        .filter((r) => [r.basic, r.project].some((s) => s && (s.general ?? s.gov_fund ?? s.state_capital)))
        .map((r) => r.code.slice(0, 3)),
    ),
  ].sort();
  const itemCodes = [
    ...new Set([
      ...figures.income.map((r) => r.code),
      ...figures.expenditure.map((r) => r.code),
      ...(figures.balances.gov_fund ?? []).map((g) => g.code),
    ]),
  ].sort();
  const added = markMissing(doc, fiscalClasses, itemCodes, catalogue);
  const from = displayPath(resolve(options.texts)).split('\\').join('/');
  updateHeader(doc, {
    from: options.texts,
    to: options.out,
    fromYear: textsYear,
    toYear: year,
    provenance: `数字由 npm run import 从「${basename(options.workbook)}」导入；文字取自 ${from}${mode === 'new-year' ? `（${textsYear} 年度；标有「待填写」的是本年度须重写或补充的内容）` : ''}。`,
  });
  const text = renderYearText(doc, texts.text, mode === 'new-year' ? [...WORKBOOK_SECTIONS, 'three_public'] : []);

  // The file must load and reproduce every figure of the workbook.
  const loaded = loadYamlText(text, displayPath(options.out));
  const parsed = loaded.value ? parseYearFile(loaded.value) : undefined;
  if (!parsed?.value) {
    throw new Error(
      `导入生成的年度文件无法读取（程序错误）：\n${formatDiagnostics([...loaded.diagnostics, ...(parsed?.diagnostics ?? [])])}`,
    );
  }
  const calc = calcYear(parsed.value);
  const mismatches = verifyWorkbook(tables, calc);
  if (mismatches.length) throw new ImportError(mismatches);

  try {
    writeYearFile(options.out, text, options.force ?? false);
  } catch (err) {
    if (err instanceof FileExistsError) refuse(`${displayPath(options.out)} 已存在，未写入任何内容；要用导入的结果替换它，请加 --force`);
    throw err;
  }
  return {
    out: options.out,
    year,
    mode,
    department: texts.input.department,
    counts: { income: figures.income.length, expenditure: figures.expenditure.length, basicEconomic: figures.basicEconomic.length },
    notes,
    added,
  };
}

export function formatImportProblems(err: ImportError): string {
  const shown = err.problems.slice(0, MAX_PROBLEMS);
  const more = err.problems.length - shown.length;
  return [
    ...shown.map((p) => `错误 ${p}`),
    ...(more > 0 ? [`……另有 ${more} 处问题未列出（多是上面问题的连带结果）`] : []),
    '未写入任何文件。',
  ].join('\n');
}
