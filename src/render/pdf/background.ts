/**
 * The PDFs of a cold build, laid out in a thread of their own (worker.ts): the thread starts with the
 * build and loads pdfmake and the fonts while the main thread reads, checks and models the year file;
 * once the documents are sent, the main thread writes the web edition and the workbook while the PDFs
 * are laid out. The machine has two cores, and the PDF is the longest part of a build.
 *
 * Only from the CLI's bundle (src/run.mjs builds pdf-worker.mjs next to it); elsewhere (tests, tsx)
 * there is no worker and the caller renders in its own thread — the same function, the same bytes.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DocumentModel } from '../../model/document.ts';
import type { PdfJob, PdfReply } from './worker.ts';

export interface PdfThread {
  render(doc: DocumentModel): Promise<Buffer>;
  /** Ends the thread (a render in progress is abandoned); the build calls it however it ends. */
  close(): void;
}

/** A thread the launcher started before it loaded the CLI, and whether it has failed since. */
export interface EarlyPdfThread {
  worker: Worker;
  failed(): boolean;
}

let early: EarlyPdfThread | undefined;

/**
 * src/run.mjs starts the thread of a single `build` before it loads the CLI's own modules (~0.15 s in
 * which pdfmake and the fonts load already); the build takes it here instead of starting one. One that
 * failed before it was taken is dropped: a fresh thread then reports the failure as usual.
 */
export function adoptPdfThread(thread: EarlyPdfThread): void {
  early = thread;
}

function takeEarly(root: string | undefined): Worker | undefined {
  const taken = early;
  early = undefined;
  if (!taken) return undefined;
  if (root !== undefined || taken.failed()) {
    void taken.worker.terminate();
    return undefined;
  }
  return taken.worker;
}

/** Starts the thread, or returns undefined where there is none to start (not running from the bundle). */
export function startPdfThread(root?: string): PdfThread | undefined {
  const url = new URL('./pdf-worker.mjs', import.meta.url);
  if (!import.meta.url.endsWith('.mjs') || !existsSync(fileURLToPath(url))) return undefined;
  const worker = takeEarly(root) ?? new Worker(url, { workerData: { root } });
  const pending = new Map<number, { resolve: (b: Buffer) => void; reject: (e: Error) => void }>();
  let next = 0;
  let failure: Error | undefined;
  const fail = (err: Error) => {
    failure ??= err;
    for (const p of pending.values()) p.reject(failure);
    pending.clear();
  };
  worker.on('message', (m: PdfReply) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if ('bytes' in m) p.resolve(Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength));
    else p.reject(new Error(m.error));
  });
  worker.on('error', (err) => fail(err instanceof Error ? err : new Error(String(err))));
  worker.on('exit', (code) => fail(new Error(`PDF 生成线程意外退出（退出码 ${code}）`)));
  return {
    render(doc) {
      if (failure) return Promise.reject(failure);
      const id = next++;
      return new Promise<Buffer>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, doc: JSON.stringify(doc) } satisfies PdfJob);
      });
    },
    close() {
      if (failure) return;
      fail(new Error('PDF 生成线程已结束'));
      void worker.terminate();
    },
  };
}
