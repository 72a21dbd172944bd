/**
 * A year file kept in another folder (各单位/省体育局/2024.yaml) still points editors at
 * ./year-file.schema.json: check says so, and `schema -- <folder>` puts the schema there.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../src/commands/index.ts';
import { loadYear } from '../../src/pipeline.ts';

const dir = mkdtempSync(join(tmpdir(), 'juesuan-modeline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the editor schema line of a year file in another folder', () => {
  const folder = join(dir, '各单位', '省体育局');
  mkdirSync(folder, { recursive: true });
  for (const f of ['2023.yaml', '2024.yaml']) cpSync(join('data', f), join(folder, f));

  it('is reported on line 1 with the command that fixes it, as a warning (it does not stop a publish)', () => {
    const found = loadYear(join(folder, '2024.yaml')).diagnostics.filter((d) => d.ruleId === 'load/schema-modeline');
    expect(found.map((d) => [d.severity, d.place?.line])).toEqual([['warning', 1]]);
    expect(found[0]!.message).toContain(`请运行 npm run schema -- ${folder} 把它写到这个文件夹`);
  });

  it('is silent once `schema -- <folder>` wrote the schema there, and in data/', async () => {
    expect(await runCommand(['schema', folder], { out: () => {}, err: () => {} })).toBe(0);
    expect(loadYear(join(folder, '2024.yaml')).diagnostics.filter((d) => d.ruleId === 'load/schema-modeline')).toEqual([]);
    expect(loadYear('2024').diagnostics.filter((d) => d.ruleId === 'load/schema-modeline')).toEqual([]);
  });
});
