import { defineRule } from './_util.ts';

export default defineRule({
  id: 'fleet-vs-assets',
  severity: 'warning',
  description: '公开09表公务用车保有量不应大于公开10表车辆数合计',
  check(ctx) {
    const fleet = ctx.calc.threePublic.counts.fleet ?? 0;
    const vehicles = ctx.calc.assets.vehicleTotal;
    if (fleet > vehicles) {
      ctx.report({
        path: ['three_public', 'vehicle_operation', 'fleet'],
        message: `公务用车保有量为 ${fleet} 辆，大于国有资产占用情况表（公开10表）中的车辆数合计 ${vehicles} 辆；请核对 three_public.vehicle_operation.fleet 或 assets.vehicles`,
      });
    }
  },
});
