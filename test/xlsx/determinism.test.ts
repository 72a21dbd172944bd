/**
 * Same data, same bytes: whatever the clock or the process. JSZip would stamp the zip entries with the
 * current time; the renderer dates them from the data. Time zones and locales:
 * test/robustness/locale-determinism.test.ts builds every published file in several of each.
 */
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
});
