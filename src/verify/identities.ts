/**
 * The sums a reader checks on the printed tables, done on the figures as printed (not on the model):
 * every 合计 and 总计 inside a table, and the figures one table repeats from another — 公开01 ↔ 02/03
 * (income by source, expenditure by 类), 公开04 ↔ 05/07/08 (each fund's expenditure), 公开05 ↔ 06
 * (基本支出 = 人员经费 + 公用经费). A figure the model holds to more than two places (1644.0035) is
 * printed rounded, so a sum may differ from its parts by up to half a cent for each such figure; where
 * every figure involved is printed exactly, the sum must hold to the cent.
 */
import { D, type Dec, ZERO } from '../decimal.ts';
import { tableAmount } from '../model/format.ts';
import type { Finding } from './finding.ts';
import type { PrintedCell } from './tables.ts';

/** The value of a printed figure: blank is 0; undefined when it is not a number (—— or a misprint). */
function valueOf(cell: PrintedCell): Dec | undefined {
  const t = cell.text.replace(/,/g, '');
  if (t === '') return ZERO;
  return /^-?\d+(\.\d+)?$/.test(t) ? D(t) : undefined;
}

interface Term {
  cell: PrintedCell;
  sign: 1 | -1;
}

const plus = (cells: PrintedCell[]): Term[] => cells.map((cell) => ({ cell, sign: 1 }));

/** Strips the ordinal (一、) or the code (201 ) in front of a row label. */
const bareName = (label: string) =>
  label
    .replace(/^[一二三四五六七八九十]+、/, '')
    .replace(/^\d+\s*/, '')
    .trim();
const ORDINAL = /^[一二三四五六七八九十]+、/;

export interface IdentityResult {
  checked: number;
}

export function checkIdentities(printed: PrintedCell[], findings: Finding[]): IdentityResult {
  let checked = 0;
  const of = (tableId: string) => printed.filter((c) => c.tableId === tableId);
  const names: Record<string, string> = {};
  for (const c of printed) names[c.tableId] ??= `公开${c.tableId.slice(1)}表`;

  /** lhs = Σ terms, on printed figures; `what` says what the terms are. */
  const expect = (lhs: PrintedCell | undefined, terms: Term[], what: string, orZero = false) => {
    if (!lhs || (!terms.length && !orZero)) return;
    const left = valueOf(lhs);
    const values = terms.map((t) => valueOf(t.cell));
    if (left === undefined || values.some((v) => v === undefined)) return; // a misprint already reported cell by cell
    const total = values.reduce<Dec>((s, v, i) => (terms[i]!.sign > 0 ? s.plus(v!) : s.minus(v!)), ZERO);
    checked++;
    const slack = D('0.005').times([lhs, ...terms.map((t) => t.cell)].filter((c) => c.rounded).length);
    if (left.minus(total).abs().gt(slack)) {
      findings.push({
        page: lhs.page,
        where: `${names[lhs.tableId]} ${lhs.rowLabel} 行 ${lhs.columnLabel} 栏`,
        message: `印为 ${lhs.text || '（空白）'}，而${what}为 ${tableAmount(total)}`,
      });
    }
  };

  const cell = (cells: PrintedCell[], row: string | ((c: PrintedCell) => boolean), column?: string | ((c: PrintedCell) => boolean)) =>
    cells.find(
      (c) =>
        (typeof row === 'string' ? c.row === row : row(c)) &&
        (column === undefined || (typeof column === 'string' ? c.column === column : column(c))),
    );

  // ─── 类/款/项 tables: 合计 = Σ 类, 类 = Σ 款, 款 = Σ 项, and the columns that add up ───────────────────
  for (const id of ['T02', 'T03', 'T05', 'T07', 'T08']) {
    const cells = of(id);
    const columns = [...new Set(cells.map((c) => c.column))];
    for (const column of columns) {
      const col = cells.filter((c) => c.column === column);
      const codes = col.filter((c) => /^\d+$/.test(c.row));
      const children = (parent: string, length: number) => codes.filter((c) => c.row.length === length && c.row.startsWith(parent));
      expect(
        col.find((c) => c.row === 'total'),
        plus(codes.filter((c) => c.row.length === 3)),
        '各类之和',
      );
      for (const cls of codes.filter((c) => c.row.length === 3)) expect(cls, plus(children(cls.row, 5)), '所属各款之和');
      for (const kuan of codes.filter((c) => c.row.length === 5)) expect(kuan, plus(children(kuan.row, 7)), '所属各项之和');
    }
    const rows = [...new Set(cells.map((c) => c.row))];
    for (const row of rows) {
      const line = cells.filter((c) => c.row === row);
      const by = (label: string) => line.find((c) => c.columnLabel === label);
      if (id === 'T02' || id === 'T03') expect(line[0], plus(line.slice(1)), '其余各栏之和');
      if (id === 'T05') expect(by('本年支出合计'), plus([by('基本支出'), by('项目支出')].filter((c) => !!c)), '基本支出与项目支出之和');
      if (id === 'T08') expect(by('合计'), plus([by('基本支出'), by('项目支出')].filter((c) => !!c)), '基本支出与项目支出之和');
      if (id === 'T07') {
        expect(by('本年支出小计'), plus([by('本年支出基本支出'), by('本年支出项目支出')].filter((c) => !!c)), '基本支出与项目支出之和');
        const [opening, income, spend] = [by('年初结转和结余'), by('本年收入'), by('本年支出小计')];
        if (opening && income && spend)
          expect(by('年末结转和结余'), [...plus([opening, income]), { cell: spend, sign: -1 }], '年初结转和结余加本年收入减本年支出');
      }
    }
  }

  // ─── 公开01 收入支出决算总表 ──────────────────────────────────────────────────────────────────────
  const t01 = of('T01');
  const t01Left = t01.filter((c) => c.column === 'c1');
  const t01Right = t01.filter((c) => c.column === 'c2');
  const named = (cells: PrintedCell[], label: string) => cells.find((c) => c.rowLabel === label);
  const incomeLines = t01Left.filter((c) => ORDINAL.test(c.rowLabel));
  const classLines = t01Right.filter((c) => ORDINAL.test(c.rowLabel));
  if (t01.length) {
    expect(named(t01Left, '本年收入合计'), plus(incomeLines), '各项收入之和');
    expect(named(t01Right, '本年支出合计'), plus(classLines), '各类支出之和');
    expect(
      named(t01Left, '总计'),
      plus(['本年收入合计', '使用非财政拨款结余（含专用结余）', '年初结转和结余'].map((l) => named(t01Left, l)).filter((c) => !!c)),
      '收入合计、使用非财政拨款结余与年初结转和结余之和',
    );
    expect(
      named(t01Right, '总计'),
      plus(['本年支出合计', '结余分配', '年末结转和结余'].map((l) => named(t01Right, l)).filter((c) => !!c)),
      '支出合计、结余分配与年末结转和结余之和',
    );
    const rightTotal = named(t01Right, '总计');
    if (rightTotal) expect(named(t01Left, '总计'), plus([rightTotal]), '支出方总计');
  }

  // ─── 公开04 财政拨款收入支出决算总表 ───────────────────────────────────────────────────────────────
  const t04 = of('T04');
  if (t04.length) {
    const left = t04.filter((c) => c.column === 'c1');
    const incomeAt = left.findIndex((c) => c.rowLabel === '本年收入合计');
    const openingAt = left.findIndex((c) => c.rowLabel === '年初财政拨款结转和结余');
    const opening = left[openingAt];
    expect(left[incomeAt], plus(left.slice(0, Math.max(incomeAt, 0)).filter((c) => ORDINAL.test(c.rowLabel))), '各项财政拨款收入之和');
    expect(opening, plus(left.slice(openingAt + 1).filter((c) => ORDINAL.test(c.rowLabel))), '各项年初结转和结余之和');
    expect(named(left, '总计'), plus([left[incomeAt], opening].filter((c) => !!c)), '本年收入合计与年初结转和结余之和');
    const right = t04.filter((c) => c.column !== 'c1');
    for (const row of [...new Set(right.map((c) => c.row))]) {
      const line = right.filter((c) => c.row === row);
      expect(
        line.find((c) => c.columnLabel === '合计'),
        plus(line.filter((c) => c.columnLabel !== '合计')),
        '三项财政拨款之和',
      );
    }
    for (const column of [...new Set(right.map((c) => c.column))]) {
      const col = right.filter((c) => c.column === column);
      expect(named(col, '本年支出合计'), plus(col.filter((c) => ORDINAL.test(c.rowLabel))), '各类支出之和');
      expect(
        named(col, '总计'),
        plus(['本年支出合计', '年末财政拨款结转和结余'].map((l) => named(col, l)).filter((c) => !!c)),
        '本年支出合计与年末结转和结余之和',
      );
    }
    const total = right.find((c) => c.rowLabel === '总计' && c.columnLabel === '合计');
    if (total) expect(named(left, '总计'), plus([total]), '支出方总计');
  }

  // ─── 公开06 基本支出: 类 = Σ 款; 人员经费 (first three columns) and 公用经费 (the rest) ────────────────
  const t06 = of('T06');
  if (t06.length) {
    const codes = t06.filter((c) => /^\d+$/.test(c.row));
    const classes = codes.filter((c) => c.row.length === 3);
    for (const cls of classes) expect(cls, plus(codes.filter((c) => c.row.length === 5 && c.row.startsWith(cls.row))), '所属各款之和');
    expect(cell(t06, 'personnel'), plus(classes.filter((c) => c.col < 3)), '人员经费各类之和');
    expect(cell(t06, 'public'), plus(classes.filter((c) => c.col >= 3)), '公用经费各类之和');
  }

  // ─── 公开09 “三公”经费 and 公开10 国有资产 (rows by their printed 行次) ──────────────────────────────
  const t09 = of('T09');
  for (const column of ['c1', 'c2', 'c3']) {
    const r = (n: number) => cell(t09, `r${n}`, column);
    const sum = (...ns: number[]) => plus(ns.map(r).filter((c): c is PrintedCell => !!c));
    expect(r(1), sum(2, 3, 6), '因公出国（境）费、公务用车购置及运行维护费与公务接待费之和');
    expect(r(3), sum(4, 5), '购置费与运行维护费之和');
    if (column === 'c3') expect(r(6), sum(7, 9), '国内接待费与国（境）外接待费之和');
  }
  const t10 = of('T10');
  if (t10.length > 2) expect(t10[0], plus(t10.slice(1, -1)), '各类车辆之和');

  // ─── Between tables ────────────────────────────────────────────────────────────────────────────────
  const total = (id: string, columnLabel: string) => of(id).find((c) => c.row === 'total' && c.columnLabel === columnLabel);
  const classRows = (id: string, column: string) => of(id).filter((c) => c.column === column && /^\d{3}$/.test(c.row));
  /** Every 类 row of `lines` (公开01/04, named 一、…) against the 类 rows of another table, by name. */
  const byClass = (lines: PrintedCell[], other: PrintedCell[], what: string) => {
    for (const line of lines) {
      const match = other.find((c) => bareName(c.rowLabel) === bareName(line.rowLabel));
      if (match) expect(line, plus([match]), what);
      else expect(line, [], `${what}（该表没有此类，即 0）`, true);
    }
  };
  if (t01.length) {
    const t02 = of('T02');
    if (t02.length) {
      expect(named(t01Left, '本年收入合计'), plus([total('T02', '本年收入合计')].filter((c) => !!c)), '公开02表 合计');
      for (const column of t02.filter((c) => c.row === 'total').slice(1)) {
        const lines = incomeLines.filter((c) => bareName(c.rowLabel).endsWith(column.columnLabel));
        if (lines.length)
          expect(column, plus(lines), `公开01表 ${lines.map((l) => bareName(l.rowLabel)).join('、')}${lines.length > 1 ? '之和' : ''}`);
      }
    }
    if (of('T03').length) {
      expect(named(t01Right, '本年支出合计'), plus([total('T03', '本年支出合计')].filter((c) => !!c)), '公开03表 合计');
      byClass(
        classLines.filter((c) => valueOf(c)?.isZero() === false),
        classRows('T03', 'c1'),
        '公开03表 同名类的本年支出合计',
      );
    }
  }
  if (t04.length) {
    const spend = (label: string) => t04.find((c) => c.rowLabel === '本年支出合计' && c.columnLabel === label);
    const fundClasses = (label: string) =>
      t04.filter((c) => c.columnLabel === label && ORDINAL.test(c.rowLabel) && c.column !== 'c1' && valueOf(c)?.isZero() === false);
    if (of('T05').length) {
      expect(spend('一般公共预算财政拨款'), plus([total('T05', '本年支出合计')].filter((c) => !!c)), '公开05表 合计');
      byClass(fundClasses('一般公共预算财政拨款'), classRows('T05', 'c1'), '公开05表 同名类的本年支出合计');
    }
    if (of('T07').length)
      expect(spend('政府性基金预算财政拨款'), plus([total('T07', '本年支出小计')].filter((c) => !!c)), '公开07表 本年支出合计');
    if (of('T08').length) expect(spend('国有资本经营预算财政拨款'), plus([total('T08', '合计')].filter((c) => !!c)), '公开08表 合计');
    if (t01.length) {
      const fiscal = incomeLines.filter((c) => bareName(c.rowLabel).endsWith('财政拨款收入'));
      expect(
        t04.find((c) => c.column === 'c1' && c.rowLabel === '本年收入合计'),
        plus(fiscal),
        '公开01表 三项财政拨款收入之和',
      );
    }
  }
  const basic = total('T05', '基本支出');
  if (basic && t06.length)
    expect(
      basic,
      plus([cell(t06, 'personnel'), cell(t06, 'public')].filter((c): c is PrintedCell => !!c)),
      '公开06表 人员经费合计与公用经费合计之和',
    );
  return { checked };
}
