import { describe, expect, it } from 'vitest';
import { cellText } from '../../src/model/format.ts';
import type { TableSpec } from '../../src/model/table-spec.ts';
import { buildTables } from '../../src/model/tables.ts';
import { check } from '../helpers/year.ts';

const RULE = 'rounding-tie';

/** The printed text of the amount cells of the row whose first cell is `code` in a hierarchical table. */
function printedRow(table: TableSpec, code: string): string[] {
  const row = table.body.find((r) => r.cells[0]?.value.kind === 'code' && r.cells[0].value.text === code)!;
  return row.cells.filter((c) => c?.value.kind === 'amount').map((c) => cellText(c!.value));
}

describe(RULE, () => {
  it('ok: the base year (amounts in 2 places) and exact 元 amounts whose printed figures happen to tie', () => {
    expect(check('').pairs(RULE)).toEqual([]);
    // 1000.0040 + 553.2450 = 1553.2490: printed 1,000.00 + 553.25 = 1,553.25, the total prints 1,553.25.
    const r = check('', {
      edit: { '{ code: "2012901", general: 300.00, other: 2.00 }': '{ code: "2012901", general: 1000.0040, other: 553.2450 }' },
    });
    expect(r.pairs(RULE)).toEqual([]);
  });

  it('not ok: the printed 财政拨款 and 其他收入 of a 项 add to 1,553.26 while its printed 合计 is 1,553.25 (公开02, and so 公开01)', () => {
    const r = check('', {
      edit: { '{ code: "2012901", general: 300.00, other: 2.00 }': '{ code: "2012901", general: 1000.0050, other: 553.2450 } # ← 违规' },
    });
    const warnings = r.of(RULE);
    // 公开01's 本年收入合计 is placed at `income:` (the line above), 公开02's row at the row itself.
    expect(warnings.map((d) => [d.ruleId, d.place?.line, d.severity])).toEqual([
      [RULE, r.mark - 1, 'warning'],
      [RULE, r.mark, 'warning'],
    ]);
    const [t01, t02] = warnings.map((d) => d.message);
    expect(t01).toMatch(/^公开01表 收入支出决算总表有尾差：「本年收入合计」显示为 1,693\.25，各项收入的显示数合计 1,693\.26，相差 0\.01/);
    expect(t02).toMatch(
      /^公开02表 收入决算表有尾差：「2012901 [^」]+」的「本年收入合计」显示为 1,553\.25，「财政拨款收入」、「其他收入」的显示数合计 1,553\.26，相差 0\.01/,
    );
    expect(t02).toMatch(/金额单位转换时可能存在尾数误差/);
    // The 款 and 类 rows and the 合计 row of 公开02 have the same difference: counted, and listed as related.
    const more = Number(/另有 (\d+) 处/.exec(t02!)![1]);
    expect(warnings[1]!.related).toHaveLength(more);

    // What the rule says is what the table prints (the one TableSpec both renderers read).
    const t = buildTables(r.calc!).find((x) => x.id === 'T02')!;
    const [total, fiscal, , , , , other] = printedRow(t, '2012901');
    expect([total, fiscal, other]).toEqual(['1,553.25', '1,000.01', '553.25']);
  });

  it('not ok: 公开06, a 类 whose printed 款 add to one cent more than the printed 类', () => {
    const r = check('', { edit: { '"30101": 120.00': '"30101": 120.0050 # ← 违规', '"30102": 50.00': '"30102": 50.0050' } });
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
    expect(r.messages(RULE)[0]).toMatch(
      /^公开06表 一般公共预算财政拨款基本支出决算表有尾差：「301 工资福利支出」显示为 230\.01，其下各款的显示数合计 230\.02，相差 0\.01/,
    );
  });

  it('not ok: several differences in one table are one warning that counts the rest', () => {
    const r = check('', {
      edit: {
        '{ code: "2012901", general: 300.00, other: 2.00 }': '{ code: "2012901", general: 300.0050, other: 2.0050 } # ← 违规',
        '{ code: "2080505", general: 40.00 }': '{ code: "2080505", general: 40.0040, business: 0.0040 }',
      },
    });
    const t02 = r.of(RULE).filter((d) => d.message.startsWith('公开02表'));
    expect(t02).toHaveLength(1);
    expect(t02[0]!.place?.line).toBe(r.mark);
    expect(t02[0]!.message).toMatch(
      /「2012901 [^」]+」的「本年收入合计」显示为 302\.01，「财政拨款收入」、「其他收入」的显示数合计 302\.02/,
    );
    expect(t02[0]!.message).toMatch(/「2080505 [^」]+」的「本年收入合计」显示为 40\.01，「财政拨款收入」、「事业收入」的显示数合计 40\.00/);
    expect(t02[0]!.message).toMatch(/另有 \d+ 处/);
  });

  it('ok: a relation that does not hold exactly is another rule’s error, not a rounding difference', () => {
    // The 基金 row does not balance by a whole 1.00: gov-fund-row-balance reports it; no 尾差 here.
    const r = check('', {
      edit: { '- { code: "2296002", opening: 8.00, closing: 13.00 }': '- { code: "2296002", opening: 8.00, closing: 14.0050 }' },
    });
    expect(r.pairs('gov-fund-row-balance').length).toBe(1);
    expect(r.pairs(RULE)).toEqual([]);
  });
});
