/**
 * Charts in the PDF: only when juesuan.config.json asks ("charts": { "pdf": true }), on a page of their
 * own at the end of 第三部分, drawn from the same SVG as the web edition; the same bytes every time.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.ts';
import { withPdfCharts } from '../../src/render/html/index.ts';
import { renderPdf } from '../../src/render/pdf/index.ts';
import { readPdf, squash } from '../pdf/pdf-text.ts';
import { editionOf } from './edition.ts';

describe('charts in the PDF', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const project = (config: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'juesuan-charts-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'juesuan.config.json'), config);
    return dir;
  };

  it('are switched on by juesuan.config.json "charts": { "pdf": true }, and off by default', () => {
    expect(readConfig(project('{ "charts": { "pdf": true } }')).charts).toEqual({ pdf: true });
    expect(readConfig(project('{}')).charts).toBeUndefined();
    expect(() => readConfig(project('{ "charts": { "pdf": "是" } }'))).toThrow(/juesuan\.config\.json 中 charts\.pdf 有误/);
    expect(() => readConfig(project('{ "charts": { "pfd": true } }'))).toThrow(/charts/);
  });

  it('fill one page at the end of 第三部分, before 第四部分, with the four charts and their captions', async () => {
    const e = editionOf('2024');
    const doc = withPdfCharts(e.model, e.model.documents[0]!);
    const pdf = await renderPdf(doc);
    expect((await renderPdf(doc)).equals(pdf)).toBe(true);
    const pages = (await readPdf(pdf)).pages.map((p) => squash(p.text));
    const chartPage = pages.findIndex((t) => t.includes('图1'));
    expect(pages[chartPage]).toMatch(/^图1\S*2024年度收入构成（按收入来源）/);
    for (const text of [
      '2024年度支出构成（按支出性质）',
      '图2',
      '图3',
      '图4',
      '主要收支指标与上年对比',
      '一般公共预算财政拨款收入11,953.82（94.47%）',
      '基本支出1,731.72（13.69%）',
      '上年无此数据',
      '2023年度',
      '2024年度',
    ]) {
      expect(pages[chartPage], text).toContain(text);
    }
    expect(pages[chartPage + 1]).toMatch(/^第四部分名词解释/);
    // The page before is 第三部分's last (the 部门评价 reference), so the charts belong to 第三部分.
    expect(pages[chartPage - 1]).toContain('项目部门评价报告见第五部分附件。');
    expect(pages.filter((t) => t.includes('图1'))).toHaveLength(1);
  });
});
