/**
 * Same model → same bytes, whatever the clock (pdfkit would stamp the current time as CreationDate and
 * hash it into the file id; the renderer gives it the model's date instead). Time zones and locales:
 * test/robustness/locale-determinism.test.ts builds every published file in several of each.
 */
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderPdf } from '../../src/render/pdf/index.ts';
import { seedFile } from '../helpers/seed-build.ts';
import { documentsOf } from './pdf-text.ts';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('PDF bytes', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('do not depend on the clock: the 2024 document rendered in 2001, in 2099 and today is identical', async () => {
    const [doc] = documentsOf('2024');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2001-02-03T04:05:06Z'));
    const a = await renderPdf(doc!);
    vi.setSystemTime(new Date('2099-12-31T23:59:59Z'));
    const b = await renderPdf(doc!);
    expect(sha(b)).toBe(sha(a));
    // Today: as `build 2024` published it at the start of this run (test/setup/seed-build.ts).
    expect(sha(seedFile('2024', doc!.fileName))).toBe(sha(a));
  });
});
