import { orZero, type Amount } from '../../decimal.ts';
import { defineRule, show } from './_util.ts';

/** Money without activity (or activity without money) in 三公 usually means a figure is missing. */
export default defineRule({
  id: 'three-public-counts',
  severity: 'warning',
  description: '“三公”经费有支出时应有相应的团组、人次、车辆、批次等统计数，反之亦然',
  check(ctx) {
    const tp = ctx.input.three_public;
    if (!tp) return;
    const pair = (amount: Amount | undefined, counts: [string, number | null | undefined][], path: (string | number)[], what: string) => {
      const spent = orZero(amount).gt(0);
      for (const [label, n] of counts) {
        if (spent && !n) ctx.report({ path, message: `${what}决算数为 ${show(amount ?? null)} 万元，但${label}为 0 或未填写` });
        if (!spent && n) ctx.report({ path, message: `${what}${label}为 ${n}，但决算数为 0 或未填写` });
      }
    };
    pair(
      tp.abroad?.actual,
      [
        ['团组数', tp.abroad?.groups],
        ['人次数', tp.abroad?.persons],
      ],
      ['three_public', 'abroad'],
      '因公出国（境）费',
    );
    pair(tp.vehicle_purchase?.actual, [['购置数', tp.vehicle_purchase?.vehicles]], ['three_public', 'vehicle_purchase'], '公务用车购置费');
    pair(
      tp.reception?.domestic?.actual,
      [
        ['国内公务接待批次', tp.reception?.domestic?.batches],
        ['国内公务接待人次', tp.reception?.domestic?.persons],
      ],
      ['three_public', 'reception', 'domestic'],
      '国内公务接待费',
    );
    pair(
      tp.reception?.overseas?.actual,
      [
        ['国（境）外公务接待批次', tp.reception?.overseas?.batches],
        ['国（境）外公务接待人次', tp.reception?.overseas?.persons],
      ],
      ['three_public', 'reception', 'overseas'],
      '国（境）外公务接待费',
    );
    if (orZero(tp.vehicle_operation?.actual).gt(0) && !tp.vehicle_operation?.fleet) {
      ctx.report({
        path: ['three_public', 'vehicle_operation'],
        message: `公务用车运行维护费决算数为 ${show(tp.vehicle_operation?.actual ?? null)} 万元，但公务用车保有量为 0 或未填写`,
      });
    }
  },
});
