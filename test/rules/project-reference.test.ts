import { describe, expect, it } from 'vitest';
import { check, yaml } from '../helpers/year.ts';

const RULE = 'project-reference';

/** The seed's names: the project is 省劳模专项补助资金, §九 called it 省劳模专项补助金 (C-3). */
const SEED_NAME = { '- name: 信息化建设': '- name: 省劳模专项补助资金' };

describe(RULE, () => {
  it('ok: the department evaluation names a project of the list, exactly', () => {
    const r = check('', { edit: { ...SEED_NAME, 'project: 信息化建设': 'project: 省劳模专项补助资金' } });
    expect(r.pairs(RULE)).toEqual([]);
  });

  it('not ok: seed defect C-3, 省劳模专项补助金 for 省劳模专项补助资金, with the name suggested', () => {
    const r = check('', { edit: { ...SEED_NAME, 'project: 信息化建设': 'project: 省劳模专项补助金 # ← 违规' } });
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
    expect(r.messages(RULE)[0]).toBe(
      '部门评价的项目「省劳模专项补助金」不在 projects 中；是否为「省劳模专项补助资金」？同一项目全文应只用一个名称',
    );
  });

  it('not ok: a name like none of the projects gets no suggestion', () => {
    const r = check('', { edit: { 'project: 信息化建设': 'project: 送温暖资金 # ← 违规' } });
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
    expect(r.messages(RULE)[0]).not.toMatch(/是否为/);
  });

  it('ok: the order of the published 自评表 names each published project once', () => {
    const r = check(yaml`
      performance:
        self_evaluation_order: [信息化建设]
    `);
    expect(r.pairs(RULE)).toEqual([]);
  });

  it('not ok: the order names a project twice, one without a 自评表, and one not in the list', () => {
    const r = check(yaml`
      projects: # 追加
        - { name: 宣传经费, fund: general, score: 95, funding: { current: { initial: 0, full_year: 0, executed: 0 } } }
      performance:
        self_evaluation_order:
          - 信息化建设
          - 信息化建设  # ← 违规
    `);
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
    expect(r.messages(RULE)[0]).toBe('自评表顺序中「信息化建设」出现了两次');
    const other = check(yaml`
      performance:
        self_evaluation_order: [信息化建设项目]  # ← 违规
    `);
    expect(other.messages(RULE)[0]).toBe(
      '自评表顺序中的「信息化建设项目」不在 projects 中；是否为「信息化建设」？同一项目全文应只用一个名称',
    );
  });
});
