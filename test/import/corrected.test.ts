/**
 * The finance system re-exports corrected tables: importing them with the same year's file as --texts
 * replaces the figures and keeps everything else; what the new figures need but the file lacks is added
 * as 待填写; reasons that no longer add up are reported by the existing rules.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderYear } from '../xlsx/helpers.ts';
import { cli, tempDir } from './helpers.ts';

describe('a corrected workbook of the same year', () => {
  it('replaces the figures, keeps the texts, marks the new 类 and 项, and check reports the reasons that no longer add up', async () => {
    const dir = tempDir();
    const file = join(dir, '2024.yaml');
    copyFileSync('test/fixtures/base/2024.yaml', file);
    copyFileSync('test/fixtures/base/2023.yaml', join(dir, '2023.yaml'));
    // The corrected tables: 5.00 more of 一般公共预算 income and basic spending, under 2050201 学前教育.
    const corrected = readFileSync(file, 'utf8')
      .replace(
        '  - { code: "2296002", gov_fund: 50.00 }',
        '  - { code: "2050201", general: 5.00 }\n  - { code: "2296002", gov_fund: 50.00 }',
      )
      .replace(
        '  - { code: "2296002", project: { gov_fund: 45.00 } }',
        '  - { code: "2050201", basic: { general: 5.00 } }\n  - { code: "2296002", project: { gov_fund: 45.00 } }',
      )
      .replace('  "30101": 120.00', '  "30101": 125.00');
    const source = join(dir, 'export', '2024.yaml');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(dir, 'export'));
    writeFileSync(source, corrected);
    const workbook = join(dir, '更正后的公开表.xlsx');
    writeFileSync(workbook, (await renderYear(source)).buffer);

    const before = readFileSync(file, 'utf8');
    const r = await cli('import', workbook, '--texts', file, '--out', file, '--force');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^新增了待填写的条目：budget 205、glossary 2050201$/m);
    const after = readFileSync(file, 'utf8');
    expect(after).toMatch(/^ {2}- \{ code: "2050201", general: 5\.00 \}$/m);
    expect(after).toMatch(/^ {2}"30101": 125\.00/m);
    expect(after).toMatch(/^ {2}- \{ code: "205", initial: 待填写 \}$/m);
    expect(after).toMatch(/^ {4}- \{ code: "2050201", text: 待填写 \}$/m);
    // Texts as they were: the reasons, the projects, the evaluation.
    for (const line of [
      '  expenditure_total: 彩票公益金资助项目支出增加',
      '      title: 信息化建设项目支出绩效评价报告',
      '    purpose: 接待全国示例工作交流',
    ]) {
      expect(before).toContain(line);
      expect(after).toContain(line);
    }
    // The reasons for the change in 收入 explained 22.00; it is now 27.00.
    expect(r.out).toMatch(/错误 \[change-reasons-sum\] 本年收入合计比上年增加 27\.00 万元，但所列原因合计 22 万元，相差 5 万元/);
    expect(r.out).toMatch(/错误 \[draft-marker\] budget\[\d\]\.initial 待填写/);
  });
});
