/**
 * The code catalogue a year is computed with: the built-in lists plus what the year file adds. A year
 * file may add codes the built-in list lacks; renaming a built-in code is flagged by a rule.
 */
import { ECONOMIC_CLASSES, type EconomicClass } from '../catalogue/economic.ts';
import { byCodeUnit } from '../diagnostics.ts';
import { FUNCTIONAL_CLASSES, FUNCTIONAL_DETAIL } from '../catalogue/functional.ts';
import type { YearFile } from '../schema/index.ts';

export interface Catalogue {
  functionalName(code: string): string | undefined;
  functionalExplanation(code: string): string | undefined;
  builtInFunctionalName(code: string): string | undefined;
  economicName(code: string): string | undefined;
  economicClasses: readonly EconomicClass[];
  /** Every 5-digit 款 of the 公开06 catalogue plus year-file additions. */
  economicItemCodes: ReadonlySet<string>;
}

export function buildCatalogue(input: Pick<YearFile, 'catalogue' | 'glossary'>): Catalogue {
  const names = new Map<string, string>();
  const explanations = new Map<string, string>();
  const builtIn = new Map<string, string>();
  for (const e of [...FUNCTIONAL_CLASSES, ...FUNCTIONAL_DETAIL]) {
    builtIn.set(e.code, e.name);
    names.set(e.code, e.name);
    if (e.explanation) explanations.set(e.code, e.explanation);
  }
  for (const e of input.catalogue?.functional ?? []) {
    names.set(e.code, e.name);
    if (e.explanation) explanations.set(e.code, e.explanation);
  }
  for (const g of input.glossary?.expenditure ?? []) explanations.set(g.code, g.text);

  const economic = new Map<string, string>();
  const itemCodes = new Set<string>();
  for (const c of ECONOMIC_CLASSES) {
    economic.set(c.code, c.name);
    for (const i of c.items) {
      economic.set(i.code, i.name);
      itemCodes.add(i.code);
    }
  }
  // Additions join the class of their first three digits when it exists, so 公开06 can print them.
  const classes = ECONOMIC_CLASSES.map((c) => ({ ...c, items: [...c.items] }));
  for (const e of input.catalogue?.economic ?? []) {
    economic.set(e.code, e.name);
    if (e.code.length === 5 && !itemCodes.has(e.code)) {
      const cls = classes.find((c) => c.code === e.code.slice(0, 3));
      if (cls) {
        cls.items.push({ code: e.code, name: e.name });
        cls.items.sort((a, b) => byCodeUnit(a.code, b.code));
        itemCodes.add(e.code);
      }
    }
  }
  return {
    functionalName: (code) => names.get(code),
    functionalExplanation: (code) => explanations.get(code),
    builtInFunctionalName: (code) => builtIn.get(code),
    economicName: (code) => economic.get(code),
    economicClasses: classes,
    economicItemCodes: itemCodes,
  };
}
