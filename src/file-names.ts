/**
 * The names published files take on disk. A finance office opens them on Windows, macOS and Linux,
 * copies them to USB sticks and network shares, so a name must be valid everywhere:
 *   - none of \ / : * ? " < > | (Windows), no control characters, no invisible direction marks
 *     (U+202E can make 「报告‮fdp.exe」 look like a PDF);
 *   - no leading dot: such a file is hidden on macOS and Linux — and every name starting with a dot
 *     is the publishing tool's own (its staging folder, its lock), so no published file can ever take one;
 *   - no trailing dot or space (Windows drops them), no device name (CON, PRN, AUX, NUL, COM0–9,
 *     LPT0–9, whatever the extension: Windows opens the device instead of the file);
 *   - at most 255 bytes in UTF-8 (ext4 and APFS count bytes, NTFS counts UTF-16 units, so bytes are
 *     the stricter limit: a Chinese character takes 3).
 * `safeFileName` makes a name from text that may break these rules (a department, a report title);
 * `fileNameProblem` says whether a name read back from disk (a manifest, a journal) is one that the
 * tool could have published — anything else was not written by it and is never acted on.
 * Length is not repaired here: a name over the limit is refused when the year file is checked
 * (check/rules/output-file-name.ts), so that the user shortens it rather than the tool cutting it.
 */

export const NAME_MAX_BYTES = 255;

/** Characters no published name keeps: Windows-reserved, control, and bidi/invisible format marks. */
const FORBIDDEN = /[\\/:*?"<>|\u0000-\u001f\u007f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** Windows device names, compared with the part of the name before its first dot. */
const DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

export const utf8Bytes = (name: string) => Buffer.byteLength(name, 'utf8');

/**
 * A file name every system accepts, made from text that may not be one. Forbidden characters become
 * “_”, as do leading dots; surrounding white space and trailing dots are dropped; a device name gets
 * “_” in front. Deterministic, and the identity on a name that is already safe.
 */
export function safeFileName(text: string): string {
  let name = text.replace(FORBIDDEN, '_').trim();
  name = name.replace(/^\.+/, (dots) => '_'.repeat(dots.length));
  name = name.replace(/[.\s]+$/, '');
  if (!name) return '_';
  if (DEVICE.test(name.split('.')[0]!.trimEnd())) name = `_${name}`;
  return name;
}

/** What `safeFileName` changes in `text`, in Chinese (empty when the text is already a safe name). */
export function unsafeParts(text: string): string[] {
  const out: string[] = [];
  const chars = [...new Set(text.match(FORBIDDEN) ?? [])];
  if (chars.length)
    out.push(
      `含有${chars.map((c) => (/[\\/:*?"<>|]/.test(c) ? `「${c}」` : `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`)).join('')}`,
    );
  const trimmed = text.trim();
  if (trimmed !== text) out.push('首尾有空白');
  if (trimmed.startsWith('.')) out.push('以「.」开头（会成为隐藏文件）');
  if (/[.\s]$/.test(trimmed)) out.push('以「.」或空白结尾');
  if (DEVICE.test(trimmed.split('.')[0]!.trimEnd())) out.push(`「${trimmed.split('.')[0]!.trimEnd()}」是 Windows 的设备名`);
  if (!out.length && safeFileName(text) !== text) out.push('不能用作文件名');
  return out;
}

/**
 * Why `name` could not be a published file of this tool (in Chinese), or undefined when it could:
 * a plain name in the folder itself — no folder part, no “..”, no leading dot, nothing `safeFileName`
 * would change, within the length limit.
 */
export function fileNameProblem(name: unknown): string | undefined {
  if (typeof name !== 'string' || !name) return '不是文件名';
  if (name === '.' || name === '..' || name.includes('/') || name.includes('\\')) return '含有目录成分（/、\\ 或 ..）';
  if (name.startsWith('.')) return '以「.」开头';
  if (safeFileName(name) !== name) return '含有不能用于文件名的字符';
  if (utf8Bytes(name) > NAME_MAX_BYTES) return `超过 ${NAME_MAX_BYTES} 字节`;
  return undefined;
}

/**
 * Two names that are one file on Windows and macOS (case-insensitive; macOS also compares Unicode
 * normalised): published files must differ by this key, not only by their exact text.
 */
export const fileNameKey = (name: string) => name.normalize('NFC').toLowerCase();

/** The name of the 更正说明 a correction publishes beside changes.md (.html and .pdf). */
export const NOTICE_NAME = '更正说明';

/** Names the build itself writes into an output folder besides the documents: no document may take one. */
export const BUILD_FILE_NAMES = ['report.json', 'manifest.json', 'changes.md', 'history', `${NOTICE_NAME}.html`, `${NOTICE_NAME}.pdf`];
