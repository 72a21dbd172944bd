/** 公开06: 一般公共预算财政拨款基本支出 by 经济分类 款, its classes, 人员经费 and 公用经费. */
import { orZero, sum, type Amount, type Dec } from '../decimal.ts';
import type { YearFile } from '../schema/index.ts';
import type { Catalogue } from './catalogue.ts';
import type { YearCalc } from './types.ts';

export function calcBasicEconomic(input: YearFile, catalogue: Catalogue): YearCalc['basicEconomic'] {
  const items = new Map<string, Amount>();
  for (const [code, value] of Object.entries(input.basic_economic ?? {})) items.set(code, value);
  const classes = new Map<string, Dec>();
  for (const cls of catalogue.economicClasses) {
    classes.set(cls.code, sum(cls.items.map((i) => orZero(items.get(i.code)))));
  }
  // Amounts booked to a code that is not in the catalogue still count toward its class (a rule flags the code).
  for (const [code, value] of items) {
    if (catalogue.economicItemCodes.has(code) || value === null) continue;
    const cls = code.slice(0, 3);
    if (classes.has(cls)) classes.set(cls, classes.get(cls)!.plus(value));
  }
  const group = (g: 'personnel' | 'public') => sum(catalogue.economicClasses.filter((c) => c.group === g).map((c) => classes.get(c.code)!));
  const personnel = group('personnel');
  const publicCost = group('public');
  return { items, classes, personnel, public: publicCost, total: personnel.plus(publicCost) };
}
