/**
 * The names of the files a year file publishes, computed in one place: the model names its documents
 * with them, the build names the workbook with them, and the output-file-name rule checks them when
 * the year file is checked — so a name that cannot be written is refused with its line before anything
 * is rendered, never halfway through a publish.
 */
import { safeFileName } from '../file-names.ts';
import type { YamlPath } from '../load/source-map.ts';
import type { YearCalc } from './types.ts';

export interface PublishedName {
  /** The name on disk (safe on every system; see file-names.ts). */
  name: string;
  /** The name as the year file's text gives it, before it was made safe. */
  text: string;
  /** What the file is, in Chinese, for messages. */
  what: string;
  /** Where in the year file the name comes from, and the text there (the department, a title). */
  path: YamlPath;
  source: string;
}

export interface OutputNames {
  /** The 部门决算 PDF (a disclosure only). */
  disclosure?: PublishedName;
  /** One PDF per stand-alone report, in the order of `reports`. */
  reports: PublishedName[];
  /** The 公开表 workbook (a disclosure only). */
  workbook?: PublishedName;
  /** The web edition of each PDF (the same name, .html). */
  web: PublishedName[];
  /** All of them, in the order the build writes them. */
  all: PublishedName[];
}

/** A report title may be split over lines in the year file; the document's title is one line. */
export const reportTitle = (title: string) =>
  title
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('');

export function outputNames(calc: Pick<YearCalc, 'kind' | 'department' | 'year' | 'reports'>): OutputNames {
  const named = (text: string, what: string, path: YamlPath, source: string): PublishedName => ({
    name: safeFileName(text),
    text,
    what,
    path,
    source,
  });
  const dept = calc.department;
  const disclosure =
    calc.kind === 'disclosure' ? named(`${dept}${calc.year}年度部门决算.pdf`, '部门决算（PDF）', ['department'], dept) : undefined;
  const reports =
    calc.kind === 'partial'
      ? []
      : calc.reports.map((r, i) =>
          named(`${reportTitle(r.title)}.pdf`, `第 ${i + 1} 份报告（PDF）`, [...r.path, 'title'], reportTitle(r.title)),
        );
  const workbook =
    calc.kind === 'disclosure' ? named(`${dept}${calc.year}年度部门决算公开表.xlsx`, '公开表（工作簿）', ['department'], dept) : undefined;
  const web = [...(disclosure ? [disclosure] : []), ...reports].map((pdf) => ({
    ...named(`${pdf.text.replace(/\.pdf$/, '')}.html`, pdf.what.replace('（PDF）', '（网页版）'), pdf.path, pdf.source),
  }));
  return {
    ...(disclosure ? { disclosure } : {}),
    reports,
    ...(workbook ? { workbook } : {}),
    web,
    all: [...(disclosure ? [disclosure] : []), ...reports, ...(workbook ? [workbook] : []), ...web],
  };
}
