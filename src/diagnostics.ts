/**
 * One shape for every problem found, from a YAML syntax error to a total that does not tie (modelled on
 * vfile-message and beancount's errors): finding problems is separate from printing them.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Place {
  file: string;
  line: number;
  /** The YAML path of the value, e.g. `income[2].general`. */
  path?: string;
}

export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  /** Chinese, in the form 「X 为 a，应为 b」. */
  message: string;
  place?: Place;
  actual?: string;
  expected?: string;
  /** Other places that take part in the problem (“上年年末结转在此”). */
  related?: { place: Place; message: string }[];
  /** Set when the year file acknowledges this warning, with the reason it gives. */
  acknowledged?: string;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error' && !d.acknowledged);
}

const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

export function formatPlace(place: Place | undefined): string {
  if (!place) return '';
  return `${place.file}:${place.line}`;
}

/**
 * Characters that must never be printed as typed: C0/C1 control characters (ESC starts a terminal
 * escape sequence, BEL rings, CR overwrites the line, NUL ends C strings), bidirectional overrides,
 * embeddings, isolates and marks (they reorder what a reader sees: “‮txt.exe” reads “exe.txt”), the
 * invisible zero-width characters and U+2028/2029, the private-use area (no standard meaning, no glyph
 * in any font we ship; U+E000/E001 are our own markers) and unpaired surrogates. Tab and line feed are
 * not in the set: they are ordinary white space (the loader decides where a tab may stand).
 */
export const UNSAFE_CHARACTER =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb\ue000-\uf8ff\ud800-\udfff]/u;
const UNSAFE_OR_BREAK = new RegExp(`${UNSAFE_CHARACTER.source.slice(0, -1)}\\n]`, 'gu');

/**
 * User text made safe to print inside a one-line message: every unsafe character (and a line break)
 * is written as the escape a YAML file would use (`\x1B`, `\u202E`, `\n`), so an ANSI sequence in a
 * key name shows as text instead of recolouring the terminal, and a message stays on its line.
 */
export function printable(text: string): string {
  return text.replace(UNSAFE_OR_BREAK, (ch) => {
    if (ch === '\n') return '\\n';
    const code = ch.codePointAt(0)!;
    return code < 0x100 ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`;
  });
}

const hex = (code: number, width: number) => code.toString(16).toUpperCase().padStart(width, '0');

/** Code-unit order: the same on every machine, whatever its locale (never `localeCompare`). */
export const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Human-readable report, one line per diagnostic, plus a count summary (like vfile-reporter). Every
 * message passes through `printable`: whatever a rule quotes, the terminal only ever gets text.
 */
export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string {
  const lines: string[] = [];
  const sorted = [...diagnostics].sort(
    (a, b) => byCodeUnit(a.place?.file ?? '', b.place?.file ?? '') || (a.place?.line ?? 0) - (b.place?.line ?? 0),
  );
  for (const d of sorted) {
    const where = printable(formatPlace(d.place));
    const label = d.acknowledged ? '已确认' : SEVERITY_LABEL[d.severity];
    lines.push(`${where ? where + ': ' : ''}${label} [${d.ruleId}] ${printable(d.message)}`);
    for (const r of d.related ?? []) lines.push(`    ${printable(formatPlace(r.place))}: ${printable(r.message)}`);
    if (d.acknowledged) lines.push(`    确认理由：${printable(d.acknowledged)}`);
  }
  const count = (s: Severity) => diagnostics.filter((d) => d.severity === s && !d.acknowledged).length;
  const acknowledged = diagnostics.filter((d) => d.acknowledged).length;
  const parts = [`${count('error')} 个错误`, `${count('warning')} 个警告`];
  if (acknowledged) parts.push(`${acknowledged} 个已确认的警告`);
  if (count('info')) parts.push(`${count('info')} 个提示`);
  lines.push(parts.join('，'));
  return lines.join('\n');
}
