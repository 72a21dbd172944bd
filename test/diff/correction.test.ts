/**
 * Issue 5, workflow 1: a figure corrected after publication. The rebuild must report exactly the changed
 * leaf, every total and narrative sentence that depends on it, and nothing else; keep the previous
 * version in history/; and a rebuild without a change must not touch a single file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareCorrection, type Correction } from '../../src/diff/correction.ts';
import { parseReportData } from '../../src/model/report.ts';
import { readManifest } from '../../src/write/manifest.ts';
import { contents, CORRECTION, snapshot, workspace, type Workspace } from './fixture.ts';

const PDF = '江西省总工会2024年度部门决算.pdf';
const XLSX = '江西省总工会2024年度部门决算公开表.xlsx';
const HTML = '江西省总工会2024年度部门决算.html';

describe('a corrected figure (2012901 行政运行 848.10 → 850.10)', () => {
  let ws: Workspace;
  let first: Record<string, string>;
  let firstSnapshot: ReturnType<typeof snapshot>;
  let result: Awaited<ReturnType<Workspace['build']>>;
  let correction: Correction;

  beforeAll(async () => {
    ws = workspace();
    const v1 = await ws.build();
    expect(v1).toMatchObject({ ok: true, status: 'first', version: 1 });
    first = contents(ws.year);
    firstSnapshot = snapshot(ws.year);
    ws.edit(CORRECTION);
    result = await ws.build();
    correction = compareCorrection(
      {
        report: parseReportData(readFileSync(join(ws.year, 'history/001/report.json'), 'utf8')),
        manifest: readManifest(readFileSync(join(ws.year, 'history/001/manifest.json'), 'utf8')),
      },
      {
        report: parseReportData(readFileSync(join(ws.year, 'report.json'), 'utf8')),
        manifest: readManifest(readFileSync(join(ws.year, 'manifest.json'), 'utf8')),
      },
    );
  });
  afterAll(() => ws.cleanup());

  it('publishes version 2 and keeps version 1 byte for byte in history/001', () => {
    expect(result).toMatchObject({ ok: true, status: 'changed', version: 2, archive: 'history/001' });
    const archived = contents(join(ws.year, 'history/001'));
    expect(archived).toEqual(first);
    expect(readManifest(readFileSync(join(ws.year, 'manifest.json'), 'utf8')).version).toBe(2);
    expect(readFileSync(join(ws.year, 'changes.md'), 'utf8')).toBe(result.changes);
    expect(existsSync(join(ws.year, 'history/002'))).toBe(false);
    // The archive copies keep their content; the first build's files are not modified in place either.
    expect([...firstSnapshot.keys()].sort()).toEqual(Object.keys(archived).sort());
  });

  it('lists exactly the changed leaf and every total that depends on it, each +2.00', () => {
    const cells = correction.cells.map((c) => `${c.table.id} ${c.row} ${c.column}`).sort();
    const hier = (t: string, cols: string[]) => ['total', '201', '20129', '2012901'].flatMap((r) => cols.map((c) => `${t} ${r} ${c}`));
    const expected = [
      // 公开01: 一般公共预算财政拨款收入, 本年收入合计, 总计 (收入方); 一般公共服务支出, 本年支出合计, 总计 (支出方)
      'T01 r1 c1',
      'T01 r27 c1',
      'T01 r31 c1',
      'T01 r32 c2',
      'T01 r58 c2',
      'T01 r62 c2',
      ...hier('T02', ['c1', 'c2']), // 本年收入合计, 财政拨款收入
      ...hier('T03', ['c1', 'c2']), // 本年支出合计, 基本支出
      // 公开04: 一般公共预算财政拨款, 本年收入合计, 总计; 一般公共服务支出, 本年支出合计, 总计 (合计 + 一般公共预算)
      'T04 r1 c1',
      'T04 r27 c1',
      'T04 r32 c1',
      'T04 r33 c2',
      'T04 r33 c3',
      'T04 r59 c2',
      'T04 r59 c3',
      'T04 r64 c2',
      'T04 r64 c3',
      ...hier('T05', ['c1', 'c2']),
      'T06 301 amount',
      'T06 30103 amount',
      'T06 personnel amount',
    ].sort();
    expect(cells).toEqual(expected);
    expect(new Set(correction.cells.map((c) => c.difference))).toEqual(new Set(['2']));
    const leaf = correction.cells.find((c) => c.table.id === 'T02' && c.row === '2012901' && c.column === 'c1')!;
    expect(leaf).toMatchObject({ rowName: '2012901 行政运行', columnLabel: '本年收入合计', old: '848.1', new: '850.1' });
    expect(correction.rows).toEqual([]);
    expect(correction.tables).toEqual([]);
    expect(correction.tableText).toEqual([]);
  });

  it('lists exactly the narrative sentences that depend on it, old and new, and no unchanged sentence', () => {
    const byPlace = correction.text.map((t) => [t.location, t.change, t.sentences.map((s) => s.new)]);
    const part3 = '第三部分 2024年度部门决算情况说明';
    expect(byPlace).toEqual([
      [
        `${part3} › 一、收入决算情况说明 › 第1段`,
        'changed',
        [
          expect.stringContaining('收入总计12655.82万元'),
          expect.stringMatching(
            /^本年收入合计12655\.82万元，比上年增加4861\.38万元，增长62\.37%，主要原因：.*省直单位一次性经费补助减少0\.2万元/,
          ),
        ],
      ],
      [`${part3} › 一、收入决算情况说明 › 第2段`, 'changed', ['本年收入的具体构成：财政拨款收入12655.82万元，占100.00%；']],
      [
        `${part3} › 二、支出决算情况说明 › 第1段`,
        'changed',
        ['本部门2024年度支出总计12655.82万元，其中本年支出合计12655.82万元，比上年增加4849.92万元，增长62.13%，主要原因：按预算执行；'],
      ],
      [
        `${part3} › 二、支出决算情况说明 › 第2段`,
        'changed',
        ['本年支出的具体构成：基本支出1733.72万元，占13.70%；', '项目支出10922.10万元，占86.30%；'],
      ],
      [
        `${part3} › 三、财政拨款支出决算情况说明 › 第1段`,
        'changed',
        ['本部门2024年度财政拨款本年支出年初预算数6795.12万元，决算数12655.82万元，完成年初预算的186.25%。'],
      ],
      [
        `${part3} › 三、财政拨款支出决算情况说明 › 第2段`,
        'changed',
        [
          '（一）一般公共服务支出（类）年初预算数5533.29万元，决算数11393.99万元，完成年初预算的205.92%。',
          '预决算差异主要原因：年中追加了省直单位一次性经费补助850.1万元和工人文化宫土地划拨款退回5010.6万元。',
        ],
      ],
      [
        `${part3} › 四、一般公共预算财政拨款基本支出决算情况说明 › 第1段`,
        'changed',
        ['本部门2024年度一般公共预算财政拨款基本支出1733.72万元，其中：'],
      ],
      [
        `${part3} › 四、一般公共预算财政拨款基本支出决算情况说明 › 第2段`,
        'changed',
        [expect.stringMatching(/^（一）工资福利支出1555\.25万元，比上年增加32\.98万元，增长2\.17%，主要原因：/)],
      ],
      [
        `${part3} › 九、预算绩效情况说明 › （一）绩效管理工作开展情况。 › 第3段`,
        'changed',
        [expect.stringContaining('涉及一般公共预算支出11955.82万元')],
      ],
    ]);
    // Each reported sentence really changed, and its old text is the published one.
    for (const t of correction.text) for (const s of t.sentences) expect(s.old).not.toBe(s.new);
    expect(correction.text[0]!.sentences[1]!.old).toMatch(/^本年收入合计12653\.82万元，比上年增加4859\.38万元，增长62\.34%/);
  });

  it('names the changed input and output files by their manifest sha256', () => {
    expect(correction.files.map((f) => [f.role, f.file, f.change])).toEqual([
      ['input', 'data/2024.yaml', 'changed'],
      ['input', 'data/2023.yaml', 'unchanged'],
      ['output', PDF, 'changed'],
      ['output', HTML, 'changed'],
      ['output', XLSX, 'changed'],
      ['output', 'report.json', 'changed'],
    ]);
  });

  it('writes changes.md with the cells, sentences and files', () => {
    const md = readFileSync(join(ws.year, 'changes.md'), 'utf8');
    expect(md).toContain('本次为第 2 版，与第 1 版（已原样存入 history/001/）相比。');
    expect(md).toContain('## 一、表格数字（42 处）');
    expect(md).toContain('### 公开02表 收入决算表');
    expect(md).toContain('| 2012901 行政运行 | 本年收入合计 | 848.10 | 850.10 | +2.00 |');
    expect(md).toContain('| 行次27 本年收入合计 | 金额 | 12,653.82 | 12,655.82 | +2.00 |');
    expect(md).toContain('## 三、文字说明（9 处）');
    expect(md).toContain('- 数字：12653.82 → 12655.82；4859.38 → 4861.38；62.34% → 62.37%；2.2 → 0.2');
    expect(md).toMatch(/\| data\/2024\.yaml \| 输入 \| 已变化 \| [0-9a-f]{12} \| [0-9a-f]{12} \|/);
    expect(md).toMatch(/\| data\/2023\.yaml \| 输入 \| 未变化 \|/);
  });

  it('writes a 更正说明 to post, as a web page and a PDF: what changed where, old and new, versions and date', () => {
    expect(result.files.map((f) => f.name)).toEqual(expect.arrayContaining(['更正说明.html', '更正说明.pdf']));
    expect(existsSync(join(ws.year, '更正说明.pdf'))).toBe(true);
    const html = readFileSync(join(ws.year, '更正说明.html'), 'utf8');
    expect(html).toContain('<title>关于《江西省总工会2024年度部门决算》的更正说明</title>');
    expect(html).toContain(
      '<h1 class="doc-title" id="notice.title"><span class="line">关于《江西省总工会2024年度部门决算》</span><span class="line">的更正说明</span></h1>',
    );
    expect(html).toContain('我单位于2025年9月30日公开的《江西省总工会2024年度部门决算》（第1版）中，下列内容有误，现更正如下：');
    expect(html).toContain('>一、表格数字</h2>');
    expect(html).toContain('共42处（金额单位：万元）。');
    expect(html).toContain('<tr class="class"><th scope="row" colspan="5" class="b">公开02表 收入决算表</th></tr>');
    expect(html).toContain(
      '<tr class="line"><th scope="row" class="i1 stick" style="left: 0.00em">2012901 行政运行</th><td>本年收入合计</td><td class="r">848.10</td><td class="r">850.10</td><td class="r">+2.00</td></tr>',
    );
    expect(html).toContain('>二、文字说明</h2>');
    expect(html).toContain('<p class="indent">（一）第三部分 2024年度部门决算情况说明“一、收入决算情况说明”第1段：</p>');
    // The changed figures of a sentence are marked whole, in the old sentence and in the new one.
    expect(html).toContain(
      '<p class="indent">原为“本年收入合计<del>12653.82</del>万元，比上年增加<del>4859.38</del>万元，增长<del>62.34%</del>，主要原因：',
    );
    expect(html).toContain(
      '<p class="indent">更正为“本年收入合计<ins>12655.82</ins>万元，比上年增加<ins>4861.38</ins>万元，增长<ins>62.37%</ins>，主要原因：',
    );
    expect(html).toContain('省直单位一次性经费补助减少<ins>0.2</ins>万元');
    expect(html).toContain('更正后的《江西省总工会2024年度部门决算》为第2版，与本说明同时公开，各项内容以第2版为准。特此说明。');
    expect(html).toContain('<p class="align-right">江西省总工会</p>\n<p class="align-right">2025年9月30日</p>');
  });

  it('a rebuild with no change writes nothing: every byte and mtime stays, and it says so', async () => {
    const before = snapshot(ws.year);
    ws.logs.length = 0;
    const again = await ws.build();
    expect(again).toMatchObject({ ok: true, status: 'unchanged', version: 2 });
    expect(again.changes).toBeUndefined();
    expect(ws.logs.join('\n')).toContain('与上次发布相比没有变化（第 2 版）');
    const after = snapshot(ws.year);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [path, f] of before) {
      expect(after.get(path)!.bytes.equals(f.bytes), path).toBe(true);
      expect(after.get(path)!.mtimeMs, path).toBe(f.mtimeMs);
    }
  });

  it('a second correction archives version 2 with its changes.md as history/002', async () => {
    const v2 = contents(ws.year);
    ws.edit([['"30109": 109.79', '"30109": 109.79   # 只改注释：输出不变']]);
    expect(await ws.build()).toMatchObject({ status: 'unchanged' });
    expect(ws.logs.at(-1)).toContain('输入文件有改动，但不影响任何输出');
    expect(contents(ws.year)).toEqual(v2);

    ws.edit([['performance:\n  overall:\n    grade: 优', 'performance:\n  overall:\n    grade: 良']]);
    const v3 = await ws.build();
    expect(v3).toMatchObject({ status: 'changed', version: 3, archive: 'history/002' });
    const archived = contents(join(ws.year, 'history/002'));
    expect(Object.keys(archived)).toEqual(expect.arrayContaining(['changes.md', '更正说明.html', '更正说明.pdf']));
    expect(Object.fromEntries(Object.entries(v2).filter(([p]) => !p.startsWith('history/')))).toEqual(archived);
    expect(contents(join(ws.year, 'history/001'))).toEqual(first);
    // A text-only correction: no figure changed, one sentence did.
    const md = readFileSync(join(ws.year, 'changes.md'), 'utf8');
    expect(md).toContain('## 一、表格数字（0 处）');
    expect(md).toContain('## 三、文字说明（1 处）');
    expect(md).toContain(
      '- 新：组织开展部门整体支出绩效评价，涉及一般公共预算支出11955.82万元，政府性基金预算支出0万元，国有资本预算支出700万元，评价结果为“良”。',
    );
  });
});
