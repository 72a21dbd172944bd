/**
 * What to tell the user about a character that may not stand in a year file (see UNSAFE_CHARACTER in
 * diagnostics.ts): what it is, by name and code point, why it is refused, and where it usually comes
 * from. None of these characters is visible, so the message must name it; it never prints it.
 */

const NAMES: Record<number, string> = {
  0x00: '空字符 NUL',
  0x07: '响铃符 BEL',
  0x08: '退格符 BS',
  0x0b: '垂直制表符 VT',
  0x0c: '换页符 FF',
  0x0d: '回车符 CR',
  0x1b: '转义符 ESC',
  0x7f: '删除符 DEL',
  0x061c: '阿拉伯字母标记 ALM',
  0x200b: '零宽空格',
  0x200c: '零宽不连字',
  0x200d: '零宽连字',
  0x200e: '从左到右标记 LRM',
  0x200f: '从右到左标记 RLM',
  0x2028: '行分隔符',
  0x2029: '段分隔符',
  0x202a: '从左到右嵌入 LRE',
  0x202b: '从右到左嵌入 RLE',
  0x202c: '方向格式结束 PDF',
  0x202d: '从左到右强制 LRO',
  0x202e: '从右到左强制 RLO',
  0x2060: '词连接符 WJ',
  0x2066: '从左到右隔离 LRI',
  0x2067: '从右到左隔离 RLI',
  0x2068: '首字方向隔离 FSI',
  0x2069: '方向隔离结束 PDI',
  0xfeff: '零宽不换行空格（BOM）',
};

const codePoint = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

export function unsafeCharacterMessage(ch: string): string {
  const code = ch.codePointAt(0)!;
  const name = NAMES[code];
  const what = `${name ? `${name}，` : ''}${codePoint(code)}`;
  if (code <= 0x1f || (code >= 0x7f && code <= 0x9f)) {
    return `文字中有控制字符（${what}）：它看不见，却会原样写进 PDF 的文字和文档属性；请删除它（常见于写成了 "\\x1b"、"\\0" 之类的转义，或从其他软件复制来的文字）`;
  }
  if (code === 0x061c || code === 0x200e || code === 0x200f || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) {
    return `文字中有改变文字方向的不可见字符（${what}）：它会使 PDF 中的文字以与实际内容不同的顺序显示；请删除它`;
  }
  if (code === 0x2028 || code === 0x2029) return `文字中有${name}（${codePoint(code)}）：它看不见，PDF 中也不会换行；请改用普通换行`;
  if (code >= 0xe000 && code <= 0xf8ff) {
    return `文字中有私用区字符（${what}）：它没有标准含义，字体中也没有字形；请改用标准的汉字或符号`;
  }
  if (code >= 0xd800 && code <= 0xdfff) {
    return `文字中有不成对的代理码位（${what}）：它不是有效的字符；请删除它（多为写错的 "\\uD800" 之类的转义）`;
  }
  return `文字中有不可见字符（${what}）：PDF 中看不见，却会使两段看起来相同的文字（如两处项目名称）并不相同；请删除它（常见于从网页或 Word 复制来的文字）`;
}
