/**
 * The 2024 PDF's structure: page count and orientation, page numbers counted from 第一部分, a 目录 whose
 * numbers and links agree with the pages, nested bookmarks, metadata from the model.
 */
import { describe, expect, it } from 'vitest';
import { tocEntries } from '../../src/render/pdf/toc.ts';
import { readPdf, renderYear, squash, type PdfPage } from './pdf-text.ts';

async function pdf2024() {
  const { doc, pdf } = (await renderYear('2024'))[0]!;
  return { doc, ...(await readPdf(pdf)) };
}

/** The first page whose text contains `text` (white space aside). */
const pageWith = (pages: PdfPage[], text: string) => pages.findIndex((p) => squash(p.text).includes(squash(text)));

describe('the 2024 document', () => {
  it('is a ~40-page A4 document', async () => {
    const { pages } = await pdf2024();
    expect(pages.length).toBeGreaterThanOrEqual(35);
    expect(pages.length).toBeLessThanOrEqual(48);
    for (const p of pages) expect([p.width, p.height].sort((a, b) => a - b)).toEqual([595.28, 841.89]);
  });

  it('numbers pages — 1 — from 第一部分, none on the cover and the 目录', async () => {
    const { pages } = await pdf2024();
    expect(pages[0]!.footer).toBeUndefined();
    expect(pages[1]!.footer).toBeUndefined();
    expect(squash(pages[2]!.text)).toMatch(/^第一部分/);
    expect(pages.slice(2).map((p) => p.footer)).toEqual(pages.slice(2).map((_, i) => i + 1));
  });

  it('labels the pages in the viewer as the paper numbers them: i, ii for the cover and 目录, then 1, 2, …', async () => {
    const { pdf, pages } = await pdf2024();
    const labels = await pdf.getPageLabels();
    expect(labels).toEqual(pages.map((p, i) => (p.footer === undefined ? ['i', 'ii'][i] : String(p.footer))));
  });

  it('prints each 目录 entry with the number of the page it links to, on one 目录 page', async () => {
    const { doc, pdf, pages } = await pdf2024();
    const entries = tocEntries(doc);
    const tocPage = squash(pages[1]!.text);
    expect(tocPage.startsWith('目录')).toBe(true);
    for (const e of entries) {
      const dest = await pdf.getDestination(e.dest);
      expect(dest, e.dest).toBeTruthy();
      const page = pages[await pdf.getPageIndex(dest![0] as { num: number; gen: number })]!;
      expect(squash(page.text), e.text).toContain(squash(e.text.replace(/（公开\d+表）$/, '')));
      // “text …… N”: the entry followed (after the leader dots) by the linked page's footer number.
      expect(tocPage).toMatch(new RegExp(`${escape(squash(e.text))}\\.*${page.footer}(?!\\d)`));
    }
    const annotations = await (await pdf.getPage(2)).getAnnotations();
    const links = annotations.filter((a: { subtype: string }) => a.subtype === 'Link').map((a: { dest?: string }) => a.dest);
    expect(new Set(links)).toEqual(new Set(entries.map((e) => e.dest)));
  });

  it('has bookmarks: the five parts, each with its 目录 entries nested', async () => {
    const { doc, pdf } = await pdf2024();
    const outline = (await pdf.getOutline())!;
    const entries = tocEntries(doc);
    expect(outline.map((o: { title: string }) => o.title)).toEqual(entries.filter((e) => e.level === 0).map((e) => e.text));
    for (const part of outline) {
      const dest = entries.find((e) => e.text === part.title)!.dest;
      expect(part.items.map((i: { title: string }) => i.title)).toEqual(entries.filter((e) => e.parent === dest).map((e) => e.text));
      // Opens at the heading (left 0, top of the line), not at the page's top right corner.
      expect((part.dest as unknown[])[2]).toBe(0);
    }
  });

  it('prints the wide 公开表 landscape and the others upright, as their content asks (README: 表格方向)', async () => {
    const { doc, pages } = await pdf2024();
    const printed: Record<string, string> = {};
    for (const b of doc.blocks) {
      if (b.kind !== 'table' || !b.table.label) continue;
      const page = pages[pageWith(pages, `${b.table.title}${b.table.label}`)]!;
      printed[b.table.label] = page.width > page.height ? 'landscape' : 'portrait';
    }
    const landscape = ['公开02表', '公开03表', '公开04表', '公开06表', '公开07表'];
    expect(printed).toEqual(Object.fromEntries(Object.keys(printed).map((l) => [l, landscape.includes(l) ? 'landscape' : 'portrait'])));
    expect(Object.keys(printed).length).toBe(10);
  });

  it('fits 公开04 on one page, its 总计 row and notes included (the published one spills two rows)', async () => {
    const { pages } = await pdf2024();
    const page = squash(pages[pageWith(pages, '财政拨款收入支出决算总表公开04表')]!.text);
    expect(page).toMatch(/总计32.*总计64/);
    expect(page).toContain('注：本表反映部门（单位）本年度一般公共预算财政拨款');
  });

  it('prints the empty 公开07 with its header, its 合计 row and its notes', async () => {
    const { pages } = await pdf2024();
    const page = squash(pages[pageWith(pages, '政府性基金预算财政拨款收入支出决算表公开07表')]!.text);
    expect(page).toContain('年初结转和结余本年收入本年支出年末结转和结余');
    expect(page).toContain('栏次123456合计注：1.本表反映部门（单位）本年度政府性基金预算财政拨款收入、支出及结转和结余情况。');
    expect(page).toContain('2.当此表数据为空时，即本部门（单位）无政府性基金预算财政拨款收入、支出。');
  });

  it('carries the model’s metadata, dated from the data', async () => {
    const { doc, pdf } = await pdf2024();
    const { info } = (await pdf.getMetadata()) as unknown as { info: Record<string, string> };
    expect(info).toMatchObject({
      Title: doc.title,
      Author: doc.author,
      Subject: doc.subject,
      Keywords: doc.keywords.join(', '),
      Creator: 'juesuan',
      Language: 'zh-CN',
      CreationDate: `D:${doc.date.replace(/-/g, '')}000000Z`,
    });
  });
});

describe('the 2020 report', () => {
  it('is numbered from its first page and has no 目录', async () => {
    const { pdf, pages } = await readPdf((await renderYear('2020'))[0]!.pdf);
    expect(pages.map((p) => p.footer)).toEqual(pages.map((_, i) => i + 1));
    expect(await pdf.getPageLabels()).toEqual(pages.map((_, i) => String(i + 1)));
    expect(squash(pages[0]!.text)).toMatch(/^江西省总工会2020年度部门预算项目绩效自评报告根据/);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
