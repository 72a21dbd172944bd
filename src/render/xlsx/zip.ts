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
    const crc = crc32(data);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(DEFLATE, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(day, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    local.writeUInt16LE(0, 28); // no extra field
    chunks.push(local, fileName, packed);

    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(VERSION, 4); // made by
    entry.writeUInt16LE(VERSION, 6); // needed
    entry.writeUInt16LE(flags, 8);
    entry.writeUInt16LE(DEFLATE, 10);
    entry.writeUInt16LE(time, 12);
    entry.writeUInt16LE(day, 14);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(fileName.length, 28);
    // Extra field, comment, disk number, internal and external attributes: none (all zero).
    entry.writeUInt32LE(offset, 42);
    central.push(entry, fileName);
    offset += local.length + fileName.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, directory, end]);
}
