/**
 * From the ten tables to the leaves a year file holds — and only those: income by 项 × source,
 * expenditure by 项 × 基本/项目 × fund, basic expenditure by 经济分类 款, balances, 三公, assets. Every
 * 类/款/合计 and every other table is recomputed later from these leaves and compared with the workbook.
 *
 * Where one table alone does not say a leaf, the others do:
 * - expenditure by fund: 基本/项目 of 公开05 (一般公共预算), 07 (政府性基金), 08 (国有资本经营); what 公开03
 *   has beyond them is 非财政拨款 (`other`);
 * - 财政拨款收入 by fund: 公开07's 本年收入 is 政府性基金; the rest of a 项 belongs to the budget its code
 *   belongs to in the 科目 catalogue (223 国有资本经营, …), or to the fund the user names (--fund) when the
 *   code is not in the catalogue; the sums by fund are then checked against 公开04;
 * - balances: 公开04 by fund, 公开07 by 项, the 非财政拨款 rest from 公开01.
 * A blank cell stays blank (not written) and a 0.00 stays 0.00, so the tables print as they were.
 */
import type { Fund } from '../catalogue/index.ts';
import { sumAmounts, ZERO, type Amount, type Dec } from '../decimal.ts';
import { labelOf } from './locate.ts';
import { cellName, showAmount } from './problems.ts';
import type { CodeTable, EconomicTable, Figure, LabelTable, Problems } from './read-tables.ts';

export interface Split {
  general?: Dec;
  gov_fund?: Dec;
  state_capital?: Dec;
  other?: Dec;
}

export interface IncomeLeaf {
  code: string;
  general?: Dec;
  gov_fund?: Dec;
  state_capital?: Dec;
  superior?: Dec;
  business?: Dec;
  operating?: Dec;
  affiliated?: Dec;
  other?: Dec;
}

export interface ExpenditureLeaf {
  code: string;
  basic?: Split;
  project?: Split;
  remit_superior?: Dec;
  operating?: Dec;
  subsidy_affiliated?: Dec;
}

export interface Balances {
  general?: { opening?: Dec; closing?: Dec };
  state_capital?: { opening?: Dec; closing?: Dec };
  gov_fund?: { code: string; opening?: Dec; closing?: Dec }[];
  non_fiscal?: { opening?: Dec; closing?: Dec };
  non_fiscal_surplus_used?: Dec;
  surplus_distribution?: Dec;
}

type Line = { initial_budget?: Dec; full_budget?: Dec; actual?: Dec };
export interface ThreePublicFigures {
  abroad?: Line & { groups?: number; persons?: number };
  vehicle_purchase?: Line & { vehicles?: number };
  vehicle_operation?: Line & { fleet?: number };
  reception?: {
    initial_budget?: Dec;
    full_budget?: Dec;
    domestic?: { actual?: Dec; batches?: number; persons?: number; foreign_affairs?: { actual?: Dec; batches?: number; persons?: number } };
    overseas?: { actual?: Dec; batches?: number; persons?: number };
  };
}

export interface AssetFigures {
  vehicles?: Record<string, number>;
  equipment_over_1m?: number;
}

export interface Figures {
  income: IncomeLeaf[];
  expenditure: ExpenditureLeaf[];
  basicEconomic: { code: string; value: Dec; name: string }[];
  balances: Balances;
  threePublic: ThreePublicFigures;
  assets: AssetFigures;
}

export interface Tables {
  T01: LabelTable;
  T02: CodeTable;
  T03: CodeTable;
  T04: LabelTable;
  T05: CodeTable;
  T06: EconomicTable;
  T07: CodeTable;
  T08: CodeTable;
  T09: LabelTable;
  T10: LabelTable;
}

export interface FundRules {
  /** The budget a built-in code belongs to. */
  fundOf(code: string): Fund | undefined;
  /** What the user said for codes the catalogue cannot place (--fund 2012999=general). */
  overrides: ReadonlyMap<string, Fund>;
}

const isItem = (code: string) => code.length === 7;
const val = (f: Figure | undefined): Amount => f?.value ?? null;
/** Drops undefined members, so a blank stays unwritten. */
function compact<T extends object>(o: T): T | undefined {
  const out = Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as T;
  return Object.keys(out).length ? out : undefined;
}
const some = (a: Amount): Dec | undefined => a ?? undefined;

const FUND_NAMES: Record<Fund, string> = { general: '一般公共预算', gov_fund: '政府性基金预算', state_capital: '国有资本经营预算' };

export function deriveFigures(t: Tables, funds: FundRules, problems: Problems): Figures {
  const byCode = (table: CodeTable) => new Map(table.rows.filter((r) => isItem(r.code)).map((r) => [r.code, r]));
  const t02 = byCode(t.T02);
  const t03 = byCode(t.T03);
  const t05 = byCode(t.T05);
  const t07 = byCode(t.T07);
  const t08 = byCode(t.T08);

  // ── 支出: 公开03 split by fund with 05 / 07 / 08 ──
  for (const [table, rows] of [
    [t.T05, t05],
    [t.T07, t07],
    [t.T08, t08],
  ] as const) {
    for (const [code, row] of rows) {
      const spends = ['basic', 'project'].some((k) => val(row.values[k]) !== null && !val(row.values[k])!.isZero());
      if (spends && !t03.has(code)) {
        problems.push(`${labelOf(table.id)} 第 ${row.line} 行有科目 ${code} ${row.name} 的支出，但公开03表（支出决算表）中没有这个科目`);
      }
    }
  }
  const expenditure: ExpenditureLeaf[] = [];
  for (const [code, row] of t03) {
    const leaf: ExpenditureLeaf = { code };
    for (const part of ['basic', 'project'] as const) {
      const whole = val(row.values[part]);
      const byFund: Record<Exclude<keyof Split, 'other'>, Amount> = {
        general: val(t05.get(code)?.values[part]),
        gov_fund: val(t07.get(code)?.values[part]),
        state_capital: val(t08.get(code)?.values[part]),
      };
      const fiscal = sumAmounts(Object.values(byFund));
      let other: Amount = null;
      if (whole !== null) {
        other = whole.minus(fiscal ?? ZERO);
        if (other.isNegative()) {
          problems.push(
            `${cellName(row.values[part]!.place)}（公开03表 ${code} ${row.name}「${row.values[part]!.columnLabel}」）为 ${showAmount(whole)}，小于公开05、07、08表该科目${part === 'basic' ? '基本' : '项目'}支出之和 ${showAmount(fiscal)}`,
          );
          continue;
        }
        // Nothing beyond the funds: no 非财政拨款 — unless no fund says anything, when 0.00 must stay 0.00.
        if (other.isZero() && fiscal !== null) other = null;
      } else if (fiscal !== null && !fiscal.isZero()) {
        problems.push(
          `公开03表 第 ${row.line} 行 ${code} ${row.name} 的${part === 'basic' ? '基本' : '项目'}支出是空白，但公开05、07、08表中该科目有 ${showAmount(fiscal)}`,
        );
        continue;
      }
      const split = compact<Split>({
        general: some(byFund.general),
        gov_fund: some(byFund.gov_fund),
        state_capital: some(byFund.state_capital),
        other: some(other),
      });
      if (split) leaf[part] = split;
    }
    const extra = compact({
      remit_superior: some(val(row.values.remit)),
      operating: some(val(row.values.operating)),
      subsidy_affiliated: some(val(row.values.subsidy)),
    });
    expenditure.push({ ...leaf, ...extra });
  }

  // ── 收入: 公开02, 财政拨款 by fund ──
  const t04 = t.T04.lines;
  const fundIncome = (f: Fund) => val(t04.get(`income.${f}`)?.values.amount);
  const soleFund = (['general', 'state_capital'] as const).filter((f) => {
    const v = fundIncome(f);
    return v !== null && !v.isZero();
  });
  const income: IncomeLeaf[] = [];
  const placed: { code: string; fund: Fund; amount: Dec; how: string }[] = [];
  for (const [code, row] of t02) {
    const leaf: IncomeLeaf = { code };
    const splitGiven = ['general', 'gov_fund', 'state_capital'].some((k) => row.values[k] !== undefined);
    if (splitGiven) {
      for (const f of ['general', 'gov_fund', 'state_capital'] as const) if (val(row.values[f]) !== null) leaf[f] = val(row.values[f])!;
    } else {
      const fiscal = val(row.values.fiscal);
      const fromFund = val(t07.get(code)?.values.income);
      if (fromFund !== null) leaf.gov_fund = fromFund;
      if (fiscal !== null) {
        const rest = fiscal.minus(fromFund ?? ZERO);
        if (rest.isNegative()) {
          problems.push(
            `${cellName(row.values.fiscal!.place)}（公开02表 ${code} ${row.name}「财政拨款收入」）为 ${showAmount(fiscal)}，小于公开07表该科目本年收入 ${showAmount(fromFund)}`,
          );
        } else if (!rest.isZero() || fromFund === null) {
          const override = funds.overrides.get(code);
          const catalogued = funds.fundOf(code);
          const fund = override ?? (catalogued && catalogued !== 'gov_fund' ? catalogued : soleFund.length === 1 ? soleFund[0] : undefined);
          if (!fund || fund === 'gov_fund') {
            problems.push(
              catalogued === 'gov_fund'
                ? `公开02表 第 ${row.line} 行 ${code} ${row.name}：财政拨款收入 ${showAmount(fiscal)} 中有 ${showAmount(rest)} 不在公开07表（政府性基金）中，而该科目属于政府性基金预算；请核对两表，或用 --fund ${code}=general（或 state_capital）指明这部分收入的来源`
                : `公开02表 第 ${row.line} 行 ${code} ${row.name}：财政拨款收入 ${showAmount(rest)} 属于一般公共预算还是国有资本经营预算，公开表不能确定（科目不在内置目录中，公开04表两者都有收入）；请用 --fund ${code}=general 或 --fund ${code}=state_capital 指明`,
            );
          } else {
            leaf[fund] = rest;
            placed.push({
              code,
              fund,
              amount: rest,
              how: override ? '--fund' : catalogued ? '科目所属预算' : '公开04表只有这一项财政拨款收入',
            });
          }
        }
      }
    }
    for (const k of ['superior', 'business', 'operating', 'affiliated', 'other'] as const)
      if (val(row.values[k]) !== null) leaf[k] = val(row.values[k])!;
    income.push(leaf);
  }
  // The sums by fund must be 公开04's, or a 项 was placed in the wrong budget (unless a 项 is still
  // unplaced: that question comes first).
  const unplaced = problems.some((p) => p.includes('--fund'));
  for (const f of ['general', 'gov_fund', 'state_capital'] as const) {
    if (unplaced) break;
    const expected = fundIncome(f);
    const got = sumAmounts(income.map((r) => r[f] ?? null));
    if ((expected ?? ZERO).equals(got ?? ZERO)) continue;
    const told = placed.filter((p) => p.how !== '科目所属预算');
    problems.push(
      `公开02表的财政拨款收入按科目所属的预算归类后，${FUND_NAMES[f]}财政拨款收入合计 ${showAmount(got)}，公开04表中为 ${showAmount(expected)}` +
        (told.length ? `（其中 ${told.map((p) => `${p.code} 归${FUND_NAMES[p.fund]}，依据：${p.how}`).join('；')}）` : '') +
        '；请核对两表，如某科目的收入实属另一预算，请用 --fund 科目编码=general|gov_fund|state_capital 指明',
    );
  }
  // A 项 with 政府性基金 income but no row in 公开02.
  for (const [code, row] of t07) {
    const inc = val(row.values.income);
    if (inc !== null && !inc.isZero() && !t02.has(code))
      problems.push(`公开07表 第 ${row.line} 行 ${code} ${row.name} 有本年收入 ${showAmount(inc)}，但公开02表（收入决算表）中没有这个科目`);
  }

  // ── 基本支出 by 经济分类 款: the 款 with an amount (a 款 left out prints 0.00 on 公开06) ──
  const basicEconomic = [...t.T06.codes.entries()]
    .filter(([code, f]) => code.length === 5 && f.value !== null && !f.value.isZero())
    .map(([code, f]) => ({ code, value: f.value!, name: f.name }));

  // ── 结转和结余 ──
  const amountOf = (key: string, col = 'amount') => val(t04.get(key)?.values[col]);
  const closingOf = (f: Fund) => amountOf('closing', f) ?? amountOf(`closing.${f}`);
  const pair = (opening: Amount, closing: Amount) => compact({ opening: some(opening), closing: some(closing) });
  const t01 = t.T01.lines;
  const t01v = (key: string) => val(t01.get(key)?.values.amount);
  const fiscalOpening = sumAmounts([
    amountOf('opening.general'),
    sumAmounts([...t07.values()].map((r) => val(r.values.opening))),
    amountOf('opening.state_capital'),
  ]);
  const fiscalClosing = sumAmounts([
    closingOf('general'),
    sumAmounts([...t07.values()].map((r) => val(r.values.closing))),
    closingOf('state_capital'),
  ]);
  const nonFiscal = (total: Amount, fiscal: Amount, what: string, key: string): Amount => {
    if (total === null) return null;
    const rest = total.minus(fiscal ?? ZERO);
    if (rest.isNegative()) {
      problems.push(
        `${cellName(t01.get(key)!.values.amount!.place)}（公开01表「${what}」）为 ${showAmount(total)}，小于其中的财政拨款结转和结余 ${showAmount(fiscal)}（公开04表、公开07表）`,
      );
      return null;
    }
    return rest.isZero() && fiscal !== null ? null : rest;
  };
  const balances: Balances =
    compact({
      general: pair(amountOf('opening.general'), closingOf('general')),
      state_capital: pair(amountOf('opening.state_capital'), closingOf('state_capital')),
      gov_fund: (() => {
        const list = [...t07.values()].flatMap((r) => {
          const p = pair(val(r.values.opening), val(r.values.closing));
          return p ? [{ code: r.code, ...p }] : [];
        });
        return list.length ? list : undefined;
      })(),
      non_fiscal: pair(
        nonFiscal(t01v('in.opening'), fiscalOpening, '年初结转和结余', 'in.opening'),
        nonFiscal(t01v('out.closing'), fiscalClosing, '年末结转和结余', 'out.closing'),
      ),
      non_fiscal_surplus_used: some(t01v('in.nf_used')),
      surplus_distribution: some(t01v('out.surplus_distribution')),
    }) ?? {};

  // ── 三公经费 (公开09) ──
  const l = t.T09.lines;
  const get = (key: string, col: string) => val(l.get(key)?.values[col]);
  const num = (key: string) => {
    const v = get(key, 'actual');
    return v === null ? undefined : v.toNumber(); // a count, not money
  };
  const line = (key: string) =>
    compact({ initial_budget: some(get(key, 'initial')), full_budget: some(get(key, 'full')), actual: some(get(key, 'actual')) }) ?? {};
  const threePublic: ThreePublicFigures =
    compact({
      abroad: compact({ ...line('abroad'), groups: num('groups'), persons: num('persons') }),
      vehicle_purchase: compact({ ...line('vehicle_purchase'), vehicles: num('purchased') }),
      vehicle_operation: compact({ ...line('vehicle_operation'), fleet: num('fleet') }),
      reception: compact({
        initial_budget: some(get('reception', 'initial')),
        full_budget: some(get('reception', 'full')),
        domestic: compact({
          actual: some(get('domestic', 'actual')),
          batches: num('domestic_batches'),
          persons: num('domestic_persons'),
          foreign_affairs: compact({
            actual: some(get('foreign_affairs', 'actual')),
            batches: num('foreign_batches'),
            persons: num('foreign_persons'),
          }),
        }),
        overseas: compact({ actual: some(get('overseas', 'actual')), batches: num('overseas_batches'), persons: num('overseas_persons') }),
      }),
    }) ?? {};

  // ── 国有资产 (公开10) ──
  const a = t.T10.lines;
  const vehicles: Record<string, number> = {};
  for (const [key, entry] of a) {
    if (!key.startsWith('vehicle.')) continue;
    const v = val(entry.values.actual);
    if (v !== null) vehicles[key.slice('vehicle.'.length)] = v.toNumber();
  }
  const equipment = val(a.get('equipment')?.values.actual);
  const assets: AssetFigures =
    compact({
      vehicles: Object.keys(vehicles).length ? vehicles : undefined,
      equipment_over_1m: equipment === null ? undefined : equipment.toNumber(),
    }) ?? {};

  return { income, expenditure, basicEconomic, balances, threePublic, assets };
}
