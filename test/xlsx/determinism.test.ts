/**
 * Same data, same bytes: whatever the clock, the time zone or the process. ExcelJS stamps the zip
 * entries with the current time; the renderer re-zips them with the data's date.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWorkbook } from '../../src/render/xlsx/index.ts';
import { DATE, renderYear, tablesFor } from './helpers.ts';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('workbook bytes are reproducible', () => {
  afterEach(() => vi.useRealTimers());

  it('two renders, at different clock times, give identical bytes', async () => {
    const first = await renderYear('data/2024.yaml');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-02-03T04:05:06Z'));
    const second = await renderYear('data/2024.yaml');
    expect(sha(second.buffer)).toBe(sha(first.buffer));
  });

  it('every zip entry is dated from the data', async () => {
    const zip = await JSZip.loadAsync((await renderYear('data/2024.yaml')).buffer);
    const dates = new Set<string>();
    zip.forEach((_, entry) => dates.add(entry.date.toISOString()));
    // DOS times carry no zone; JSZip reads them back as UTC.
    expect([...dates]).toEqual([`${DATE}T00:00:00.000Z`]);
  });

  it('another date gives other bytes (the date is really used)', async () => {
    const { tables, meta } = tablesFor('data/2024.yaml');
    const a = await renderWorkbook(tables, meta);
    const b = await renderWorkbook(tables, { ...meta, date: '2025-10-01' });
    expect(sha(a)).not.toBe(sha(b));
  });

  it('a fresh process in another time zone gives the same bytes', async () => {
    const here = sha((await renderYear('data/2024.yaml')).buffer);
    for (const TZ of ['America/Los_Angeles', 'Asia/Shanghai']) {
      const child = spawnSync(process.execPath, ['--import', 'tsx', 'test/xlsx/render-sha.ts', 'data/2024.yaml'], {
        env: { ...process.env, TZ },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(child.status, child.stderr).toBe(0);
      expect([TZ, child.stdout]).toEqual([TZ, here]);
    }
  });
});
