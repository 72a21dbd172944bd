/**
 * Bytes → text, or a Chinese explanation of why the bytes are not a UTF-8 text file. Finance staff
 * save files in every way an office PC allows: GBK (“ANSI” in Notepad), UTF-16 (“Unicode”), with a
 * BOM, or pick the workbook instead of the year file. Each gets its own message and, where it can be
 * known, the line where the trouble starts.
 */

export type Decoded = { text: string } | { problem: { ruleId: 'load/encoding' | 'load/not-text'; line: number; message: string } };

const startsWith = (bytes: Uint8Array, ...prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/** Files that are clearly not text, by their first bytes. */
const SIGNATURES: { prefix: number[]; what: string }[] = [
  { prefix: [0x50, 0x4b, 0x03, 0x04], what: '一个 Excel 工作簿或压缩包（.xlsx / .zip）' },
  { prefix: [0x25, 0x50, 0x44, 0x46], what: '一个 PDF 文件' },
  { prefix: [0xd0, 0xcf, 0x11, 0xe0], what: '一个旧版 Office 文档（.xls / .doc）' },
  { prefix: [0x52, 0x61, 0x72, 0x21], what: '一个 RAR 压缩包' },
  { prefix: [0x89, 0x50, 0x4e, 0x47], what: '一张 PNG 图片' },
  { prefix: [0xff, 0xd8, 0xff], what: '一张 JPEG 图片' },
];

const lineOfOffset = (text: string, offset: number) => {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
};

export function decodeYearFile(bytes: Uint8Array | string): Decoded {
  if (typeof bytes === 'string') return checkText(bytes);
  for (const { prefix, what } of SIGNATURES) {
    if (startsWith(bytes, ...prefix)) {
      return {
        problem: {
          ruleId: 'load/not-text',
          line: 1,
          message: `这是${what}，不是年度数据文件；年度数据文件是用文本编辑器编辑的 .yaml 文件，例如 data/2024.yaml`,
        },
      };
    }
  }
  const wide = wideEncoding(bytes);
  if (wide) {
    return { problem: { ruleId: 'load/encoding', line: 1, message: `文件是 ${wide}，请在编辑器中另存为 UTF-8 编码` } };
  }
  try {
    return checkText(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    // Newlines are single bytes in UTF-8 and GBK alike, so the line of the first bad byte is exact.
    const loose = new TextDecoder('utf-8').decode(bytes);
    const line = lineOfOffset(loose, loose.indexOf('\uFFFD'));
    let gbk = false;
    try {
      new TextDecoder('gbk', { fatal: true }).decode(bytes);
      gbk = true;
    } catch {
      // not GBK either
    }
    const message = gbk
      ? `文件不是 UTF-8 编码（看起来是 GBK，即记事本中的「ANSI」），从第 ${line} 行起的中文无法识别；请在编辑器中以 UTF-8 编码另存（记事本：另存为 → 编码选「UTF-8」）`
      : `文件不是 UTF-8 编码，第 ${line} 行含有无法识别的字节；请确认选对了文件，并在编辑器中以 UTF-8 编码另存`;
    return { problem: { ruleId: 'load/encoding', line, message } };
  }
}

/**
 * UTF-32 and UTF-16, with a byte-order mark or without one. The UTF-32 LE mark (FF FE 00 00) begins with
 * the UTF-16 LE mark (FF FE), so UTF-32 is tested first. Without a mark, a year file starts with ASCII
 * (`year:`, `#`, a space): in UTF-32 that is one ASCII byte and three zero bytes, in UTF-16 one and one.
 */
function wideEncoding(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, 0xff, 0xfe, 0x00, 0x00)) return 'UTF-32 LE 编码（带 BOM）';
  if (startsWith(bytes, 0x00, 0x00, 0xfe, 0xff)) return 'UTF-32 BE 编码（带 BOM）';
  if (startsWith(bytes, 0xff, 0xfe)) return 'UTF-16 LE 编码（带 BOM，记事本中称为「Unicode」）';
  if (startsWith(bytes, 0xfe, 0xff)) return 'UTF-16 BE 编码（带 BOM，记事本中称为「Unicode big endian」）';
  const ascii = (b: number | undefined) => b !== undefined && b > 0 && b < 0x80;
  const [a, b, c, d] = [bytes[0], bytes[1], bytes[2], bytes[3]];
  if (ascii(a) && b === 0 && c === 0 && d === 0) return 'UTF-32 LE 编码（无 BOM）';
  if (a === 0 && b === 0 && c === 0 && ascii(d)) return 'UTF-32 BE 编码（无 BOM）';
  if (ascii(a) && b === 0 && ascii(c) && d === 0) return 'UTF-16 LE 编码（无 BOM）';
  if (a === 0 && ascii(b) && c === 0 && ascii(d)) return 'UTF-16 BE 编码（无 BOM）';
  return undefined;
}

/** A decoded text is a text only if it holds no NUL (a binary file that happens to be valid UTF-8). */
function checkText(text: string): Decoded {
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    return {
      problem: {
        ruleId: 'load/not-text',
        line: lineOfOffset(text, nul),
        message: '文件中含有空字符（\\0），不是文本文件；请确认选对了文件',
      },
    };
  }
  return { text };
}
