/**
 * The batch's worker pool: `size` worker threads (one per core by default), each building one department
 * at a time and keeping its loaded code, compiled templates and fonts for the next one — a process per
 * department would pay the start-up for each. Jobs are handed out as workers come free, so a long
 * department does not hold up the rest. A worker that dies (out of memory, a crash in a native module)
 * fails only the department it was building; a fresh worker takes its place.
 *
 * Where the worker comes from: the CLI's bundle has it as batch-worker.mjs next to its chunks (src/run.mjs);
 * from the sources (tests, tsx) the worker loads batch-worker.ts through tsx. Without either, the
 * departments are built one after another in this thread — the same function, the same bytes.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { buildDepartment, type DepartmentJob, type DepartmentOutcome } from './department.ts';

export interface PoolOptions {
  size: number;
  /** Called when a department starts being built. */
  onStart?: (job: DepartmentJob) => void;
  /** Called when a department is done (built, failed or crashed). */
  onDone?: (outcome: DepartmentOutcome) => void;
  /** Once aborted, no further department is started; those running finish. */
  signal?: AbortSignal;
}

type MakeWorker = () => Worker;

/** How to start a pool worker here, or undefined when only the in-thread fallback is possible. */
export function workerFactory(): MakeWorker | undefined {
  const here = import.meta.url;
  if (here.endsWith('.mjs')) {
    const url = new URL('./batch-worker.mjs', here);
    return existsSync(fileURLToPath(url)) ? () => new Worker(url) : undefined;
  }
  let api: string;
  try {
    api = import.meta.resolve('tsx/esm/api');
  } catch {
    return undefined;
  }
  // From the sources: the worker registers tsx's loader first, then loads the TypeScript entry.
  const entry = new URL('./batch-worker.ts', here).href;
  const source = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
  return () => new Worker(source, { eval: true });
}

/** Builds every job; the outcomes come back in job order, whatever order they finished in. */
export async function runPool(jobs: DepartmentJob[], options: PoolOptions): Promise<DepartmentOutcome[]> {
  const outcomes: DepartmentOutcome[] = [];
  const queue = [...jobs];
  const stopped = () => options.signal?.aborted ?? false;
  const record = (o: DepartmentOutcome) => {
    outcomes.push(o);
    options.onDone?.(o);
  };
  const make = workerFactory();
  if (!make) {
    for (const job of queue) {
      if (stopped()) break;
      options.onStart?.(job);
      record(await buildDepartment(job));
    }
    return sorted(outcomes);
  }

  await new Promise<void>((resolve) => {
    let running = 0;
    const size = Math.max(1, Math.min(options.size, queue.length));
    const finishIfIdle = () => {
      if (running === 0 && (queue.length === 0 || stopped())) resolve();
    };

    /** One worker slot: a worker that takes the next job whenever it has finished the last. */
    const slot = () => {
      const worker = make();
      let job: DepartmentJob | undefined;
      let dead = false;
      const next = () => {
        job = stopped() ? undefined : queue.shift();
        if (!job) {
          dead = true;
          void worker.terminate();
          finishIfIdle();
          return;
        }
        running++;
        options.onStart?.(job);
        worker.postMessage(job);
      };
      const done = (o: DepartmentOutcome) => {
        job = undefined;
        running--;
        record(o);
      };
      worker.on('message', (o: DepartmentOutcome) => {
        done(o);
        next();
      });
      const crash = (reason: string) => {
        if (dead) return;
        dead = true;
        if (job) done(crashed(job, reason));
        void worker.terminate();
        // A fresh worker takes over the rest of the queue.
        if (queue.length && !stopped()) slot();
        else finishIfIdle();
      };
      worker.on('error', (err) => crash((err as Error)?.message ?? String(err)));
      worker.on('exit', (code) => crash(`工作线程意外退出（退出码 ${code}）`));
      next();
    };
    for (let i = 0; i < size; i++) slot();
  });
  return sorted(outcomes);
}

const sorted = (outcomes: DepartmentOutcome[]) => outcomes.sort((a, b) => a.index - b.index);

function crashed(job: DepartmentJob, reason: string): DepartmentOutcome {
  const message = `内部错误：生成这个单位时工作线程出错（${reason}）。这不是您的数据问题，请把这条信息报告给开发者；其他单位不受影响。`;
  return {
    index: job.index,
    name: job.name,
    file: job.file,
    ok: false,
    figures: {},
    diagnostics: [],
    failure: { kind: 'internal', message },
    files: [],
    log: [message],
    ms: 0,
  };
}
