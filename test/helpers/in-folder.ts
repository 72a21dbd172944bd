/**
 * The command line run in this test process as if started in `dir`: the same function `npm run …` ends
 * in (src/cli.ts runCli: exit code, messages, 内部错误 for a bug), with the working folder the user's
 * (juesuan.config.json, the office's templates, relative paths and output/ are found there), without
 * the cost of starting a process and loading pdfmake and the fonts again. A test keeps one real
 * child process per behaviour (test/robustness/cli-run.ts) and runs its other cases this way.
 *
 * It changes the working folder of the whole process for the duration of the call, so it works only in
 * a worker that is a process of its own (vitest.config.ts: forks; worker threads cannot chdir) and
 * never from tests that run concurrently.
 */
import { runCli } from '../../src/cli.ts';
import { clearTemplateCache } from '../../src/model/narrative.ts';

export interface InFolderRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runInFolder(dir: string, argv: string[]): Promise<InFolderRun> {
  const out: string[] = [];
  const err: string[] = [];
  // A fresh command line has compiled no template yet: one compiled by an earlier run here may have been
  // edited since (the process keeps them by file name, as build --watch does until a file changes).
  clearTemplateCache();
  const previous = process.cwd();
  process.chdir(dir);
  try {
    const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  } finally {
    process.chdir(previous);
  }
}
