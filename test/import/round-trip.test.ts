/**
 * The workbook juesuan writes, imported back: the year file comes out as the one it was built from (the
 * same text, but for the header's provenance line and the schema path of its new folder), and building
 * it gives the same workbook, cell for cell and byte for byte. For data/2024.yaml and for the general
 * fixture (三公, 政府性基金, carry-overs, 事业收入, vehicles).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../src/import/index.ts';
import { renderYear } from '../xlsx/helpers.ts';
import { cells, tempDir } from './helpers.ts';

const withoutHeader = (text: string) =>
  text
    .split('\n')
    .filter((l) => !/^# (yaml-language-server|数字由 npm run import)/.test(l))
    .join('\n')
    .replace(/^\n+/, '');

describe.each([
  ['data/2024.yaml', true],
  ['test/fixtures/general/2024.yaml', false],
])('round trip of %s through its own workbook', (source, modeline) => {
  it('imports to the same year file and builds the same workbook, cell for cell', async () => {
    const dir = tempDir();
    const original = await renderYear(source);
    const workbook = join(dir, '公开表.xlsx');
    writeFileSync(workbook, original.buffer);

    const out = join(dir, '2024.yaml');
    const result = await importWorkbook({ workbook, texts: source, out });
    expect(result).toMatchObject({ year: 2024, mode: 'same-year', notes: [], added: [] });

    const text = readFileSync(out, 'utf8');
    const given = readFileSync(source, 'utf8');
    // Everything a person wrote is kept as written; the figures come back in the same form.
    expect(withoutHeader(text).replace(/\n\n(?=year:)/, '\n')).toBe(
      withoutHeader(given)
        .replace(/\n\n(?=year:)/, '\n')
        .replace(
          // The general fixture lists only its non-zero vehicles; 公开10 prints all eight.
          'vehicles: { principal: 1, confidential: 1, emergency: 2, law_enforcement: 3, other: 1 }',
          'vehicles: { ministerial: 0, principal: 1, confidential: 1, emergency: 2, law_enforcement: 3, special_technical: 0, retiree_service: 0, other: 1 }',
        ),
    );
    expect(text).toMatch(/^# 数字由 npm run import 从「公开表\.xlsx」导入；文字取自 .*2024\.yaml。$/m);
    // The editor's schema is found from the new file's folder.
    if (modeline) {
      const path = /^# yaml-language-server: \$schema=(\S+)$/.exec(text.split('\n')[0]!)?.[1];
      expect(resolve(dir, path!)).toBe(resolve('data/year-file.schema.json'));
    }

    const rebuilt = await renderYear(out);
    expect(await cells(rebuilt.buffer)).toEqual(await cells(original.buffer));
    expect(rebuilt.buffer.equals(original.buffer)).toBe(true);
  });
});
