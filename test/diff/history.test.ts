/**
 * A build killed in the middle of publishing a correction (simulated by throwing from the step hook at
 * the main steps of write/publish.ts; test/write/publish-steps.test.ts goes through every single step)
 * must never lose the previous version, and the next build must end in exactly the state an
 * uninterrupted build gives: same files, same bytes, no duplicate archive.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readManifest } from '../../src/write/manifest.ts';
import { sha256 } from '../../src/write/publish.ts';
import { contents, copyOf, CORRECTION, workspace, type Workspace } from './fixture.ts';

const PDF = '江西省总工会2024年度部门决算.pdf';

class Killed extends Error {}
const killAt = (at: string) => (step: string) => {
  if (step === at) throw new Killed(at);
};

/** The version the folder's manifest names is whole: each output is there, or in its archive. */
function manifestVersionIsWhole(dir: string): boolean {
  const manifest = readManifest(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  return manifest.outputs.every((o) => {
    const places = [join(dir, o.file), ...['001', '002'].map((n) => join(dir, 'history', n, o.file))];
    return places.some((p) => existsSync(p) && sha256(readFileSync(p)) === o.sha256);
  });
}

describe('publishing is safe if the build is killed midway', () => {
  let reference: Record<string, string>;
  let referenceFirst: Record<string, string>;
  /** Version 1 published, uninterrupted: the tests that start from it start from a copy. */
  let first: Workspace;

  beforeAll(async () => {
    first = workspace();
    await first.build();
    referenceFirst = contents(first.year);
    const ws = copyOf(first);
    ws.edit(CORRECTION);
    await ws.build();
    reference = contents(ws.year);
    ws.cleanup();
  });
  afterAll(() => first.cleanup());

  const renamed = (name: string) => `rename:.juesuan/staging/${name}→${name}`;
  // The main points of a correction through the whole build (changes.md included); every single step of
  // a publish is in test/write/publish-steps.test.ts.
  const steps = ['staged', 'archived', 'journal', renamed(PDF), renamed('changes.md'), renamed('manifest.json'), 'committed'];

  describe.each(steps)('killed at step %s of a correction', (step) => {
    let ws: Workspace;
    beforeAll(() => {
      ws = copyOf(first);
    });
    afterAll(() => ws.cleanup());

    it('keeps a whole version, and the next build ends exactly like an uninterrupted one', async () => {
      ws.edit(CORRECTION);
      await expect(ws.build({ step: killAt(step) })).rejects.toBeInstanceOf(Killed);
      expect(manifestVersionIsWhole(ws.year)).toBe(true);

      const next = await ws.build();
      expect(next.ok).toBe(true);
      // After the commit point the new version is in place: the rerun has nothing left to write.
      expect(next.status).toBe(['committed', 'done'].includes(step) ? 'unchanged' : 'changed');
      expect(contents(ws.year)).toEqual(reference);
    });
  });

  it.each(['staged', `rename:.juesuan/staging/${PDF}→${PDF}`, 'rename:.juesuan/staging/report.json→report.json', 'replaced'])(
    'a first publication killed at %s is undone, then completed',
    async (step) => {
      const ws = workspace();
      try {
        await expect(ws.build({ step: killAt(step) })).rejects.toBeInstanceOf(Killed);
        expect(existsSync(join(ws.year, 'manifest.json'))).toBe(false);
        expect(await ws.build()).toMatchObject({ status: 'first', version: 1 });
        expect(contents(ws.year)).toEqual(referenceFirst);
      } finally {
        ws.cleanup();
      }
    },
  );

  it('a killed correction whose data is then reverted restores the previous version and writes nothing new', async () => {
    const ws = copyOf(first);
    try {
      const original = readFileSync(ws.yearFile);
      ws.edit(CORRECTION);
      await expect(ws.build({ step: killAt('rename:.juesuan/staging/report.json→report.json') })).rejects.toBeInstanceOf(Killed);
      writeFileSync(ws.yearFile, original);
      const next = await ws.build();
      expect(next.status).toBe('unchanged');
      expect(ws.logs.join('\n')).toContain('上次发布在中途中断，已从 history/001/ 恢复为中断前的版本。');
      // Version 1 is back in place; its archive copy stays (and would be reused by the next correction).
      const now = contents(ws.year);
      expect(Object.fromEntries(Object.entries(now).filter(([p]) => !p.startsWith('history/')))).toEqual(referenceFirst);
      expect(contents(join(ws.year, 'history/001'))).toEqual(referenceFirst);
      ws.edit(CORRECTION);
      expect(await ws.build()).toMatchObject({ status: 'changed', version: 2, archive: 'history/001' });
      expect(contents(ws.year)).toEqual(reference);
    } finally {
      ws.cleanup();
    }
  });

  it('a folder emptied by hand but for history/ continues the numbering instead of restarting at 1', async () => {
    const ws = copyOf(first);
    try {
      ws.edit(CORRECTION);
      await ws.build();
      const { readdirSync, rmSync } = await import('node:fs');
      for (const name of readdirSync(ws.year)) if (name !== 'history') rmSync(join(ws.year, name));
      expect(await ws.build()).toMatchObject({ status: 'first', version: 2 });
      expect(readManifest(readFileSync(join(ws.year, 'manifest.json'), 'utf8')).version).toBe(2);
    } finally {
      ws.cleanup();
    }
  });

  it('a folder whose manifest.json is unreadable is kept whole as the previous version', async () => {
    const ws = copyOf(first);
    try {
      writeFileSync(join(ws.year, 'manifest.json'), '不是 JSON');
      const before = contents(ws.year);
      ws.edit(CORRECTION);
      const next = await ws.build();
      expect(next).toMatchObject({ status: 'changed', version: 2, archive: 'history/001' });
      expect(contents(join(ws.year, 'history/001'))).toEqual(before);
      // The model diff still works from the previous report.json; only the files section lacks old hashes.
      expect(next.changes).toContain('## 一、表格数字（42 处）');
      expect(next.changes).toMatch(/\| report\.json \| 输出 \| 上一版无可读的 manifest\.json，无法比较 \| — \| [0-9a-f]{12} \|/);
    } finally {
      ws.cleanup();
    }
  });

  it('an output deleted by hand is rewritten without a new version', async () => {
    const ws = copyOf(first);
    try {
      const { rmSync } = await import('node:fs');
      rmSync(join(ws.year, PDF));
      expect(await ws.build()).toMatchObject({ status: 'repaired', version: 1 });
      expect(contents(ws.year)).toEqual(referenceFirst);
    } finally {
      ws.cleanup();
    }
  });
});
