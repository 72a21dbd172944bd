/**
 * A consistency rule: one small function with an id, a default severity and a Chinese description,
 * reporting problems through the context (modelled on beancount's validations and remark-lint rules).
 * Each rule has a test with a passing and a failing year file (test/rules/<id>.test.ts).
 */
import type { FileKind, YearCalc } from '../calc/index.ts';
import type { Diagnostic, Place, Severity } from '../diagnostics.ts';
import type { SourceMap, YamlPath } from '../load/source-map.ts';
import type { YearFile } from '../schema/index.ts';

export interface PriorYear {
  calc: YearCalc;
  source: SourceMap;
}

export interface Finding {
  message: string;
  path?: YamlPath;
  /**
   * Where inside the string at `path` the problem is (its text and the index of the spot): in a
   * multi-line block text (`duties: |`) the diagnostic then points at that paragraph's line.
   */
  at?: { text: string; index: number };
  /** Overrides the rule's default severity (e.g. a rule with an error and a warning case). */
  severity?: Severity;
  actual?: string;
  expected?: string;
  related?: { place: Place; message: string }[];
}

export interface RuleContext {
  calc: YearCalc;
  input: YearFile;
  /** The raw YAML data (strings), for rules that read text as typed. */
  raw: unknown;
  source: SourceMap;
  prior?: PriorYear;
  report(finding: Finding): void;
  place(path: YamlPath): Place;
}

export interface Rule {
  id: string;
  severity: Severity;
  /** What the rule checks, in Chinese (printed by `check --rules` and in the README). */
  description: string;
  /**
   * Which kinds of file the rule checks (default: disclosures only). Partial prior-year files hold
   * only some figures and report-only files no tables, so most rules do not apply to them.
   */
  appliesTo?: readonly FileKind[];
  check(ctx: RuleContext): void;
}

export type { Diagnostic };
