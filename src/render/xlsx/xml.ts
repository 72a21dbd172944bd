/**
 * The little XML the workbook's parts need: escaped text and attributes.
 * Every string from the data goes through `text` or `attr`, so no name or note can break a part.
 */

/**
 * Characters XML 1.0 forbids (C0 controls but tab, line feed and carriage return; U+FFFE/U+FFFF; lone
 * surrogates): a reader refuses the whole part for one of them, so they are dropped. The loader already
 * refuses control characters in a year file; this is the last guard.
 */
const FORBIDDEN = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // In an attribute a parser turns these into spaces unless they are written as references.
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Element content. */
export function text(s: string): string {
  return s.replace(FORBIDDEN, '').replace(/[&<>]|\r/g, (c) => ENTITIES[c]!);
}

/** An attribute value (between double quotes). */
export function attr(s: string): string {
  return s.replace(FORBIDDEN, '').replace(/[&<>"'\t\n\r]/g, (c) => ENTITIES[c]!);
}

/**
 * A cell's string (ST_Xstring): readers decode `_xHHHH_` as the character U+HHHH, so a literal one is
 * written with its underscore escaped (`_x005F_`), and the element keeps its spaces and line breaks.
 */
export function cellString(s: string): string {
  const escaped = text(s.replace(/_x[0-9A-Fa-f]{4}_/g, '_x005F$&'));
  return /^\s|\s$|\n/.test(s) ? `<t xml:space="preserve">${escaped}</t>` : `<t>${escaped}</t>`;
}

/** A sheet name as a formula or defined name refers to it: always quoted, quotes doubled. */
export const sheetRef = (name: string): string => `'${name.replace(/'/g, "''")}'`;

export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
