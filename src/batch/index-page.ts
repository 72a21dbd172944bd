/**
 * The index as a web page (index.html): one self-contained file — no script, no external request — that
 * reads on a phone as well as on a desk. Its table is the summary TableSpec (summary.ts), the same rows
 * as 汇总.xlsx, with links added: a department to its output folder, its result to its messages further
 * down the page, its change to its changes.md. The page comes from templates/summary/index.hbs (or the
 * office's own copy, juesuan.config.json `templates`), with HTML escaping on: every name and message
 * in it comes from the year files.
 */
import Handlebars from 'handlebars';
import { relative, sep } from 'node:path';
import { UserError } from '../commands/command.ts';
import { printable } from '../diagnostics.ts';
import { cellText } from '../model/format.ts';
import type { TableRow, TableSpec } from '../model/table-spec.ts';
import { readTemplate } from '../template-files.ts';
import { shown } from '../write/disk.ts';
import { CHANGES } from '../write/manifest.ts';
import { messageLines, SUMMARY_COLUMNS, type Summary, type SummaryColumn } from './summary.ts';

export const INDEX_PAGE = 'index.html';
export const INDEX_WORKBOOK = '汇总.xlsx';
const TEMPLATE = 'summary/index.hbs';

/** A link from the index folder to a file or folder, each segment percent-encoded (names are Chinese). */
function link(indexDir: string, target: string, trailingSlash = false): string {
  const rel = relative(indexDir, target).split(sep).map(encodeURIComponent).join('/');
  return trailingSlash ? `${rel}/` : rel;
}

export function renderIndexPage(s: Summary, table: TableSpec, indexDir: string): Buffer {
  const col = (c: SummaryColumn) => SUMMARY_COLUMNS.indexOf(c);
  const header = table.header.map((r) =>
    r.cells.flatMap((c) => (c ? [{ text: cellText(c.value), colSpan: c.colSpan ?? 0, rowSpan: c.rowSpan ?? 0 }] : [])),
  );
  const rows = table.body.map((r: TableRow, i) => {
    const summaryRow = s.rows[i];
    const o = summaryRow?.outcome;
    const hrefs = new Map<number, string>();
    if (summaryRow && o) {
      if (o.outputDir && o.version !== undefined) hrefs.set(col('name'), link(indexDir, o.outputDir, true));
      const pdf = o.files.find((f) => f.endsWith('.pdf'));
      if (o.outputDir && pdf && o.version !== undefined) hrefs.set(col('department'), link(indexDir, `${o.outputDir}${sep}${pdf}`));
      if (summaryRow.hasMessages) hrefs.set(col('result'), `#msg-${summaryRow.n}`);
      if (summaryRow.correction && o.outputDir) hrefs.set(col('since'), link(indexDir, `${o.outputDir}${sep}${CHANGES}`));
    }
    return {
      kind: r.kind === 'total' ? 'total' : o && !o.ok ? 'failed' : 'line',
      cells: r.cells.flatMap((c, j) =>
        c ? [{ text: cellText(c.value), align: c.align ?? 'left', colSpan: c.colSpan ?? 0, href: hrefs.get(j) ?? '' }] : [],
      ),
    };
  });
  const published = s.rows.filter((r) => r.outcome.ok);
  const by = (status: string) => published.filter((r) => r.outcome.status === status).length;
  const parts = [`首次发布 ${by('first')} 个`, `更正 ${by('changed')} 个`, `未变化 ${by('unchanged') + by('repaired')} 个`];
  const lead = `共 ${s.rows.length} 个单位：发布成功 ${published.length} 个（${parts.join('，')}），未能发布 ${s.failed} 个。`;
  const context = {
    title: table.title,
    lead,
    failedNames: s.rows.filter((r) => !r.outcome.ok).map((r) => ({ name: printable(r.outcome.name), anchor: `msg-${r.n}` })),
    header,
    rows,
    notes: table.notes,
    workbook: INDEX_WORKBOOK,
    messages: s.rows
      .filter((r) => r.hasMessages)
      .map((r) => ({
        anchor: `msg-${r.n}`,
        title: `${r.n}. ${printable(r.outcome.name)}${r.outcome.department ? `（${printable(r.outcome.department)}）` : ''}`,
        result: `${r.result}；年度文件：${printable(shown(r.outcome.file))}`,
        lines: messageLines(r.outcome),
      })),
  };
  return Buffer.from(compile()(context));
}

let compiled: { path: string; text: string; render: Handlebars.TemplateDelegate } | undefined;

/** The page template, compiled once per text (an edited override is picked up). HTML escaping is on. */
function compile(): Handlebars.TemplateDelegate {
  const t = readTemplate(TEMPLATE);
  if (compiled?.path === t.path && compiled.text === t.text) return compiled.render;
  const engine = Handlebars.create();
  const label = t.overridden ? t.path : `templates/${TEMPLATE}`;
  let render: Handlebars.TemplateDelegate;
  try {
    const strict = engine.compile(t.text, { strict: true });
    render = (context: unknown) => {
      try {
        return strict(context);
      } catch (err) {
        throw templateError(`模板 ${label} 无法生成汇总页：${(err as Error).message}`, t.overridden);
      }
    };
    engine.precompile(t.text);
  } catch (err) {
    throw templateError(`模板 ${label} 有语法错误：${(err as Error).message}`, t.overridden);
  }
  compiled = { path: t.path, text: t.text, render };
  return render;
}

/** The office's own template is the office's to fix (exit 1); a broken built-in one is a bug. */
const templateError = (message: string, overridden: boolean) => (overridden ? new UserError(message) : new Error(message));
