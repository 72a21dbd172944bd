/**
 * The web edition: a DocumentModel as one self-contained HTML page (no script, no external file, no font
 * download) for a department's 政府信息公开 portal — readable on a phone, printable on A4, accessible.
 *
 * The markup lives in Handlebars templates (templates/html/*.hbs, overridable like the narrative's through
 * juesuan.config.json "templates"); this code only prepares the view object (view.ts). The engine is a
 * Handlebars instance of its own with HTML escaping on: every text from the model is escaped. The one
 * value inserted raw is a chart's SVG, drawn by ECharts with its labels escaped (chart-svg.ts).
 *
 * Same model → same bytes: no clock, no counters, no locale-dependent formatting.
 */
import Handlebars from 'handlebars';
import type { Block, ChartData, DocumentModel } from '../../model/document.ts';
import type { ReportModel } from '../../model/report.ts';
import { precompiled } from '../../model/precompiled-templates.ts';
import { readTemplate, type TemplateFile } from '../../template-files.ts';
import { pageView } from './view.ts';

const PARTIALS = ['style.css', 'cover.hbs', 'toc.hbs', 'block.hbs', 'table.hbs', 'chart.hbs'] as const;

/** Compiled templates, kept while the files read are the same (an office may override any of them). */
let compiled: { key: string; page: HandlebarsTemplateDelegate } | undefined;

/** Strict (a misspelt field is an error), escaping on, partials not re-indented. */
export const COMPILE_OPTIONS: CompileOptions = { strict: true, preventIndent: true };

function template(root: string): HandlebarsTemplateDelegate {
  const files = [readTemplate('html/page.hbs', root), ...PARTIALS.map((name) => readTemplate(`html/${name}`, root))];
  const key = files.map((f) => `${f.path}\u0000${f.text}`).join('\u0001');
  if (compiled?.key === key) return compiled.page;
  const hb = Handlebars.create();
  // Each file compiled with the page's options — when the bundle was made if it is that very text —
  // and the partials registered compiled, as Handlebars would compile them on first use.
  const compile = (f: TemplateFile) => {
    const spec = f.overridden ? undefined : precompiled('html', f.name, f.text, COMPILE_OPTIONS);
    return spec ? hb.template(spec) : hb.compile(f.text, COMPILE_OPTIONS);
  };
  for (const f of files.slice(1)) hb.registerPartial(f.name.replace(/^html\//, '').replace(/\.(hbs|css)$/, ''), compile(f));
  const page = compile(files[0]!);
  compiled = { key, page };
  return page;
}

/** The HTML edition of a document: UTF-8 bytes of one page. `root`: the folder of juesuan.config.json. */
export function renderHtml(doc: DocumentModel, root = process.cwd()): Buffer {
  return Buffer.from(template(root)(pageView(doc)), 'utf8');
}

/** 江西省总工会2024年度部门决算.pdf → 江西省总工会2024年度部门决算.html */
export const htmlFileName = (doc: DocumentModel) => `${doc.fileName.replace(/\.pdf$/i, '')}.html`;

/**
 * The document with its charts in 第三部分 (the part with id part3): at its start in the web edition,
 * where a reader meets them before the text; on a page of their own at its end in the PDF, so the
 * pages of the text keep their layout. A document without that part, or no charts, is returned as is.
 */
export function withCharts(doc: DocumentModel, charts: readonly ChartData[], where: 'start' | 'end'): DocumentModel {
  const part = doc.blocks.findIndex((b) => b.kind === 'part' && b.id === 'part3');
  if (part < 0 || !charts.length) return doc;
  const chartBlocks: Block[] = [{ kind: 'charts', id: 'charts', charts: [...charts] }];
  let at = part + 1;
  if (where === 'end') {
    const next = doc.blocks.findIndex((b, i) => i > part && b.kind === 'part');
    at = next < 0 ? doc.blocks.length : next;
    chartBlocks.unshift({ kind: 'pageBreak' });
  }
  return { ...doc, blocks: [...doc.blocks.slice(0, at), ...chartBlocks, ...doc.blocks.slice(at)] };
}

/**
 * What a build publishes next to a document's PDF: its web edition, with the model's charts in the
 * 部门决算 (a stand-alone report has none).
 */
export function webEdition(model: ReportModel, doc: DocumentModel): { name: string; bytes: Buffer } {
  return { name: htmlFileName(doc), bytes: renderHtml(withCharts(doc, model.charts, 'start')) };
}

/** The document the PDF is made from when juesuan.config.json asks for charts in it. */
export function withPdfCharts(model: ReportModel, doc: DocumentModel): DocumentModel {
  return withCharts(doc, model.charts, 'end');
}
