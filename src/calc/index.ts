/**
 * Stage 3: from the leaves of a year file to every figure the document shows. Decimal arithmetic only;
 * the result is frozen before anything else reads it.
 */
import type { Dec } from '../decimal.ts';
import type { YearFile } from '../schema/index.ts';
import { calcAssets } from './assets.ts';
import { calcBasicEconomic } from './basic-economic.ts';
import { buildCatalogue } from './catalogue.ts';
import { comparableFigures, type FigureKey } from './figures.ts';
import { calcFlows } from './flows.ts';
import { calcNarrative } from './narrative.ts';
import { calcPerformance } from './performance.ts';
import { calcProcurement } from './procurement.ts';
import { calcThreePublic } from './three-public.ts';
import type { YearCalc } from './types.ts';

export * from './types.ts';
export { change } from '../change.ts';
export { comparableFigures, type FigureKey } from './figures.ts';
export { explanationOf } from './narrative.ts';

export interface CalcOptions {
  /** Comparable figures of the previous year (from its own year file), when there is one. */
  prior?: ReadonlyMap<string, Dec>;
}

/** The whole year, section by section; each section's calculator is a module of its own. */
export function calcYear(input: YearFile, options: CalcOptions = {}): YearCalc {
  const prior = options.prior;
  const prev = (key: FigureKey): Dec | undefined => prior?.get(key);
  const catalogue = buildCatalogue(input);
  const flows = calcFlows(input);
  const basicEconomic = calcBasicEconomic(input, catalogue);
  const threePublic = calcThreePublic(input);
  const performance = calcPerformance(input, flows);

  const calc: YearCalc = {
    year: input.year,
    department: input.department,
    partial: input.partial ?? false,
    kind: fileKind(input),
    input,
    catalogue,
    ...flows,
    basicEconomic,
    threePublic,
    assets: calcAssets(input),
    procurement: calcProcurement(input),
    narrative: calcNarrative(input, { ...flows, basicEconomic, threePublic }, catalogue, prev),
    projects: performance.projects,
    performance: performance.performance,
    evaluations: performance.evaluations,
    reports: performance.reports,
    figures: new Map(),
    ...(prior ? { prior: new Map(prior) } : {}),
  };
  calc.figures = comparableFigures(calc);
  return deepFreeze(calc);
}

export function fileKind(input: YearFile): YearCalc['kind'] {
  if (input.partial) return 'partial';
  const disclosure = input.overview || input.income || input.expenditure || input.basic_economic || input.projects || input.budget;
  return !disclosure && input.reports?.length ? 'reports' : 'disclosure';
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    if (value instanceof Map) {
      for (const v of value.values()) deepFreeze(v);
    } else if (!(value as { constructor?: { name?: string } }).constructor?.name?.includes('Decimal')) {
      Object.freeze(value);
      for (const v of Object.values(value)) deepFreeze(v);
    }
  }
  return value;
}
