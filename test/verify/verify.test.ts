/**
 * `verify` reads the PDF back and compares it with the model. It must pass on the PDFs of the seed
 * years, and fail — naming the page, the table, the row, the column and both texts — on a PDF that
 * differs from the model in one cell, one table, one figure of the narrative or one placeholder. The
 * altered PDFs are rendered from a copy of the model with that one change, then verified against the
 * true model.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.ts';
import type { DocumentModel } from '../../src/model/document.ts';
import { buildModel, modelData, serializeModel, type DocumentData, type ReportData } from '../../src/model/report.ts';
import { reviveTables } from '../../src/model/table-spec.ts';
import { loadYear } from '../../src/pipeline.ts';
import { renderPdf } from '../../src/render/pdf/index.ts';
import { formatFinding } from '../../src/verify/finding.ts';
import { formatVerify, verifyPdf } from '../../src/verify/index.ts';
import { seedFile } from '../helpers/seed-build.ts';

function model(year: string) {
  const calc = loadYear(year).value?.calc;
  if (!calc) throw new Error(`${year} does not load`);
  return buildModel(calc);
}

/** A document of the model's JSON form made renderable again (its table decimals revived). */
function renderable(doc: DocumentData): DocumentModel {
  const copy = JSON.parse(JSON.stringify(doc)) as DocumentModel;
  for (const block of copy.blocks) if (block.kind === 'table') block.table = reviveTables(JSON.stringify([block.table]))[0]!;
  return copy;
}

const lines = (r: Awaited<ReturnType<typeof verifyPdf>>) => r.findings.map(formatFinding);

let data2024: ReportData;
let pdf2024: Buffer;
let data2020: ReportData;
let pdf2020: Buffer;

// The PDFs as `build` published them (test/setup/seed-build.ts).
beforeAll(() => {
  const m = model('2024');
  data2024 = modelData(m);
  pdf2024 = seedFile('2024', m.documents[0]!.fileName);
  const r = model('2020');
  data2020 = modelData(r);
  pdf2020 = seedFile('2020', r.documents[0]!.fileName);
});

describe('verify on the seed years', () => {
  it('passes on the 2024 PDF: ten 公开表 and four forms, every cell, every paragraph, the 目录', async () => {
    const result = await verifyPdf(pdf2024, data2024);
    expect(lines(result)).toEqual([]);
    expect(result.ok).toBe(true);
    const cells = data2024.documents[0]!.blocks.reduce(
      (s, b) => s + (b.kind === 'table' ? [...b.table.header, ...b.table.body].flatMap((r) => r.cells).filter((c) => c).length : 0),
      0,
    );
    // Every table fits its page (公开04 too, since tables are fitted): each cell is read once.
    expect(result.stats).toMatchObject({ disclosureTables: 10, otherTables: 4, cells, tocEntries: 27 });
    expect(result.stats.paragraphs).toBe(data2024.documents[0]!.blocks.filter((b) => b.kind === 'paragraph').length);
    expect(result.stats.identities).toBeGreaterThan(100);
    expect(result.stats.figures).toBeGreaterThan(10);
    expect(formatVerify(result, 'report.json')).toMatch(
      /^核对通过：10 张公开表和 4 张评价表的 [\d,]+ 个单元格、95 段文字中的 \d+ 个数字与数据一致。/,
    );
  });

  it('passes on the 2020 report (no tables: its text and figures)', async () => {
    const result = await verifyPdf(pdf2020, data2020);
    expect(lines(result)).toEqual([]);
    expect(result.stats.paragraphs).toBe(data2020.documents[0]!.blocks.filter((b) => b.kind === 'paragraph').length);
    expect(formatVerify(result, 'report.json')).toMatch(/^核对通过：\d+ 段文字中的 \d+ 个数字与数据一致。/);
  });
});

describe('verify on an altered PDF', () => {
  it('fails on one table cell altered, naming page, table, row, column and both figures', async () => {
    const doc = JSON.parse(JSON.stringify(data2024.documents[0])) as DocumentData;
    const t05 = doc.blocks.find((b) => b.kind === 'table' && b.table.id === 'T05');
    if (t05?.kind !== 'table') throw new Error('no 公开05表');
    const cell = t05.table.body[0]!.cells.find((c) => c?.ref?.column === 'c2')!;
    expect(cell.value).toEqual({ kind: 'amount', value: '1731.72' });
    (cell.value as { value: string }).value = '1731.73';
    const result = await verifyPdf(await renderPdf(renderable(doc)), data2024);
    const found = lines(result);
    expect(result.ok).toBe(false);
    expect(found[0]).toMatch(/^第 \d+ 页 公开05表 合计 行 基本支出 栏：PDF 中为「1,731\.73」，数据为「1,731\.72」$/);
    // The printed figures no longer add up: within 公开05 and against 公开04 and 公开06.
    expect(found.slice(1).join('\n')).toMatch(
      /公开05表 合计 行 基本支出 栏：印为 1,731\.73，而公开06表 人员经费合计与公用经费合计之和为 1,731\.72/,
    );
    expect(found.slice(1).join('\n')).toMatch(
      /公开05表 合计 行 本年支出合计 栏：印为 11,953\.82，而其余|基本支出与项目支出之和为 11,953\.83/,
    );
    expect(found.every((f) => f.includes('公开05表') || f.includes('公开04表') || f.includes('文字中的数'))).toBe(true);
    expect(formatVerify(result, 'report.json').split('\n')[0]).toBe(`核对未通过：PDF 与数据有 ${found.length} 处不一致。`);
  });

  it('fails on a missing table, a placeholder and an altered narrative figure', async () => {
    const doc = JSON.parse(JSON.stringify(data2024.documents[0])) as DocumentData;
    // 公开07 left out; 「XX」 added to a paragraph of 第一部分; 收入总计 12653.82 printed as 12653.83.
    doc.blocks = doc.blocks.filter((b) => !(b.kind === 'table' && b.table.id === 'T07'));
    const duties = doc.blocks.find((b) => b.kind === 'paragraph')!;
    if (duties.kind !== 'paragraph') throw new Error('no paragraph');
    duties.text += '（联系电话：XX）';
    const income = doc.blocks.find((b) => b.kind === 'paragraph' && b.text.includes('总计12653.82万元'));
    if (income?.kind !== 'paragraph') throw new Error('no 收入总计 sentence');
    income.text = income.text.replace('总计12653.82万元', '总计12653.83万元');

    const result = await verifyPdf(await renderPdf(renderable(doc)), data2024);
    const found = lines(result).join('\n');
    expect(found).toMatch(/^公开07表：PDF 中没有找到这张表（标题「政府性基金预算财政拨款收入支出决算表」，应在公开06表之后）$/m);
    expect(found).toMatch(/^PDF 第 \d 页 目录：没有「政府性基金预算财政拨款收入支出决算表公开07表」这一条$/m);
    expect(found).toMatch(/^第 1 页 占位符：「XX」未替换：…/m);
    expect(found).toMatch(
      /^第 \d+ 页 第三部分 .*一、收入决算情况说明 的一段文字：PDF 中为「…入总计12653\.83万元.*」，数据为「…入总计12653\.82万元.*」$/m,
    );
    // Nothing else: the other nine tables and every other paragraph are still read as they are.
    expect(result.findings).toHaveLength(4);
    expect(result.stats.disclosureTables).toBe(9);
  });
});

describe('npm run verify', () => {
  // The short 2020 report where any published PDF will do (reading the 41 pages of 2024 is the costly
  // part of verify); 2024 where a 公开表 cell is the point.
  let dir: string;
  let pdfPath: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'juesuan-verify-'));
    pdfPath = join(dir, data2020.documents[0]!.fileName);
    writeFileSync(pdfPath, pdf2020);
    writeFileSync(join(dir, 'report.json'), serializeModel(model('2020')));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = async (...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['verify', ...args], { out: (t) => out.push(t), err: (t) => err.push(t) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('checks against the report.json next to the PDF, and says so', async () => {
    const r = await run(pdfPath);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^核对通过：/);
    expect(r.out).toContain(`数据来源：${join(dir, 'report.json')}`);
  });

  it('with --data, rebuilds the model from the year file instead', async () => {
    const r = await run(pdfPath, '--data', '2020');
    expect(r.code).toBe(0);
    expect(r.out).toContain('数据来源：data/2020.yaml（由年度文件重新计算）');
  });

  it('exit 1 when report.json was changed after the build, and --data still passes', async () => {
    const report = serializeModel(model('2024'));
    const changed = report.replaceAll('"value": "848.1"', '"value": "848.2"');
    expect(changed).not.toBe(report);
    const tampered = join(dir, 'tampered');
    rmSync(tampered, { recursive: true, force: true });
    await import('node:fs').then((fs) => fs.mkdirSync(tampered));
    writeFileSync(join(tampered, 'report.json'), changed);
    writeFileSync(join(tampered, 'a.pdf'), pdf2024);
    const r = await run(join(tampered, 'a.pdf'));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/公开0\d表 2012901 行政运行 行 .* 栏：PDF 中为「848\.10」，数据为「848\.20」/);
    expect((await run(join(tampered, 'a.pdf'), '--data', '2024')).code).toBe(0);
  });

  it('a missing file or report.json is a message saying what to do (exit 1)', async () => {
    const missing = await run(join(dir, 'nope.pdf'));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('找不到文件');
    const alone = join(dir, 'alone');
    await import('node:fs').then((fs) => fs.mkdirSync(alone, { recursive: true }));
    writeFileSync(join(alone, 'x.pdf'), pdf2020);
    const r = await run(join(alone, 'x.pdf'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('中没有 report.json');
    expect(r.err).toContain('--data');
  });
});
