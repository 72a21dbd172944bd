/**
 * Entry of a batch pool worker (pool.ts): builds one department per message, one after another, in a
 * thread that keeps its compiled code, templates and fonts between departments. From the bundle it is
 * batch-worker.mjs, an entry point of its own next to cli.mjs (src/run.mjs).
 */
import { parentPort } from 'node:worker_threads';
import { buildDepartment, type DepartmentJob } from './department.ts';

parentPort!.on('message', (job: DepartmentJob) => {
  void buildDepartment(job).then((outcome) => parentPort!.postMessage(outcome));
});
