/** 公开09: 财政拨款“三公”经费 — 年初预算, 全年预算 and 决算 per line, and the counts. */
import { sumAmounts, type Amount } from '../decimal.ts';
import type { YearFile } from '../schema/index.ts';
import type { ThreePublicLine, YearCalc } from './types.ts';

type Line = { initial_budget: Amount; full_budget: Amount; actual: Amount } | undefined;

const line = (l: Line): ThreePublicLine => ({
  initial: l?.initial_budget ?? null,
  full: l?.full_budget ?? null,
  actual: l?.actual ?? null,
});

const addLines = (...ls: ThreePublicLine[]): ThreePublicLine => ({
  initial: sumAmounts(ls.map((l) => l.initial)),
  full: sumAmounts(ls.map((l) => l.full)),
  actual: sumAmounts(ls.map((l) => l.actual)),
});

export function calcThreePublic(input: YearFile): YearCalc['threePublic'] {
  const tp = input.three_public;
  const abroad = line(tp?.abroad);
  const vehiclePurchase = line(tp?.vehicle_purchase);
  const vehicleOperation = line(tp?.vehicle_operation);
  const vehicles = addLines(vehiclePurchase, vehicleOperation);
  const domestic = tp?.reception?.domestic?.actual ?? null;
  const overseas = tp?.reception?.overseas?.actual ?? null;
  const reception: ThreePublicLine = {
    initial: tp?.reception?.initial_budget ?? null,
    full: tp?.reception?.full_budget ?? null,
    actual: sumAmounts([domestic, overseas]),
  };
  return {
    abroad,
    vehiclePurchase,
    vehicleOperation,
    vehicles,
    reception,
    domestic,
    foreignAffairs: tp?.reception?.domestic?.foreign_affairs?.actual ?? null,
    overseas,
    total: addLines(abroad, vehicles, reception),
    counts: {
      groups: tp?.abroad?.groups ?? null,
      persons: tp?.abroad?.persons ?? null,
      purchased: tp?.vehicle_purchase?.vehicles ?? null,
      fleet: tp?.vehicle_operation?.fleet ?? null,
      domesticBatches: tp?.reception?.domestic?.batches ?? null,
      foreignBatches: tp?.reception?.domestic?.foreign_affairs?.batches ?? null,
      domesticPersons: tp?.reception?.domestic?.persons ?? null,
      foreignPersons: tp?.reception?.domestic?.foreign_affairs?.persons ?? null,
      overseasBatches: tp?.reception?.overseas?.batches ?? null,
      overseasPersons: tp?.reception?.overseas?.persons ?? null,
    },
  };
}
