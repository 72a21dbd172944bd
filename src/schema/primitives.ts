/**
 * Field types of a year file. The loader hands over every scalar as the exact text typed (failsafe
 * YAML), so amounts are parsed here straight into decimals — a JS float never sees them. Each parser
 * explains in Chinese what is wrong and how to write it instead.
 */
import { z } from 'zod';
import { D, ZERO, type Amount, type Dec } from '../decimal.ts';
import { LIMITS } from '../load/load.ts';
import { isDraftFigure } from './draft.ts';

const BLANK = new Set(['', '~', 'null', 'Null', 'NULL']);
const FULL_WIDTH = /[０-９．－＋，]/;

export function isBlankText(text: string): boolean {
  return BLANK.has(text.trim());
}

/**
 * The largest amount one figure of a year file may be, in 万元: 99,999,999.9999 — just under 1 万亿元,
 * more than any department's whole 决算. The bound is what keeps the PDF and the workbook equal: a
 * worksheet cell holds an IEEE double, which represents every decimal of at most 15 significant digits
 * exactly (and Excel shows 15). A file holds at most LIMITS.values (50,000) values, so a total adds at
 * most 50,000 figures: less than 50,000 × 10⁸ = 5 × 10¹² 万元, 13 digits before the point, and with the
 * 2 places a table prints that is 15 significant digits — every total the PDF prints is the number the
 * workbook stores. (Figures shown with 4 places, in the evaluation forms, add at most 4 figures:
 * below 4 × 10⁸, 9 + 4 = 13 digits.) 12345678901234567.89 has 19: the workbook would store
 * 12345678901234568 while the PDF prints the exact figure.
 */
export const MAX_AMOUNT = D('99999999.9999');
/** Largest total: as many figures as a file may hold, each at the bound (kept < 10¹³ by the test). */
export const MAX_TOTAL = MAX_AMOUNT.times(LIMITS.values);

/** Parses the text of an amount in 万元; returns a Chinese complaint instead of throwing. */
export function parseAmountText(raw: string, opts: { signed?: boolean; places?: number; what?: string } = {}): Dec | string {
  const what = opts.what ?? '金额';
  const places = opts.places ?? 4;
  const text = raw.trim();
  if (FULL_WIDTH.test(text)) return `${what}「${text}」含全角字符，请改用半角数字和小数点`;
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) return `${what}「${text}」不要写千位分隔符，应写作 ${text.replace(/,/g, '')}`;
  if (/万|元|%/.test(text)) return `${what}「${text}」只填数字，不要带单位（金额单位固定为万元）`;
  if (/^[+-]?\d{1,3}( \d{3})+(\.\d+)?$/.test(text)) return `${what}「${text}」数字中间不要有空格，应写作 ${text.replace(/ /g, '')}`;
  if (!/^[+-]?\d+(\.\d+)?$/.test(text)) return `${what}「${text}」不是有效的数字：${notANumber(text)}`;
  const decimals = text.split('.')[1]?.length ?? 0;
  if (decimals > places) {
    return places === 4
      ? `${what}「${text}」有 ${decimals} 位小数，万元金额最多 4 位小数（即精确到元）`
      : `${what}「${text}」最多 ${places} 位小数`;
  }
  const value = D(text);
  if (value.isNegative() && !opts.signed) return `${what}「${text}」不能为负数`;
  if (value.abs().greaterThan(MAX_AMOUNT)) {
    return `${what}「${text}」超出上限：一项金额最多 8 位整数（不超过 99999999.9999 万元，约 1 万亿元）；工作簿中的数字只能精确保存 15 位有效数字，更大的金额合计后在工作簿和 PDF 中会不一致。请核对单位是否为万元`;
  }
  return value;
}

/** What is wrong with a text that is not a plain decimal, in the user's terms. */
function notANumber(text: string): string {
  if (/^[+-]?\.\d+$/.test(text)) return `小数点前要有数字，应写作 ${text.replace('.', '0.')}`;
  if (/^[+-]?\d+\.$/.test(text)) return `小数点后没有数字，应写作 ${text.slice(0, -1)}`;
  if (/[\u4e00-\u9fff]/.test(text)) return '请只填阿拉伯数字（例如 848.10），不要写汉字';
  const odd = [...text].find((ch) => !/[\d.+-]/.test(ch));
  return odd ? `其中的「${odd}」不是数字（只能有数字和一个小数点，例如 848.10）` : '只能有数字和一个小数点，例如 848.10';
}

function amountSchema(opts: { signed?: boolean; description: string }) {
  return z
    .string()
    .optional()
    .transform((text, ctx): Amount => {
      // A figure still to be filled in (待填写) counts as blank; the rule draft-marker reports it.
      if (text === undefined || isBlankText(text) || isDraftFigure(text)) return null;
      const parsed = parseAmountText(text, { signed: opts.signed });
      if (typeof parsed === 'string') {
        ctx.addIssue({ code: 'custom', message: parsed, params: { rule: 'amount' } });
        return z.NEVER;
      }
      return parsed;
    })
    .meta({ description: opts.description, juesuanKind: opts.signed ? 'signed-amount' : 'amount' });
}

/** A non-negative amount in 万元; missing or empty means a blank cell (not 0.00). */
export const amount = (description: string) => amountSchema({ description });
/** A signed amount (增加为正、减少为负), used for itemised reasons of a change. */
export const signedAmount = (description: string) => amountSchema({ signed: true, description });

/** A required signed amount: an itemised reason without its amount cannot be checked. */
export const requiredSignedAmount = (description: string) =>
  z
    .string({ error: '缺少金额' })
    .transform((text, ctx): Dec => {
      if (isDraftFigure(text)) return ZERO; // reported by the rule draft-marker
      if (isBlankText(text)) {
        ctx.addIssue({ code: 'custom', message: '缺少金额', params: { rule: 'required' } });
        return z.NEVER;
      }
      const parsed = parseAmountText(text, { signed: true });
      if (typeof parsed === 'string') {
        ctx.addIssue({ code: 'custom', message: parsed, params: { rule: 'amount' } });
        return z.NEVER;
      }
      return parsed;
    })
    .meta({ description, juesuanKind: 'signed-amount' });

/** A whole count (人数、台数、个数); missing means blank. Counts are small integers, not money. */
export const count = (description: string) =>
  z
    .string()
    .optional()
    .transform((text, ctx): number | null => {
      if (text === undefined || isBlankText(text) || isDraftFigure(text)) return null;
      const t = text.trim();
      if (FULL_WIDTH.test(t)) {
        ctx.addIssue({ code: 'custom', message: `数量「${t}」含全角字符，请改用半角数字`, params: { rule: 'count' } });
        return z.NEVER;
      }
      if (!/^\d+$/.test(t)) {
        ctx.addIssue({ code: 'custom', message: `数量「${t}」应为不带小数的非负整数`, params: { rule: 'count' } });
        return z.NEVER;
      }
      if (t.length > 9) {
        ctx.addIssue({ code: 'custom', message: `数量「${t}」过大`, params: { rule: 'count' } });
        return z.NEVER;
      }
      return Number.parseInt(t, 10);
    })
    .meta({ description, juesuanKind: 'count' });

/** A score or weight of a performance indicator (分值/得分), up to 2 decimals. */
export const score = (description: string) =>
  z
    .string({ error: '缺少分值' })
    .transform((text, ctx): Dec => {
      if (isDraftFigure(text)) return ZERO; // reported by the rule draft-marker
      const parsed = isBlankText(text) ? '缺少分值' : parseAmountText(text, { places: 2, what: '分值' });
      if (typeof parsed === 'string') {
        ctx.addIssue({ code: 'custom', message: parsed, params: { rule: isBlankText(text) ? 'required' : 'score' } });
        return z.NEVER;
      }
      return parsed;
    })
    .meta({ description, juesuanKind: 'score' });

/** Free text; required texts may not be empty. */
export const text = (description: string) =>
  z
    .string({ error: '缺少文字内容' })
    .transform((t) => t.trim())
    .refine((t) => t.length > 0, { message: '文字内容不能为空', params: { rule: 'required' } })
    .meta({ description });

/** A classification code as typed (digits only; which lengths are valid is a rule of its own). */
export const code = (description: string) =>
  z
    .string({ error: '缺少科目编码' })
    .transform((t) => t.trim())
    .meta({ description, juesuanKind: 'code' });

export const flag = (description: string) =>
  z
    .enum(['true', 'false', 'yes', 'no', '是', '否'], { error: '应填写 true 或 false' })
    .transform((v) => v === 'true' || v === 'yes' || v === '是')
    .meta({ description, juesuanKind: 'boolean' });

export const isoDate = (description: string) =>
  z
    .string()
    .refine((t) => /^\d{4}-\d{2}-\d{2}$/.test(t) && isRealDate(t), {
      message: '日期应写作 YYYY-MM-DD 且是真实存在的日期，例如 2025-09-30',
      params: { rule: 'format' },
    })
    .meta({ description });

/** 2025-02-30 parses in JS (as 3 March); a real date reads back the same. */
function isRealDate(t: string): boolean {
  const d = new Date(`${t}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === t;
}
