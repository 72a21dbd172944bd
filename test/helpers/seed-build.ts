/**
 * The seed years as the run's global setup published them (test/setup/seed-build.ts): the PDF, workbook,
 * web edition, report.json and manifest.json of `build 2024` and `build 2020`, made once for every test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';

export { REFERENCE_ENV } from '../setup/seed-build.ts';

/** The output folder of a seed year (<root>/2024). */
export function seedOutput(year: string): string {
  if (year !== '2024' && year !== '2020') throw new Error(`the seed build has 2024 and 2020, not ${year}`);
  return join(inject('seedBuild'), year);
}

const read = new Map<string, Buffer>();

/**
 * A published file of a seed year, by name: read once, the same Buffer every time (so that what a test
 * derives from it, such as test/pdf/pdf-text.ts `readPdf`, is computed once too). Never modify it.
 */
export function seedFile(year: string, name: string): Buffer {
  const path = join(seedOutput(year), name);
  let bytes = read.get(path);
  if (!bytes) read.set(path, (bytes = readFileSync(path)));
  return bytes;
}
