/** Run before every test file (vitest `setupFiles`): what each file needs of its own. */
import { afterAll } from 'vitest';
import { removeTempDirs } from '../helpers/temp-dirs.ts';

afterAll(removeTempDirs);
