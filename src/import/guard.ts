/**
 * Looks at a file before ExcelJS ever sees it. Finance systems hand out many things called “Excel”:
 * an .xlsx (a zip of XML), an .xls or a password-protected .xlsx (both OLE2 compound files), a web page
 * or a CSV saved with an .xls name. Only the first can be read; for the others the user is told what the
 * file is and how to get an .xlsx. A zip is also checked for being a bomb — ExcelJS inflates every part
 * into memory — by reading its central directory and inflating each part under a hard output limit, so
 * neither a lying size field nor a huge part can exhaust memory.
 */
import { inflateRawSync } from 'node:zlib';
import { refuse } from './problems.ts';

/** A 公开表 workbook is tens of KB; a few MB would already be unusual. */
export const MAX_WORKBOOK_BYTES = 20 * 1024 * 1024;
/** Inflated parts together (the XML of ten small sheets is well under 10 MB). */
export const MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 2000;

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const utf16 = (s: string) => Buffer.from(s, 'utf16le');

/** What kind of non-xlsx file this is, in words a user recognises. */
function describeOle2(bytes: Buffer): string {
  if (bytes.includes(utf16('EncryptedPackage')) || bytes.includes(utf16('EncryptionInfo'))) {
    return '是加了打开密码的 Excel 工作簿（加密后的文件是 OLE2 复合文档，无法读取）。请在 Excel 中打开它，在「文件 › 信息 › 保护工作簿 › 用密码进行加密」中删去密码后保存，再导入';
  }
  if (bytes.includes(utf16('WordDocument'))) return '是 Word 文档（.doc），不是工作簿';
  if (bytes.includes(utf16('Workbook')) || bytes.includes(utf16('Book'))) {
    return '是旧版 Excel 97-2003 工作簿（.xls）。请在 Excel 或 WPS 中打开，「另存为」Excel 工作簿（.xlsx）后再导入';
  }
  return '是 OLE2 复合文档（可能是 .xls、加密的工作簿或 WPS 的 .et 文件），不是 .xlsx。请在 Excel 或 WPS 中打开，「另存为」Excel 工作簿（.xlsx）后再导入';
}

function describeText(bytes: Buffer): string | undefined {
  const head = bytes
    .subarray(0, 4096)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (head.startsWith('%pdf')) return '是 PDF 文件，不是工作簿；请导入决算软件导出的 Excel 公开表';
  if (head.startsWith('<?xml') && head.includes('urn:schemas-microsoft-com:office:spreadsheet')) {
    return '是 Excel 2003 XML 表格（扩展名可能是 .xls 或 .xml）。请在 Excel 中打开，「另存为」Excel 工作簿（.xlsx）后再导入';
  }
  if (/^<(!doctype html|html|table|meta|head)/.test(head) || head.includes('<table')) {
    return '是网页（HTML）格式的表格——有些系统导出的「.xls」其实是网页。请在 Excel 中打开，「另存为」Excel 工作簿（.xlsx）后再导入';
  }
  const sample = bytes.subarray(0, 4096);
  const binary = sample.some((b) => b === 0 || (b < 9 && b !== 0));
  if (!binary) {
    const lines = sample
      .toString('utf8')
      .split(/\r?\n/)
      .filter((l) => l.trim());
    const delimited = lines.length >= 2 && lines.slice(0, 5).every((l) => /[,\t;]/.test(l));
    return delimited
      ? '是 CSV 或制表符分隔的文本文件，不是工作簿；CSV 不带合并单元格和表头层次，无法可靠识别公开表。请从决算软件导出 Excel（.xlsx）格式'
      : '是文本文件，不是 Excel 工作簿（.xlsx）';
  }
  return undefined;
}

interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressed: number;
  uncompressed: number;
  localOffset: number;
}

/** The central directory of a zip (no ZIP64: a 公开表 workbook never needs it). */
function zipEntries(bytes: Buffer, what: string): ZipEntry[] {
  const broken = (why: string) => refuse(`${what}已损坏，不是完整的 Excel 工作簿（${why}）。请重新导出或重新下载`);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) broken('找不到压缩包目录');
  const count = bytes.readUInt16LE(eocd + 10);
  const dirSize = bytes.readUInt32LE(eocd + 12);
  const dirOffset = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) refuse(`${what}是 ZIP64 格式的大文件，不是公开表工作簿`);
  if (count > MAX_ZIP_ENTRIES) refuse(`${what}中有 ${count} 个部件，远多于一个公开表工作簿（几十个），拒绝读取`);
  if (dirOffset + dirSize > eocd) broken('压缩包目录位置不对');
  const entries: ZipEntry[] = [];
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== 0x02014b50) broken('压缩包目录项不完整');
    const nameLength = bytes.readUInt16LE(p + 28);
    const entry: ZipEntry = {
      flags: bytes.readUInt16LE(p + 8),
      method: bytes.readUInt16LE(p + 10),
      compressed: bytes.readUInt32LE(p + 20),
      uncompressed: bytes.readUInt32LE(p + 24),
      localOffset: bytes.readUInt32LE(p + 42),
      name: bytes.subarray(p + 46, p + 46 + nameLength).toString('utf8'),
    };
    if (entry.compressed === 0xffffffff || entry.uncompressed === 0xffffffff || entry.localOffset === 0xffffffff) {
      refuse(`${what}是 ZIP64 格式的大文件，不是公开表工作簿`);
    }
    entries.push(entry);
    p += 46 + nameLength + bytes.readUInt16LE(p + 30) + bytes.readUInt16LE(p + 32);
  }
  return entries;
}

/** Inflates every part under the limits (actual sizes, not the declared ones); refuses a bomb. */
function checkZip(bytes: Buffer, what: string): void {
  const entries = zipEntries(bytes, what);
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('xl/workbook.xml')) {
    if (names.has('word/document.xml')) refuse(`${what}是 Word 文档（.docx），不是工作簿`);
    if (names.has('ppt/presentation.xml')) refuse(`${what}是 PowerPoint 演示文稿，不是工作簿`);
    if (names.has('mimetype') && names.has('content.xml'))
      refuse(`${what}是 OpenDocument 文件（如 WPS/LibreOffice 的 .ods），请另存为 Excel 工作簿（.xlsx）后再导入`);
    refuse(`${what}是一个压缩包，里面没有 Excel 工作簿；请导入决算软件导出的 .xlsx 公开表`);
  }
  const declared = entries.reduce((s, e) => s + e.uncompressed, 0);
  if (declared > MAX_UNCOMPRESSED_BYTES) {
    refuse(`${what}解压后有 ${(declared / 1024 / 1024).toFixed(0)} MB，远大于公开表工作簿（通常不到 1 MB），可能是「压缩炸弹」，拒绝读取`);
  }
  let budget = MAX_UNCOMPRESSED_BYTES;
  for (const e of entries) {
    if (e.flags & 1) refuse(`${what}中的部件「${e.name}」加了密码，无法读取；请去掉密码后重新保存`);
    if (e.name.endsWith('/')) continue;
    const local = e.localOffset;
    if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== 0x04034b50)
      refuse(`${what}已损坏（部件「${e.name}」不完整）。请重新导出或重新下载`);
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + e.compressed);
    if (data.length !== e.compressed) refuse(`${what}已损坏（部件「${e.name}」被截断）。请重新导出或重新下载`);
    let size: number;
    if (e.method === 0) size = data.length;
    else if (e.method === 8) {
      try {
        // Never more than the part claims, nor more than what is left of the budget.
        size = inflateRawSync(data, { maxOutputLength: Math.min(e.uncompressed, budget) + 1 }).length;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
          refuse(
            `${what}中的部件「${e.name}」解压后比它声明的大小（${e.uncompressed} 字节）还大，或超出了限制：文件已被篡改或是「压缩炸弹」，拒绝读取`,
          );
        }
        refuse(`${what}已损坏（部件「${e.name}」无法解压）。请重新导出或重新下载`);
      }
    } else refuse(`${what}中的部件「${e.name}」使用了不支持的压缩方式（${e.method}），不是 Excel 保存的工作簿`);
    if (size !== e.uncompressed) refuse(`${what}已损坏（部件「${e.name}」的大小与目录不符）。请重新导出或重新下载`);
    budget -= size;
  }
}

/**
 * Throws an ImportError unless `bytes` look like a readable .xlsx of sensible size. `what` names the
 * file in messages (「文件 x.xlsx 」).
 */
export function checkWorkbookBytes(bytes: Buffer, what: string): void {
  if (bytes.length === 0) refuse(`${what}是空文件（0 字节）`);
  if (bytes.length > MAX_WORKBOOK_BYTES) {
    refuse(
      `${what}有 ${(bytes.length / 1024 / 1024).toFixed(1)} MB，公开表工作簿通常不到 1 MB；请检查是否选错了文件（上限 ${MAX_WORKBOOK_BYTES / 1024 / 1024} MB）`,
    );
  }
  if (bytes.subarray(0, 8).equals(OLE2)) refuse(`${what}${describeOle2(bytes)}`);
  if (bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50) {
    checkZip(bytes, what);
    return;
  }
  if (bytes.length >= 4 && bytes.readUInt32LE(0) === 0x06054b50) refuse(`${what}是一个空的压缩包，不是工作簿`);
  refuse(`${what}${describeText(bytes) ?? '不是 Excel 工作簿（.xlsx）；请导入决算软件导出的 Excel 公开表'}`);
}
