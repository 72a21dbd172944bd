/**
 * 公开03 支出决算表 (by 项 and kind: 基本, 项目, 上缴上级, 经营, 对附属单位补助), and its 财政拨款 parts by fund:
 * 公开05 (一般公共预算) and 公开08 (国有资本经营预算), each split into 基本 and 项目.
 */
import { sumAmounts, type Amount } from '../decimal.ts';
import type { YearFile } from '../schema/index.ts';
import { rollup } from './rollup.ts';
import type { ExpenditureCol, FundKey, SplitCol, YearCalc } from './types.ts';

export type ExpenditureRow = NonNullable<YearFile['expenditure']>[number];
type Split = NonNullable<ExpenditureRow['basic']>;

const EXPENDITURE_COLS: readonly ExpenditureCol[] = ['total', 'basic', 'project', 'remit', 'operating', 'subsidy'];
const SPLIT_COLS: readonly SplitCol[] = ['total', 'basic', 'project'];

const splitTotal = (s: Split | undefined): Amount => (s ? sumAmounts([s.general, s.gov_fund, s.state_capital, s.other]) : null);

/** What a 项 spent from one fiscal fund (basic + project). */
export const fundSpend = (row: ExpenditureRow, fund: FundKey): Amount =>
  sumAmounts([row.basic?.[fund] ?? null, row.project?.[fund] ?? null]);

/** One fund's part of the expenditure, by 项, split into 基本 and 项目 (公开05, 公开08). */
function byFund(rows: readonly ExpenditureRow[], fund: FundKey) {
  return rollup(
    SPLIT_COLS,
    rows.map((r) => {
      const basic = r.basic?.[fund] ?? null;
      const project = r.project?.[fund] ?? null;
      return { code: r.code, values: { total: sumAmounts([basic, project]), basic, project } };
    }),
  );
}

export function calcExpenditure(input: YearFile): Pick<YearCalc, 'expenditure' | 'general' | 'stateCapital'> {
  const rows = input.expenditure ?? [];
  const expenditure = rollup(
    EXPENDITURE_COLS,
    rows.map((r) => {
      const basic = splitTotal(r.basic);
      const project = splitTotal(r.project);
      return {
        code: r.code,
        values: {
          total: sumAmounts([basic, project, r.remit_superior, r.operating, r.subsidy_affiliated]),
          basic,
          project,
          remit: r.remit_superior,
          operating: r.operating,
          subsidy: r.subsidy_affiliated,
        },
      };
    }),
  );
  return { expenditure, general: byFund(rows, 'general'), stateCapital: byFund(rows, 'state_capital') };
}
