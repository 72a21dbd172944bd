/** 公开10 and 情况说明 八: vehicles by category and equipment; an absent count is 0 on the published table. */
import { VEHICLE_CATEGORIES } from '../catalogue/names.ts';
import type { YearFile } from '../schema/index.ts';
import type { YearCalc } from './types.ts';

export function calcAssets(input: YearFile): YearCalc['assets'] {
  const v = input.assets?.vehicles;
  const vehicles = VEHICLE_CATEGORIES.map((c) => ({ key: c.key, name: c.name, count: v?.[c.key] ?? 0 }));
  return {
    vehicles,
    vehicleTotal: vehicles.reduce((n, r) => n + r.count, 0),
    equipment: input.assets?.equipment_over_1m ?? 0,
  };
}
