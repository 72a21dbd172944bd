import { describe, expect, it } from 'vitest';
import { check, lineWith, yaml } from '../helpers/year.ts';

const RULE = 'output-file-name';

/** A department name of `n` Chinese characters (3 bytes each in UTF-8). */
const dept = (n: number) => '江西省示例协会'.padEnd(n, '局');

/** A stand-alone report file (kind: reports) with the given report titles. */
const reports = (...titles: string[]) => yaml`
  year: 2020
  department: 江西省总工会
  reports:
    ${titles.map((t) => `- title: ${t}\n  body:\n    - p: 正文。`).join('\n')}
`;
const asReports = { base: null, prior: null, file: 'fixture/2020.yaml' } as const;

describe(RULE, () => {
  it('ok: the base year and a report file publish under plain, distinct names', () => {
    expect(check('').pairs(RULE)).toEqual([]);
    expect(check(reports('2020年度部门预算项目绩效自评报告', '2020年度送温暖资金评价报告'), asReports).pairs(RULE)).toEqual([]);
  });

  it('ok: a department of 73 characters just fits (the workbook name is exactly 255 bytes)', () => {
    const r = check('', { prior: null, edit: { 'department: 江西省示例协会': `department: ${dept(73)}` } });
    expect(r.pairs(RULE)).toEqual([]);
  });

  it('not ok: a department of 74 characters, and one of 90, make names over 255 bytes — at the department line', () => {
    for (const [n, bytes, cut] of [
      [74, 258, 1],
      [90, 306, 17],
    ] as const) {
      const r = check('', { prior: null, edit: { 'department: 江西省示例协会': `department: ${dept(n)}` } });
      expect(r.pairs(RULE)).toEqual([[RULE, lineWith(r.text, 'department:')]]);
      const [d] = r.of(RULE);
      expect(d!.message).toContain(
        `公开表（工作簿）的文件名「${dept(n)}2024年度部门决算公开表.xlsx」有 ${bytes} 字节，超过文件系统允许的 255 字节`,
      );
      expect(d!.message).toContain(`请把部门名称至少缩短 ${cut} 个字`);
      expect([d!.actual, d!.expected]).toEqual([String(bytes), '≤ 255']);
    }
  });

  it('not ok: a report title over 100 characters — at its title line', () => {
    const long = '江西省总工会年度'.padEnd(101, '报');
    const r = check(reports('2020年度部门预算项目绩效自评报告', long), asReports);
    expect(r.pairs(RULE)).toEqual([[RULE, lineWith(r.text, `title: ${long}`)]]);
    // The web edition's name (.html) is one byte longer than the PDF's: it is the one that fails first.
    expect(r.messages(RULE)[0]).toMatch(/第 2 份报告（网页版）的文件名「.*\.html」有 308 字节.*请把报告标题至少缩短 18 个字/);
  });

  it('not ok: a report titled like a file the build writes itself (更正说明) would be overwritten by it', () => {
    const r = check(reports('送温暖资金评价报告', '更正说明'), asReports);
    expect(r.pairs(RULE)).toEqual([[RULE, lineWith(r.text, 'title: 更正说明')]]);
    expect(r.messages(RULE)[0]).toBe(
      '第 2 份报告（PDF）的文件名「更正说明.pdf」是发布程序自己使用的文件名，会与之冲突；请改用其他报告标题',
    );
  });

  it('not ok: two reports with the same title (or differing only in case) — at the second, naming the first', () => {
    const r = check(reports('送温暖资金评价报告', '帮扶资金评价报告', '送温暖资金评价报告'), asReports);
    const lines = r.text.split('\n').flatMap((l, i) => (l.includes('title: 送温暖资金评价报告') ? [i + 1] : []));
    expect(r.pairs(RULE)).toEqual([[RULE, lines[1]]]);
    expect(r.messages(RULE)[0]).toBe(
      '第 3 份报告（PDF）的文件名「送温暖资金评价报告.pdf」与第 1 份报告（PDF）的文件名相同，发布时会互相覆盖；请改用不同的报告标题',
    );
    expect(r.of(RULE)[0]!.related?.[0]?.place.line).toBe(lines[0]);

    const cased = check(reports('Report A', 'REPORT a'), asReports);
    expect(cased.pairs(RULE)).toEqual([[RULE, lineWith(cased.text, 'title: REPORT a')]]);
    expect(cased.messages(RULE)[0]).toContain('与第 1 份报告（PDF）的文件名「Report A.pdf」只差大小写（Windows 和 macOS 视为同一个文件）');
  });

  it('not ok: a report titled like the 部门决算 itself would overwrite its PDF', () => {
    const r = check(yaml`
      reports:
        - title: 江西省示例协会2024年度部门决算
          body:
            - p: 正文。
    `);
    expect(r.pairs(RULE)).toEqual([[RULE, lineWith(r.text, 'title: 江西省示例协会2024年度部门决算')]]);
    expect(r.messages(RULE)[0]).toContain('与部门决算（PDF）的文件名相同');
  });

  it('warns when a name has to be made safe: a leading dot, the temp-file look-alike, “/”, a Windows device name', () => {
    const hidden = check('', { prior: null, edit: { 'department: 江西省示例协会': 'department: .tmp-局' } });
    expect(hidden.pairs(RULE)).toEqual([
      [RULE, lineWith(hidden.text, 'department:')],
      [RULE, lineWith(hidden.text, 'department:')],
    ]);
    expect(hidden.of(RULE).map((d) => d.severity)).toEqual(['warning', 'warning']);
    expect(hidden.messages(RULE)[0]).toBe(
      '部门决算（PDF）的文件名「.tmp-局2024年度部门决算.pdf」以「.」开头（会成为隐藏文件），在 Windows 等系统中不能这样命名；发布时文件名为「_tmp-局2024年度部门决算.pdf」',
    );

    const r = check(reports('2020/2021 年度报告', 'CON', '报告*:?'), asReports);
    expect(r.of(RULE).map((d) => [d.severity, d.place?.line])).toEqual([
      ['warning', lineWith(r.text, 'title: 2020/2021')],
      ['warning', lineWith(r.text, 'title: CON')],
      ['warning', lineWith(r.text, 'title: 报告*')],
    ]);
    expect(r.messages(RULE)).toEqual([
      '第 1 份报告（PDF）的文件名「2020/2021 年度报告.pdf」含有「/」，在 Windows 等系统中不能这样命名；发布时文件名为「2020_2021 年度报告.pdf」',
      '第 2 份报告（PDF）的文件名「CON.pdf」「CON」是 Windows 的设备名，在 Windows 等系统中不能这样命名；发布时文件名为「_CON.pdf」',
      '第 3 份报告（PDF）的文件名「报告*:?.pdf」含有「*」「:」「?」，在 Windows 等系统中不能这样命名；发布时文件名为「报告___.pdf」',
    ]);
  });
});
