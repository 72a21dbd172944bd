import { describe, expect, it } from 'vitest';
import { at, check, yaml } from '../helpers/year.ts';

const RULE = 'change-reason-missing';

describe(RULE, () => {
  it('ok: every change against last year has a reason; unchanged lines need none', () => {
    expect(check('').pairs(RULE)).toEqual([]);
  });

  it('ok: without a prior year there is no change to explain', () => {
    expect(check('', { prior: null, omit: ['explanations.expenditure_total'] }).pairs(RULE)).toEqual([]);
  });

  it('not ok: 本年支出合计 up 16.00 without a reason, pointed at the explanations', () => {
    const r = check(yaml`
      explanations:   # ← 违规
        basic: { "302": 压减办公费 }
    `, { omit: ['explanations'] });
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
    expect(r.messages(RULE)[0]).toMatch(/本年支出合计比上年增加 16.00 万元，未说明主要原因（请填写 explanations.expenditure_total）/);
  });

  it('not ok: 商品和服务支出 down 2.00 and 机关运行经费 down 2.00 without reasons', () => {
    const r = check(yaml`
      explanations:   # ← 违规
        expenditure_total: 彩票公益金资助项目支出增加
      admin_operating_cost: { amount: 18.00 }   # ← 违规
    `, { omit: ['explanations.basic'] });
    expect(r.pairs(RULE)).toEqual(at(RULE, ...r.marks));
    expect(r.messages(RULE)).toEqual([
      expect.stringMatching(/基本支出「商品和服务支出」比上年减少 2.00 万元.*explanations.basic.302/),
      expect.stringMatching(/机关运行经费比上年减少 2.00 万元.*admin_operating_cost.reason/),
    ]);
  });
});
