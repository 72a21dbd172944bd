/**
 * The 更正说明 as a document of its own: built from a Correction, laid out by the PDF renderer and the
 * web edition's renderer like any other document. (The build writing it: correction.test.ts.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { compareCorrection, type Correction } from '../../src/diff/correction.ts';
import { chineseDate, correctionNotice, markChanges, noticeInfo } from '../../src/diff/notice.ts';
import { buildModel, modelData, type ReportData } from '../../src/model/report.ts';
import { loadYear } from '../../src/pipeline.ts';
import { renderHtml } from '../../src/render/html/index.ts';
import { renderPdf } from '../../src/render/pdf/index.ts';
import { readPdf, squash } from '../pdf/pdf-text.ts';

const manifest = { inputs: [], outputs: [] };

describe('marking what a correction changed inside a sentence', () => {
  it('marks a changed figure whole, and keeps everything else as it was', () => {
    const m = markChanges('本年收入合计12653.82万元，增长62.34%。', '本年收入合计12655.82万元，增长62.37%。');
    expect(m.old).toEqual([
      { text: '本年收入合计' },
      { text: '12653.82', mark: 'removed' },
      { text: '万元，增长' },
      { text: '62.34%', mark: 'removed' },
      { text: '。' },
    ]);
    expect(m.new).toEqual([
      { text: '本年收入合计' },
      { text: '12655.82', mark: 'added' },
      { text: '万元，增长' },
      { text: '62.37%', mark: 'added' },
      { text: '。' },
    ]);
  });

  it('marks the characters of a reworded phrase', () => {
    const m = markChanges('主要原因：按预算执行。', '主要原因：按年初预算执行。');
    expect(m.old).toEqual([{ text: '主要原因：按预算执行。' }]);
    expect(m.new).toEqual([{ text: '主要原因：按' }, { text: '年初', mark: 'added' }, { text: '预算执行。' }]);
  });

  it('dates read the Chinese way', () => {
    expect(chineseDate('2025-09-30')).toBe('2025年9月30日');
    expect(chineseDate('2026-01-05')).toBe('2026年1月5日');
  });
});

describe('a 更正说明 of one corrected figure and one corrected sentence', () => {
  let before: ReportData;
  let after: ReportData;
  let correction: Correction;
  beforeAll(() => {
    before = modelData(buildModel(loadYear('2024').value!.calc));
    after = JSON.parse(JSON.stringify(before)) as ReportData;
    const cell = after.tables
      .find((t) => t.id === 'T10')!
      .body.flatMap((r) => r.cells)
      .find((c) => c?.ref?.row === 'r1')!;
    if (cell.value.kind === 'count') cell.value.value = 2;
    const doc = after.documents[0]!;
    doc.date = '2025-10-15';
    const p = doc.blocks.find((b) => b.kind === 'paragraph' && b.text.startsWith('截止2024年12月31日'))!;
    if (p.kind === 'paragraph') p.text = p.text.replace('共有车辆0辆', '共有车辆2辆');
    correction = compareCorrection({ report: before, manifest }, { report: after, manifest });
  });

  it('says what, where, old and new, with the versions and the corrected version’s date', async () => {
    expect(correction.cells.map((c) => `${c.table.name} ${c.rowName} ${c.old} → ${c.new}`)).toEqual([
      '公开10表 国有资产占用情况表 行次1 一、车辆数合计(台、辆) 0 → 2',
    ]);
    const notice = correctionNotice(correction, noticeInfo(before, after, { version: 3, previousVersion: 2, archive: 'history/002' }));
    expect(notice).toMatchObject({
      fileName: '更正说明.pdf',
      title: '关于《江西省总工会2024年度部门决算》的更正说明',
      date: '2025-10-15',
      frontMatter: false,
    });
    const html = renderHtml(notice).toString('utf8');
    expect(html).toContain('我单位于2025年9月30日公开的《江西省总工会2024年度部门决算》（第2版）中，下列内容有误，现更正如下：');
    expect(html).toContain('<td class="code r">0</td><td class="code r">2</td><td class="r">+2</td>');
    expect(html).toContain('本部门共有车辆<del>0</del>辆');
    expect(html).toContain('本部门共有车辆<ins>2</ins>辆');
    expect(html).toContain('更正后的《江西省总工会2024年度部门决算》为第3版');
    expect(html).toContain('<p class="align-right">2025年10月15日</p>');

    const pages = (await readPdf(await renderPdf(notice))).pages.map((p) => squash(p.text)).join('');
    expect(pages).toContain('关于《江西省总工会2024年度部门决算》的更正说明');
    expect(pages).toContain('一、表格数字');
    expect(pages).toContain('公开10表国有资产占用情况表');
    expect(pages).toContain('行次1一、车辆数合计(台、辆)');
    expect(pages).toContain('二、文字说明');
    expect(pages).toContain('第三部分2024年度部门决算情况说明“八、国有资产占用情况说明”第1段');
    expect(pages).toContain('更正为“截止2024年12月31日，本部门共有车辆2辆');
    expect(pages).toContain('江西省总工会2025年10月15日');
  });

  it('says so when the previous version cannot be compared', () => {
    const blind = compareCorrection({ manifest }, { report: after, manifest });
    const html = renderHtml(
      correctionNotice(blind, noticeInfo(undefined, after, { version: 2, previousVersion: 1, archive: 'history/001' })),
    ).toString('utf8');
    expect(html).toContain('我单位公开的《江西省总工会2024年度部门决算》（第1版）中');
    expect(html).toContain('第1版没有可供比较的数据，无法逐项列出更正的内容；请以更正后的第2版为准。');
  });
});
