/**
 * A finance office's folder for the batch tests: one sub-folder per department, each holding a copy of
 * the small base year (test/fixtures/base/2023.yaml and 2024.yaml) under the department's own name.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { schemaText } from '../../src/commands/schema.ts';

const BASE_DEPARTMENT = '江西省示例协会';
const base = (year: number) => readFileSync(new URL(`../fixtures/base/${year}.yaml`, import.meta.url), 'utf8');

/** An error the checks find (procurement-structure: 中小企业 more than the 货物 total), no other change. */
export const BREAK: [string, string] = ['goods: { total: 30.00, sme: 20.00 }', 'goods: { total: 30.00, sme: 40.00 }'];
/** A one-figure correction that still checks clean: 货物采购 30 → 31 (it reaches the narrative only). */
export const CORRECT: [string, string] = ['goods: { total: 30.00, sme: 20.00 }', 'goods: { total: 31.00, sme: 20.00 }'];

export interface Office {
  root: string;
  /** The office's folder of departments, relative to root. */
  folder: string;
  yearFile(name: string): string;
  department(name: string): string;
  edit(name: string, edit: [string, string]): void;
  cleanup(): void;
}

export function office(names: string[], prefix = 'batch'): Office {
  const root = mkdtempSync(join(tmpdir(), `juesuan-${prefix}-`));
  const folder = '各单位';
  const department = (name: string) => `江西省${name}`;
  for (const name of names) {
    const dir = join(root, folder, name);
    mkdirSync(dir, { recursive: true });
    // As an office sets a department's folder up: the year files pointing editors at the schema beside them.
    const yearText = (year: number) =>
      base(year)
        .replaceAll(BASE_DEPARTMENT, department(name))
        .replace('$schema=../../../data/year-file.schema.json', '$schema=./year-file.schema.json');
    for (const year of [2023, 2024]) writeFileSync(join(dir, `${year}.yaml`), yearText(year));
    writeFileSync(join(dir, 'year-file.schema.json'), schemaText());
  }
  const yearFile = (name: string) => join(root, folder, name, '2024.yaml');
  return {
    root,
    folder,
    yearFile,
    department,
    edit(name, [from, to]) {
      const text = readFileSync(yearFile(name), 'utf8');
      if (!text.includes(from)) throw new Error(`office edit: “${from}” not in ${name}/2024.yaml`);
      writeFileSync(yearFile(name), text.replace(from, to));
    },
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** Every file below `dir` (hidden ones and history/ included): relative path → sha256. */
export function files(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}
