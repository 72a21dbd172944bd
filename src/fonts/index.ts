/**
 * The faces the PDF is set in, loaded once per process and shared by the renderer (pdfmake's virtual
 * file system) and the glyph check (fontkit). Defaults come from npm (Noto Serif SC / Noto Sans SC);
 * `juesuan.config.json` at the project root may point any role at a system font (仿宋, 方正小标宋, 楷体…).
 *
 * Roles follow the 公文 conventions (GB/T 9704): body 仿宋/宋体, titles 小标宋, parts and level-1
 * headings 黑体, level-2 headings 楷体. Each distinct file is one pdfmake family, so a file used by two
 * roles is embedded once (pdfkit caches fonts given as bytes per family, not per file).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname } from 'node:path';
import { readConfig, type FontConfig } from '../config.ts';

const require = createRequire(import.meta.url);

/** The subset of a fontkit font the project uses (fontkit ships no types). */
interface FontkitFont {
  postscriptName: string;
  unitsPerEm: number;
  ascent: number;
  descent: number;
  hasGlyphForCodePoint(codePoint: number): boolean;
  glyphForCodePoint(codePoint: number): { advanceWidth: number };
  layout(text: string, features?: string[]): { advanceWidth: number };
}

interface Fontkit {
  create(buffer: Buffer, postscriptName?: string): FontkitFont;
}

// The CommonJS build: the instance pdfkit itself requires, so the module is loaded once. Required on
// first use, so a run that stops before the glyph check (a YAML error) does not pay for loading it.
let fontkit: Fontkit | undefined;

export type Role = 'body' | 'bodyBold' | 'title' | 'hei' | 'kai';

export const ROLE_LABEL: Record<Role, string> = {
  body: '正文（仿宋/宋体）',
  bodyBold: '正文加粗',
  title: '标题（小标宋）',
  hei: '黑体标题',
  kai: '二级标题（楷体）',
};

export interface Face {
  /** The pdfmake family name and the virtual file name. */
  family: string;
  path: string;
  bytes: Buffer;
  roles: Role[];
}

export interface FontSet {
  faces: Face[];
  /** Role → pdfmake family. */
  family: Record<Role, string>;
  /** Directories the fonts come from (the only local paths pdfmake may read). */
  directories: string[];
}

const npmFont = (pkg: 'noto-serif-sc' | 'noto-sans-sc', weight: string, file: string) =>
  require.resolve(`@expo-google-fonts/${pkg}/${weight}/${file}`);

/** Which file each role uses: the config's choice, else the npm default. */
function rolePaths(config: FontConfig): Record<Role, string> {
  const f = config.fonts ?? {};
  const serif = f.serif?.normal ?? npmFont('noto-serif-sc', '400Regular', 'NotoSerifSC_400Regular.ttf');
  const serifBold = f.serif?.bold ?? npmFont('noto-serif-sc', '700Bold', 'NotoSerifSC_700Bold.ttf');
  // 黑体 is drawn in the bold Sans; a configured 黑体 with one weight (SimHei) serves as both.
  const hei = f.sans?.bold ?? f.sans?.normal ?? npmFont('noto-sans-sc', '700Bold', 'NotoSansSC_700Bold.ttf');
  return {
    body: serif,
    bodyBold: serifBold,
    title: f.title?.normal ?? serifBold,
    hei,
    kai: f.kai?.normal ?? serifBold,
  };
}

let cached: { key: string; fonts: FontSet } | undefined;

/** The fonts for the current project (cwd), read once per process and per configuration. */
export function loadFonts(root = process.cwd()): FontSet {
  const config = readConfig(root);
  const paths = rolePaths(config);
  const key = JSON.stringify(paths);
  if (cached?.key === key) return cached.fonts;

  const faces: Face[] = [];
  const family = {} as Record<Role, string>;
  for (const role of Object.keys(paths) as Role[]) {
    const path = paths[role];
    let face = faces.find((f) => f.path === path);
    if (!face) {
      face = { family: role, path, bytes: readFont(path), roles: [] };
      byBytes.set(face.bytes, face);
      faces.push(face);
    }
    face.roles.push(role);
    family[role] = face.family;
  }
  const fonts = { faces, family, directories: [...new Set(faces.map((f) => dirname(f.path)))] };
  cached = { key, fonts };
  return fonts;
}

function readFont(path: string): Buffer {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw new Error(`无法读取字体文件 ${path}：${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  // A collection holds several fonts and would need a face name; one font per file keeps it simple.
  if (bytes.subarray(0, 4).toString('latin1') === 'ttcf')
    throw new Error(`字体文件 ${path} 是字体集（.ttc），请改用单个字体文件（.ttf 或 .otf）`);
  return bytes;
}

// ─── fontkit views of the faces: glyph coverage and widths ────────────────────────────────────────

const parsed = new Map<string, FontkitFont>();
const byBytes = new WeakMap<Uint8Array, Face>();

/** fontkit parses lazily: creating the font costs ~1 ms, each table is read on first use. */
function fontkitFace(face: Face): FontkitFont {
  let font = parsed.get(face.path);
  if (!font) {
    fontkit ??= require('fontkit') as Fontkit;
    font = fontkit.create(face.bytes);
    parsed.set(face.path, font);
  }
  return font;
}

let shared = 0;

/** How many fonts the shared fontkit handed out already parsed (see shareParsedFaces). */
export const sharedFaceCount = () => shared;

/**
 * Each face parsed once per process. pdfkit parses every font again for every document it makes
 * (fontkit.create on the bytes, then the cmap and layout tables on first use: ~80 ms for our three
 * faces). From this call on, the fontkit module that `requirer` (a module path: pdfkit's) resolves gets a
 * `create` that returns our parsed face when given the very bytes loadFonts() read — the Buffer that
 * pdfmake's virtual file system hands to pdfkit — and calls fontkit's own otherwise. fontkit's exports
 * are fixed getters and cannot be reassigned, so the module's exports object is replaced in Node's
 * module cache, which every later require('fontkit') returns: call this before `requirer` is loaded.
 * A document only reads the shared font (its subset and caches live in pdfkit's per-document
 * EmbeddedFont), so every render still makes the bytes of a cold run.
 */
export function shareParsedFaces(requirer: string): void {
  const fromThere = createRequire(requirer);
  const path = fromThere.resolve('fontkit');
  const own = (fontkit ??= require('fontkit') as Fontkit);
  const cached = fromThere.cache[path];
  if (!cached || cached.exports !== own) return; // already shared, or another copy of fontkit
  const exports: Record<string, unknown> = {};
  for (const key of Object.keys(own))
    if (key !== 'create')
      Object.defineProperty(exports, key, { enumerable: true, get: () => (own as unknown as Record<string, unknown>)[key] });
  Object.defineProperty(exports, 'create', {
    enumerable: true,
    value: (bytes: Buffer, postscriptName?: string) => {
      const face = postscriptName === undefined ? byBytes.get(bytes) : undefined;
      if (!face) return own.create(bytes, postscriptName);
      shared += 1;
      return fontkitFace(face);
    },
  });
  cached.exports = exports;
}

export interface MissingGlyph {
  char: string;
  codePoint: number;
  /** File names of the faces without the glyph (all of them, or only some). */
  faces: string[];
  allFaces: boolean;
  /** Where the character first stands in the text. */
  index: number;
}

/** Per set of faces (their paths joined), per character: the file names of the faces lacking it. */
const coverage = new Map<string, Map<string, string[]>>();

/**
 * Characters of `text` that some face lacks. Any text may be set in any role (a term in a heading, a
 * project name in a title), so a character must be in every face. White space and control characters
 * are never drawn and are skipped. Results are cached per character: the same text is checked often.
 */
export function missingGlyphs(text: string, fonts: FontSet = loadFonts()): MissingGlyph[] {
  const facesKey = fonts.faces.map((f) => f.path).join('|');
  let known = coverage.get(facesKey);
  if (!known) coverage.set(facesKey, (known = new Map()));
  const out: MissingGlyph[] = [];
  const seen = new Set<string>();
  for (const char of text) {
    if (seen.has(char)) continue;
    seen.add(char);
    let lacking = known.get(char);
    if (!lacking) {
      const codePoint = char.codePointAt(0)!;
      lacking = /[\s\p{Cc}\p{Cf}]/u.test(char)
        ? []
        : fonts.faces.filter((f) => !fontkitFace(f).hasGlyphForCodePoint(codePoint)).map((f) => basename(f.path));
      known.set(char, lacking);
    }
    if (lacking.length)
      out.push({
        char,
        codePoint: char.codePointAt(0)!,
        faces: lacking,
        allFaces: lacking.length === fonts.faces.length,
        index: text.indexOf(char),
      });
  }
  return out;
}

/** 「𠀀」（U+20000） */
export function describeChar(m: MissingGlyph): string {
  return `「${m.char}」（U+${m.codePoint.toString(16).toUpperCase().padStart(4, '0')}）`;
}

interface LineBreaker {
  nextBreak(): { position: number; required: boolean } | null;
}

let LineBreak: (new (text: string) => LineBreaker) | undefined;

/**
 * The words of `text` as pdfmake breaks it (UAX #14, the same `linebreak` module): every ideograph is a
 * word of its own, a figure like 12,653.82 or a Latin word stays whole.
 */
export function words(text: string): string[] {
  LineBreak ??= require('linebreak') as new (text: string) => LineBreaker;
  const out: string[] = [];
  const breaker = new LineBreak(text);
  let last = 0;
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
    out.push(text.slice(last, bk.position));
    last = bk.position;
  }
  return out;
}

/** A face's metrics as the measurements need them: em size, and word widths in font units per feature set. */
interface Metrics {
  font: FontkitFont;
  unitsPerEm: number;
  words: Map<string, number>;
}

const metricsOf = new WeakMap<FontSet, Map<Role, Metrics>>();
const metricsByFont = new Map<FontkitFont, Metrics>();

function faceFor(role: Role, fonts: FontSet): Metrics {
  let roles = metricsOf.get(fonts);
  if (!roles) metricsOf.set(fonts, (roles = new Map()));
  let m = roles.get(role);
  if (!m) {
    const font = fontkitFace(fonts.faces.find((f) => f.family === fonts.family[role])!);
    m = metricsByFont.get(font) ?? { font, unitsPerEm: font.unitsPerEm, words: new Map() };
    metricsByFont.set(font, m);
    roles.set(role, m);
  }
  return m;
}

/** Ideographs and full-width CJK punctuation: glyphs that the default features neither join nor kern. */
const FULL_WIDTH = /^[\p{Script=Han}\u3000-\u303F\uFF01-\uFF5E\u2018\u2019\u201C\u201D]+$/u;

function wordUnits(m: Metrics, word: string, features?: readonly string[]): number {
  const key = features?.length ? `${features.join(',')}\u0000${word}` : word;
  let w = m.words.get(key);
  if (w === undefined) {
    if (!features?.length && FULL_WIDTH.test(word)) {
      // The sum of the glyphs' advances: what the shaper says for such a word (checked on every word
      // of the two published documents in all three faces), ~50 times faster.
      w = 0;
      for (const ch of word) w += m.font.glyphForCodePoint(ch.codePointAt(0)!).advanceWidth;
    } else {
      w = m.font.layout(word, features ? [...features] : undefined).advanceWidth;
    }
    m.words.set(key, w);
  }
  return w;
}

/** Advance width of one word (see words()) in points, shaped once per process. */
export function wordWidth(word: string, role: Role, size: number, fonts: FontSet = loadFonts(), features?: readonly string[]): number {
  const m = faceFor(role, fonts);
  return (wordUnits(m, word, features) / m.unitsPerEm) * size;
}

/**
 * Advance width of `text` in points as pdfmake sets it on one line: the sum of its words, each shaped
 * on its own (so kerning inside 12,653.82 counts, and between two ideographs there is none). Each word
 * is shaped once per process.
 */
export function textWidth(text: string, role: Role, size: number, fonts: FontSet = loadFonts()): number {
  const m = faceFor(role, fonts);
  let units = 0;
  for (const word of words(text)) units += wordUnits(m, word);
  return (units / m.unitsPerEm) * size;
}

/**
 * Advance width of `text` in points drawn as one run (one pdfmake inline, `noWrap`): the whole string
 * shaped at once with `features`, as pdfkit measures and draws it.
 */
export function runWidth(text: string, role: Role, size: number, fonts: FontSet = loadFonts(), features?: readonly string[]): number {
  const m = faceFor(role, fonts);
  return (m.font.layout(text, features ? [...features] : undefined).advanceWidth / m.unitsPerEm) * size;
}

/**
 * The height pdfmake gives one line of `role` at `size` with line-height factor `lineHeight`, in points,
 * computed with the same operations as pdfkit (EmbeddedFont.lineHeight: ascender − descender in
 * thousandths of an em, no line gap) so that it equals, bit for bit, what the layout uses.
 */
export function lineHeightPt(fonts: FontSet, role: Role, size: number, lineHeight: number): number {
  const font = fontkitFace(fonts.faces.find((f) => f.family === fonts.family[role])!);
  const scale = 1000 / font.unitsPerEm;
  return ((font.ascent * scale + 0 - font.descent * scale) / 1000) * size * lineHeight;
}

/** The face's natural line height in em (what pdfkit uses: hhea ascent − descent, no line gap). */
export function lineHeightEm(fonts: FontSet, role: Role): number {
  const font = fontkitFace(fonts.faces.find((f) => f.family === fonts.family[role])!);
  return (font.ascent - font.descent) / font.unitsPerEm;
}
