/**
 * Issue 9 §1: published file names. The class rule first — whatever text a department or title holds,
 * the published name is valid on Windows, macOS and Linux and never starts with a dot (the publisher's
 * own namespace: its work folder and lock) — then the examples end to end through `buildYear`:
 * a department called “.tmp-局” (which once collided with the temp-file pattern and lost its PDF on every
 * build), names starting with dots, “..”, a department too long for a file name, two reports with one title.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { buildYear } from '../../src/build.ts';
import { fileNameKey, fileNameProblem, NAME_MAX_BYTES, safeFileName, utf8Bytes } from '../../src/file-names.ts';
import { fakeRenderers, workspace as buildWorkspace, type Workspace } from '../diff/fixture.ts';
import { cleanup, workspace } from './helpers.ts';

afterAll(cleanup);

const WINDOWS_FORBIDDEN = /[\\/:*?"<>|\u0000-\u001f]/;
const DEVICES = ['CON', 'PRN', 'AUX', 'NUL', ...[1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((n) => [`COM${n}`, `LPT${n}`])];

/** What every published name must be, on every system the office uses. */
function validEverywhere(name: string): string[] {
  const problems: string[] = [];
  if (!name) problems.push('empty');
  if (WINDOWS_FORBIDDEN.test(name)) problems.push('Windows-reserved or control character');
  if (/[\u202a-\u202e\u2066-\u2069\u200e\u200f]/.test(name)) problems.push('bidi mark');
  if (name.startsWith('.')) problems.push('leading dot');
  if (/[. \s]$/.test(name)) problems.push('trailing dot or space');
  if (name !== name.trim()) problems.push('surrounding space');
  if (DEVICES.includes(name.split('.')[0]!.trim().toUpperCase())) problems.push('device name');
  return problems;
}

describe('safeFileName, the class rule', () => {
  // Seeded, so a failure is reproducible; fast-check prints the seed and the shrunk counterexample.
  const seed = 20240930;
  const nasty = fc.constantFrom(
    '.',
    '..',
    ' ',
    '\u3000',
    '/',
    '\\',
    ':',
    '*',
    '?',
    '"',
    '<',
    '>',
    '|',
    '\u0000',
    '\u001b',
    '\u0007',
    '\u202e',
    '\u2066',
    '\ufeff',
    'CON',
    'nul',
    'Com1',
    'lpt9',
    '.tmp-',
    '.juesuan',
    '局',
    '报告',
    'a',
  );
  const text = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.array(nasty, { maxLength: 12 }).map((a) => a.join('')),
  );

  it('makes a name valid everywhere out of any text, and leaves a valid name alone', () => {
    fc.assert(
      fc.property(text, fc.constantFrom('', '.pdf', '.xlsx'), (t, ext) => {
        const name = safeFileName(`${t}${ext}`);
        expect(validEverywhere(name), JSON.stringify(name)).toEqual([]);
        expect(safeFileName(name)).toBe(name);
        if (utf8Bytes(name) <= NAME_MAX_BYTES) expect(fileNameProblem(name)).toBeUndefined();
      }),
      { seed, numRuns: 2000 },
    );
  });

  it('names each case the issue lists', () => {
    expect(safeFileName('.tmp-局2024年度部门决算.pdf')).toBe('_tmp-局2024年度部门决算.pdf');
    expect(safeFileName('..')).toBe('__');
    expect(safeFileName('../../etc/passwd')).toBe('___.._etc_passwd');
    expect(safeFileName('a\\b/c:d*e?f"g<h>i|j.pdf')).toBe('a_b_c_d_e_f_g_h_i_j.pdf');
    expect(safeFileName('报告\u0007\u001b[31m.pdf')).toBe('报告__[31m.pdf');
    expect(safeFileName('报告. . ')).toBe('报告');
    expect(safeFileName('  报告  ')).toBe('报告');
    expect(safeFileName('\u202efdp.exe')).toBe('_fdp.exe');
    for (const d of [...DEVICES, 'con', 'Lpt1']) {
      expect(safeFileName(`${d}.pdf`)).toBe(`_${d}.pdf`);
      expect(safeFileName(d)).toBe(`_${d}`);
    }
    expect(safeFileName('CONTENT.pdf')).toBe('CONTENT.pdf');
  });

  it('compares names as Windows and macOS do (case, Unicode normalisation)', () => {
    expect(fileNameKey('Report.PDF')).toBe(fileNameKey('report.pdf'));
    expect(fileNameKey('caf\u00e9.pdf')).toBe(fileNameKey('cafe\u0301.pdf'));
  });
});

/** A copy of data/ whose 2024 and 2023 files name another department. */
function department(name: string): Workspace {
  const ws = buildWorkspace();
  for (const year of ['2023', '2024']) {
    const path = join(ws.data, `${year}.yaml`);
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^department: 江西省总工会$/m, `department: ${name}`));
  }
  return ws;
}

describe('names through the build', () => {
  const spaces: Workspace[] = [];
  afterAll(() => spaces.forEach((w) => w.cleanup()));
  const ws = (name: string) => {
    const w = department(name);
    spaces.push(w);
    return w;
  };

  it('a department called “.tmp-局” publishes visible files that survive every rebuild and correction', async () => {
    const w = ws('".tmp-局"');
    const pdf = '_tmp-局2024年度部门决算.pdf';
    const xlsx = '_tmp-局2024年度部门决算公开表.xlsx';
    const html = '_tmp-局2024年度部门决算.html';
    expect(await w.build()).toMatchObject({ ok: true, status: 'first', version: 1 });
    expect(w.logs.join('\n')).toMatch(/警告 \[output-file-name\] 部门决算（PDF）的文件名「\.tmp-局2024年度部门决算\.pdf」以「\.」开头/);
    expect(readdirSync(w.year).sort()).toEqual(['manifest.json', 'report.json', pdf, html, xlsx].sort());
    expect(await w.build()).toMatchObject({ status: 'unchanged' });
    expect(readdirSync(w.year)).toContain(pdf);
    w.edit([['performance:\n  overall:\n    grade: 优', 'performance:\n  overall:\n    grade: 良']]);
    expect(await w.build()).toMatchObject({ status: 'changed', version: 2 });
    expect(readdirSync(w.year)).toEqual(expect.arrayContaining([pdf, html, xlsx]));
    expect(readdirSync(join(w.year, 'history', '001'))).toEqual(expect.arrayContaining([pdf, html, xlsx]));
  });

  it.each([
    ['..', '__2024年度部门决算.pdf'],
    ['.juesuan', '_juesuan2024年度部门决算.pdf'],
    ['省厅/直属局', '省厅_直属局2024年度部门决算.pdf'],
  ])('a department called “%s” publishes %s, and no hidden file', async (name, pdf) => {
    const w = ws(JSON.stringify(name));
    expect(await w.build()).toMatchObject({ ok: true, status: 'first' });
    const names = readdirSync(w.year);
    expect(names).toContain(pdf);
    expect(names.filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('a department of 90 characters is refused at check time with its line, and nothing is written', async () => {
    const w = ws('江西省'.padEnd(90, '局'));
    const result = await w.build();
    expect(result.ok).toBe(false);
    expect(w.logs.join('\n')).toMatch(
      /2024\.yaml:8: 错误 \[output-file-name\] 公开表（工作簿）的文件名「江西省局+2024年度部门决算公开表\.xlsx」有 306 字节，超过文件系统允许的 255 字节/,
    );
    expect(() => readdirSync(w.output)).toThrow();
  });

  it('two reports with the same title are refused at check time, never half published', async () => {
    const { root } = workspace('names');
    const dir = join(root, '报告');
    mkdirSync(dir);
    const year = readFileSync('data/2020.yaml', 'utf8');
    const second = year.slice(year.indexOf('  - title: |'));
    writeFileSync(join(dir, '2020.yaml'), `${year.trimEnd()}\n${second}`);
    const logs: string[] = [];
    const result = await buildYear(join(dir, '2020.yaml'), {
      outputRoot: join(root, 'output'),
      renderers: fakeRenderers,
      log: (l) => logs.push(l),
    });
    expect(result.ok).toBe(false);
    const line = year.trimEnd().split('\n').length + 1;
    expect(logs.join('\n')).toContain(
      `2020.yaml:${line}: 错误 [output-file-name] 第 2 份报告（PDF）的文件名「江西省总工会2020年度部门预算项目绩效自评报告.pdf」与第 1 份报告（PDF）的文件名相同`,
    );
    expect(() => readdirSync(join(root, 'output'))).toThrow();
  });
});
