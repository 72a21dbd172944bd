/**
 * The workbook's own totals must agree with what its leaves add up to. The year file just written is
 * computed by the ordinary calc stage, and every figure cell read from the workbook — 类/款 subtotals,
 * 合计 rows, row totals, 公开01/04 summary lines, 公开06 classes, 公开09/10 totals — is compared with the
 * computed value. A cell that differs is reported with its sheet, row and column:
 * 「公开03表 第12行 201 一般公共服务支出「基本支出」栏（工作表「Sheet1」F12）：明细之和 1,169.89，表中为 1,169.90」.
 *
 * Amounts are compared at the places the cell holds (at least two): a workbook stores what it prints.
 * A blank cell and 0.00 are the same amount here (some systems print zero as blank).
 */
import { FUNDS, type FiscalCol, type YearCalc } from '../calc/index.ts';
import { rollup, type Rollup } from '../calc/rollup.ts';
import { D, orZero, round, ZERO, type Amount, type Dec } from '../decimal.ts';
import type { Tables } from './figures.ts';
import { labelOf, type TableId } from './locate.ts';
import { address } from '../cell-address.ts';
import { showAmount } from './problems.ts';
import type { CodeTable, Figure, LabelTable } from './read-tables.ts';

function equal(cell: Dec | null, computed: Amount): boolean {
  const c = orZero(computed);
  const w = cell ?? ZERO;
  const places = Math.max(2, w.decimalPlaces());
  return round(c, places).equals(w);
}

type How = 'sum' | 'row' | 'cross';
const HOW: Record<How, string> = { sum: '明细之和', row: '本行各栏之和', cross: '按各表明细计算为' };

function report(problems: string[], id: TableId, f: Figure, computed: Amount, how: How, source?: string): void {
  if (equal(f.value, computed)) return;
  const label = f.rowLabel ? ` ${f.rowLabel}` : '';
  const said = how === 'cross' && source ? `按${source}计算为` : HOW[how];
  problems.push(
    `${labelOf(id)} 第${f.place.row}行${label}「${f.columnLabel}」栏（工作表「${f.place.sheet}」${address(f.place.row, f.place.col)}）：${said} ${showAmount(computed ?? ZERO)}，表中为 ${showAmount(f.value)}`,
  );
}

/** The row-total column of each code table: a leaf row's total is the sum of its own columns. */
const ROW_TOTAL: Partial<Record<TableId, string>> = { T02: 'total', T03: 'total', T05: 'total', T07: 'spend', T08: 'total' };

function codeTable(problems: string[], table: CodeTable, data: Rollup<string>): void {
  const rows = new Map(data.rows.map((r) => [r.code, r.values]));
  for (const row of [...table.rows, ...(table.total ? [table.total] : [])]) {
    const values = row === table.total ? data.total : rows.get(row.code);
    for (const [key, f] of Object.entries(row.values)) {
      if (!(key in (data.total as object))) continue;
      const how: How = row !== table.total && row.code.length === 7 ? (ROW_TOTAL[table.id] === key ? 'row' : 'cross') : 'sum';
      report(problems, table.id, f, values ? (values as Record<string, Amount>)[key]! : null, how);
    }
  }
}

export function verifyWorkbook(t: Tables, calc: YearCalc): string[] {
  const problems: string[] = [];
  const fundsRollup = rollup(
    ['general', 'gov_fund', 'state_capital'] as const,
    (calc.input.income ?? []).map((r) => ({
      code: r.code,
      values: { general: r.general, gov_fund: r.gov_fund, state_capital: r.state_capital },
    })),
  );
  const income: Rollup<string> = {
    columns: [...calc.income.columns, 'general', 'gov_fund', 'state_capital'],
    rows: calc.income.rows.map((r) => ({
      ...r,
      values: { ...r.values, ...(fundsRollup.rows.find((x) => x.code === r.code)?.values ?? {}) },
    })),
    total: { ...calc.income.total, ...fundsRollup.total },
  };
  codeTable(problems, t.T02, income);
  codeTable(problems, t.T03, calc.expenditure);
  codeTable(problems, t.T05, calc.general);
  codeTable(problems, t.T07, calc.govFund);
  codeTable(problems, t.T08, calc.stateCapital);

  // 公开01.
  const tot = calc.totals;
  const src = calc.incomeBySource;
  const t01: Record<string, [Amount, How, string?]> = {
    'in.general': [src.general, 'cross', '公开02表'],
    'in.gov_fund': [src.gov_fund, 'cross', '公开02表'],
    'in.state_capital': [src.state_capital, 'cross', '公开02表'],
    'in.fiscal': [calc.income.total.fiscal, 'cross', '公开02表'],
    'in.superior': [src.superior, 'cross', '公开02表'],
    'in.business': [src.business, 'cross', '公开02表'],
    'in.operating': [src.operating, 'cross', '公开02表'],
    'in.affiliated': [src.affiliated, 'cross', '公开02表'],
    'in.other': [src.other, 'cross', '公开02表'],
    'in.income_total': [tot.incomeTotal, 'sum'],
    'in.nf_used': [tot.nonFiscalSurplusUsed, 'cross'],
    'in.opening': [tot.opening, 'cross', '公开04表、公开07表'],
    income_grand: [tot.incomeGrandTotal, 'sum'],
    'out.expenditure_total': [tot.expenditureTotal, 'sum'],
    'out.surplus_distribution': [tot.surplusDistribution, 'cross'],
    'out.closing': [tot.closing, 'cross', '公开04表、公开07表'],
    expenditure_grand: [tot.expenditureGrandTotal, 'sum'],
  };
  labelTable(problems, t.T01, (key) => {
    if (key.startsWith('class.')) return { amount: [tot.expenditureByClass.get(key.slice(6)) ?? null, 'cross', '公开03表'] };
    const entry = t01[key];
    return entry ? { amount: entry } : undefined;
  });

  // 公开04.
  const f = calc.fiscal;
  const byCol = (record: Record<FiscalCol, Amount>, how: How, source?: string) =>
    Object.fromEntries((['total', ...FUNDS] as FiscalCol[]).map((c) => [c, [record[c], how, source] as [Amount, How, string?]]));
  labelTable(problems, t.T04, (key) => {
    const [head, fund] = key.split('.') as [string, string | undefined];
    if (head === 'income' && fund) return { amount: [f.income[fund as FiscalCol], fund === 'total' ? 'sum' : 'cross', '公开02表'] };
    if (head === 'opening' && fund) return { amount: [f.opening[fund as FiscalCol], fund === 'total' ? 'sum' : 'cross', '公开07表'] };
    if (key === 'income_grand') return { amount: [f.incomeGrandTotal, 'sum'] };
    if (head === 'class' && fund)
      return byCol(f.byClass.get(fund) ?? { total: null, general: null, gov_fund: null, state_capital: null }, 'cross', '公开05、07、08表');
    if (key === 'expenditure') return byCol(f.expenditure, 'sum');
    if (key === 'closing') return byCol(f.closing, 'cross', '公开07表');
    if (head === 'closing' && fund)
      return { total: [f.closing[fund as FiscalCol], 'cross', '公开07表'], amount: [f.closing[fund as FiscalCol], 'cross', '公开07表'] };
    if (key === 'expenditure_grand') return byCol(f.grandTotal, 'sum');
    return undefined;
  });

  // 公开06.
  const be = calc.basicEconomic;
  for (const [code, fig] of t.T06.codes) {
    const computed = code.length === 3 ? (be.classes.get(code) ?? ZERO) : (be.items.get(code) ?? ZERO);
    report(problems, 'T06', fig, computed, code.length === 3 ? 'sum' : 'cross');
  }
  if (t.T06.personnel) report(problems, 'T06', t.T06.personnel, be.personnel, 'sum');
  if (t.T06.public) report(problems, 'T06', t.T06.public, be.public, 'sum');

  // 公开09.
  const tp = calc.threePublic;
  const lines: Record<string, { initial: Amount; full: Amount; actual: Amount }> = {
    total: tp.total,
    abroad: tp.abroad,
    vehicles: tp.vehicles,
    vehicle_purchase: tp.vehiclePurchase,
    vehicle_operation: tp.vehicleOperation,
    reception: tp.reception,
  };
  const asDec = (n: number | null): Amount => (n === null ? null : D(String(n)));
  const counts: Record<string, number | null> = {
    groups: tp.counts.groups,
    persons: tp.counts.persons,
    purchased: tp.counts.purchased,
    fleet: tp.counts.fleet,
    domestic_batches: tp.counts.domesticBatches,
    foreign_batches: tp.counts.foreignBatches,
    domestic_persons: tp.counts.domesticPersons,
    foreign_persons: tp.counts.foreignPersons,
    overseas_batches: tp.counts.overseasBatches,
    overseas_persons: tp.counts.overseasPersons,
  };
  type Want = Record<string, [Amount, How, string?]>;
  labelTable(problems, t.T09, (key): Want | undefined => {
    const l = lines[key];
    const how: How = ['total', 'vehicles'].includes(key) ? 'sum' : 'cross';
    if (l) return { initial: [l.initial, how], full: [l.full, how], actual: [l.actual, key === 'reception' ? 'sum' : how] };
    if (key === 'domestic') return { actual: [tp.domestic, 'cross'] };
    if (key === 'foreign_affairs') return { actual: [tp.foreignAffairs, 'cross'] };
    if (key === 'overseas') return { actual: [tp.overseas, 'cross'] };
    if (key in counts) return { actual: [asDec(counts[key]!), 'cross'] };
    return undefined;
  });

  // 公开10.
  const a = calc.assets;
  labelTable(problems, t.T10, (key) => {
    if (key === 'total') return { actual: [asDec(a.vehicleTotal), 'sum'] };
    if (key === 'equipment') return { actual: [asDec(a.equipment), 'cross'] };
    const v = a.vehicles.find((x) => `vehicle.${x.key}` === key);
    return v ? { actual: [asDec(v.count), 'cross'] } : undefined;
  });
  return problems;
}

function labelTable(
  problems: string[],
  table: LabelTable,
  expected: (key: string) => Record<string, [Amount, How, string?]> | undefined,
): void {
  for (const [key, line] of table.lines) {
    const e = expected(key);
    if (!e) continue;
    for (const [col, fig] of Object.entries(line.values)) {
      const want = e[col] ?? (Object.keys(e).length === 1 ? Object.values(e)[0] : undefined);
      if (want) report(problems, table.id, fig, want[0], want[1], want[2]);
    }
  }
}
