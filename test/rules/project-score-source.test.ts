import { describe, expect, it } from 'vitest';
import { at, check, lineWith } from '../helpers/year.ts';

const RULE = 'project-score-source';

describe(RULE, () => {
  it('ok: a published 自评表 gives the score; the others state theirs', () => {
    expect(check('').pairs(RULE)).toEqual([]);
  });

  it('not ok: a score typed beside a published 自评表', () => {
    const r = check('', { edit: { '    fund: general\n': '    fund: general\n    score: 100 # ← 违规\n' } });
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
    expect(r.messages(RULE)[0]).toMatch(/已填写自评表，得分由表计算（98 分），请删除 score/);
  });

  it('not ok: neither a score nor a 自评表; a score over 100', () => {
    const r = check('', {
      edit: {
        'executed: 45.00 } }, score: 92 }': 'executed: 45.00 } } }',
        'executed: 30.00 } }, score: 88 }': 'executed: 30.00 } }, score: 100.5 }',
      },
    });
    expect(r.pairs(RULE)).toEqual(at(RULE, lineWith(r.text, '彩票公益金资助项目, fund'), lineWith(r.text, '改革补助, fund')));
    expect(r.messages(RULE)).toEqual([
      '项目「彩票公益金资助项目」缺少自评得分 score（或填写 self_evaluation 自评表）',
      '项目「改革补助」自评得分 100.5 超过 100 分',
    ]);
  });
});
