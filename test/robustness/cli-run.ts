/**
 * The command line as a child process, the way a user runs it: `npm run check -- …` and `npm run build
 * -- …` start `node src/run.mjs …` (a cached esbuild bundle of src/, ~0.4 s to start); `npx tsx
 * src/cli.ts …` compiles on the fly (~1.2 s) and is kept for one case to cover that entry too. npm
 * itself is left out: it adds its own start-up and its own notices on stderr.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const RUN = fileURLToPath(new URL('../../src/run.mjs', import.meta.url));
const CLI = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export type Entry = 'npm' | 'tsx';

/** Runs the CLI in `cwd`; `onStderr` sees the error stream as it comes (the kill test uses it). */
export function runCli(
  args: string[],
  cwd: string,
  onStderr?: (text: string, kill: () => void) => void,
  entry: Entry = 'npm',
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const argv = entry === 'npm' ? [RUN, ...args] : ['--import', TSX, CLI, ...args];
    const child = spawn(process.execPath, argv, { cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
    let stdout = '';
    let stderr = '';
    // Decoded by the stream, so a character split across two chunks stays whole.
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (d: string) => (stdout += d));
    child.stderr.on('data', (d: string) => {
      stderr += d;
      onStderr?.(stderr, () => child.kill('SIGKILL'));
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/**
 * Brings the cached bundle up to date once, before processes start in parallel (each would otherwise
 * rebuild a stale bundle at the same moment) and before a test times a kill by the build's progress.
 */
export async function warmUp(cwd: string): Promise<void> {
  const run = await runCli(['help'], cwd);
  if (run.code !== 0) throw new Error(`src/run.mjs help: ${run.code}\n${run.stderr}`);
}
