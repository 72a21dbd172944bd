/**
 * How a figure compares with last year's, judged at the precision the page shows. Used by calc (the
 * narrative's 比上年 sentences) and by the year diff, so the two can never call the same pair of
 * figures differently.
 */
import { round, type Dec } from './decimal.ts';

/** A comparison with last year, computed once; the narrative only chooses the words. */
export interface Change {
  current: Dec;
  /** undefined: last year's figure is not known (no or partial prior-year file). */
  previous?: Dec;
  delta?: Dec;
  /** |Δ| / previous × 100, unrounded; null when previous is zero (no rate may be stated). */
  rate?: Dec | null;
  direction: 'up' | 'down' | 'flat' | 'unknown';
}

/**
 * Two figures that both print as 12653.82 are 与上年持平, even if they differ in the fourth place
 * (never “增加0.00万元，增长0.00%”).
 */
export function change(current: Dec, previous: Dec | undefined): Change {
  if (previous === undefined) return { current, direction: 'unknown' };
  const delta = current.minus(previous);
  return {
    current,
    previous,
    delta,
    rate: previous.isZero() ? null : delta.abs().div(previous.abs()).times(100),
    direction: round(delta, 2).isZero() ? 'flat' : delta.isPositive() ? 'up' : 'down',
  };
}
