import { describe, expect, it } from 'vitest';
import { at, check, lineWith, yaml } from '../helpers/year.ts';

const RULE = 'change-reason-missing';

describe(RULE, () => {
  it('ok: every change against last year has a reason; unchanged lines need none', () => {
    expect(check('').pairs(RULE)).toEqual([]);
  });

  it('ok: without a prior year there is no change to explain', () => {
    expect(check('', { prior: null, omit: ['explanations.expenditure_total'] }).pairs(RULE)).toEqual([]);
  });

  it('not ok: 本年支出合计 up 16.00 without a reason, pointed at the explanations', () => {
    const r = check(
      yaml`
      explanations:   # ← 违规
        basic: { "302": 压减办公费 }
    `,
      { omit: ['explanations'] },
    );
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
    expect(r.messages(RULE)[0]).toMatch(/本年支出合计比上年增加 16.00 万元，未说明主要原因（请填写 explanations.expenditure_total）/);
  });

  it('not ok: 商品和服务支出 down 2.00 and 机关运行经费 down 2.00 without reasons', () => {
    const r = check(
      yaml`
      explanations:   # ← 违规
        expenditure_total: 彩票公益金资助项目支出增加
      admin_operating_cost: { amount: 18.00 }   # ← 违规
    `,
      { omit: ['explanations.basic'] },
    );
    expect(r.pairs(RULE)).toEqual(at(RULE, ...r.marks));
    expect(r.messages(RULE)).toEqual([
      expect.stringMatching(/基本支出「商品和服务支出」比上年减少 2.00 万元.*explanations.basic.302/),
      expect.stringMatching(/机关运行经费比上年减少 2.00 万元.*admin_operating_cost.reason/),
    ]);
  });
});

describe(`${RULE}: 三公经费`, () => {
  it('ok: 运行维护费 3.50 → 3.20 and 接待费 1.20 → 1.50 with their prior_reason; the total 4.70 unchanged', () => {
    expect(check('').pairs(RULE)).toEqual([]);
  });

  it('not ok: 公务接待费 up 0.30 and the 三公 total up 0.30 without a reason (五 would print no 主要原因)', () => {
    const r = check('', {
      omit: ['three_public.reception.prior_reason'],
      edit: {
        'three_public:\n': 'three_public: # ← 违规\n',
        'actual: 3.20, fleet: 2, budget_reason: 厉行节约, prior_reason: 减少公务出行': 'actual: 3.50, fleet: 2, budget_reason: 厉行节约',
      },
    });
    expect(r.messages(RULE)).toEqual([
      '“三公”经费比上年增加 0.30 万元，未说明主要原因（请填写 three_public.prior_reason）',
      '公务接待费比上年增加 0.30 万元，未说明主要原因（请填写 three_public.reception.prior_reason）',
    ]);
    expect(r.pairs(RULE)).toEqual([
      [RULE, r.mark],
      [RULE, lineWith(r.text, 'initial_budget: 2.00') - 1],
    ]); // three_public:, reception:
  });
});
