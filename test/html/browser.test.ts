/**
 * The web edition in a real browser (Debian's chromium, headless, driven by playwright-core; no browser
 * is downloaded): it loads without a console error or a request, its 公开表 show exactly the model's
 * figures, it fits a phone (375 px) and a desktop (1280 px) without the page scrolling sideways, axe-core
 * finds no serious or critical accessibility problem, and printing it repeats the table headers.
 *
 * The phone and desktop pages are screenshotted whole and the pictures' sizes asserted; set
 * JUESUAN_SCREENSHOTS=<folder> to keep them (with the 更正说明 page and the printed PDF) and look at them.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareCorrection } from '../../src/diff/correction.ts';
import { correctionNotice, noticeInfo } from '../../src/diff/notice.ts';
import { cellText } from '../../src/model/format.ts';
import { modelData, type ReportData } from '../../src/model/report.ts';
import { renderHtml } from '../../src/render/html/index.ts';
import { readPdf, squash } from '../pdf/pdf-text.ts';
import { editionOf, type Edition } from './edition.ts';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

/** Flags that keep Chromium from reaching for the network (the machine has none) or a profile. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** axe-core's serious and critical findings on a page (id, impact and the first few elements). */
async function seriousViolations(page: Page) {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

interface Loaded {
  page: Page;
  errors: string[];
  requests: string[];
}

describe('the web edition of 2024 in Chromium', () => {
  let dir: string;
  /** Where screenshots go, if anywhere (see above). */
  const shots = process.env.JUESUAN_SCREENSHOTS;
  const screenshot = async (page: Page, name: string) => {
    if (shots) await page.screenshot({ path: join(shots, name), fullPage: true });
  };
  /** A full-page screenshot's size in pixels, read from its PNG header (kept in JUESUAN_SCREENSHOTS if set). */
  const pageShot = async (page: Page, name: string) => {
    const png = await page.screenshot({ fullPage: true, ...(shots ? { path: join(shots, name) } : {}) });
    return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
  };
  let url: string;
  let edition: Edition;
  let browser: Browser;
  const pages = new Map<number, Loaded>();
  let phoneHeight = 0;

  async function open(width: number): Promise<Loaded> {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('request', (r) => {
      if (r.url() !== url) requests.push(r.url());
    });
    await page.goto(url, { waitUntil: 'load' });
    return { page, errors, requests };
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'juesuan-browser-'));
    if (shots) mkdirSync(shots, { recursive: true });
    edition = editionOf('2024');
    const file = join(dir, edition.name);
    writeFileSync(file, edition.bytes);
    url = pathToFileURL(file).href;
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, timeout: 60_000 });
    for (const width of [375, 1280]) pages.set(width, await open(width));
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads with no console error and no request beyond the file itself', () => {
    for (const [width, p] of pages) {
      expect(p.errors, `${width} px`).toEqual([]);
      expect(p.requests, `${width} px`).toEqual([]);
    }
  });

  it('shows every cell of the ten 公开表 exactly as the model has it', async () => {
    const { page } = pages.get(1280)!;
    const shown = await page.evaluate(() =>
      Object.fromEntries(
        [...document.querySelectorAll<HTMLElement>('section.table-block')].map((s) => [
          s.id,
          [...s.querySelectorAll('table tr')].map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent ?? '')),
        ]),
      ),
    );
    expect(edition.model.tables).toHaveLength(10);
    for (const spec of edition.model.tables) {
      const expected = [...spec.header, ...spec.body].map((r) => r.cells.filter((c) => c !== null).map((c) => cellText(c.value)));
      expect(shown[spec.id], spec.id).toEqual(expected);
    }
    // A few figures a reader would look for.
    expect(shown['T01']![3]).toEqual(['一、一般公共预算财政拨款收入', '1', '11,953.82', '一、一般公共服务支出', '32', '11,391.99']);
    expect(shown['T03']![4]).toEqual(['合计', '12,653.82', '1,731.72', '10,922.10', '', '', '']);
  });

  it('fits a phone: the page never scrolls sideways, wide tables scroll in their own box with the first column in view', async () => {
    const { page } = pages.get(375)!;
    const shot = await pageShot(page, 'phone-375.png');
    const m = await page.evaluate(() => {
      const boxes = [...document.querySelectorAll<HTMLElement>('.scroll')].map((b) => {
        const r = b.getBoundingClientRect();
        return { id: b.closest('section')!.id, left: r.left, right: r.right, scrolls: b.scrollWidth > b.clientWidth + 1 };
      });
      const t02 = document.querySelector<HTMLElement>('#T02 .scroll')!;
      const firstCell = () => t02.querySelector('tbody tr:nth-child(2) > :first-child')!.getBoundingClientRect().left;
      const before = firstCell();
      const numberBefore = t02.querySelector('tbody tr:nth-child(2) > td')!.getBoundingClientRect().left;
      t02.scrollLeft = t02.scrollWidth;
      const after = firstCell();
      const numberAfter = t02.querySelector('tbody tr:nth-child(2) > td')!.getBoundingClientRect().left;
      const charts = [...document.querySelectorAll('.chart-svg svg')].map((s) => s.getBoundingClientRect().right);
      return {
        scrollWidth: document.documentElement.scrollWidth,
        height: document.documentElement.scrollHeight,
        boxes,
        sticky: { before, after, numberMoved: numberBefore - numberAfter, boxLeft: t02.getBoundingClientRect().left },
        charts,
        paragraphRight: Math.max(...[...document.querySelectorAll('main p')].map((p) => p.getBoundingClientRect().right)),
      };
    });
    expect(m.scrollWidth).toBe(375);
    // The picture a reader scrolls through: as wide as the phone, as tall as the whole page.
    expect(shot).toEqual({ width: 375, height: m.height });
    for (const b of m.boxes) {
      expect(b.left, b.id).toBeGreaterThanOrEqual(0);
      expect(b.right, b.id).toBeLessThanOrEqual(375);
    }
    // The landscape 公开表 are wider than a phone and scroll inside their box.
    expect(m.boxes.filter((b) => b.scrolls).map((b) => b.id)).toEqual(expect.arrayContaining(['T02', 'T03', 'T04', 'T06']));
    // Scrolled to the far right, the figures moved but the code column stayed at the box's left edge.
    expect(m.sticky.numberMoved).toBeGreaterThan(100);
    expect(Math.abs(m.sticky.after - m.sticky.before)).toBeLessThan(1);
    expect(Math.abs(m.sticky.after - m.sticky.boxLeft)).toBeLessThan(2);
    expect(m.charts.length).toBe(4);
    for (const right of m.charts) expect(right).toBeLessThanOrEqual(375);
    expect(m.paragraphRight).toBeLessThanOrEqual(375);
    phoneHeight = m.height;
  });

  it('fits a desktop: no table needs to scroll, charts side by side, and the page is shorter than on a phone', async () => {
    const { page } = pages.get(1280)!;
    const shot = await pageShot(page, 'desktop-1280.png');
    const m = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      height: document.documentElement.scrollHeight,
      scrolling: [...document.querySelectorAll<HTMLElement>('.table-block.grid .scroll')]
        .filter((b) => b.scrollWidth > b.clientWidth + 1)
        .map((b) => b.closest('section')!.id),
      widths: [...document.querySelectorAll<HTMLElement>('.scroll')].map((b) => b.getBoundingClientRect().width),
      charts: [...document.querySelectorAll('.chart')].map((c) => Math.round(c.getBoundingClientRect().top)),
    }));
    expect(m.scrollWidth).toBe(1280);
    expect(shot).toEqual({ width: 1280, height: m.height });
    expect(m.scrolling).toEqual([]);
    for (const w of m.widths) expect(w).toBeLessThanOrEqual(1000);
    expect(m.charts[0]).toBe(m.charts[1]); // two per row
    expect(m.height).toBeGreaterThan(10_000);
    const phone = phoneHeight;
    expect(phone).toBeGreaterThan(m.height);
    expect(phone).toBeLessThan(3 * m.height);
  });

  it('has no serious or critical accessibility violation (axe-core)', async () => {
    for (const [width, { page }] of pages) expect(await seriousViolations(page), `${width} px`).toEqual([]);
  });

  it('a 更正说明 page, too, loads cleanly and passes axe-core, its changes marked as deletions and insertions', async () => {
    const before = modelData(edition.model);
    const after = JSON.parse(JSON.stringify(before)) as ReportData;
    const cell = after.tables
      .find((t) => t.id === 'T10')!
      .body.flatMap((r) => r.cells)
      .find((c) => c?.ref?.row === 'r1')!;
    if (cell.value.kind === 'count') cell.value.value = 2;
    const p = after.documents[0]!.blocks.find((b) => b.kind === 'paragraph' && b.text.startsWith('截止2024年12月31日'))!;
    if (p.kind === 'paragraph') p.text = p.text.replace('共有车辆0辆', '共有车辆2辆');
    const manifest = { inputs: [], outputs: [] };
    const notice = correctionNotice(
      compareCorrection({ report: before, manifest }, { report: after, manifest }),
      noticeInfo(before, after, { version: 2, previousVersion: 1, archive: 'history/001' }),
    );
    const file = join(dir, '更正说明.html');
    writeFileSync(file, renderHtml(notice));
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    const errors: string[] = [];
    page.on('console', (m) => errors.push(m.text()));
    await page.goto(pathToFileURL(file).href);
    await screenshot(page, 'notice-375.png');
    expect(errors).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(375);
    expect(await page.locator('del').allTextContents()).toEqual(['0']);
    expect(await page.locator('ins').allTextContents()).toEqual(['2']);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('prints on A4 with the header rows of a table repeated on every page it runs onto', async () => {
    const { page } = pages.get(1280)!;
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    if (shots) writeFileSync(join(shots, 'printed.pdf'), pdf);
    const printed = (await readPdf(pdf)).pages;
    const sizes = new Set(printed.map((p) => `${Math.round(p.width)}×${Math.round(p.height)}`));
    expect(sizes).toEqual(new Set(['595×842', '842×595'])); // A4, landscape for the wide 公开表
    expect(squash(printed[0]!.text)).toBe('江西省总工会2024年度部门决算');

    // A 公开表 long enough to run over several pages (公开02表 with its rows six times over): every page
    // after the first starts with the header rows, never with a bare row of figures.
    const t02 = edition.model.tables.find((t) => t.id === 'T02')!;
    const long = { ...t02, body: Array.from({ length: 6 }, () => t02.body).flat() };
    const doc = { ...edition.model.documents[0]!, blocks: [{ kind: 'table' as const, id: 'T02', table: long, toc: true }] };
    const file = join(dir, 'long.html');
    writeFileSync(file, renderHtml(doc));
    const longPage = await browser.newPage();
    await longPage.goto(pathToFileURL(file).href);
    const longPrinted = (await readPdf(await longPage.pdf({ preferCSSPageSize: true }))).pages.map((p) => squash(p.text));
    await longPage.close();
    expect(longPrinted.length).toBeGreaterThanOrEqual(3);
    const labels = ['项目', '支出功能分类科目编码', '科目名称', '本年收入合计', '财政拨款收入', '其他收入', '类', '款', '项'];
    expect(longPrinted[0]).toMatch(/^公开02表收入决算表/);
    for (const [i, t] of longPrinted.slice(1).entries()) {
      // The page opens with the header rows (labels, no figure) down to the 栏次 row, then the figures.
      const head = /^(\D*)栏次1234567\d/.exec(t)?.[1];
      expect(head, `page ${i + 2}: ${t.slice(0, 60)}`).toBeDefined();
      for (const l of labels) expect(head, `page ${i + 2}`).toContain(l);
    }
  });
});
