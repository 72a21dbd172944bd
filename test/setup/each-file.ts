/** Run before every test file (vitest `setupFiles`): what each file needs of its own. */
import { afterAll } from 'vitest';
import { removeTempDirs } from '../helpers/temp-dirs.ts';
// Once per worker: pdfjs loaded without leaving its polyfills in place of the built-ins.
import './pdfjs-builtins.ts';

afterAll(removeTempDirs);
