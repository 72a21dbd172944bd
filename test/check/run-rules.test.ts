/** What runRules does around the rules: acknowledgements, and a rule that throws. */
import { describe, expect, it } from 'vitest';
import type { Rule } from '../../src/check/rule.ts';
import { formatDiagnostics, hasErrors } from '../../src/diagnostics.ts';
import { check, lineWith, yaml } from '../helpers/year.ts';

/** 公开06 运行维护费 3.50 over 三公 3.20: a warning (three-public-vs-economic), totals kept. */
const WARNING = { '"30231": 3.00': '"30231": 3.50 # ← 违规', '"30201": 20.00': '"30201": 19.50' };
/** 公开06 one more than 公开05: an error (basic-economic-total). */
const ERROR = { '"30201": 20.00': '"30201": 21.00' };

describe('acknowledge', () => {
  it('marks an acknowledged warning, which is still reported, and no longer counts', () => {
    const r = check(
      yaml`
      acknowledge:
        - { rule: three-public-vs-economic, reason: 含上年预付的维护费，已与财政厅核对 }
    `,
      { edit: WARNING },
    );
    expect(r.pairs()).toEqual([['three-public-vs-economic', r.mark]]);
    expect(r.diagnostics[0]).toMatchObject({ severity: 'warning', acknowledged: '含上年预付的维护费，已与财政厅核对' });
    const report = formatDiagnostics(r.diagnostics);
    expect(report).toMatch(/已确认 \[three-public-vs-economic\]/);
    expect(report).toMatch(/确认理由：含上年预付的维护费/);
    expect(report).toMatch(/0 个错误，0 个警告，1 个已确认的警告/);
  });

  it('leaves warnings of other rules alone', () => {
    const r = check(
      yaml`
      acknowledge:
        - { rule: fleet-vs-assets, reason: 不相关 }
    `,
      { edit: WARNING },
    );
    expect(r.diagnostics[0]!.acknowledged).toBeUndefined();
  });

  it('cannot acknowledge an error, and says so at the acknowledgement', () => {
    const r = check(
      yaml`
      acknowledge:
        - { rule: basic-economic-total, reason: 想跳过 }
    `,
      { edit: ERROR },
    );
    expect(r.pairs()).toEqual([
      ['basic-economic-total', lineWith(r.text, 'basic_economic:')],
      ['acknowledge', lineWith(r.text, 'rule: basic-economic-total')],
    ]);
    expect(r.messages('acknowledge')[0]).toMatch(/报告的是错误，错误不能确认/);
    expect(r.diagnostics[0]!.acknowledged).toBeUndefined();
    expect(hasErrors(r.diagnostics)).toBe(true);
  });

  it('reports an acknowledgement that names no rule (a typo would silently acknowledge nothing)', () => {
    const r = check(
      yaml`
      acknowledge:
        - { rule: three-public-vs-econmic, reason: 拼错了 }   # ← 违规
    `,
      { edit: WARNING },
    );
    expect(r.pairs('acknowledge')).toEqual([['acknowledge', r.marks[r.marks.length - 1]]]);
    expect(r.messages('acknowledge')[0]).toMatch(/确认的规则「three-public-vs-econmic」不存在/);
  });

  it('a rule’s warning case can be acknowledged, its error case not (project-total)', () => {
    const ack = yaml`
      acknowledge:
        - { rule: project-total, reason: 部分项目未纳入自评 }
    `;
    const less = check(ack, { edit: { 'executed: 30.00 } }, score: 88': 'executed: 29.00 } }, score: 88' } });
    expect(less.of('project-total')[0]).toMatchObject({ severity: 'warning', acknowledged: '部分项目未纳入自评' });
    const more = check(ack, { edit: { 'executed: 30.00 } }, score: 88': 'executed: 31.00 } }, score: 88' } });
    expect(more.of('project-total')[0]!.acknowledged).toBeUndefined();
  });
});

describe('a rule that throws', () => {
  const boom: Rule = {
    id: 'boom',
    severity: 'warning',
    description: '总是出错的规则',
    check() {
      throw new Error('读取了不存在的数字');
    },
  };
  const fine: Rule = {
    id: 'fine',
    severity: 'warning',
    description: '总是报告一条的规则',
    check(ctx) {
      ctx.report({ path: ['department'], message: '报告一条' });
    },
  };

  it('becomes an internal/rule-crashed error, and the rules after it still run', () => {
    const r = check('', { rules: [boom, fine] });
    expect(r.pairs()).toEqual([
      ['internal/rule-crashed', lineWith(r.text, 'year: 2024')],
      ['fine', lineWith(r.text, 'department:')],
    ]);
    expect(r.diagnostics[0]).toMatchObject({ severity: 'error' });
    expect(r.messages()[0]).toBe('校验规则 boom 运行出错：读取了不存在的数字（请把这条信息报告给开发者）');
  });

  it('is not run at all on a kind of file it does not apply to', () => {
    const r = check(
      yaml`
      year: 2020
      department: 江西省总工会
      reports:
        - { title: 报告, body: [{ p: 正文 }] }
    `,
      { base: null, prior: null, file: 'fixture/2020.yaml', rules: [boom] },
    );
    expect(r.pairs()).toEqual([]);
  });
});
