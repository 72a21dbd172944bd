/**
 * The workbook's zip container: what a reader unpacks is what was packed, each entry checked against
 * its CRC-32 (JSZip verifies it on reading), dated as asked, with no entry the parts do not name.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { crc32, zip } from '../../src/render/xlsx/zip.ts';

describe('zip', () => {
  it('computes CRC-32 as ZIP defines it', () => {
    // The standard check value of CRC-32/ISO-HDLC, and the empty input.
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it('packs parts that a reader unpacks, byte for byte, dated as asked', async () => {
    const big = '<x>'.concat('部门决算 1,234.56 '.repeat(20_000), '</x>');
    const parts: [string, string][] = [
      ['[Content_Types].xml', '<Types/>'],
      ['xl/worksheets/sheet1.xml', big],
      ['empty.xml', ''],
    ];
    const bytes = zip(parts, new Date('2031-12-31T23:59:58Z'));
    const read = await JSZip.loadAsync(bytes, { checkCRC32: true });
    expect(Object.keys(read.files)).toEqual(parts.map(([name]) => name));
    for (const [name, content] of parts) {
      const entry = read.file(name)!;
      expect(await entry.async('string'), name).toBe(content);
      expect(entry.date.toISOString(), name).toBe('2031-12-31T23:59:58.000Z');
    }
    // Deflated: the repetitive part takes a small fraction of its size.
    expect(bytes.length).toBeLessThan(Buffer.byteLength(big) / 20);
  });
});
