/**
 * The year diff in a terminal: aligned columns (CJK counted as two columns, text-width.ts), numbers right-
 * aligned, one line per figure. A table the earlier year cannot supply at all is one line saying so —
 * printing every 2024 figure next to “上年无此数据” would bury the comparisons; the HTML page lists them.
 */
import { D } from '../decimal.ts';
import { exactAmount, signed, signedRate } from './numbers.ts';
import { columns } from '../text-width.ts';
import type { Delta, SideValue, YearCell, YearComparison, YearTable } from './years.ts';

export const MISSING_EARLIER = '上年无此数据';
export const MISSING_LATER = '本年无此数据';

export function sideText(v: SideValue, kind: YearCell['kind'], missing: string): string {
  if (v === undefined) return missing;
  if (v === null) return '';
  return kind === 'count' ? v : exactAmount(v);
}

export function deltaTexts(d: Delta | undefined, kind: YearCell['kind']): [string, string] {
  if (!d) return ['', ''];
  return [signed(d.change, kind), d.rate === null ? '—' : signedRate(d.rate)];
}

export const STATUS_TEXT = { both: '', added: '本年新增', removed: '本年没有此行' } as const;

/** Remark for a line: new/removed rows, and why a rate is missing. */
export function remark(status: keyof typeof STATUS_TEXT, cell: { earlier: SideValue; delta?: Delta }): string {
  if (STATUS_TEXT[status]) return STATUS_TEXT[status];
  if (cell.delta && cell.delta.rate === null && !D(cell.delta.change).isZero()) return '上年为零，不计增减率';
  return '';
}

export function intro(c: YearComparison): string[] {
  const a = c.earlier.label;
  const b = c.later.label;
  return [
    `${c.department} 决算年度对比：${a} → ${b}`,
    `金额单位：万元。增减额 = ${b} − ${a}；增减率 = 增减额 ÷ ${a}数 × 100%，四舍五入保留两位小数；${a}数为零时不计算增减率。`,
    ...c.notes.map((n) => `注：${n}`),
  ];
}

/** A table none of whose shown figures the earlier year has (a partial prior year without this table). */
export const earlierLacksTable = (t: YearTable) => t.earlierSource === 'figures' && t.rows.every((r) => r.cells.every((c) => c.earlier === undefined));

export function formatTerminal(c: YearComparison): string {
  const a = c.earlier.label;
  const b = c.later.label;
  const out: string[] = [...intro(c), ''];

  out.push('一、可比数字（情况说明所用的合计数）', '');
  const figureRows = [['项目', a, b, '增减额', '增减率', '说明']];
  for (const f of c.figures) {
    const [change, rate] = deltaTexts(f.delta, 'amount');
    figureRows.push([f.label, sideText(f.earlier, 'amount', MISSING_EARLIER), sideText(f.later, 'amount', MISSING_LATER), change, rate, remark('both', f)]);
  }
  out.push(...columns(figureRows, ['left', 'right', 'right', 'right', 'right', 'left']).map((l) => `  ${l}`), '');

  out.push('二、公开表（逐行逐栏列出；两年都为零或空白的栏目从略）');
  for (const t of c.tables) {
    out.push('');
    if (!t.rows.length) {
      out.push(`${t.name}：${t.earlierSource === 'figures' ? `${b}此表没有非零数字` : '两年都没有非零数字'}。`);
      continue;
    }
    if (earlierLacksTable(t)) {
      out.push(`${t.name}：${a}没有此表的数据（${MISSING_EARLIER}），${b}共 ${t.rows.length} 行有数字，明细见 HTML 报告。`);
      continue;
    }
    out.push(t.name);
    const rows = [['行', '栏目', a, b, '增减额', '增减率', '说明']];
    for (const r of t.rows) {
      r.cells.forEach((cell, i) => {
        const [change, rate] = deltaTexts(cell.delta, cell.kind);
        rows.push([i === 0 ? r.rowName : '', cell.columnLabel, sideText(cell.earlier, cell.kind, MISSING_EARLIER), sideText(cell.later, cell.kind, MISSING_LATER), change, rate, remark(r.status, cell)]);
      });
    }
    out.push(...columns(rows, ['left', 'left', 'right', 'right', 'right', 'right', 'left']).map((l) => `  ${l}`));
    if (t.missing.earlier) out.push(`  其中 ${t.missing.earlier} 个栏目在${a}没有数据（${MISSING_EARLIER}）。`);
    if (t.missing.later) out.push(`  其中 ${t.missing.later} 个栏目在${b}没有数据（${MISSING_LATER}）。`);
  }
  return out.join('\n') + '\n';
}
