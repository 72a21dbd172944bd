/**
 * Stage 2 entry: validates the loaded data against the year-file schema and turns zod's issues into
 * diagnostics that point at the user's line and say, in Chinese, what to write instead.
 */
import { z } from 'zod';
import { printable, type Diagnostic } from '../diagnostics.ts';
import type { LoadedFile } from '../load/load.ts';
import type { YamlPath } from '../load/source-map.ts';
import { MAX_AMOUNT } from './primitives.ts';
import { yearFileSchema, type YearFile } from './year-file.ts';

export {
  yearFileSchema,
  reportSchema,
  type YearFile,
  type Explanation,
  type Report,
  type IndicatorInput,
  type ProjectInput,
  type DepartmentEvaluationInput,
} from './year-file.ts';

export function parseYearFile(loaded: LoadedFile): { value?: YearFile; diagnostics: Diagnostic[] } {
  const result = yearFileSchema.safeParse(loaded.data);
  if (result.success) return { value: result.data, diagnostics: [] };
  const diagnostics = result.error.issues.map((issue) => issueToDiagnostic(issue, loaded));
  return { diagnostics: dedupe(diagnostics) };
}

/**
 * Rule ids of the schema stage, by what is wrong (not by zod's issue codes): a user reading
 * `[schema/amount]` knows it is about how an amount is written.
 */
const RULE_OF_CODE: Record<string, string> = {
  invalid_type: 'type',
  invalid_union: 'type',
  unrecognized_keys: 'unknown-key',
  invalid_value: 'choice',
  invalid_format: 'format',
};

function issueToDiagnostic(issue: z.core.$ZodIssue, loaded: LoadedFile): Diagnostic {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const field = fieldLabel(path);
  let message: string;
  let at: YamlPath = path;
  let rule = RULE_OF_CODE[issue.code] ?? 'value';
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = issue.keys[0] ?? '';
      at = [...path, key];
      const known = knownKeys(path);
      const colon = /^([A-Za-z_]\w*):(\S.*)$/.exec(key);
      if (colon && known.includes(colon[1]!)) {
        // `{ general:848.10 }` in a flow mapping: one plain scalar, taken as a key without a value.
        message = `「${key}」的冒号后缺少空格，应写作「${colon[1]}: ${colon[2]}」`;
        return { ruleId: 'yaml/colon-space', severity: 'error', message: printable(message), place: loaded.source.place(at) };
      }
      if (/^\d+(\.\d+)?$/.test(key)) {
        // `{ general: 1,500.00 }`: the comma ends the amount (1) and `500.00` becomes a key.
        rule = 'amount';
        const entries = Object.entries((valueAt(loaded.data, path) ?? {}) as Record<string, unknown>);
        const before = entries[entries.findIndex(([k]) => k === key) - 1];
        const typed = before && typeof before[1] === 'string' && /^\d+$/.test(before[1]) ? { key: before[0], head: before[1] } : undefined;
        message = typed
          ? `${typed.key} 的金额「${typed.head},${key}」写了千位分隔符：花括号中的逗号用来分隔各项，金额应连写为 ${typed.head}${key}`
          : `「${key}」不是一个键：多半是金额中写了千位分隔符；花括号中的逗号用来分隔各项，金额中不能有逗号`;
        break;
      }
      const hint = closest(key, known);
      const chinese = /[\u4e00-\u9fff]/.test(key) ? '；键名是固定的英文名称，中文内容写在冒号之后' : '';
      message = `未知的键「${key}」${hint ? `，是否应为「${hint}」？` : known.length ? `${chinese}；此处可用的键：${known.join('、')}` : chinese}`;
      break;
    }
    case 'invalid_type': {
      const value = valueAt(loaded.data, path);
      const received = describeReceived(value);
      const colon = typeof value === 'string' ? /^([A-Za-z_]\w*):(\S.*)$/.exec(value) : null;
      if (colon && (issue.expected === 'object' || issue.expected === 'array')) {
        // `project:` + `general:120.00` on the next line: a text where a mapping was meant.
        message = `「${value}」的冒号后缺少空格，应写作「${colon[1]}: ${colon[2]}」`;
        return { ruleId: 'yaml/colon-space', severity: 'error', message: printable(message), place: loaded.source.place(at) };
      }
      if (received === 'missing') {
        rule = 'required';
        message = `缺少必填项「${field}」`;
      } else if (issue.expected === 'array') {
        const brackets = typeof value === 'string' && /^[【［]/.test(value.trim()) ? '；方括号要用英文的「[ ]」，各项之间用英文逗号' : '';
        message = `「${field}」应为列表（每项以「- 」开头），实际是${received}${brackets}`;
      } else if (issue.expected === 'object') message = `「${field}」应为「键: 值」形式的映射，实际是${received}`;
      else if (issue.expected === 'string') message = `「${field}」应填写一个值，实际是${received}`;
      else message = `「${field}」的类型不正确（应为 ${issue.expected}），实际是${received}`;
      break;
    }
    case 'invalid_union':
      message = `「${field}」的格式不正确：应为一句话，或含 items（逐项事项和金额）的说明`;
      break;
    case 'invalid_value':
      message = issue.message.startsWith('Invalid') ? `「${field}」的取值不正确，可选值：${issue.values.join('、')}` : issue.message;
      message += typedSuffix(valueAt(loaded.data, path));
      break;
    case 'invalid_format':
      message =
        (issue.message.startsWith('Invalid') ? `「${field}」的格式不正确` : issue.message) + typedSuffix(valueAt(loaded.data, path));
      break;
    case 'custom':
      rule = (issue.params as { rule?: string } | undefined)?.rule ?? 'value';
      message = issue.message + (rule === 'format' ? typedSuffix(valueAt(loaded.data, path)) : '');
      break;
    default:
      message = /^[\x00-\x7f]*$/.test(issue.message) ? `「${field}」的取值不正确` : issue.message;
  }
  if (issue.code === 'custom' || issue.code === 'invalid_format') message = `${field}：${message}`;
  return { ruleId: `schema/${rule}`, severity: 'error', message: printable(message), place: loaded.source.place(at) };
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let cur: unknown = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

function describeReceived(value: unknown): string {
  if (value === undefined) return 'missing';
  if (Array.isArray(value)) return '一个列表';
  if (value !== null && typeof value === 'object') return '一个映射（「键: 值」）';
  if (value === null || String(value).trim() === '') return '空的（冒号后没有内容）';
  const text = String(value);
  return `「${text.length > 30 ? `${text.slice(0, 30)}…` : text}」`;
}

// ─── Reading labels back out of the schema, so messages can name a field in Chinese ───────────────────

type AnySchema = z.core.$ZodType;

function unwrap(schema: AnySchema | undefined): AnySchema | undefined {
  let s = schema;
  for (let i = 0; s && i < 10; i++) {
    const def = s._zod.def as unknown as Record<string, unknown> & { type: string };
    if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default') s = def.innerType as AnySchema;
    else if (def.type === 'pipe') s = def.in as AnySchema;
    else if (def.type === 'lazy') s = (def.getter as () => AnySchema)();
    else break;
  }
  return s;
}

function childSchema(schema: AnySchema | undefined, seg: string | number): AnySchema | undefined {
  const s = unwrap(schema);
  if (!s) return undefined;
  const def = s._zod.def as unknown as Record<string, unknown> & { type: string };
  if (def.type === 'object') return (def.shape as Record<string, AnySchema>)[String(seg)];
  if (def.type === 'array') return def.element as AnySchema;
  if (def.type === 'record') return def.valueType as AnySchema;
  if (def.type === 'union') {
    for (const option of def.options as AnySchema[]) {
      const found = childSchema(option, seg);
      if (found) return found;
    }
  }
  return undefined;
}

function schemaAt(path: readonly (string | number)[]): AnySchema | undefined {
  let s: AnySchema | undefined = yearFileSchema;
  for (const seg of path) s = childSchema(s, seg);
  return s;
}

function describe(schema: AnySchema | undefined): string | undefined {
  let s = schema;
  for (let i = 0; s && i < 10; i++) {
    const meta = z.globalRegistry.get(s as z.ZodType) as { description?: string } | undefined;
    if (meta?.description) return meta.description;
    const def = s._zod.def as unknown as Record<string, unknown> & { type: string };
    if (def.type === 'optional' || def.type === 'nullable') s = def.innerType as AnySchema;
    else if (def.type === 'pipe') s = def.in as AnySchema;
    else break;
  }
  return undefined;
}

/** “income[0].superior（上级补助收入）” — the path the user can find, plus what it means. */
function fieldLabel(path: readonly (string | number)[]): string {
  const key = [...path].reverse().find((p) => typeof p === 'string') ?? '文件';
  // A key chosen by the user (a code under basic_economic) is named with the field that holds it.
  const parent = path.length > 1 ? unwrap(schemaAt(path.slice(0, -1))) : undefined;
  if (parent && (parent._zod.def as { type: string }).type === 'record' && typeof path[path.length - 2] === 'string') {
    return `${String(path[path.length - 2])}「${key}」`;
  }
  const description = describe(schemaAt(path))?.split(/[，；（]/)[0];
  return description && description !== key ? `${key}（${description}）` : String(key);
}

/** “（现在填的是「政府性基金」）” for a value that is not one of the choices or not in its format. */
function typedSuffix(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') return '';
  const text = value.length > 30 ? `${value.slice(0, 30)}…` : value;
  return `（现在填的是「${text}」）`;
}

function knownKeys(path: readonly (string | number)[]): string[] {
  const s = unwrap(schemaAt(path));
  if (!s) return [];
  const def = s._zod.def as unknown as Record<string, unknown> & { type: string };
  return def.type === 'object' ? Object.keys(def.shape as object) : [];
}

/** The known key nearest to a mistyped one (edit distance ≤ 2), for “是否应为…？”. */
function closest(key: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const c of candidates) {
    const d = editDistance(key.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}

export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.place?.line}|${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** JSON Schema for editors (yaml-language-server). Amounts accept numbers or numeric strings. */
export function yearFileJsonSchema(): object {
  const schema = z.toJSONSchema(yearFileSchema, {
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      const meta = z.globalRegistry.get(ctx.zodSchema as unknown as z.ZodType) as { juesuanKind?: string } | undefined;
      const js = ctx.jsonSchema as Record<string, unknown>;
      delete js.juesuanKind;
      const kind = meta?.juesuanKind;
      if (kind === 'amount' || kind === 'signed-amount' || kind === 'score') {
        delete js.type;
        // At most 8 digits before the point: see MAX_AMOUNT in primitives.ts (a JSON Schema bound is a
        // number; its 12 significant digits are exact in a double).
        const max = Number(MAX_AMOUNT.toFixed());
        js.anyOf = [
          { type: 'number', minimum: kind === 'signed-amount' ? -max : 0, maximum: max },
          { type: 'string', pattern: kind === 'signed-amount' ? '^-?\\d{1,8}(\\.\\d{1,4})?$' : '^\\d{1,8}(\\.\\d{1,4})?$' },
          { type: 'null' },
        ];
      } else if (kind === 'count') {
        delete js.type;
        js.anyOf = [{ type: 'integer', minimum: 0 }, { type: 'null' }];
      } else if (kind === 'code') {
        delete js.type;
        js.anyOf = [{ type: 'string', pattern: '^\\d+$' }, { type: 'integer' }];
      } else if (kind === 'value') {
        // A report value is a figure typed as a number (3100, 1644.0035) or a formula (=A + B).
        delete js.type;
        js.anyOf = [{ type: 'number' }, { type: 'string' }];
      } else if (kind === 'boolean') {
        delete js.enum;
        delete js.type;
        js.type = 'boolean';
      }
    },
  }) as Record<string, unknown>;
  // `year` is typed as digits; editors see the integer the user writes.
  const props = schema.properties as Record<string, Record<string, unknown>>;
  if (props.year) props.year = { type: 'integer', minimum: 2000, maximum: 2100, description: '决算年度，例如 2024' };
  if (props.publication_date) props.publication_date = { type: 'string', format: 'date', description: props.publication_date.description };
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', title: 'juesuan 年度决算数据文件', ...schema };
}
