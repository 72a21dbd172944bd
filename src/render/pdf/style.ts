/**
 * Page geometry and type sizes, after GB/T 9704 (党政机关公文格式) as Jiangxi portals publish it:
 * A4, 版心 156 × 225 mm (top 37 mm, left 28 mm), body 三号 (16 pt) on a 22-line grid, titles 二号
 * 小标宋, page numbers 四号 “— 1 —”. Tables get wider landscape/portrait frames of their own.
 */
import type { Margins } from 'pdfmake/interfaces.js';
import { lineHeightEm, type FontSet, type Role } from '../../fonts/index.ts';

const mm = (v: number) => (v * 72) / 25.4;

export const PAGE = {
  portrait: { width: 595.28, height: 841.89 },
  landscape: { width: 841.89, height: 595.28 },
};

/** [left, top, right, bottom] */
export const MARGINS: Record<'text' | 'portraitTable' | 'landscapeTable', Margins & [number, number, number, number]> = {
  text: [mm(28), mm(37), mm(26), mm(35)],
  portraitTable: [mm(22), mm(25), mm(22), mm(25)],
  landscapeTable: [mm(15), mm(15), mm(15), mm(15)],
};

export const contentWidth = (margins: [number, number, number, number], orientation: 'portrait' | 'landscape') =>
  PAGE[orientation].width - margins[0] - margins[2];

/** Point sizes of the Chinese 字号 used. */
export const SIZE = { er: 22, san: 16, si: 14, xiaosi: 12, wu: 10.5, xiaowu: 9 } as const;

/** 22 lines in 225 mm: the 公文 line pitch for 三号 body text. */
export const BODY_PITCH = mm(225) / 22;

/** pdfmake's lineHeight multiplies the face's natural height (ascent − descent), not the font size. */
export function lineHeightFor(fonts: FontSet, role: Role, size: number, pitch: number): number {
  return pitch / (size * lineHeightEm(fonts, role));
}

/** The renderer's styles for one font set (families depend on the configuration). */
export function textStyles(fonts: FontSet) {
  const f = fonts.family;
  const body = { font: f.body, fontSize: SIZE.san, lineHeight: lineHeightFor(fonts, 'body', SIZE.san, BODY_PITCH) };
  return {
    body,
    paragraph: { ...body, alignment: 'justify' as const, leadingIndent: 2 * SIZE.san },
    part: {
      font: f.hei,
      fontSize: SIZE.er,
      alignment: 'center' as const,
      lineHeight: lineHeightFor(fonts, 'hei', SIZE.er, BODY_PITCH * 1.4),
      margin: [0, 0, 0, BODY_PITCH] as Margins,
    },
    title: {
      font: f.title,
      fontSize: SIZE.er,
      alignment: 'center' as const,
      lineHeight: lineHeightFor(fonts, 'title', SIZE.er, BODY_PITCH * 1.3),
    },
    heading1: { font: f.hei, fontSize: SIZE.san, lineHeight: body.lineHeight, leadingIndent: 2 * SIZE.san },
    heading2: { font: f.kai, fontSize: SIZE.san, lineHeight: body.lineHeight, leadingIndent: 2 * SIZE.san },
    heading3: { font: f.bodyBold, fontSize: SIZE.san, lineHeight: body.lineHeight, leadingIndent: 2 * SIZE.san },
    footer: { font: f.body, fontSize: SIZE.si, alignment: 'center' as const },
  };
}

export type TextStyles = ReturnType<typeof textStyles>;
