/**
 * Stage 4: runs every rule over the computed year and collects diagnostics. A rule that crashes becomes
 * a diagnostic of its own (never a stack trace), and warnings the year file acknowledges are marked so.
 */
import type { YearCalc } from '../calc/index.ts';
import { printable, type Diagnostic } from '../diagnostics.ts';
import type { SourceMap } from '../load/source-map.ts';
import type { PriorYear, Rule, RuleContext } from './rule.ts';
import { RULES } from './rules/index.ts';

export { RULES } from './rules/index.ts';
export type { Rule } from './rule.ts';

export interface CheckInput {
  calc: YearCalc;
  raw: unknown;
  source: SourceMap;
  prior?: PriorYear;
}

export function runRules(input: CheckInput, rules: readonly Rule[] = RULES): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const rule of rules) {
    if (!(rule.appliesTo ?? ['disclosure']).includes(input.calc.kind)) continue;
    const ctx: RuleContext = {
      calc: input.calc,
      input: input.calc.input,
      raw: input.raw,
      source: input.source,
      ...(input.prior ? { prior: input.prior } : {}),
      place: (path) => input.source.place(path),
      report: (f) => {
        diagnostics.push({
          ruleId: rule.id,
          severity: f.severity ?? rule.severity,
          message: printable(f.message),
          place: f.at
            ? { ...input.source.place(f.path ?? []), line: input.source.lineOfText(f.path ?? [], f.at.text, f.at.index) }
            : input.source.place(f.path ?? []),
          ...(f.actual !== undefined ? { actual: f.actual } : {}),
          ...(f.expected !== undefined ? { expected: f.expected } : {}),
          ...(f.related ? { related: f.related } : {}),
        });
      },
    };
    try {
      rule.check(ctx);
    } catch (err) {
      diagnostics.push({
        ruleId: 'internal/rule-crashed',
        severity: 'error',
        message: `校验规则 ${rule.id} 运行出错：${(err as Error).message}（请把这条信息报告给开发者）`,
        place: input.source.place([]),
      });
    }
  }
  return acknowledge(diagnostics, input.calc, rules, input.source);
}

/**
 * Marks warnings the year file acknowledges (acknowledge: [{rule, reason}]); errors cannot be waived.
 * An acknowledgement that names no rule, or a rule that reports errors, is itself reported, so a typo
 * does not silently leave a warning unacknowledged.
 */
function acknowledge(diagnostics: Diagnostic[], calc: YearCalc, rules: readonly Rule[], source: SourceMap): Diagnostic[] {
  const acks = calc.input.acknowledge ?? [];
  acks.forEach((a, i) => {
    const rule = RULES.find((r) => r.id === a.rule) ?? rules.find((r) => r.id === a.rule);
    const problem = !rule
      ? `确认的规则「${a.rule}」不存在；请核对规则编号（npm run check -- --rules 可列出全部规则）`
      : rule.severity === 'error' && !diagnostics.some((d) => d.ruleId === a.rule && d.severity === 'warning')
        ? `规则「${a.rule}」报告的是错误，错误不能确认，只能改正数据`
        : undefined;
    if (problem)
      diagnostics.push({ ruleId: 'acknowledge', severity: 'warning', message: problem, place: source.place(['acknowledge', i, 'rule']) });
  });
  return diagnostics.map((d) => {
    const ack = acks.find((a) => a.rule === d.ruleId);
    return ack && d.severity === 'warning' ? { ...d, acknowledged: ack.reason } : d;
  });
}
