/**
 * The workbook's zip container, written here with Node's own deflate. A workbook is a handful of
 * text parts, written once in one go: the plain ZIP layout (a local header and the deflated data per
 * part, then the central directory) is all Excel, WPS and LibreOffice need. JSZip did the same in
 * ~80 ms of CPU on a cold build's critical path (loading it, and its pure-JS deflate warming up);
 * native zlib takes ~5 ms. The PDF's streams are deflated by the same zlib (pdfkit), so the bytes
 * depend on nothing the PDF's do not.
 *
 * Every entry is dated from the data (DOS date and time from its UTC fields, so TZ is moot), "made
 * by" MS-DOS with no attributes, as Excel writes them: same parts, same bytes.
 */
import { deflateRawSync } from 'node:zlib';

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** CRC-32 (ISO 3309), as ZIP stores it. */
export function crc32(bytes: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** MS-DOS time and date words; DOS dates run from 1980 to 2107. */
function dosDateTime(date: Date): [time: number, date: number] {
  const year = Math.min(Math.max(date.getUTCFullYear(), 1980), 2107);
  return [
    (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
    ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  ];
}

const VERSION = 20; // 2.0: deflate; the high byte 0 says MS-DOS
const DEFLATE = 8;

/** A record of little-endian fields of 2 or 4 bytes, in order. */
function record(fields: [bytes: 2 | 4, value: number][]): Buffer {
  const out = Buffer.alloc(fields.reduce((n, [bytes]) => n + bytes, 0));
  let at = 0;
  for (const [bytes, value] of fields) at = bytes === 2 ? out.writeUInt16LE(value, at) : out.writeUInt32LE(value, at);
  return out;
}

/** A ZIP archive of `parts` (name, content) in their order, every entry dated `date`. */
export function zip(parts: [name: string, content: string | Uint8Array][], date: Date): Buffer {
  const [time, day] = dosDateTime(date);
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of parts) {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const packed = deflateRawSync(data, { level: 6 });
    const fileName = Buffer.from(name, 'utf8');
    // Bit 11: the name is UTF-8 (the parts' names are ASCII, for which it changes nothing).
    const flags = /^[\x20-\x7e]*$/.test(name) ? 0 : 0x0800;
    // What the local header and the directory entry both say: version needed, flags, method, time,
    // date, CRC-32, sizes packed and unpacked, name length.
    const entry: [2 | 4, number][] = [
      [2, VERSION],
      [2, flags],
      [2, DEFLATE],
      [2, time],
      [2, day],
      [4, crc32(data)],
      [4, packed.length],
      [4, data.length],
      [2, fileName.length],
    ];
    const local = record([[4, 0x04034b50], ...entry, [2, 0] /* no extra field */]);
    chunks.push(local, fileName, packed);
    // Made by MS-DOS 2.0; no extra field, comment, disk number or attributes; where the local header is.
    central.push(record([[4, 0x02014b50], [2, VERSION], ...entry, [2, 0], [2, 0], [2, 0], [2, 0], [4, 0], [4, offset]]), fileName);
    offset += local.length + fileName.length + packed.length;
  }
  const directory = Buffer.concat(central);
  // End of central directory: this disk (0), its entries, the directory's size and where it starts, no comment.
  const end = record([
    [4, 0x06054b50],
    [2, 0],
    [2, 0],
    [2, parts.length],
    [2, parts.length],
    [4, directory.length],
    [4, offset],
    [2, 0],
  ]);
  return Buffer.concat([...chunks, directory, end]);
}
