/**
 * pdfjs loaded once per test worker, leaving the JavaScript built-ins as Node made them.
 *
 * The legacy build of pdfjs (the one that runs on Node 20) carries core-js polyfills, and some of them
 * replace built-ins Node already has — JSON.stringify, JSON.parse, Array.prototype.push,
 * Function.prototype.toString — with slower JavaScript versions for edge cases nothing here meets
 * (JSON.rawJSON, arrays 2^53 long). Test files share their worker and its globals (vitest.config.ts), so
 * once any file had read a PDF, every later test in that worker serialised report.json, compared models
 * and pushed to arrays through the polyfills: measured, a quarter of the unit tests' CPU went to them and
 * to the garbage they make. pdfjs itself runs on the natives (it needs only the polyfills Node 20 lacks,
 * which stay: Promise.withResolvers, Uint8Array.prototype.toHex …).
 *
 * Both pdfjs modules are imported here first (the worker module too, which the fake worker would
 * otherwise import at the first getDocument), so the built-ins are put back before any test runs and
 * later imports of pdfjs, by tests or by src/verify/pdf.ts, find the modules already evaluated.
 */
type Restore = () => void;

function keep(owner: object, key: PropertyKey): Restore {
  const native = Object.getOwnPropertyDescriptor(owner, key);
  if (!native) throw new Error(`no built-in ${String(key)}`);
  return () => Object.defineProperty(owner, key, native);
}

const restore = [keep(JSON, 'stringify'), keep(JSON, 'parse'), keep(Array.prototype, 'push'), keep(Function.prototype, 'toString')];
await import('pdfjs-dist/legacy/build/pdf.mjs');
// Sets globalThis.pdfjsWorker, which pdfjs's fake worker (Node has no real one for it) then uses. The
// module has no type declarations; through a variable, TypeScript does not look for them.
const worker = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
await import(worker);
for (const r of restore) r();
