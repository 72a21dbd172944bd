/**
 * Where each value of a year file stands: YAML path → line. Diagnostics from every later stage point at
 * the user's file through this map (beancount keeps `meta.lineno` on each entry for the same reason).
 */
export type PathSegment = string | number;
export type YamlPath = readonly PathSegment[];

export function formatPath(path: YamlPath): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${seg}` : seg;
  return out;
}

export class SourceMap {
  private readonly lines = new Map<string, number>();
  /** Literal block texts (`duties: |`): the line of their first content line. */
  private readonly blocks = new Map<string, number>();
  /** Offsets of the line breaks of a block text, computed on first use. */
  private readonly breaks = new Map<string, { text: string; at: number[] }>();

  constructor(public readonly file: string) {}

  set(path: YamlPath, line: number): void {
    const key = formatPath(path);
    if (!this.lines.has(key)) this.lines.set(key, line);
  }

  /** Line of the value at `path`, or of its nearest ancestor that exists in the file (1 at worst). */
  lineOf(path: YamlPath): number {
    for (let n = path.length; n >= 0; n--) {
      const line = this.lines.get(formatPath(path.slice(0, n)));
      if (line !== undefined) return line;
    }
    return 1;
  }

  /** Records that the text at `path` is a literal block (`|`) whose content starts on `line`. */
  setBlock(path: YamlPath, line: number): void {
    this.blocks.set(formatPath(path), line);
  }

  /**
   * Line of a character of the text at `path`: inside a literal block (`duties: |`) each line of the
   * text is a line of the file, so a rule can point at the paragraph, not at `duties:`. Any other text
   * is on one line as far as the user can tell (a folded text's lines are joined): its own line.
   */
  lineOfText(path: YamlPath, text: string, index: number): number {
    const key = formatPath(path);
    const start = this.blocks.get(key);
    if (start === undefined) return this.lineOf(path);
    // The text's line breaks are found once and searched by halves: a rule that reports a thousand
    // places in one long text stays linear in its length.
    let breaks = this.breaks.get(key);
    if (!breaks || breaks.text !== text) {
      const at: number[] = [];
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) at.push(i);
      this.breaks.set(key, (breaks = { text, at }));
    }
    let lo = 0;
    let hi = breaks.at.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (breaks.at[mid]! < index) lo = mid + 1;
      else hi = mid;
    }
    return start + lo;
  }

  has(path: YamlPath): boolean {
    return this.lines.has(formatPath(path));
  }

  place(path: YamlPath): { file: string; line: number; path: string } {
    return { file: this.file, line: this.lineOf(path), path: formatPath(path) };
  }
}
