/** One disagreement between the PDF and the model, and how it is printed. */
import type { PdfPage } from './pdf.ts';

export interface Finding {
  /** The page it is on, when it is on one. */
  page?: PdfPage;
  /** What it concerns: 公开04表 2012901 行政运行 行 合计 栏, 第三部分 的一段文字 … */
  where: string;
  /** What is wrong, with the PDF's and the model's text (「PDF 中为 …，数据为 …」). */
  message: string;
}

/** 第 15 页 (the number printed in the footer), or PDF 第 2 页 for a page without one (cover, 目录). */
export function pageName(page: PdfPage): string {
  return page.printed !== undefined ? `第 ${page.printed} 页` : `PDF 第 ${page.index} 页`;
}

export function formatFinding(f: Finding): string {
  return `${f.page ? `${pageName(f.page)} ` : ''}${f.where}：${f.message}`;
}

/** Text without any white space: how the PDF and the model are compared (line breaks, letter spacing). */
export const squash = (s: string) => s.replace(/\s+/g, '');
