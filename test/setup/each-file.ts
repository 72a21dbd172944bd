/** Run before every test file (vitest `setupFiles`): what each file needs of its own. */
import { afterAll, vi } from 'vitest';
import { removeTempDirs } from '../helpers/temp-dirs.ts';
// Once per worker: pdfjs loaded without leaving its polyfills in place of the built-ins.
import './pdfjs-builtins.ts';

// Year files parsed once per worker, by content (test/helpers/load-cache.ts).
vi.mock('../../src/load/load.ts', async (importOriginal) => {
  const { cachedLoad } = await import('../helpers/load-cache.ts');
  return cachedLoad(await importOriginal());
});

afterAll(removeTempDirs);
