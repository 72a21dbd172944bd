/**
 * Issue 9 §4: a file saved in a wide encoding is named by what it is — UTF-32 was called “UTF-16 编码”,
 * and UTF-16 without a byte-order mark “含有空字符，不是文本文件”.
 */
import { describe, expect, it } from 'vitest';
import { decodeYearFile } from '../../src/load/encoding.ts';

const TEXT = 'year: 2024\ndepartment: 江西省示例中心\n';

function utf32(text: string, littleEndian: boolean): Uint8Array {
  const points = [...text].map((c) => c.codePointAt(0)!);
  const view = new DataView(new ArrayBuffer(points.length * 4));
  points.forEach((p, i) => view.setUint32(i * 4, p, littleEndian));
  return new Uint8Array(view.buffer);
}

const utf16 = (text: string, littleEndian: boolean) => {
  const le = Buffer.from(text, 'utf16le');
  return littleEndian ? le : Buffer.from(le.swap16());
};

const message = (bytes: Uint8Array) => {
  const decoded = decodeYearFile(bytes);
  if (!('problem' in decoded)) throw new Error('decoded as text');
  expect(decoded.problem.ruleId).toBe('load/encoding');
  return decoded.problem.message;
};

const concat = (...parts: Uint8Array[]) => Buffer.concat(parts.map((p) => Buffer.from(p)));

describe('wide encodings are named', () => {
  it.each([
    ['UTF-32 LE with a BOM', concat(utf32('\uFEFF', true), utf32(TEXT, true)), 'UTF-32 LE 编码（带 BOM）'],
    ['UTF-32 BE with a BOM', concat(utf32('\uFEFF', false), utf32(TEXT, false)), 'UTF-32 BE 编码（带 BOM）'],
    ['UTF-32 LE without a BOM', utf32(TEXT, true), 'UTF-32 LE 编码（无 BOM）'],
    ['UTF-32 BE without a BOM', utf32(TEXT, false), 'UTF-32 BE 编码（无 BOM）'],
    [
      'UTF-16 LE with a BOM (Notepad’s “Unicode”)',
      concat(utf16('\uFEFF', true), utf16(TEXT, true)),
      'UTF-16 LE 编码（带 BOM，记事本中称为「Unicode」）',
    ],
    ['UTF-16 BE with a BOM', concat(utf16('\uFEFF', false), utf16(TEXT, false)), 'UTF-16 BE 编码（带 BOM'],
    ['UTF-16 LE without a BOM', utf16(TEXT, true), 'UTF-16 LE 编码（无 BOM）'],
    ['UTF-16 BE without a BOM', utf16(TEXT, false), 'UTF-16 BE 编码（无 BOM）'],
  ])('%s', (_what, bytes, named) => {
    const m = message(bytes);
    expect(m).toContain(`文件是 ${named}`);
    expect(m).toContain('另存为 UTF-8');
  });

  it('UTF-8, with or without a BOM, is text', () => {
    expect(decodeYearFile(Buffer.from(TEXT))).toEqual({ text: TEXT });
    expect(decodeYearFile(Buffer.from(`\uFEFF${TEXT}`))).toEqual({ text: TEXT });
  });
});
