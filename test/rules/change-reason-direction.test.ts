import { describe, expect, it } from 'vitest';
import { at, check, yaml } from '../helpers/year.ts';

const RULE = 'change-reason-direction';

describe(RULE, () => {
  it('ok: the seed’s wordings (“住房公积金增加” +18.72, “减少副省专项” −10, “增加工人文化宫土地划拨款” +5010.6)', () => {
    const r = check(yaml`
      changes:
        - { text: 住房公积金增加, amount: 18.72 }
        - { text: 减少副省专项, amount: -10 }
        - { text: 增加工人文化宫土地划拨款, amount: 5010.6 }
        - { text: 核工业特殊困难群体补助经费减少, amount: -100 }
        - { text: 人员调整，工资增加、公积金减少, amount: 3 }
    `);
    expect(r.pairs(RULE)).toEqual([]);
  });

  it('not ok: “增加” with a negative amount, “减少” with a positive one', () => {
    const r = check(yaml`
      changes:
        - { text: 基本工资增加, amount: -12.00, economic: "301" }   # ← 违规
        - { text: 退休费减少, amount: 2.00, economic: "303" }   # ← 违规
        - { text: 彩票公益金资助项目增加, amount: 32.00 }
    `);
    expect(r.pairs(RULE)).toEqual(at(RULE, ...r.marks));
    expect(r.messages(RULE)[1]).toMatch(/「退休费减少」写的是减少，金额应填负数（现为 2）/);
  });

  it('not ok: the same slip in itemised reasons of explanations and of a budget variance', () => {
    const r = check(
      yaml`
      explanations:
        expenditure_total:
          items:
            - { text: 彩票公益金资助项目支出减少, amount: 16.00 }   # ← 违规
    `,
      { edit: { '{ text: 信息化建设经费, amount: 15.00 }': '{ text: 信息化建设经费压减, amount: 15.00 } # ← 违规' } },
    );
    expect(r.pairs(RULE)).toEqual(at(RULE, r.marks[1]!, r.marks[0]!));
  });
});
