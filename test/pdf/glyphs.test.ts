/**
 * Every character the tool itself can print has a glyph in every face of the PDF: the templates, the
 * built-in catalogues, and all the text of the documents built from the shipped year files. (What a
 * user types is checked by the glyph-coverage rule.) Also the font configuration.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { catalogueFor, editions } from '../../src/catalogue/index.ts';
import { INCOME_TERMS, RELATED_TERMS } from '../../src/catalogue/glossary.ts';
import { describeChar, loadFonts, missingGlyphs, runWidth, wordWidth, words, type Role } from '../../src/fonts/index.ts';
import { documentLines } from '../helpers/document-text.ts';
import { documentsOf } from './pdf-text.ts';

const missing = (text: string) => missingGlyphs(text).map(describeChar);

describe('glyphs', () => {
  it('every character of the templates', () => {
    const dir = new URL('../../templates/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.hbs'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(missing(readFileSync(new URL(f, dir), 'utf8')), f).toEqual([]);
  });

  it('every character of the built-in catalogues and glossary', () => {
    const texts = [
      ...editions().flatMap((edition) => {
        const c = catalogueFor(edition);
        return [
          ...[...c.functional.values()].flatMap((e) => [e.code, e.name, e.explanation ?? '']),
          ...[...c.economic.values()].flatMap((e) => [e.code, e.name]),
        ];
      }),
      ...Object.entries(INCOME_TERMS).flat(),
      ...RELATED_TERMS.flatMap((t) => [t.term, t.text]),
    ];
    expect(missing(texts.join(''))).toEqual([]);
  });

  it.each(['2024', '2020'])('every character of the %s documents (narrative, tables, labels)', (year) => {
    const text = documentsOf(year)
      .flatMap((d) => [d.title, d.subject, ...documentLines(d)])
      .join('');
    expect(missing(text)).toEqual([]);
  });

  it('finds what the default fonts lack: CJK Extension B, a variation selector', () => {
    expect(missing('江西𠀀省\uFE0F')).toEqual(['「𠀀」（U+20000）', '「\uFE0F」（U+FE0F）']);
    // White space and control characters are never drawn.
    expect(missing('a\u3000b\n\tc\u00A0')).toEqual([]);
  });
});

describe('word widths', () => {
  it('of every word of both documents, in every face, equal what the shaper says (ideographs and full-width punctuation are summed, not shaped)', () => {
    const fonts = loadFonts();
    const all = new Set(['2024', '2020'].flatMap((y) => documentsOf(y).flatMap((d) => documentLines(d).flatMap((l) => words(l)))));
    expect(all.size).toBeGreaterThan(1000);
    const off: string[] = [];
    for (const role of ['body', 'bodyBold', 'hei'] as Role[]) {
      for (const w of all) if (Math.abs(wordWidth(w, role, 10, fonts) - runWidth(w, role, 10, fonts)) > 1e-9) off.push(`${role} ${w}`);
    }
    expect(off).toEqual([]);
  });
});

describe('juesuan.config.json', () => {
  const require = createRequire(import.meta.url);
  const sansRegular = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
  // Every folder made here is removed after the tests (none may be left in the system temp folder).
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const scratch = (prefix: string) => {
    const dir = mkdtempSync(join(tmpdir(), `juesuan-${prefix}-`));
    dirs.push(dir);
    return dir;
  };
  const project = (config: unknown) => {
    const dir = scratch('fonts');
    writeFileSync(join(dir, 'juesuan.config.json'), typeof config === 'string' ? config : JSON.stringify(config));
    return dir;
  };

  it('defaults to the npm Noto fonts: serif regular and bold, sans bold', () => {
    const fonts = loadFonts(scratch('none'));
    expect(fonts.faces.map((f) => f.path.split('/').pop())).toEqual([
      'NotoSerifSC_400Regular.ttf',
      'NotoSerifSC_700Bold.ttf',
      'NotoSansSC_700Bold.ttf',
    ]);
    expect(fonts.family).toEqual({ body: 'body', bodyBold: 'bodyBold', title: 'bodyBold', hei: 'hei', kai: 'bodyBold' });
  });

  it('points a role at another font file, relative to the config, and limits file access to its directory', () => {
    const dir = project({ fonts: { serif: { normal: sansRegular } } });
    const fonts = loadFonts(dir);
    expect(fonts.faces[0]!.path).toBe(sansRegular);
    expect(fonts.directories).toContain(sansRegular.slice(0, sansRegular.lastIndexOf('/')));
  });

  it('explains a broken config in Chinese', () => {
    expect(() => loadFonts(project('{ fonts: '))).toThrow(/juesuan\.config\.json 不是有效的 JSON/);
    expect(() => loadFonts(project({ fonts: { serif: { regular: 'x.ttf' } } }))).toThrow(/juesuan\.config\.json 中 fonts\.serif 有误/);
    expect(() => loadFonts(project({ fonts: { serif: { normal: 'missing.ttf' } } }))).toThrow(/无法读取字体文件 .*missing\.ttf：ENOENT/);
    const dir = project({ fonts: { sans: { bold: 'simhei.ttc' } } });
    writeFileSync(join(dir, 'simhei.ttc'), Buffer.from('ttcf\0\x01\0\0', 'latin1'));
    expect(() => loadFonts(dir)).toThrow(/simhei\.ttc 是字体集（\.ttc），请改用单个字体文件/);
  });
});
