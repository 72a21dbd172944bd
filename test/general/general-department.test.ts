/**
 * A second, fictional department that fills what the seed leaves empty: 三公经费, 政府性基金 with
 * balances, carry-overs, 事业收入, vehicles, two units, and a full prior year. The tool must handle it
 * as well as the seed.
 */
import { describe, expect, it } from 'vitest';
import { buildDocuments } from '../../src/model/build-document.ts';
import { buildTables } from '../../src/model/tables.ts';
import { loadYear } from '../../src/pipeline.ts';
import { documentLines, squash, tableLines } from '../helpers/document-text.ts';

const FILE = 'test/fixtures/general/2024.yaml';

describe('a department with 三公经费, 政府性基金 and carry-overs', () => {
  const result = loadYear(FILE);
  const calc = result.value!.calc;
  const text = squash(documentLines(buildDocuments(calc)[0]!).join('\n'));
  const tables = Object.fromEntries(buildTables(calc).map((t) => [t.id, tableLines(t).join('\n')]));

  it('checks clean against its full prior year (continuity holds: 2023 年末 110.00 = 2024 年初)', () => {
    expect(result.diagnostics).toEqual([]);
  });

  it('states the changes against the full prior year', () => {
    expect(text).toContain('年初结转和结余110.00万元，比上年减少25.00万元，下降18.52%，主要原因：上年项目资金按进度结转');
    expect(text).toContain('本年收入合计3663.05万元，比上年增加250.05万元，增长7.33%');
    expect(text).toContain('年末结转和结余195.00万元，比上年增加85.00万元，增长77.27%');
    expect(text).toContain('工资福利支出2047.25万元，比上年增加87.25万元，增长4.45%');
    expect(text).toContain('资本性支出65.00万元，比上年减少15.00万元，下降18.75%，主要原因：办公设备购置减少15万元');
  });

  it('composition shares add up to 100.00%', () => {
    expect(text).toContain('财政拨款收入3527.75万元，占96.31%；事业收入120.00万元，占3.27%');
    expect(text).toContain('其他收入15.30万元，占0.42%');
  });

  it('describes 三公经费 with budgets, changes from a zero base and counts', () => {
    expect(text).toContain('“三公”经费支出全年预算数80.00万元，决算数70.50万元；决算数比上年增加27.50万元，增长63.95%');
    // 2023 had no vehicle purchase: no rate may be stated from a zero base.
    expect(text).toContain(
      '公务用车购置全年预算数30.00万元，决算数28.00万元，主要原因：按规定更新一辆执法执勤用车。决算数比上年增加28.00万元，主要原因',
    );
    expect(text).toContain('全年国内公务接待40批，累计接待320人次（其中外事接待2批，15人次）');
    expect(tables.T09).toContain('一、“三公”经费支出 1 55.00 80.00 70.50');
    expect(tables.T09).toContain('其中：外事接待费 8 —— —— 1.20');
  });

  it('prints 政府性基金 with its balances in 公开07 and by fund in 公开04', () => {
    expect(tables.T07).toContain('2296003 用于体育事业的彩票公益金支出 80.00 500.00 450.00 450.00 130.00');
    expect(tables.T04).toContain('年末财政拨款结转和结余 60 180.00 50.00 130.00');
    expect(tables.T04).toContain('总计 32 3,627.75 总计 64 3,627.75 3,047.75 580.00');
  });

  it('counts vehicles in 公开10 and in 八', () => {
    expect(tables.T10).toContain('一、车辆数合计(台、辆) 1 8');
    expect(text).toContain('本部门共有车辆8辆（台），其中：副部（省）级及以上领导用车0辆、主要负责人用车1辆');
  });

  it('never prints a dangling heading or a placeholder', () => {
    expect(text).not.toMatch(/undefined|NaN|\{\{|\{=/);
    expect(text).not.toContain('2、单位自评工作开展情况');
  });
});
