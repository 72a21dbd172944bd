/**
 * The built-in 政府收支分类科目, one data file per edition (src/catalogue/<edition>.yaml): 支出功能分类
 * (类 3 digits, 款 5, 项 7, each with the budget it belongs to and its 科目说明) and 部门预算支出经济分类
 * (类 3, 款 5, with the 公开06 layout of the classes that table prints). A year uses the edition of its own
 * year, else the nearest earlier one (or, before the first edition, the first), and says which.
 *
 * An edition file may extend an earlier one (`extends: 2024`) and list only what changed (add / remove /
 * rename), as the 财政部 publishes its amendments; the merged result is what a year sees.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../paths.ts';
import { readPlainYaml } from './read-yaml.ts';

export const CATALOGUE_DIR = join(PROJECT_ROOT, 'src', 'catalogue');

export type Fund = 'general' | 'gov_fund' | 'state_capital';
export type Level = 'class' | 'kuan' | 'item';

export interface FunctionalEntry {
  code: string;
  name: string;
  level: Level;
  /** The 类 or 款 above it; none for a 类. */
  parent?: string;
  /** The budget the code belongs to (一般公共预算 unless the catalogue says otherwise; 项 and 款 inherit). */
  fund: Fund;
  /** The 科目说明 printed in 名词解释. */
  explanation?: string;
}

export interface EconomicEntry {
  code: string;
  name: string;
  level: 'class' | 'kuan';
  parent?: string;
}

export type EconomicGroup = 'personnel' | 'public';

/** A class printed on 公开06: its 人员经费/公用经费 group, its column group (0–2) and its 款 in order. */
export interface EconomicClass {
  code: string;
  name: string;
  group: EconomicGroup;
  column: 0 | 1 | 2;
  items: readonly { code: string; name: string }[];
}

export interface CatalogueEdition {
  /** The edition used. */
  edition: number;
  /** The year it was asked for. */
  year: number;
  /** Set (in Chinese) when the year has no edition of its own. */
  note?: string;
  functional: ReadonlyMap<string, FunctionalEntry>;
  /** The 类 rows of 公开01 and 公开04, in print order. */
  statementClasses: readonly FunctionalEntry[];
  economic: ReadonlyMap<string, EconomicEntry>;
  /** The classes 公开06 prints, in print order. */
  economicClasses: readonly EconomicClass[];
}

// ─── Reading the data files ────────────────────────────────────────────────────────────────────────

interface RawEntry {
  code: string;
  name: string;
  fund?: Fund;
  explanation?: string;
  statement?: { group: EconomicGroup; column: number };
}

interface RawChanges {
  add?: RawEntry[];
  remove?: string[];
  rename?: { code: string; name: string }[];
}

interface RawEdition {
  edition: number;
  extends?: number;
  explanations?: Record<string, string>;
  statement_classes?: string[];
  functional?: RawEntry[] | RawChanges;
  economic?: RawEntry[] | RawChanges;
}

/** Editions that ship with the code (the numeric file names of the folder). */
export function editions(): number[] {
  return readdirSync(CATALOGUE_DIR)
    .flatMap((f) => (/^\d{4}\.yaml$/.test(f) ? [Number.parseInt(f, 10)] : []))
    .sort((a, b) => a - b);
}

function bad(edition: number, message: string): never {
  throw new Error(`内置科目目录 src/catalogue/${edition}.yaml 有误：${message}`);
}

function readRaw(edition: number): RawEdition {
  const text = readFileSync(join(CATALOGUE_DIR, `${edition}.yaml`), 'utf8');
  const raw = (readPlainYaml(text) ?? parse(text)) as RawEdition;
  if (raw?.edition !== edition) bad(edition, `edition 应为 ${edition}`);
  return raw;
}

const LEVEL_BY_LENGTH: Record<number, Level> = { 3: 'class', 5: 'kuan', 7: 'item' };
const FUNDS: readonly Fund[] = ['general', 'gov_fund', 'state_capital'];

interface Lists {
  functional: RawEntry[];
  economic: RawEntry[];
  statementClasses: string[];
  explanations: Record<string, string>;
}

/** An edition's lists, with the editions it extends applied first. */
function lists(edition: number, seen: number[] = []): Lists {
  if (seen.includes(edition)) bad(edition, `extends 循环引用（${[...seen, edition].join(' → ')}）`);
  const raw = readRaw(edition);
  const base: Lists =
    raw.extends !== undefined
      ? lists(raw.extends, [...seen, edition])
      : { functional: [], economic: [], statementClasses: [], explanations: {} };
  const apply = (list: RawEntry[], part: RawEntry[] | RawChanges | undefined, what: string): RawEntry[] => {
    if (part === undefined) return list;
    if (Array.isArray(part)) {
      if (raw.extends !== undefined) bad(edition, `${what} 在 extends 的版本中只能写 add / remove / rename`);
      return part;
    }
    let out = list.filter((e) => !(part.remove ?? []).includes(e.code));
    for (const r of part.rename ?? []) {
      if (!out.some((e) => e.code === r.code)) bad(edition, `${what}.rename 的科目 ${r.code} 不在所扩展的版本中`);
      out = out.map((e) => (e.code === r.code ? { ...e, name: r.name } : e));
    }
    for (const a of part.add ?? []) {
      if (out.some((e) => e.code === a.code)) bad(edition, `${what}.add 的科目 ${a.code} 已经存在`);
      out.push(a);
    }
    return out;
  };
  return {
    functional: apply(base.functional, raw.functional, 'functional'),
    economic: apply(base.economic, raw.economic, 'economic'),
    statementClasses: raw.statement_classes ?? base.statementClasses,
    explanations: { ...base.explanations, ...(raw.explanations ?? {}) },
  };
}

/** Builds and checks an edition: codes, levels, parents, funds, shared 科目说明. */
function build(edition: number): Omit<CatalogueEdition, 'year' | 'note'> {
  const l = lists(edition);
  const functional = new Map<string, FunctionalEntry>();
  // Parents before children whatever the file order, so inheritance of the fund is well defined.
  for (const e of [...l.functional].sort((a, b) => a.code.length - b.code.length || (a.code < b.code ? -1 : 1))) {
    const level = LEVEL_BY_LENGTH[e.code.length];
    if (!/^2\d+$/.test(e.code) || !level) bad(edition, `功能分类编码「${e.code}」应为 3、5 或 7 位数字`);
    if (functional.has(e.code)) bad(edition, `功能分类编码 ${e.code} 重复`);
    if (typeof e.name !== 'string' || !e.name.trim()) bad(edition, `功能分类 ${e.code} 没有名称`);
    if (e.fund !== undefined && !FUNDS.includes(e.fund)) bad(edition, `功能分类 ${e.code} 的 fund「${e.fund}」无效`);
    const parent = level === 'class' ? undefined : e.code.slice(0, level === 'kuan' ? 3 : 5);
    const up = parent ? functional.get(parent) : undefined;
    if (parent && !up) bad(edition, `功能分类 ${e.code} 的上级 ${parent} 不在目录中`);
    let explanation = e.explanation;
    if (explanation?.startsWith('@')) {
      explanation = l.explanations[explanation.slice(1)];
      if (explanation === undefined) bad(edition, `功能分类 ${e.code} 引用的科目说明「${e.explanation}」不在 explanations 中`);
    }
    functional.set(e.code, {
      code: e.code,
      name: e.name,
      level,
      ...(parent ? { parent } : {}),
      fund: e.fund ?? up?.fund ?? 'general',
      ...(explanation ? { explanation } : {}),
    });
  }
  const ordered = new Map([...functional].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const statementClasses = l.statementClasses.map((code) => {
    const c = ordered.get(code);
    if (!c || c.level !== 'class') bad(edition, `statement_classes 中的 ${code} 不是目录中的类`);
    return c;
  });

  const economic = new Map<string, EconomicEntry>();
  const economicClasses: EconomicClass[] = [];
  for (const e of l.economic) {
    if (!/^[3]\d{2}(\d{2})?$/.test(e.code)) bad(edition, `经济分类编码「${e.code}」应为 3 或 5 位数字`);
    if (economic.has(e.code)) bad(edition, `经济分类编码 ${e.code} 重复`);
    const level = e.code.length === 3 ? 'class' : 'kuan';
    const parent = level === 'kuan' ? e.code.slice(0, 3) : undefined;
    if (parent && !economic.has(parent)) bad(edition, `经济分类 ${e.code} 的上级 ${parent} 不在目录中（类须写在其款之前）`);
    economic.set(e.code, { code: e.code, name: e.name, level, ...(parent ? { parent } : {}) });
    if (level === 'class' && e.statement) {
      const column = e.statement.column - 1;
      if (column !== 0 && column !== 1 && column !== 2) bad(edition, `经济分类 ${e.code} 的 statement.column 应为 1、2 或 3`);
      if (e.statement.group !== 'personnel' && e.statement.group !== 'public')
        bad(edition, `经济分类 ${e.code} 的 statement.group 应为 personnel 或 public`);
      economicClasses.push({ code: e.code, name: e.name, group: e.statement.group, column, items: [] });
    } else if (level === 'kuan') {
      const cls = economicClasses.find((c) => c.code === parent);
      if (cls) (cls.items as { code: string; name: string }[]).push({ code: e.code, name: e.name });
    }
  }
  return { edition, functional: ordered, statementClasses, economic, economicClasses };
}

const cache = new Map<number, Omit<CatalogueEdition, 'year' | 'note'>>();

/** The catalogue for a year: its own edition, else the nearest earlier one, else the first. */
export function catalogueFor(year: number): CatalogueEdition {
  const all = editions();
  if (!all.length) throw new Error('内置科目目录 src/catalogue/ 中没有任何版本');
  const earlier = all.filter((e) => e <= year);
  const edition = earlier.length ? earlier[earlier.length - 1]! : all[0]!;
  let built = cache.get(edition);
  if (!built) cache.set(edition, (built = build(edition)));
  const note =
    edition === year
      ? undefined
      : `没有 ${year} 年版的内置科目目录，使用 ${edition} 年版（src/catalogue/${edition}.yaml）${edition > year ? '，这是最早的版本' : ''}`;
  return { ...built, year, ...(note ? { note } : {}) };
}

/**
 * The budget a code belongs to: its own entry's, else (a code a year file adds) its 款's, else its 类's
 * when every 款 of that 类 belongs to one budget. Undefined when the catalogue cannot tell.
 */
export function fundOf(edition: CatalogueEdition, code: string): Fund | undefined {
  const own = edition.functional.get(code) ?? (code.length === 7 ? edition.functional.get(code.slice(0, 5)) : undefined);
  if (own) return own.fund;
  const cls = edition.functional.get(code.slice(0, 3));
  if (!cls) return undefined;
  const funds = new Set([cls.fund, ...[...edition.functional.values()].filter((e) => e.parent === cls.code).map((e) => e.fund)]);
  return funds.size === 1 ? cls.fund : undefined;
}
