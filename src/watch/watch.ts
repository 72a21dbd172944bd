/**
 * `build --watch`: one warm process that republishes a year file on every save. It watches the year
 * file, last year's file next to it, the built-in templates, the office's template folder and
 * juesuan.config.json; a save (editors write in several steps: a short debounce gathers them) runs the
 * same build as `build` (src/build.ts buildYear) — check, model, render, publish — so what it publishes
 * is exactly what a cold build of the same files publishes, versions and changes.md included. An error
 * is printed as `check` prints it and publishes nothing: the last good publication stays.
 *
 * What it skips, honestly: an output whose model did not change is not rendered again — its bytes are
 * those of the last render of the same model, which a cold build reproduces by determinism. A PDF is a
 * function of its DocumentModel and the fonts (juesuan.config.json); the workbook of its TableSpecs and
 * metadata. So a correction in the narrative alone re-renders the document, not the workbook. (Reusing
 * single pages is not possible: pdfkit numbers the glyphs of its font subsets in order of first use,
 * so a change on one page changes the bytes of every later one.)
 *
 * Ctrl-C: the publish is synchronous, so a signal is handled between publishes, never inside one; the
 * lock is held only inside it. Stopping abandons a render in progress, which has written nothing yet.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { buildYear, type BuildResult, type BuildTimings } from '../build.ts';
import { UserError } from '../commands/command.ts';
import { CONFIG_FILE, readConfig } from '../config.ts';
import type { DocumentModel } from '../model/document.ts';
import { clearTemplateCache, type TemplateError } from '../model/narrative.ts';
import type { TableSpec } from '../model/table-spec.ts';
import { TEMPLATE_DIR } from '../paths.ts';
import { yearFilePath } from '../pipeline.ts';
import type { WorkbookMeta } from '../render/xlsx/index.ts';
import { PublishError, shown } from '../write/disk.ts';

export type Trigger = 'start' | 'data' | 'template' | 'config';

/** One rebuild, for the terminal, the tests and the measurements. */
export interface WatchBuild {
  trigger: Trigger;
  ok: boolean;
  status?: BuildResult['status'];
  version?: number;
  /** Outputs rendered again, and outputs whose previous bytes were kept (model unchanged). */
  rendered: string[];
  reused: string[];
  timings?: BuildTimings;
  /** From the first file event of this rebuild (≈ the save) to the end of the publish, in ms. */
  sinceSave?: number;
  /** The message when the build stopped on a problem outside the data (file open, template …). */
  problem?: string;
}

export interface WatchOptions {
  outputRoot?: string;
  /** Where the watcher talks (stderr for the CLI). */
  log: (line: string) => void;
  /** Quiet time after the last file event before rebuilding (editors save in several steps). */
  debounceMs?: number;
  onBuild?: (build: WatchBuild) => void;
}

export interface Watching {
  /** Stops watching; resolves once a rebuild in progress has settled. */
  stop(): Promise<void>;
}

const DEBOUNCE_MS = 30;

/** Renders an output again only when its model changed; keeps the last bytes per output. */
class OutputCache {
  private readonly pdfs = new Map<string, { key: string; bytes: Buffer }>();
  private workbookEntry: { key: string; bytes: Buffer } | undefined;
  rendered: string[] = [];
  reused: string[] = [];

  /** Fonts (juesuan.config.json) are part of what a PDF depends on besides its model. */
  private fonts(): string {
    try {
      return JSON.stringify(readConfig().fonts ?? null);
    } catch {
      return 'unreadable';
    }
  }

  async pdf(doc: DocumentModel): Promise<Buffer> {
    const key = `${this.fonts()}\n${JSON.stringify(doc)}`;
    const hit = this.pdfs.get(doc.fileName);
    if (hit?.key === key) {
      this.reused.push(doc.fileName);
      return hit.bytes;
    }
    const { renderPdf } = await import('../render/pdf/index.ts');
    const bytes = await renderPdf(doc);
    this.pdfs.set(doc.fileName, { key, bytes });
    this.rendered.push(doc.fileName);
    return bytes;
  }

  async workbook(tables: TableSpec[], meta: WorkbookMeta): Promise<Buffer> {
    const key = `${this.fonts()}\n${JSON.stringify({ tables, meta })}`;
    if (this.workbookEntry?.key === key) {
      this.reused.push('工作簿');
      return this.workbookEntry.bytes;
    }
    // In this thread: the fonts' metrics stay loaded between saves (a worker thread would load them every time).
    const { renderWorkbook } = await import('../render/xlsx/index.ts');
    const bytes = await renderWorkbook(tables, meta);
    this.workbookEntry = { key, bytes };
    this.rendered.push('工作簿');
    return bytes;
  }

  clear(): void {
    this.pdfs.clear();
    this.workbookEntry = undefined;
  }

  startBuild(): void {
    this.rendered = [];
    this.reused = [];
  }
}

const isOfficeTemplateError = (err: unknown) => err instanceof Error && err.name === 'TemplateError' && (err as TemplateError).overridden;
const hash = (path: string) => {
  try {
    return createHash('sha256').update(readFileSync(path)).digest('hex');
  } catch {
    return 'missing';
  }
};

export async function watchYear(arg: string, options: WatchOptions): Promise<Watching> {
  const { log } = options;
  const path = yearFilePath(arg);
  const folder = dirname(path);
  const debounceMs = options.debounceMs ?? DEBOUNCE_MS;
  const cache = new OutputCache();
  /** The year the file's name states, else the year of the last file that could be read. */
  let year = /^(\d{4})\.yaml$/.exec(basename(path)) ? Number(basename(path).slice(0, 4)) : undefined;
  const priorPath = () => (year !== undefined ? join(folder, `${year - 1}.yaml`) : undefined);
  /** What the last build read, so that an event that changed nothing (a touch, a save without edits) is ignored. */
  let lastInputs = '';
  const inputs = () => `${hash(path)}|${priorPath() ? hash(priorPath()!) : ''}`;

  let stopped = false;
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let pending: { triggers: Set<Trigger>; since: number } | undefined;

  async function rebuild(triggers: Set<Trigger>, since: number): Promise<void> {
    const trigger: Trigger = triggers.has('config')
      ? 'config'
      : triggers.has('template')
        ? 'template'
        : triggers.has('start')
          ? 'start'
          : 'data';
    if (trigger === 'data' && inputs() === lastInputs) return;
    if (trigger === 'template' || trigger === 'config') clearTemplateCache();
    if (trigger === 'config') {
      cache.clear();
      watchOverrides();
    }
    lastInputs = inputs();
    cache.startBuild();
    const report: WatchBuild = { trigger, ok: false, rendered: [], reused: [] };
    try {
      const result = await buildYear(path, {
        ...(options.outputRoot ? { outputRoot: options.outputRoot } : {}),
        log,
        renderers: { pdf: (doc) => cache.pdf(doc), workbook: (tables, meta) => cache.workbook(tables, meta) },
      });
      if (result.year !== undefined) year = result.year;
      Object.assign(report, {
        ok: result.ok,
        ...(result.status ? { status: result.status } : {}),
        ...(result.version !== undefined ? { version: result.version } : {}),
        timings: result.timings,
      });
    } catch (err) {
      const user = err instanceof UserError || err instanceof PublishError || isOfficeTemplateError(err);
      report.problem = user
        ? (err as Error).message
        : `内部错误：${(err as Error)?.message ?? String(err)}\n这不是您的数据问题，请把以上信息报告给开发者。`;
      log(report.problem);
    }
    // The documents first, then the workbook (the workbook starts first, so it may finish first).
    const order = (names: string[]) => [...names.filter((n) => n !== '工作簿'), ...names.filter((n) => n === '工作簿')];
    report.rendered = order(cache.rendered);
    report.reused = order(cache.reused);
    report.sinceSave = performance.now() - since;
    log(summaryLine(report));
    options.onBuild?.(report);
  }

  function schedule(trigger: Trigger): void {
    if (stopped) return;
    if (!pending) pending = { triggers: new Set(), since: performance.now() };
    pending.triggers.add(trigger);
    if (timer) clearTimeout(timer);
    timer = setTimeout(fire, debounceMs);
  }

  function fire(): void {
    timer = undefined;
    if (stopped || !pending) return;
    if (running) return; // picked up when the build in progress ends
    const { triggers, since } = pending;
    pending = undefined;
    running = rebuild(triggers, since).finally(() => {
      running = undefined;
      if (pending && !stopped && !timer) fire();
    });
  }

  // ─── The watchers ────────────────────────────────────────────────────────────────────────────────
  const watchers: FSWatcher[] = [];
  let overrideWatcher: FSWatcher | undefined;
  const add = (dir: string, recursive: boolean, onName: (name: string) => void): FSWatcher | undefined => {
    try {
      const w = watch(dir, { recursive, persistent: true }, (_event, name) => onName(name ? String(name) : ''));
      w.on('error', () => undefined);
      return w;
    } catch {
      return undefined;
    }
  };
  // The folder, not the files: editors save by writing a new file and renaming it over the old one.
  const dataWatcher = add(folder, false, (name) => {
    const prior = priorPath();
    if (!name || name === basename(path) || (prior && name === basename(prior)) || (year === undefined && name.endsWith('.yaml')))
      schedule('data');
  });
  if (dataWatcher) watchers.push(dataWatcher);
  const builtIn = add(TEMPLATE_DIR, true, (name) => {
    if (!name || name.endsWith('.hbs')) schedule('template');
  });
  if (builtIn) watchers.push(builtIn);
  const configWatcher = add(process.cwd(), false, (name) => {
    if (!name || name === CONFIG_FILE) schedule('config');
  });
  if (configWatcher) watchers.push(configWatcher);
  function watchOverrides(): void {
    overrideWatcher?.close();
    overrideWatcher = undefined;
    let dir: string | undefined;
    try {
      dir = readConfig().templates;
    } catch {
      dir = undefined;
    }
    if (dir && existsSync(dir) && resolve(dir) !== resolve(TEMPLATE_DIR)) {
      overrideWatcher = add(dir, true, (name) => {
        if (!name || name.endsWith('.hbs')) schedule('template');
      });
    }
  }
  watchOverrides();

  // The first build, then the watchers take over.
  running = rebuild(new Set(['start']), performance.now()).finally(() => {
    running = undefined;
    if (pending && !stopped && !timer) fire();
  });
  await running;
  const watched = [path, ...(priorPath() && existsSync(priorPath()!) ? [priorPath()!] : [])].map(shown).join('、');
  let overrides = '';
  try {
    const dir = readConfig().templates;
    if (dir && existsSync(dir)) overrides = `、${shown(dir)}/`;
  } catch {
    // an unreadable config is reported by the build
  }
  log(`正在监视 ${watched} 和模板（${shown(TEMPLATE_DIR)}/${overrides}），保存后自动校验并重新发布；按 Ctrl-C 结束。`);

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      for (const w of watchers) w.close();
      overrideWatcher?.close();
      await running?.catch(() => undefined);
    },
  };
}

const TRIGGER_TEXT: Record<Trigger, string> = {
  start: '首次生成',
  data: '年度文件已保存',
  template: '模板已修改',
  config: `${CONFIG_FILE} 已修改`,
};

/** `年度文件已保存 → 已发布第 3 版（0.42 秒：读取 12 ms，…；重新生成 PDF，沿用 工作簿）` */
export function summaryLine(b: WatchBuild): string {
  const t = b.timings;
  const stages = t
    ? `读取 ${ms(t.load)}，计算 ${ms(t.calc)}，校验 ${ms(t.check)}，模型 ${ms(t.model)}，生成 ${ms(t.render)}，写入 ${ms(t.publish)}`
    : '';
  const seconds = b.sinceSave !== undefined ? `${(b.sinceSave / 1000).toFixed(2)} 秒` : '';
  const parts = [seconds, stages].filter(Boolean).join('：');
  // One time for the rendering: the workbook and the PDFs interleave in this thread, so per-output
  // times would overlap.
  const renders = [b.rendered.length ? `重新生成 ${b.rendered.join('、')}` : '', b.reused.length ? `沿用未变的 ${b.reused.join('、')}` : '']
    .filter(Boolean)
    .join('，');
  const head = `${TRIGGER_TEXT[b.trigger]} → `;
  if (!b.ok) return `${head}${b.problem ? '未发布' : '有错误，未发布'}；已发布的文件保持不变。继续监视中……`;
  const what =
    b.status === 'unchanged'
      ? `与已发布的第 ${b.version} 版相同，未写入`
      : b.status === 'repaired'
        ? `第 ${b.version} 版（已修复受损文件）`
        : `已发布第 ${b.version} 版`;
  return `${head}${what}（${parts}${renders ? `；${renders}` : ''}）`;
}

const ms = (v: number) => `${Math.round(v)} ms`;
