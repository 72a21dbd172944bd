/**
 * The comparison signs of indicator values (年度指标值, 实际完成值). Forms are typed by different hands:
 * the published document mixes ≧/≦ (one form), >= (another) and ≥. One set is printed — ≥ and ≤ — and a
 * rule warns about every other spelling, so the year file can be brought in line too.
 */
const GE = />=|=>|≧|＞＝|＞=|>＝|≥/g;
const LE = /<=|=<|≦|＜＝|＜=|<＝|≤/g;

/** The value with every spelling of ≥ and ≤ as ≥ and ≤. */
export function normalizeComparators(value: string): string {
  return value.replace(GE, '≥').replace(LE, '≤');
}

/** Whether the value spells a comparison some other way than ≥ / ≤. */
export function hasOtherComparator(value: string): boolean {
  return normalizeComparators(value) !== value;
}
