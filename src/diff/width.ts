/**
 * Display width in a terminal: CJK ideographs and full-width forms take two columns, combining marks
 * none, everything else one (East Asian Width W/F = 2; ambiguous characters such as “ ” count as one,
 * as most terminals draw them outside CJK locales). Without this, columns of Chinese labels drift.
 */

const WIDE: [number, number][] = [
  [0x1100, 0x115f], // Hangul Jamo
  [0x2e80, 0x303e], // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation (、。〈〉「」【】)
  [0x3041, 0x33ff], // Hiragana … CJK compatibility
  [0x3400, 0x4dbf], // CJK extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xa000, 0xa4cf], // Yi
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe10, 0xfe19], // vertical forms
  [0xfe30, 0xfe6f], // CJK compatibility forms, small forms
  [0xff00, 0xff60], // full-width forms (，（）：；！？％)
  [0xffe0, 0xffe6], // full-width signs (￥)
  [0x1f300, 0x1f64f], // pictographs, emoticons
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd], // CJK extensions B…
];

const ZERO: [number, number][] = [
  [0x0300, 0x036f], // combining diacritics
  [0x200b, 0x200f], // zero-width space, joiners, marks
  [0xfe00, 0xfe0f], // variation selectors
];

const within = (ranges: [number, number][], cp: number) => ranges.some(([a, b]) => cp >= a && cp <= b);

export function charWidth(cp: number): 0 | 1 | 2 {
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || within(ZERO, cp)) return 0;
  return within(WIDE, cp) ? 2 : 1;
}

export function stringWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch.codePointAt(0)!);
  return w;
}

/** Pads to a display width: text left-aligned (labels), numbers right-aligned. */
export function pad(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const fill = ' '.repeat(Math.max(0, width - stringWidth(text)));
  return align === 'left' ? text + fill : fill + text;
}

/** Lays out rows as columns separated by two spaces; each column as wide as its widest cell. */
export function columns(rows: string[][], aligns: ('left' | 'right')[]): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, stringWidth(c))));
  return rows.map((r) => r.map((c, i) => pad(c, i === r.length - 1 && aligns[i] !== 'right' ? 0 : widths[i]!, aligns[i] ?? 'left')).join('  ').trimEnd());
}
