/**
 * Body text broken into lines here, before pdfmake, the way Chinese typesetting justifies a line
 * (W3C “Requirements for Chinese Text Layout”, CLReq, §3 line adjustment), instead of pdfmake's justify,
 * which spreads a line's slack over the few gaps next to a long figure (「入 合 计 12653.82 万 元，…」:
 * letter-spaced, and read back by text extractors as separate characters).
 *
 * - Break opportunities are pdfmake's own (UAX #14, so no line starts with ，。、；：）” or ends with （“).
 * - A line is filled greedily at the natural width of its words. When the next word does not fit and
 *   stretching the line would open gaps wider than STRETCH_BEFORE_COMPRESSING, the line's punctuation
 *   is set half-width instead (the font's `halt` feature: the blank half of ，。、；：）” etc. goes), and
 *   the line is filled again at those widths — CLReq's punctuation compression before inter-character
 *   spacing.
 * - The slack left is spread evenly over every gap between two characters (one run per line, drawn with
 *   PDF character spacing), never more than MAX_GAP per gap: a line that would need more is set at
 *   MAX_GAP and left short (it never happens in the two published documents, see test/pdf/lines.test.ts).
 * - The last line of a paragraph, and a line ended by a line break in the text, keep natural spacing.
 *
 * Each line then goes to pdfmake as one text node of one inline (noWrap): pdfmake lays out and draws a
 * line instead of one inline per ideograph, which is also most of the layout time saved. Text that is
 * not justified (headings, titles, notes) is broken the same way, at natural spacing (textLines).
 */
import { runWidth, wordWidth, words, type FontSet, type Role } from '../../fonts/index.ts';

/** The largest gap added between two characters, in em (pdfjs and poppler read a gap of 0.1 em as a space). */
export const MAX_GAP = 0.08;
/** Gaps up to this (in em) are preferred to compressing the line's punctuation. */
export const STRETCH_BEFORE_COMPRESSING = 0.05;

/** A piece of a line drawn as one pdfmake inline: its text, and whether its punctuation is half-width. */
export interface Run {
  text: string;
  halfWidthPunctuation: boolean;
}

/** One line as set: its runs, the character spacing within them (pt), its left indent (pt). */
export interface SetLine {
  runs: Run[];
  spacing: number;
  indent: number;
}

export interface LineOptions {
  fonts: FontSet;
  role: Role;
  size: number;
  /** Width of the text column, pt. */
  width: number;
  /** First-line indent, pt. */
  indent: number;
  /** Justify every line but the last (body text); false: lines at natural spacing (headings, titles, notes). */
  justify?: boolean;
}

const HALT = ['halt'] as const;

/**
 * Opening brackets and quotes keep their full width: `halt` would move them half an em to the left
 * (their blank half is on the left), which text extractors read as the text going backwards. In a
 * compressed line each stands as a run of its own, and the runs meet without added spacing.
 */
const OPENING = /[（〔［｛〈《「『【“‘]/u;

/** A compressed line's runs: the opening brackets alone, everything else with half-width punctuation. */
function compressedRuns(text: string): Run[] {
  const runs: Run[] = [];
  for (const piece of text.split(/([（〔［｛〈《「『【“‘])/u)) {
    if (piece) runs.push({ text: piece, halfWidthPunctuation: !OPENING.test(piece) });
  }
  return runs;
}

/** Gaps that character spacing widens: PDF Tc follows each glyph, pdfmake counts UTF-16 units. */
const gaps = (runs: readonly Run[]) => runs.reduce((n, r) => n + Math.max(0, r.text.length - 1), 0);

/** Room left unused at the end of a justified line, so float rounding never pushes its last run onto a line of its own. */
const SAFETY = 0.001;

/**
 * A line being filled: its words, and their widths with full- and with half-width punctuation. The
 * half-width sum is taken only when a line may be compressed (halfOf), as few lines are: each new word
 * costs a shaping with the `halt` feature.
 */
interface Filling {
  words: string[];
  full: number;
  half: number;
  /** How many of `words` `half` has summed. */
  halved: number;
}

/** No line yet (add() starts a fresh one: a Filling is filled in place). */
const EMPTY: Filling = Object.freeze({ words: [], full: 0, half: 0, halved: 0 }) as Filling;

/** A word without the white space that does not count at the end of a line. */
const trimmed = (word: string) => word.replace(/\s+$/u, '');

export function breakLines(text: string, o: LineOptions): SetLine[] {
  const justify = o.justify ?? true;
  const out: SetLine[] = [];
  const room = () => o.width - (out.length === 0 ? o.indent : 0);
  const full = (word: string) => wordWidth(word, o.role, o.size, o.fonts);
  const halves = new Map<string, number>();
  const half = (word: string) => {
    let w = halves.get(word);
    if (w === undefined) {
      w = OPENING.test(word)
        ? compressedRuns(word).reduce(
            (a, r) => a + wordWidth(r.text, o.role, o.size, o.fonts, r.halfWidthPunctuation ? HALT : undefined),
            0,
          )
        : wordWidth(word, o.role, o.size, o.fonts, HALT);
      halves.set(word, w);
    }
    return w;
  };
  /** The line's width with half-width punctuation, summed word by word in order as the line was filled. */
  const halfOf = (l: Filling) => {
    while (l.halved < l.words.length) l.half += half(l.words[l.halved++]!);
    return l.half;
  };
  const drawn = (r: Run) => runWidth(r.text, o.role, o.size, o.fonts, r.halfWidthPunctuation ? HALT : undefined);
  let line = EMPTY;
  let compressed = false;

  const emit = (justify: boolean) => {
    const t = trimmed(line.words.join(''));
    const runs = compressed ? compressedRuns(t) : [{ text: t, halfWidthPunctuation: false }];
    // One run: the sum of its words' widths (what pdfkit measures, as long as no kerning pair straddles
    // two words; were one to, the line would end a hair off the margin). Several runs: each measured
    // as pdfkit will, so their sum never exceeds the line and none is pushed onto a line of its own.
    const natural = runs.length === 1 ? widthOf(line, compressed ? half : full) : runs.reduce((w, r) => w + drawn(r), 0);
    const slack = room() - SAFETY - natural;
    const n = gaps(runs);
    const gap = justify && n > 0 ? Math.min(Math.max(slack / n, 0), MAX_GAP * o.size) : 0;
    out.push({ runs, spacing: gap, indent: out.length === 0 ? o.indent : 0 });
    line = EMPTY;
    compressed = false;
  };
  const add = (word: string) => {
    if (line === EMPTY) line = { words: [], full: 0, half: 0, halved: 0 };
    line.words.push(word);
    line.full += full(word);
  };

  for (const raw of words(text)) {
    const forced = /[\r\n]$/u.test(raw);
    let word = forced ? raw.replace(/\r?\n$|\r$/u, '') : raw;
    if (!line.words.length) word = word.replace(/^\s+/u, '');
    if (word) {
      // Widths of the line ending with this word (its trailing space would not count).
      const t = trimmed(word);
      const fullEnd = line.full + full(t);
      if (!line.words.length || (compressed ? halfOf(line) + half(t) : fullEnd) <= room()) add(word);
      else if (
        justify &&
        !compressed &&
        stretch(line, room(), full) > STRETCH_BEFORE_COMPRESSING * o.size &&
        halfOf(line) + half(t) <= room()
      ) {
        // Stretching would show: set the line's punctuation half-width and go on filling it.
        compressed = true;
        add(word);
      } else {
        emit(justify);
        word = word.replace(/^\s+/u, '');
        if (word) add(word);
      }
    }
    if (forced) emit(false);
  }
  if (line.words.length || !out.length) emit(false);
  return out;
}

/** The width of a line as it stands, its last word's trailing white space left out. */
function widthOf(line: Filling, measure: (w: string) => number): number {
  const last = line.words.at(-1);
  if (last === undefined) return 0;
  const sum = line.words.reduce((w, word) => w + measure(word), 0);
  return sum - measure(last) + measure(trimmed(last));
}

/** The gap each pair of characters would get if the line were justified as it stands. */
function stretch(line: Filling, room: number, full: (w: string) => number): number {
  const t = trimmed(line.words.join(''));
  return t.length > 1 ? (room - widthOf(line, full)) / (t.length - 1) : Number.POSITIVE_INFINITY;
}

/** Style of a text broken by textLines: what pdfmake needs on each line node. */
export interface TextStyle {
  font: string;
  fontSize: number;
  lineHeight?: number;
  alignment?: 'left' | 'center' | 'right';
}

/**
 * Text that is not justified, as pdfmake line nodes: one node per line, one inline per node, broken at
 * `width` (the first line indented by `indent`), all shifted right by `left`. The first node carries
 * `first` (an anchor's id, its bookmark).
 */
export function textLines(
  text: string,
  role: Role,
  style: TextStyle,
  o: { fonts: FontSet; width: number; indent?: number; left?: number },
  first: Record<string, unknown> = {},
): Record<string, unknown>[] {
  const left = o.left ?? 0;
  const lines = breakLines(text, {
    fonts: o.fonts,
    role,
    size: style.fontSize,
    width: o.width - left,
    indent: o.indent ?? 0,
    justify: false,
  });
  return lines.map((l, i) => {
    const margin = left + l.indent;
    return {
      text: l.runs.map((r) => r.text).join(''),
      noWrap: true,
      ...style,
      ...(margin ? { margin: [margin, 0, 0, 0] } : {}),
      ...(i === 0 ? first : {}),
    };
  });
}
