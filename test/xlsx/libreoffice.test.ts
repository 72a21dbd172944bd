/**
 * A second reader: LibreOffice opens the workbook headless, exports every sheet to CSV "as shown" and
 * prints it to PDF. The CSV must read exactly like the spec as the PDF prints it (11,953.82, ——, codes),
 * and the PDF must come out on A4 in each table's orientation with the header rows on every page.
 * Skipped, saying so, where LibreOffice is not installed.
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TableSpec } from '../../src/model/table-spec.ts';
import { cellText } from '../../src/model/format.ts';
import type { TableData } from '../../src/model/report.ts';
import { renderWorkbook } from '../../src/render/xlsx/index.ts';
import { formatFinding, type Finding } from '../../src/verify/finding.ts';
import { readPdf } from '../../src/verify/pdf.ts';
import { TableReader } from '../../src/verify/tables.ts';
import { headerTop, renderYear, tablesFor } from './helpers.ts';

// A missing LibreOffice fails the run instead of skipping it: .ci/run installs it (libreoffice-calc-nogui).
const HAS_LO = spawnSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60_000 }).status === 0;

/** UTF-8, comma, quote, from line 1, keep text, "as shown", all sheets (-1: one file per sheet, LO ≥ 7.2). */
const CSV = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1';
const NOTO = resolve('node_modules/@expo-google-fonts/noto-serif-sc');

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/**
 * Converts workbooks in a private temp dir with its own LibreOffice profile, so parallel runs do not
 * clash (the CSV and the PDF conversions below run at the same time). A private fontconfig adds the
 * project's Noto Serif SC, so CJK text prints (and extracts) even on a machine without Chinese fonts.
 * One LibreOffice process converts every workbook given.
 */
async function convert(books: Record<string, Buffer>, target: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-lo-'));
  dirs.push(dir);
  const files = Object.entries(books).map(([name, bytes]) => (writeFileSync(join(dir, `${name}.xlsx`), bytes), join(dir, `${name}.xlsx`)));
  const fontDirs = ['400Regular', '700Bold'].map((w) => join(NOTO, w)).filter(existsSync);
  writeFileSync(
    join(dir, 'fonts.conf'),
    `<?xml version="1.0"?><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>${fontDirs.map((d) => `<dir>${d}</dir>`).join('')}` +
      `<cachedir>${join(dir, 'fc-cache')}</cachedir><alias><family>宋体</family><prefer><family>Noto Serif SC</family></prefer></alias></fontconfig>`,
  );
  await promisify(execFile)(
    'soffice',
    [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--convert-to', target, '--outdir', dir, ...files],
    {
      // C.UTF-8: UTF-8 file names (the CSVs are named after the sheets) and en-US number display.
      env: { ...process.env, FONTCONFIG_FILE: join(dir, 'fonts.conf'), LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
      timeout: 180_000,
    },
  );
  return dir;
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else if (ch !== '\r') field += ch;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

/** The grid as the PDF prints it: cellText of each cell, '' where a span covers it. */
const expectedGrid = (spec: TableSpec) => [...spec.header, ...spec.body].map((r) => r.cells.map((c) => (c ? cellText(c.value) : '')));

async function pdfPages(file: string) {
  const doc = await getDocument({
    data: new Uint8Array(readFileSync(file)),
    cMapUrl: resolve('node_modules/pdfjs-dist/cmaps') + '/',
    cMapPacked: true,
  }).promise;
  const pages: { landscape: boolean; text: string }[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const [x0, y0, x1, y1] = page.view as [number, number, number, number];
    const items = (await page.getTextContent()).items as { str?: string }[];
    pages.push({
      landscape: x1 - x0 > y1 - y0,
      text: items
        .map((t) => t.str ?? '')
        .join('')
        .replace(/\s+/g, ''),
    });
  }
  return pages;
}

describe('LibreOffice as a second reader', () => {
  it('is installed (soffice on PATH; Debian: apt-get install libreoffice-calc-nogui)', () => {
    expect(HAS_LO).toBe(true);
  });

  const years = { seed: 'data/2024.yaml', general: 'test/fixtures/general/2024.yaml' };
  let rendered: { seed: Awaited<ReturnType<typeof renderYear>>; general: Awaited<ReturnType<typeof renderYear>> };
  /** The folders LibreOffice wrote the CSVs and the PDFs into. */
  let csvDir: string;
  let pdfDir: string;

  // Each workbook rendered once; LibreOffice run twice (CSV, PDF), both at once.
  beforeAll(async () => {
    rendered = { seed: await renderYear(years.seed), general: await renderYear(years.general) };
    // A synthetic long 公开02 and 公开05 (bodies repeated) to run onto several pages.
    const { tables, meta } = tablesFor(years.seed);
    const long = (id: string, times: number) => {
      const t = tables.find((s) => s.id === id)!;
      return { ...t, body: Array.from({ length: times }, () => t.body).flat() };
    };
    const longBook = await renderWorkbook([long('T02', 6)], meta);
    const longPortrait = await renderWorkbook([long('T05', 8)], meta);
    const books = { seed: rendered.seed.buffer, general: rendered.general.buffer };
    [csvDir, pdfDir] = await Promise.all([convert(books, CSV), convert({ ...books, long: longBook, portrait: longPortrait }, 'pdf')]);
  }, 180_000);

  it('exports every sheet to CSV exactly as the tables print', () => {
    const sheet = (book: string, name: string) => parseCsv(readFileSync(join(csvDir, `${book}-${name}.csv`), 'utf8'));

    for (const [book, { tables }] of Object.entries(rendered)) {
      for (const spec of tables) {
        const rows = sheet(book, spec.sheetName!);
        const top = headerTop(spec) - 1;
        const n = spec.columns.length;
        expect(rows[0]![0], `${book} ${spec.sheetName} title`).toBe(spec.title);
        const got = rows
          .slice(top, top + spec.header.length + spec.body.length)
          .map((r) => Array.from({ length: n }, (_, c) => r[c] ?? ''));
        expect(got, `${book} ${spec.sheetName}`).toEqual(expectedGrid(spec));
        expect(rows.slice(-spec.notes.length).map((r) => r[0])).toEqual(spec.notes);
      }
    }

    // A few figures a reader would look for, on the right sheets.
    const line = (name: string, label: string) => sheet('seed', name).find((r) => r.includes(label))!;
    expect(line('公开01表', '一、一般公共预算财政拨款收入')).toContain('11,953.82');
    expect(line('公开01表', '本年收入合计')).toContain('12,653.82');
    expect(line('公开03表', '合计')).toEqual(expect.arrayContaining(['12,653.82', '1,731.72', '10,922.10']));
    expect(line('公开05表', '合计')).toEqual(expect.arrayContaining(['11,953.82', '1,731.72', '10,222.10']));
    expect(line('公开02表', '行政运行')[0]).toBe('2012901');
  });

  it('prints each sheet on A4 in its orientation, repeating the header rows on every page', async () => {
    const { seed, general } = rendered;
    const dir = pdfDir;

    // The printed sheets read back as verify reads the PDF (src/verify): every table found by its title,
    // its grid rebuilt from the rules LibreOffice drew, every cell as the spec says, and the 部门/年度/单位
    // line, the label and the notes whole (not cut off at a column's edge).
    for (const [book, tables] of [
      ['seed', seed.tables],
      ['general', general.tables],
    ] as const) {
      const pdf = await readPdf(readFileSync(join(dir, `${book}.pdf`)));
      const findings: Finding[] = [];
      const data = JSON.parse(JSON.stringify(tables)) as TableData[];
      const read = await new TableReader(pdf).readAll(
        data.map((t) => ({ table: t, name: t.label ?? t.title })),
        findings,
      );
      expect(findings.map(formatFinding), book).toEqual([]);
      expect(
        read.map((t) => t.cells > 0 && t.found),
        book,
      ).toEqual(tables.map(() => true));
    }

    const pages = await pdfPages(join(dir, 'seed.pdf'));
    // Every 2024 table fits one page, in its own orientation, numbered in the footer.
    expect(pages.length).toBe(seed.tables.length);
    seed.tables.forEach((spec, i) => {
      expect([spec.sheetName, pages[i]!.landscape]).toEqual([spec.sheetName, spec.orientation === 'landscape']);
      expect(pages[i]!.text).toContain(spec.title);
      expect(pages[i]!.text).toContain(`第${i + 1}页，共${pages.length}页`);
    });
    expect(pages[0]!.text).toContain('11,953.82');

    for (const [file, landscape] of [
      ['long.pdf', true],
      ['portrait.pdf', false],
    ] as const) {
      const longPages = await pdfPages(join(dir, file));
      expect(longPages.length, file).toBeGreaterThan(1);
      longPages.forEach((p, i) => {
        expect(p.landscape, `${file} p${i + 1}`).toBe(landscape);
        expect(p.text, `${file} p${i + 1}`).toContain('支出功能分类科目编码'); // repeated header
        expect(p.text, `${file} p${i + 1}`).toContain('栏次');
        expect(p.text.includes('部门：'), `${file} p${i + 1}: the title block only on page 1`).toBe(i === 0);
      });
    }
  });
});
