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

/** Human-readable report, one line per diagnostic, plus a count summary (like vfile-reporter). */
export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string {
  const lines: string[] = [];
  const sorted = [...diagnostics].sort(
    (a, b) =>
      (a.place?.file ?? '').localeCompare(b.place?.file ?? '') || (a.place?.line ?? 0) - (b.place?.line ?? 0),
  );
  for (const d of sorted) {
    const where = formatPlace(d.place);
    const label = d.acknowledged ? '已确认' : SEVERITY_LABEL[d.severity];
    lines.push(`${where ? where + ': ' : ''}${label} [${d.ruleId}] ${d.message}`);
    for (const r of d.related ?? []) lines.push(`    ${formatPlace(r.place)}: ${r.message}`);
    if (d.acknowledged) lines.push(`    确认理由：${d.acknowledged}`);
  }
  const count = (s: Severity) => diagnostics.filter((d) => d.severity === s && !d.acknowledged).length;
  const acknowledged = diagnostics.filter((d) => d.acknowledged).length;
  const parts = [`${count('error')} 个错误`, `${count('warning')} 个警告`];
  if (acknowledged) parts.push(`${acknowledged} 个已确认的警告`);
  if (count('info')) parts.push(`${count('info')} 个提示`);
  lines.push(parts.join('，'));
  return lines.join('\n');
}
