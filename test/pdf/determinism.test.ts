/**
 * Same model → same bytes, whatever the clock or the time zone (pdfkit would stamp the current time
 * as CreationDate and hash it into the file id; the renderer gives it the model's date instead).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderPdf } from '../../src/render/pdf/index.ts';
import { documentsOf } from './pdf-text.ts';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const script = fileURLToPath(new URL('./render-sha.ts', import.meta.url));

function shaInChild(year: string, tz: string): string[] {
  const out = execFileSync(process.execPath, ['--import', 'tsx', script, year], {
    env: { ...process.env, TZ: tz },
    encoding: 'utf8',
  });
  return out.trim().split('\n');
}

describe('PDF bytes', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('do not depend on the clock: the 2024 document rendered in 2001 and in 2099 is identical', async () => {
    const [doc] = documentsOf('2024');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2001-02-03T04:05:06Z'));
    const a = await renderPdf(doc!);
    vi.setSystemTime(new Date('2099-12-31T23:59:59Z'));
    const b = await renderPdf(doc!);
    expect(sha(b)).toBe(sha(a));
  });

  it('do not depend on the time zone: the 2020 report from processes in three zones is identical', async () => {
    const here = (await Promise.all(documentsOf('2020').map((d) => renderPdf(d)))).map(sha);
    for (const tz of ['UTC', 'Asia/Shanghai', 'America/Los_Angeles']) expect(shaInChild('2020', tz), tz).toEqual(here);
  });
});
