/**
 * 汇总.json: what a batch leaves next to its index for the next batch to compare with — per department
 * its output folder, the version published and its key figures. Read back as untrusted input (anyone
 * can edit or replace it): only what this tool writes is taken, record by record; anything else is
 * dropped with a note, never trusted and never a crash.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isFile } from '../write/disk.ts';
import { KEY_FIGURES, type KeyFigure } from './department.ts';
import type { Summary } from './summary.ts';

export const SUMMARY_DATA = '汇总.json';
export const SUMMARY_FORMAT = 'juesuan-batch-summary/1';

export interface SummaryRecord {
  /** Output folder relative to the output root (省体育局/2024). */
  unit: string;
  /** Folder name of the department. */
  name: string;
  department?: string;
  /** The version published after that batch (none when it never published). */
  version?: number;
  figures: Partial<Record<KeyFigure, string>>;
  ok: boolean;
}

export interface PreviousSummary {
  found: boolean;
  records: SummaryRecord[];
  /** Why (part of) the previous data could not be used. */
  note?: string;
}

const MAX_BYTES = 16 * 1024 * 1024;
const MAX_TEXT = 1000;
const DECIMAL = /^-?\d{1,15}(\.\d{1,10})?$/;
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const shortText = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= MAX_TEXT;

export function serializeSummary(s: Summary): string {
  const departments = s.rows.map((r): SummaryRecord => {
    const o = r.outcome;
    const figures: Partial<Record<KeyFigure, string>> = {};
    for (const k of KEY_FIGURES) if (o.figures[k] !== undefined) figures[k] = o.figures[k];
    return {
      unit: r.unit,
      name: o.name,
      ...(o.department !== undefined ? { department: o.department } : {}),
      ...(o.version !== undefined ? { version: o.version } : {}),
      figures,
      ok: o.ok,
    };
  });
  return JSON.stringify({ format: SUMMARY_FORMAT, year: s.year, departments }, null, 2) + '\n';
}

/** The previous batch's records for `year` from `dir`, or found: false (with a note when one was there but unusable). */
export function readPreviousSummary(dir: string, year: number): PreviousSummary {
  const path = join(dir, SUMMARY_DATA);
  const unusable = (why: string): PreviousSummary => ({
    found: false,
    records: [],
    note: `上次汇总留下的 ${SUMMARY_DATA} ${why}，本次按首次汇总处理。`,
  });
  let data: unknown;
  try {
    if (!isFile(path)) return { found: false, records: [] };
    if (statSync(path).size > MAX_BYTES) return unusable('过大');
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return unusable('无法读取');
  }
  if (!isObject(data) || data.format !== SUMMARY_FORMAT || !Array.isArray(data.departments)) return unusable('不是本工具写出的格式');
  if (data.year !== year) return unusable(`是 ${Number.isSafeInteger(data.year) ? String(data.year) : '其他'} 年度的`);
  const records: SummaryRecord[] = [];
  const seen = new Set<string>();
  let dropped = 0;
  for (const d of data.departments) {
    const r = record(d);
    if (!r || seen.has(r.unit)) dropped++;
    else {
      seen.add(r.unit);
      records.push(r);
    }
  }
  return { found: true, records, ...(dropped ? { note: `上次汇总留下的 ${SUMMARY_DATA} 中有 ${dropped} 条记录格式不对，已忽略。` } : {}) };
}

function record(d: unknown): SummaryRecord | undefined {
  if (!isObject(d) || !shortText(d.unit) || !shortText(d.name) || typeof d.ok !== 'boolean' || !isObject(d.figures)) return undefined;
  if (d.department !== undefined && !shortText(d.department)) return undefined;
  if (d.version !== undefined && !(Number.isSafeInteger(d.version) && (d.version as number) >= 1)) return undefined;
  const figures: Partial<Record<KeyFigure, string>> = {};
  for (const [key, value] of Object.entries(d.figures)) {
    if (!(KEY_FIGURES as readonly string[]).includes(key) || typeof value !== 'string' || !DECIMAL.test(value)) return undefined;
    figures[key as KeyFigure] = value;
  }
  return {
    unit: d.unit,
    name: d.name,
    ...(d.department !== undefined ? { department: d.department as string } : {}),
    ...(d.version !== undefined ? { version: d.version as number } : {}),
    figures,
    ok: d.ok,
  };
}
