/**
 * The web edition as a file: one self-contained Chinese page built from the templates, every text
 * escaped, the same bytes on every run; its charts show the model's figures. (How it looks and behaves
 * in a browser: browser.test.ts.)
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentModel } from '../../src/model/document.ts';
import { renderHtml, withCharts } from '../../src/render/html/index.ts';
import { chartSvg } from '../../src/render/html/chart-svg.ts';
import { seedFile } from '../helpers/seed-build.ts';
import { editionOf, type Edition } from './edition.ts';

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

describe('web edition of 2024', () => {
  let e: Edition;
  beforeAll(() => {
    e = editionOf('2024');
  });

  it('is one Chinese page named like the PDF, with nothing fetched from elsewhere', () => {
    expect(e.name).toBe('江西省总工会2024年度部门决算.html');
    expect(e.html).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">/);
    expect(e.html).toContain('<title>江西省总工会2024年度部门决算</title>');
    // SVG namespace declarations name a URL but fetch nothing; anything else would be a request.
    const withoutNamespaces = e.html.replace(/ xmlns(:xlink)?="[^"]*"/g, '');
    expect(withoutNamespaces).not.toMatch(/https?:|<script|<link|<img|<iframe|src=|@import|url\(|@font-face/i);
  });

  it('has the cover, the 目录 with working in-page links, the five parts and all ten 公开表 as tables', () => {
    expect(e.html).toMatch(/<h1><span class="line">江西省总工会<\/span><span class="line">2024年度部门决算<\/span><\/h1>/);
    for (const part of [
      '第一部分 江西省总工会概况',
      '第二部分 2024年度部门决算表',
      '第三部分 2024年度部门决算情况说明',
      '第四部分 名词解释',
      '第五部分 附件',
    ]) {
      expect(e.html).toContain(`class="part-title" id="part`);
      expect(e.html).toContain(`>${part}</h2>`);
    }
    const ids = new Set([...e.html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    const links = [...e.html.matchAll(/ href="#([^"]+)"/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(25);
    expect(links.filter((l) => !ids.has(l))).toEqual([]);
    expect([...e.html.matchAll(/ id="([^"]+)"/g)].length).toBe(ids.size); // every id once
    for (let n = 1; n <= 10; n++) expect(e.html).toMatch(new RegExp(`<caption>公开${String(n).padStart(2, '0')}表 `));
    expect(e.html.match(/<table[ >]/g)!.length).toBe(10 + 4 + 4); // 公开表, 自评表 ×3 + 部门评价表, chart data ×4
    expect(e.html).toContain('<th scope="col" class="c">项目（按功能分类）</th>');
    expect(e.html).toContain('<th scope="colgroup" colspan="3" class="c">收入</th>');
  });

  it('prints amounts as the PDF does, right-aligned', () => {
    expect(e.html).toContain('<td class="num r">11,953.82</td>');
    expect(e.html).toContain(
      '<tr class="total"><th scope="row" class="c b stick" style="left: 0.00em">本年收入合计</th><th scope="row" class="code c">27</th><td class="num r">12,653.82</td>',
    );
  });

  it('is the same bytes on every run, in any time zone and locale', () => {
    expect(sha(editionOf('2024').bytes)).toBe(sha(e.bytes));
    // As `build 2024` published it in a fresh process in UTC and the C locale (test/setup/seed-build.ts);
    // test/robustness/locale-determinism.test.ts builds it again in Chinese locales and other time zones
    // and compares every published file, this one included.
    expect(sha(seedFile('2024', e.name))).toBe(sha(e.bytes));
  });

  it('charts the model’s figures, with the shares the narrative states', () => {
    const charts = e.model.charts;
    expect(charts.map((c) => c.id)).toEqual(['income-sources', 'expenditure-types', 'expenditure-classes', 'year-on-year']);
    const types = charts[1]!.points.filter((p) => p.value !== '0');
    expect(types).toEqual([
      { label: '基本支出', value: e.model.figures['basic_total']!.toFixed(), share: '13.69' },
      { label: '项目支出', value: e.model.figures['project_total']!.toFixed(), share: '86.31' },
    ]);
    const narrative = JSON.stringify(e.model.documents[0]!.blocks);
    expect(narrative).toContain('基本支出1731.72万元，占13.69%');
    expect(charts[2]!.points).toEqual([
      { label: '一般公共服务支出', value: '11391.99' },
      { label: '社会保障和就业支出', value: '479.71' },
      { label: '卫生健康支出', value: '82.12' },
      { label: '国有资本经营预算支出', value: '700' },
    ]);
    // Last year's figures come from data/2023.yaml; what that partial file lacks is said, never drawn as 0.
    expect(charts[3]).toMatchObject({
      series: ['2023年度', '2024年度'],
      points: [
        { label: '本年收入合计', value: '12653.82', prior: '7794.44' },
        { label: '本年支出合计', value: '12653.82', prior: '7805.9' },
        { label: '财政拨款支出', value: '12653.82', prior: null },
        { label: '“三公”经费支出', value: '0', prior: '0' },
      ],
    });
    expect(e.html).toContain('<tr><th scope="row">财政拨款支出</th><td class="num">上年无此数据</td><td class="num">12,653.82</td></tr>');
    expect(e.html).toContain('注：上一年度的文件没有财政拨款支出的数据，图中只画本年数。');
  });

  it('draws each chart as inline SVG with a text alternative, the same bytes every time', () => {
    const charts = e.model.charts;
    for (const c of charts) {
      const a = chartSvg(c).svg;
      expect(chartSvg(c).svg).toBe(a);
      expect(a).not.toMatch(/ id="| class="/);
      expect(e.html).toContain(a);
    }
    expect(e.html).toMatch(
      /<figure class="chart" id="chart-income-sources">\n<figcaption id="chart-income-sources-caption">图1　2024年度收入构成（按收入来源）<\/figcaption>\n<div class="chart-svg" role="img" aria-labelledby="chart-income-sources-caption" aria-describedby="chart-income-sources-data"><svg /,
    );
    // The charts come first in 第三部分.
    expect(e.html.indexOf('class="charts"')).toBeGreaterThan(e.html.indexOf('>第三部分 '));
    expect(e.html.indexOf('class="charts"')).toBeLessThan(e.html.indexOf('id="explanation.h1">一、收入决算情况说明<'));
  });
});

describe('web edition: text from the data is escaped everywhere', () => {
  it('a tag typed into a paragraph, a table cell or a chart label is printed, never interpreted', () => {
    const e = editionOf('2024');
    const evil = '<script>alert("x")</script>&';
    const original = e.model.documents[0]!;
    const paragraph = original.blocks.find((b) => b.kind === 'paragraph');
    const table = original.blocks.find((b) => b.kind === 'table');
    const doc: DocumentModel = {
      ...original,
      blocks: original.blocks.map((b) =>
        b === paragraph && b.kind === 'paragraph'
          ? { ...b, text: evil }
          : b === table && b.kind === 'table'
            ? { ...b, table: { ...b.table, title: evil } }
            : b,
      ),
    };
    const charts = e.model.charts.map((c) => ({ ...c, title: evil, points: c.points.map((p) => ({ ...p, label: `${p.label}${evil}` })) }));
    const html = renderHtml(withCharts(doc, charts, 'start')).toString('utf8');
    expect(html).not.toContain('<script');
    expect(html).toContain('<p class="indent">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;</p>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;</h3>');
    expect(html).toMatch(/<text [^>]*>基本支出&lt;script&gt;/);
  });
});

describe('web edition: an office’s own templates', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'juesuan-html-'));
    writeFileSync(join(dir, 'juesuan.config.json'), JSON.stringify({ templates: '本单位模板' }));
    mkdirSync(join(dir, '本单位模板', 'html'), { recursive: true });
    writeFileSync(
      join(dir, '本单位模板', 'html', 'cover.hbs'),
      '<header class="cover"><h1>{{#each lines}}{{this}}{{/each}}</h1><p>本单位自己的封面</p></header>\n',
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('replace the built-in file of the same name, and only that one', () => {
    const e = editionOf('2024');
    const html = renderHtml(e.model.documents[0]!, dir).toString('utf8');
    expect(html).toContain('<header class="cover"><h1>江西省总工会2024年度部门决算</h1><p>本单位自己的封面</p></header>');
    expect(html).toContain('<nav class="toc" id="toc"');
  });
});

describe('web edition of the 2020 report', () => {
  it('has the report without charts', () => {
    const e = editionOf('2020');
    expect(e.name).toMatch(/\.html$/);
    expect(e.html).not.toContain('class="charts"');
    expect(e.html).toMatch(/<h1 class="doc-title"/);
  });
});
