/**
 * Money is never a JS number: src/ turns text or a decimal into a number (`Number(…)`, `parseFloat`,
 * `parseInt`, `.toNumber()`) only in the places listed here, each for a reason that is not an amount — a
 * year, a count, a page, a position — or, once, at the very last step where a worksheet cell can hold
 * nothing else. A new conversion fails this test until it is listed with its reason (or, for an amount,
 * rewritten with decimal.js: src/decimal.ts `D()`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(process.cwd(), 'src');

/** What converts to a JS number: Number(x) and Number.parseX(x), parseInt/parseFloat, decimal.js toNumber(). */
const CONVERSION = /\bNumber(?:\.parse(?:Int|Float))?\(|(?<![.\w])parse(?:Int|Float)\(|\.toNumber\(\)/g;

interface Allowed {
  file: string;
  /** A piece of the line that holds the conversion. */
  code: string;
  /** How many conversions that line holds (default 1). */
  count?: number;
  why: string;
}

const ALLOWED: Allowed[] = [
  // Years, months, days: four or two digits matched by a regular expression first.
  { file: 'src/schema/year-file.ts', code: '.transform((t) => Number.parseInt(t, 10))', why: 'the year' },
  { file: 'src/model/build-document.ts', code: 'month: Number.parseInt(date[1]!, 10)', why: 'the month of the publication date' },
  { file: 'src/watch/watch.ts', code: 'Number(basename(path).slice(0, 4))', why: 'the year in a year file name' },
  { file: 'src/new-year/index.ts', code: 'const year = Number.parseInt(m[1]!, 10)', why: 'the year in a year file name' },
  { file: 'src/import/locate.ts', code: 'meta.year = Number.parseInt(year[1]!, 10)', why: 'the year in a workbook title' },
  { file: 'src/import/index.ts', code: 'Number.parseInt(named, 10) : undefined', why: 'the year in the output file name' },
  { file: 'src/import/index.ts', code: 'if (named && Number.parseInt(named, 10) !== year)', why: 'the year in the output file name' },
  { file: 'src/catalogue/index.ts', code: '[Number.parseInt(f, 10)]', why: 'the year of a catalogue edition file' },
  { file: 'src/batch/department.ts', code: 'return m ? Number(m[1]) : undefined', why: 'the year in a year file name' },
  { file: 'src/diff/notice.ts', code: 'Number(m[2])}月', count: 2, why: 'month and day, printed without a 0' },
  { file: 'src/check/rules/year-file.ts', code: 'Number.parseInt(named, 10) !== ctx.input.year', why: 'the year in a year file name' },
  { file: 'src/commands/batch.ts', code: 'planFolder(folder, Number(yearText), out)', why: 'the year typed on the command line' },
  { file: 'src/commands/build.ts', code: 'planFolder(folder, Number(year), out)', why: 'the year typed on the command line' },
  // Counts, numbers of things, positions.
  { file: 'src/schema/primitives.ts', code: 'return Number.parseInt(t, 10);', why: 'a count (车辆数 …), digits only, at most 9' },
  { file: 'src/import/amount.ts', code: 'return { value: parsed.value.toNumber() }', why: 'a count, checked to be whole' },
  { file: 'src/import/figures.ts', code: 'v === null ? undefined : v.toNumber(); // a count', why: 'a count' },
  { file: 'src/import/figures.ts', code: "vehicles[key.slice('vehicle.'.length)] = v.toNumber()", why: 'a number of vehicles' },
  { file: 'src/import/figures.ts', code: 'equipment_over_1m: equipment === null ? undefined : equipment.toNumber()', why: 'a count' },
  { file: 'src/import/workbook.ts', code: 'master: [Number(cell.master.row), Number(cell.master.col)]', count: 2, why: 'a cell position' },
  { file: 'src/decimal.ts', code: '.div(unit).round().toNumber(); // a small count', why: 'hundredths handed out by rounding' },
  { file: 'src/check/rules/indicator-numbering.ts', code: 'Number.parseInt(n!, 10) !== i + 1', why: 'the number of an indicator (指标3)' },
  { file: 'src/catalogue/read-yaml.ts', code: 'Number.parseInt(t, 10) : t', why: 'a whole-number key of the catalogue files' },
  { file: 'src/commands/batch.ts', code: 'Number(text) < 1) throw new UsageError(`--jobs', why: 'the number of worker threads' },
  { file: 'src/commands/batch.ts', code: 'return Number(text);', why: 'the number of worker threads' },
  { file: 'src/write/folder.ts', code: 'number: Number.parseInt(n, 10)', why: 'the number of an archive folder (history/002)' },
  { file: 'src/verify/tables.ts', code: "const i = Number(key.slice('body:'.length))", why: 'a row index' },
  { file: 'src/verify/pdf.ts', code: 'printed = Number(footer[1])', why: 'a printed page number' },
  { file: 'src/verify/text.ts', code: 'page: Number(m[2])', why: 'a page number of the 目录' },
  // Amounts, where a number is all the receiving side can take.
  {
    file: 'src/schema/index.ts',
    code: 'const max = Number(MAX_AMOUNT.toFixed())',
    why: 'the JSON Schema bound of an amount for the editor (12 significant digits, exact in a double)',
  },
  {
    file: 'src/render/html/chart-svg.ts',
    code: 'const position = (value: string) => D(value).toNumber()',
    why: 'the length of a bar in a chart, never printed',
  },
  {
    file: 'src/render/xlsx/cells.ts',
    code: 'return Number(round(value, places).toFixed(places))',
    why: 'the workbook cell: rounded as printed first, then the double Excel stores',
  },
];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.(ts|mjs)$/.test(e.name) && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
  );
}

/** Every conversion in src/: the file, the line number and the line's text, once per conversion. */
function conversions(): { file: string; line: number; text: string }[] {
  return sources(SRC).flatMap((path) => {
    const file = relative(process.cwd(), path).split('\\').join('/');
    return readFileSync(path, 'utf8')
      .split('\n')
      .flatMap((text, i) =>
        /^\s*(\/\/|\*)/.test(text) ? [] : [...text.matchAll(CONVERSION)].map(() => ({ file, line: i + 1, text: text.trim() })),
      );
  });
}

describe('amounts stay decimals in src/', () => {
  const found = conversions();
  const allowedFor = (c: { file: string; text: string }) => ALLOWED.find((a) => a.file === c.file && c.text.includes(a.code));

  it('finds the conversions it looks for (the pattern works)', () => {
    expect(found.find((c) => c.file === 'src/render/xlsx/cells.ts')).toBeDefined();
    expect('Number(x) Number.parseFloat(x) parseFloat(x) Number.parseInt(x) parseInt(x) d.toNumber()'.match(CONVERSION)).toHaveLength(6);
    expect('NumberFormat(x) toNumberish() myparseInt(x)'.match(CONVERSION)).toBeNull();
  });

  it('converts text or a decimal to a JS number only where listed, each for a reason that is not money in a document', () => {
    const unlisted = found.filter((c) => !allowedFor(c)).map((c) => `${c.file}:${c.line}: ${c.text}`);
    expect(
      unlisted,
      'a new conversion to a JS number: use decimal.js for an amount, or list it in test/architecture/amounts.test.ts with its reason',
    ).toEqual([]);
  });

  it('lists nothing that is no longer there, and each listed line as many times as it converts', () => {
    for (const a of ALLOWED) {
      const n = found.filter((c) => allowedFor(c) === a).length;
      expect(n, `${a.file}: ${a.code}`).toBe(a.count ?? 1);
    }
  });
});
