import { outputNames, type PublishedName } from '../../calc/output-names.ts';
import { BUILD_FILE_NAMES, fileNameKey, NAME_MAX_BYTES, unsafeParts, utf8Bytes } from '../../file-names.ts';
import { defineRule } from './_util.ts';

/**
 * The files a year file publishes (named by calc/output-names.ts, the same function the build uses)
 * must be writable and distinct on every system: a name over 255 bytes fails on ext4, APFS and NTFS
 * alike, and two reports with one title would overwrite each other. Both are refused here, at the line
 * the name comes from, rather than halfway through a publish. A name that had to be made safe (a “/”
 * in a title, a leading dot) is published changed, and the warning says how.
 */
export default defineRule({
  id: 'output-file-name',
  severity: 'error',
  description: '发布的文件名不超过 255 字节、互不相同；不能用作文件名的字符会被替换',
  appliesTo: ['disclosure', 'reports'],
  check(ctx) {
    const all = outputNames(ctx.calc);
    // The web editions mirror the PDFs (X.pdf → X.html): they share the PDFs' duplicates and unsafe
    // characters, reported once for the PDF; only their one byte more of length is their own.
    const names = all.all.filter((n) => !all.web.includes(n));
    const source = (n: PublishedName) => (n.path.at(-1) === 'department' ? '部门名称' : '报告标题');

    // One message per line of the year file: the longest name made from it.
    const longest = new Map<string, PublishedName>();
    for (const n of all.all) {
      const key = JSON.stringify(n.path);
      const seen = longest.get(key);
      if (!seen || utf8Bytes(n.name) > utf8Bytes(seen.name)) longest.set(key, n);
    }
    for (const n of longest.values()) {
      const bytes = utf8Bytes(n.name);
      if (bytes <= NAME_MAX_BYTES) continue;
      ctx.report({
        path: n.path,
        message: `${n.what}的文件名「${n.name}」有 ${bytes} 字节，超过文件系统允许的 ${NAME_MAX_BYTES} 字节（一个汉字占 3 字节），无法写入磁盘；请把${source(n)}至少缩短 ${charsToCut(n)} 个字`,
        actual: String(bytes),
        expected: `≤ ${NAME_MAX_BYTES}`,
      });
    }

    // report.json, changes.md, the 更正说明 … are the build's own: a document of that name would be overwritten.
    const own = new Set(BUILD_FILE_NAMES.map(fileNameKey));
    for (const n of names) {
      if (own.has(fileNameKey(n.name)))
        ctx.report({
          path: n.path,
          message: `${n.what}的文件名「${n.name}」是发布程序自己使用的文件名，会与之冲突；请改用其他${source(n)}`,
        });
    }

    const first = new Map<string, PublishedName>();
    for (const n of names) {
      const key = fileNameKey(n.name);
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, n);
        continue;
      }
      ctx.report({
        path: n.path,
        message: `${n.what}的文件名「${n.name}」与${earlier.what}的文件名${n.name === earlier.name ? '相同' : `「${earlier.name}」只差大小写（Windows 和 macOS 视为同一个文件）`}，发布时会互相覆盖；请改用不同的${source(n)}`,
        related: [{ place: ctx.place(earlier.path), message: `${earlier.what}的文件名来自这里` }],
      });
    }

    for (const n of names) {
      const parts = unsafeParts(n.text);
      if (!parts.length) continue;
      ctx.report({
        path: n.path,
        severity: 'warning',
        message: `${n.what}的文件名「${n.text}」${parts.join('、')}，在 Windows 等系统中不能这样命名；发布时文件名为「${n.name}」`,
      });
    }
  },
});

/** How many characters must go from the end of the department or title for the name to fit. */
function charsToCut(n: PublishedName): number {
  const chars = [...n.source];
  let excess = utf8Bytes(n.name) - NAME_MAX_BYTES;
  let cut = 0;
  while (excess > 0 && cut < chars.length) {
    cut += 1;
    excess -= utf8Bytes(chars[chars.length - cut]!);
  }
  return cut;
}
