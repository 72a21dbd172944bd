/**
 * A workbook cell → an exact decimal amount, or blank, or the reason it is neither.
 *
 * Numeric cells arrive as IEEE doubles. A 决算 amount in 万元 has at most 4 decimal places and is far
 * below 10^11, so it has at most 15 significant digits; every decimal of ≤ 15 significant digits maps to
 * a distinct double, and the shortest text that reads back as that double (what String(n) prints) is the
 * decimal itself. So String(11953.82) is exactly "11953.82" — the figure the finance system stored — and
 * D() of that text is exact. A double whose shortest text has more than 4 decimals (0.30000000000000004,
 * from arithmetic in a formula) is not such a figure, and is refused rather than rounded.
 *
 * Text cells are read as finance exports write them: thousands separators, stray spaces (also full-width
 * and non-breaking), full-width digits; a dash (- — ——) or nothing means blank.
 */
import { D, type Dec } from '../decimal.ts';
import type { CellValue } from './workbook.ts';

export const MAX_PLACES = 4;

export type Parsed = { value: Dec | null } | { problem: string };

const BLANK_TEXT = /^(?:-|－|—|——|─|\/)?$/;

function fromText(raw: string): Parsed {
  const text = raw.normalize('NFKC').replace(/[\s\u00a0\u3000]+/g, '');
  if (BLANK_TEXT.test(text)) return { value: null };
  if (/^\(.*\)$|^-/.test(text) && /\d/.test(text)) return { problem: `「${raw}」是负数，公开表中的金额不能为负` };
  if (!/^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$/.test(text)) {
    return { problem: `「${raw}」不是数字${/,/.test(text) ? '（千位分隔符的位置不对）' : ''}` };
  }
  return checkPlaces(text.replace(/,/g, ''), raw);
}

function checkPlaces(text: string, shown: string): Parsed {
  const places = text.split('.')[1]?.length ?? 0;
  if (places > MAX_PLACES) {
    return {
      problem: `「${shown}」有 ${places} 位小数，万元金额最多 ${MAX_PLACES} 位（精确到元）；若是公式计算留下的尾差，请把该单元格改为数值`,
    };
  }
  return { value: D(text) };
}

/** The amount in a cell (万元 unless `scale` converts, e.g. 元 → 万元 with scale 10000). */
export function parseAmount(v: CellValue | undefined, scale?: Dec): Parsed {
  if (!v) return { value: null };
  let parsed: Parsed;
  switch (v.kind) {
    case 'number': {
      if (!Number.isFinite(v.value)) return { problem: `「${v.value}」不是有效的数字` };
      if (v.value < 0) return { problem: `「${v.value}」是负数，公开表中的金额不能为负` };
      // Shortest round-trip text of the double; exponent forms only for values no 决算 holds.
      const text = String(v.value);
      if (/e/i.test(text)) return { problem: `「${text}」不像决算金额（过大或过小）` };
      parsed = checkPlaces(text, text);
      break;
    }
    case 'text':
      parsed = fromText(v.value);
      break;
    case 'error':
      return { problem: `单元格是错误值 ${v.value}（公式出错），请在 Excel 中改正后重新保存` };
    case 'formula':
      return { problem: `单元格是公式 ${v.value}，但文件中没有保存计算结果；请在 Excel 中打开并保存一次，或改为数值` };
    case 'date':
      return { problem: `单元格是日期（${v.value}），不是金额` };
  }
  if (!('value' in parsed) || parsed.value === null || !scale) return parsed;
  const converted = parsed.value.div(scale);
  if (converted.decimalPlaces() > MAX_PLACES) {
    return {
      problem: `${parsed.value.toFixed()} 元换算为万元是 ${converted.toFixed()}，超过 ${MAX_PLACES} 位小数（年度文件精确到元）；请导出以万元为单位的公开表`,
    };
  }
  return { value: converted };
}

/** A count (车辆数、团组数…): a whole number, or blank. */
export function parseCount(v: CellValue | undefined): { value: number | null } | { problem: string } {
  const parsed = parseAmount(v);
  if (!('value' in parsed)) return parsed;
  if (parsed.value === null) return { value: null };
  if (!parsed.value.isInteger()) return { problem: `「${parsed.value.toFixed()}」不是整数（这一栏是个数、人次或台数）` };
  if (parsed.value.greaterThan(999_999_999)) return { problem: `「${parsed.value.toFixed()}」过大` };
  return { value: parsed.value.toNumber() };
}
