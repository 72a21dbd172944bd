import { describeChar, loadFonts, missingGlyphs, type MissingGlyph } from '../../fonts/index.ts';
import { defineRule, walkStrings } from './_util.ts';

/**
 * Every character typed in the year file must have a glyph in every face the PDF is set in; pdfkit
 * draws a missing one as an empty box (tofu) without a word of warning. The default Noto fonts lack
 * most of CJK Extension B (𠀀) and a few symbols. Each character is reported once per string, at the
 * line where it first stands (inside a block text, the paragraph's line).
 */
export default defineRule({
  id: 'glyph-coverage',
  severity: 'error',
  description: '文字须在 PDF 所用字体中都有字形（否则显示为方框），如生僻字、扩展区汉字',
  appliesTo: ['disclosure', 'partial', 'reports'],
  check(ctx) {
    const fonts = loadFonts();
    for (const { text, path } of walkStrings(ctx.raw)) {
      for (const m of missingGlyphs(text, fonts)) ctx.report({ path, at: { text, index: m.index }, message: message(m) });
    }
  },
});

function message(m: MissingGlyph): string {
  const which = m.allFaces ? '在字体中没有字形' : `在字体 ${m.faces.join('、')} 中没有字形`;
  return `${describeChar(m)}${which}，PDF 中会显示为方框；请改用常用字或在 juesuan.config.json 中指定包含该字的字体`;
}
