/**
 * xl/styles.xml: the cell formats the sheets use, each written once and referred to by number. Formats
 * are numbered in the order first used, so the same tables give the same file.
 */
import { attr, XML_HEAD } from './xml.ts';

export interface CellStyle {
  font: { name: string; charset: number; size: number; bold: boolean };
  horizontal: 'left' | 'center' | 'right';
  wrap: boolean;
  indent: number;
  border: boolean;
  numFmt?: string;
}

/** Excel's built-in number formats the tables use (ids 0–163 are Excel's own, custom ones from 164). */
const BUILT_IN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '@': 49 };
const FIRST_CUSTOM_FORMAT = 164;

/**
 * The workbook's default font (the Normal style's) is Calibri 11: Excel measures column widths in its
 * digit width (7 px), which is what layout.ts sizes the columns for.
 */
const DEFAULT_FONT = '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>';

export class Styles {
  private readonly fonts = new Map<string, number>([[DEFAULT_FONT, 0]]);
  private readonly formats = new Map<string, number>();
  private readonly xfs = new Map<string, number>([['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>', 0]]);

  /** The index (the cell's `s`) of a style, added on first use. */
  index(style: CellStyle): number {
    const f = style.font;
    const font = `<font>${f.bold ? '<b/>' : ''}<sz val="${f.size}"/><name val="${attr(f.name)}"/><charset val="${f.charset}"/></font>`;
    const fontId = numbered(this.fonts, font);
    const numFmtId = this.formatId(style.numFmt ?? 'General');
    const borderId = style.border ? 1 : 0;
    const alignment =
      `<alignment horizontal="${style.horizontal}" vertical="center"` +
      `${style.wrap ? ' wrapText="1"' : ''}${style.indent ? ` indent="${style.indent}"` : ''}/>`;
    const xf =
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="${borderId}" xfId="0"` +
      `${numFmtId ? ' applyNumberFormat="1"' : ''} applyFont="1"${borderId ? ' applyBorder="1"' : ''} applyAlignment="1">` +
      `${alignment}</xf>`;
    return numbered(this.xfs, xf);
  }

  private formatId(code: string): number {
    return BUILT_IN_FORMATS[code] ?? this.formats.get(code) ?? numbered(this.formats, code, FIRST_CUSTOM_FORMAT);
  }

  xml(): string {
    const formats = [...this.formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${attr(code)}"/>`);
    const list = (tag: string, items: string[]) => `<${tag} count="${items.length}">${items.join('')}</${tag}>`;
    return (
      `${XML_HEAD}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
      (formats.length ? list('numFmts', formats) : '') +
      list('fonts', [...this.fonts.keys()]) +
      list('fills', ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>']) +
      list('borders', [
        '<border><left/><right/><top/><bottom/><diagonal/></border>',
        '<border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border>',
      ]) +
      list('cellStyleXfs', ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>']) +
      list('cellXfs', [...this.xfs.keys()]) +
      list('cellStyles', ['<cellStyle name="Normal" xfId="0" builtinId="0"/>']) +
      '<dxfs count="0"/><tableStyles count="0"/></styleSheet>'
    );
  }
}

/** The number of `key` in `map`, the next one (from `first`) when it is new. */
function numbered(map: Map<string, number>, key: string, first = 0): number {
  let n = map.get(key);
  if (n === undefined) map.set(key, (n = first + map.size));
  return n;
}
