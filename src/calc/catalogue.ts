/**
 * The code catalogue a year is computed with: the built-in edition for the year (src/catalogue/) plus what
 * the year file adds. A year file may add codes the built-in list lacks; renaming a built-in code is
 * flagged by a rule.
 */
import { catalogueFor, fundOf, type EconomicClass, type Fund, type FunctionalEntry } from '../catalogue/index.ts';
import { byCodeUnit } from '../diagnostics.ts';
import type { YearFile } from '../schema/index.ts';

export type { EconomicClass, Fund } from '../catalogue/index.ts';

export interface Catalogue {
  /** The built-in edition used, and a note when it is not the year's own. */
  edition: number;
  editionNote?: string;
  functionalName(code: string): string | undefined;
  functionalExplanation(code: string): string | undefined;
  builtInFunctionalName(code: string): string | undefined;
  /** The budget a 功能分类 code belongs to, as far as the built-in catalogue can tell (see fundOf). */
  functionalFund(code: string): Fund | undefined;
  /** The 类 rows of 公开01 and 公开04, in print order. */
  statementClasses: readonly FunctionalEntry[];
  economicName(code: string): string | undefined;
  economicClasses: readonly EconomicClass[];
  /** Every 5-digit 款 of the 公开06 catalogue plus year-file additions. */
  economicItemCodes: ReadonlySet<string>;
}

export function buildCatalogue(input: Pick<YearFile, 'year' | 'catalogue' | 'glossary'>): Catalogue {
  const edition = catalogueFor(input.year);
  const names = new Map<string, string>();
  const explanations = new Map<string, string>();
  for (const e of edition.functional.values()) {
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
  for (const e of edition.economic.values()) economic.set(e.code, e.name);
  for (const c of edition.economicClasses) for (const i of c.items) itemCodes.add(i.code);
  // Additions join the class of their first three digits when 公开06 prints it.
  const classes = edition.economicClasses.map((c) => ({ ...c, items: [...c.items] }));
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
    edition: edition.edition,
    ...(edition.note ? { editionNote: edition.note } : {}),
    functionalName: (code) => names.get(code),
    functionalExplanation: (code) => explanations.get(code),
    builtInFunctionalName: (code) => edition.functional.get(code)?.name,
    functionalFund: (code) => fundOf(edition, code),
    statementClasses: edition.statementClasses,
    economicName: (code) => economic.get(code),
    economicClasses: classes,
    economicItemCodes: itemCodes,
  };
}
