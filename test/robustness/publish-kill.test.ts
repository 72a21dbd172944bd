/**
 * Issue 6, “nothing is lost”: a build that dies — killed with SIGKILL, no chance to clean up — leaves the
 * previously published outputs exactly as they were (same bytes, same modification times, no new file
 * in the folder), and the temporary files of a killed publish are never taken for outputs: the next
 * build removes them and publishes a complete, self-consistent set.
 *
 * The builds that are killed are the real CLI as a child process (cli-run.ts, as `npm run build` starts
 * it); version 1 and the build after the kills run the command line in this process
 * (test/helpers/in-folder.ts). The kill comes when the build reports a stage on stderr: after the document model is built (before any rendering) and after the PDF is rendered (the
 * long part, before the workbook and the publish). Killing inside the publish itself is the business of
 * src/write/ and its own tests: test/write/publish-steps.test.ts stops a publish at every single step,
 * test/write/random-kill.test.ts kills a publishing process with SIGKILL at random moments. The files
 * planted below are what an older version of the tool left when killed (.tmp-<pid>-<name>); the new one
 * stages in .juesuan/ and still removes them.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInFolder } from '../helpers/in-folder.ts';
import { runCli, warmUp } from './cli-run.ts';
import { crashSigns } from './corpus.ts';
import { snapshot, tempDir } from './files.ts';

const BASE = 'test/fixtures/robust/2024.yaml';
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Every path below `dir`, relative, folders marked with a trailing slash. */
function listing(dir: string, rel = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((n) => (statSync(join(dir, n)).isDirectory() ? [`${rel}${n}/`, ...listing(join(dir, n), `${rel}${n}/`)] : [`${rel}${n}`]));
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('a build killed midway', () => {
  it('leaves the previous outputs byte-identical; its leftovers are cleaned by the next build', async () => {
    const cwd = tempDir('kill');
    dirs.push(cwd);
    cpSync(BASE, join(cwd, 'data', '2024.yaml'), { recursive: true });
    const out = join(cwd, 'output', '2024');
    await warmUp(cwd);

    // Version 1, published by the command line run in this process (the killed builds below are real
    // processes).
    const first = await runInFolder(cwd, ['build', '2024']);
    expect(first.code, first.stderr).toBe(0);
    const published = snapshot(out);
    expect(Object.keys(published).some((f) => f.endsWith('.pdf'))).toBe(true);
    expect(Object.keys(published)).toContain('report.json');

    // A correction: every output of the next build would differ from the published ones.
    const corrected = readFileSync(BASE, 'utf8').replace('负责全省示例事务的综合管理。', '负责全省示例事务的综合管理和统筹协调。');
    writeFileSync(join(cwd, 'data', '2024.yaml'), corrected);

    for (const stage of [/文档模型已生成/, /已生成 \S+\.pdf/]) {
      const run = await runCli(['build', '2024'], cwd, (stderr, kill) => {
        if (stage.test(stderr)) kill();
      });
      expect(run.signal, `${stage}: ${run.stderr}`).toBe('SIGKILL');
      expect(run.stderr).toMatch(stage);
      // The published files stay as they were, byte for byte and time for time. (The workbook renders
      // alongside the PDF, so a kill right after the PDF may land in the first milliseconds of the
      // publish: what it can leave then is hidden — the work folder .juesuan/ and the lock.)
      const visible = (s: Record<string, string>) => Object.fromEntries(Object.entries(s).filter(([f]) => !f.startsWith('.')));
      expect(visible(snapshot(out)), `killed after ${stage}`).toEqual(published);
      // A lock a killed build left goes stale after 10 s: let that time pass.
      const lock = join(out, '.juesuan.lock');
      if (existsSync(lock)) utimesSync(lock, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    }

    // What a build killed while writing leaves: hidden temporary files next to the outputs.
    const pdfName = Object.keys(published).find((f) => f.endsWith('.pdf'))!;
    writeFileSync(join(out, `.tmp-99999-${pdfName}`), '%PDF-1.7 half written');
    writeFileSync(join(out, '.tmp-99999-report.json'), '{"format":');

    // The next build, run in this process (the recovery is the publish's own: src/write/).
    const last = await runInFolder(cwd, ['build', '2024']);
    expect(last.code, last.stderr).toBe(0);
    expect(crashSigns(`${last.stdout}\n${last.stderr}`)).toBeUndefined();
    expect(listing(out).filter((f) => /(^|\/)\./.test(f))).toEqual([]);
    expect(`${last.stdout}\n${last.stderr}`).not.toContain('.tmp-');

    // The new publication is whole: every output its manifest names is there with the stated hash.
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { outputs: { file: string; sha256: string }[] };
    expect(manifest.outputs.map((o) => o.file).filter((f) => f.startsWith('.'))).toEqual([]);
    for (const o of manifest.outputs) expect(sha256(readFileSync(join(out, o.file))), o.file).toBe(o.sha256);
    expect(readFileSync(join(out, 'report.json'), 'utf8')).toContain('统筹协调');
  });
});
