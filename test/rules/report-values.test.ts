import { describe, expect, it } from 'vitest';
import { resolveProse } from '../../src/model/prose.ts';
import { loadYear } from '../../src/pipeline.ts';
import { at, check, yaml } from '../helpers/year.ts';

const RULE = 'report-values';

/** A stand-alone report file like data/2020.yaml (kind: reports). */
const report = (values: string) => yaml`
  year: 2020
  department: 江西省总工会
  reports:
    - title: 2020年度部门预算项目绩效自评报告
      values:
        ${values}
      body:
        - p: 占比{=大项目占比|%}。
`;

describe(RULE, () => {
  it('ok: numbers and formulas over other values, in any order', () => {
    const r = check(
      report(yaml`
      大项目占比: =(送温暖 + 帮扶) / 年初项目资金
      送温暖: 900
      帮扶: 2200
      年初项目资金: 5261.5
    `),
      { base: null, prior: null, file: 'fixture/2020.yaml' },
    );
    expect(r.pairs()).toEqual([]);
  });

  it('not ok: an undefined name, a division by zero, a formula that refers to itself', () => {
    const r = check(
      report(yaml`
      大项目占比: =(送温暖 + 帮扶) / 年初项目资金   # ← 违规
      送温暖: 900
      帮扶: =帮扶 + 1   # ← 违规
      零: 0
      比率: =送温暖 / 零   # ← 违规
    `),
      { base: null, prior: null, file: 'fixture/2020.yaml' },
    );
    expect(r.pairs(RULE)).toEqual(at(RULE, ...r.marks));
    expect(r.messages(RULE)).toEqual([
      '报告数值「大项目占比」无法计算：「帮扶」的算式引用了自身',
      '报告数值「帮扶」无法计算：「帮扶」的算式引用了自身',
      '报告数值「比率」无法计算：除数为零',
    ]);
  });

  it('not ok: a formula of a department evaluation report naming a value that does not exist', () => {
    const r = check('', { edit: { '软件: 30.00': '软件: =实际使用资金 - 硬件件 # ← 违规' } });
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
    expect(r.messages(RULE)[0]).toMatch(/未定义的名称「硬件件」/);
  });

  it('not ok: deeply nested brackets are an error at the value’s line, not a stack overflow (issue 9)', () => {
    // 2,000 levels fit in a paragraph of text; the formula parser stops at 50.
    const r = check(report(`大项目占比: "=${'('.repeat(2000)}1${')'.repeat(2000)}"   # ← 违规`), {
      base: null,
      prior: null,
      file: 'fixture/2020.yaml',
    });
    expect(r.pairs(RULE)).toEqual(at(RULE, r.mark));
    expect(r.messages(RULE)[0]).toMatch(/嵌套超过 50 层/);
    // 50,000 levels are a text longer than any the loader accepts: refused there, at the same line.
    const huge = check(report(`大项目占比: "=${'('.repeat(50_000)}1${')'.repeat(50_000)}"   # ← 违规`), {
      base: null,
      prior: null,
      file: 'fixture/2020.yaml',
    });
    expect(huge.pairs()).toEqual([['load/text-too-long', huge.mark]]);
  });

  it('ok and not ok: names like toString and constructor are the file’s own values or undefined, never JavaScript’s (issue 9)', () => {
    const ok = check(
      report(yaml`
      toString: 2
      constructor: =toString * 3
      大项目占比: =constructor / 100
    `),
      { base: null, prior: null, file: 'fixture/2020.yaml' },
    );
    expect(ok.pairs()).toEqual([]);
    const bad = check(
      report(yaml`
      大项目占比: =toString + valueOf   # ← 违规
    `),
      { base: null, prior: null, file: 'fixture/2020.yaml' },
    );
    expect(bad.pairs(RULE)).toEqual(at(RULE, bad.mark));
    expect(bad.messages(RULE)[0]).toMatch(/未定义的名称「toString」/);
    // `=__proto__` found Object.prototype and crashed with “source.trim is not a function”.
    const proto = check(
      report(yaml`
      大项目占比: =__proto__ + constructor   # ← 违规
    `),
      { base: null, prior: null, file: 'fixture/2020.yaml' },
    );
    expect(proto.pairs(RULE)).toEqual(at(RULE, proto.mark));
    expect(proto.messages(RULE)[0]).toMatch(/未定义的名称「__proto__」/);
  });

  it('C-14: the 2020 report computes 大项目占比 as 96.19% (the original printed the truncated 96.18%)', () => {
    const year = loadYear('2020');
    expect(year.diagnostics).toEqual([]);
    const r = year.value!.calc.reports[0]!;
    expect(resolveProse('{=大项目占比|%}', r.values)).toBe('96.19%');
    const paragraph = r.input.body.find((b) => 'p' in b && b.p.includes('{=大项目占比|%}'));
    expect(resolveProse((paragraph as { p: string }).p, r.values)).toMatch(
      /比例达96\.19%，分别是：走访慰问送温暖900万元，省劳模专项补助金1964\.5万元/,
    );
  });
});
