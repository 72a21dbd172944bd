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

/**
 * How the report names the two sides: two years (上年/本年), or two versions of one year's file
 * (原版本/新版本) — “增减额 ÷ data/2024.yaml数” would make no sense there.
 */
export interface Words {
  sameYear: boolean;
  missingEarlier: string;
  missingLater: string;
  added: string;
  removed: string;
  zeroBase: string;
}

export function wordsOf(c: Pick<YearComparison, 'earlier' | 'later'>): Words {
  return c.earlier.year === c.later.year
    ? {
        sameYear: true,
        missingEarlier: '原版本无此数据',
        missingLater: '新版本无此数据',
        added: '新版本新增',
        removed: '新版本没有此行',
        zeroBase: '原版本为零，不计增减率',
      }
    : {
        sameYear: false,
        missingEarlier: MISSING_EARLIER,
        missingLater: MISSING_LATER,
        added: '本年新增',
        removed: '本年没有此行',
        zeroBase: '上年为零，不计增减率',
      };
}

export function sideText(v: SideValue, kind: YearCell['kind'], missing: string): string {
  if (v === undefined) return missing;
  if (v === null) return '';
  return kind === 'count' ? v : exactAmount(v);
}

export function deltaTexts(d: Delta | undefined, kind: YearCell['kind']): [string, string] {
  if (!d) return ['', ''];
  return [signed(d.change, kind), d.rate === null ? '—' : signedRate(d.rate)];
}

/** Remark for a line: new/removed rows, and why a rate is missing. */
export function remark(status: 'both' | 'added' | 'removed', cell: { earlier: SideValue; delta?: Delta }, words: Words): string {
  if (status === 'added') return words.added;
  if (status === 'removed') return words.removed;
  if (cell.delta && cell.delta.rate === null && !D(cell.delta.change).isZero()) return words.zeroBase;
  return '';
}

export function intro(c: YearComparison): string[] {
  const a = c.earlier.label;
  const b = c.later.label;
  const w = wordsOf(c);
  const head = w.sameYear
    ? [
        `${c.department} 决算对比：同一年度的两个版本（${c.later.year}年度）`,
        `原版本：${c.earlier.file}；新版本：${c.later.file}。`,
        '金额单位：万元。增减额 = 新版本数 − 原版本数；增减率 = 增减额 ÷ 原版本数 × 100%，四舍五入保留两位小数；原版本数为零时不计算增减率。',
      ]
    : [
        `${c.department} 决算年度对比：${a} → ${b}`,
        `金额单位：万元。增减额 = ${b} − ${a}；增减率 = 增减额 ÷ ${a}数 × 100%，四舍五入保留两位小数；${a}数为零时不计算增减率。`,
      ];
  return [
    ...head,
    ...(c.changedOnly ? ['只列出有变化的数字：增减额不为零的，以及只有一方有的行；某一方没有数据的栏目不列出。'] : []),
    ...c.notes.map((n) => `注：${n}`),
  ];
}

/** What a table with no line to show says. */
export function emptyTable(t: YearTable, c: YearComparison): string {
  if (c.changedOnly) return '没有变化';
  return t.earlierSource === 'figures' ? `${c.later.label}此表没有非零数字` : '两年都没有非零数字';
}

/** A table none of whose shown figures the earlier year has (a partial prior year without this table). */
export const earlierLacksTable = (t: YearTable) =>
  t.earlierSource === 'figures' && t.rows.every((r) => r.cells.every((c) => c.earlier === undefined));

export function formatTerminal(c: YearComparison): string {
  const a = c.earlier.label;
  const b = c.later.label;
  const w = wordsOf(c);
  const out: string[] = [...intro(c), ''];

  out.push('一、可比数字（情况说明所用的合计数）', '');
  if (c.changedOnly && !c.figures.length) out.push('  没有变化。');
  const figureRows = [['项目', a, b, '增减额', '增减率', '说明']];
  for (const f of c.figures) {
    const [change, rate] = deltaTexts(f.delta, 'amount');
    figureRows.push([
      f.label,
      sideText(f.earlier, 'amount', w.missingEarlier),
      sideText(f.later, 'amount', w.missingLater),
      change,
      rate,
      remark('both', f, w),
    ]);
  }
  if (figureRows.length > 1) out.push(...columns(figureRows, ['left', 'right', 'right', 'right', 'right', 'left']).map((l) => `  ${l}`));
  out.push('');

  out.push(
    c.changedOnly
      ? '二、公开表（只列有变化的栏目）'
      : `二、公开表（逐行逐栏列出；${w.sameYear ? '两个版本' : '两年'}都为零或空白的栏目从略）`,
  );
  for (const t of c.tables) {
    out.push('');
    if (!t.rows.length) {
      out.push(`${t.name}：${emptyTable(t, c)}。`);
      continue;
    }
    if (earlierLacksTable(t)) {
      out.push(`${t.name}：${a}没有此表的数据（${w.missingEarlier}），${b}共 ${t.rows.length} 行有数字，明细见 HTML 报告。`);
      continue;
    }
    out.push(t.name);
    const rows = [['行', '栏目', a, b, '增减额', '增减率', '说明']];
    for (const r of t.rows) {
      r.cells.forEach((cell, i) => {
        const [change, rate] = deltaTexts(cell.delta, cell.kind);
        rows.push([
          i === 0 ? r.rowName : '',
          cell.columnLabel,
          sideText(cell.earlier, cell.kind, w.missingEarlier),
          sideText(cell.later, cell.kind, w.missingLater),
          change,
          rate,
          remark(r.status, cell, w),
        ]);
      });
    }
    out.push(...columns(rows, ['left', 'left', 'right', 'right', 'right', 'right', 'left']).map((l) => `  ${l}`));
    if (t.missing.earlier) out.push(`  其中 ${t.missing.earlier} 个栏目在${a}没有数据（${w.missingEarlier}）。`);
    if (t.missing.later) out.push(`  其中 ${t.missing.later} 个栏目在${b}没有数据（${w.missingLater}）。`);
  }
  return out.join('\n') + '\n';
}
