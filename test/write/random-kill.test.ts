/**
 * The real thing: a process publishing correction after correction is killed with SIGKILL at random
 * moments — no hook, no chance to clean up, whatever operation it was in. After each kill the folder
 * holds whole versions only (the version manifest.json names is whole in the folder or in history/, every
 * published file is a whole file of one version), a new publish is refused only while the dead
 * process's lock is fresh and takes it over once it is stale, and in the end every archive is whole.
 * The moments come from a seeded generator, so a failing run can be repeated.
 *
 * The child is bundled with esbuild first (tens of milliseconds) so that each start costs a plain
 * `node` start, not a TypeScript compile.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, stop } from 'esbuild';
import { afterAll, expect, it } from 'vitest';
import { LOCK, STALE_MS } from '../../src/write/lock.ts';
import { PublishError } from '../../src/write/publish.ts';
import { cleanup, manifestIsWhole, publishN, sha, tree, version, visible, workspace } from './helpers.ts';

afterAll(cleanup);

const KILLS = 12;
const SEED = 20250107;

/** A small deterministic generator (mulberry32), so the kill moments are the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Starts the publishing loop and kills it `delay` ms after it is up; resolves once it is dead. */
function killAfter(child: string, dir: string, delay: number): Promise<NodeJS.Signals | null> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [child, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    p.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    p.stdout.setEncoding('utf8').once('data', () => setTimeout(() => p.kill('SIGKILL'), delay));
    p.on('error', reject);
    p.on('close', (code, signal) =>
      signal ? resolve(signal) : reject(new Error(`the publishing loop ended by itself (${code}): ${stderr}`)),
    );
  });
}

it(`survives ${KILLS} kill -9 at random moments of a publish`, async () => {
  const { root, out } = workspace('random-kill');
  const child = join(root, 'publish-loop.cjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./publish-loop.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: child,
    logLevel: 'error',
  });
  // esbuild's service process would otherwise live on until the test worker exits, and outlive it.
  await stop();

  const whole = new Set([1, 2].flatMap((n) => version(n).map((f) => `${f.name} ${sha(f.bytes)}`)));
  const next = random(SEED);
  let interrupted = 0;
  for (let k = 0; k < KILLS; k++) {
    const delay = Math.floor(5 + next() * 150);
    expect(await killAfter(child, out, delay)).toBe('SIGKILL');
    expect(manifestIsWhole(out), `after the kill ${k} (${delay} ms)`).toBe(true);
    for (const [name, hash] of Object.entries(visible(tree(out)))) {
      if (name !== 'manifest.json' && name !== 'changes.md')
        expect(whole.has(`${name} ${hash}`), `${name} after the kill ${k} (${delay} ms)`).toBe(true);
    }
    if (existsSync(join(out, '.juesuan'))) interrupted += 1;
    // A dead process's lock: refused while fresh, taken over once stale (as STALE_MS later). A lock
    // already stale is the one aged after an earlier kill, when this kill came before the loop's first
    // publish took it over (a loaded machine can take that long to get going): the next start takes
    // it over, as the final publish below does.
    const lock = join(out, LOCK);
    if (existsSync(lock) && statSync(lock).mtimeMs > Date.now() - STALE_MS) {
      expect(() => publishN(out, 3)).toThrow(PublishError);
      const old = new Date(Date.now() - 60_000);
      utimesSync(lock, old, old);
    }
  }
  publishN(out, 3);
  expect(Object.keys(tree(out)).filter((p) => p.startsWith('.'))).toEqual([]);
  for (const n of readdirSync(join(out, 'history'))) expect(manifestIsWhole(join(out, 'history', n)), `history/${n}`).toBe(true);
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { version: number };
  expect(manifest.version).toBe(readdirSync(join(out, 'history')).length + 1);
  // How many kills landed inside a publish's writes (printed, not asserted: the moments are random).
  console.log(`${interrupted} of ${KILLS} kills left a publish unfinished`);
});
