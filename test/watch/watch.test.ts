/**
 * `build --watch` as a user runs it: the command line in an office folder (the small base year in
 * data/, the office's own template folder), left running while the year file and a template are edited.
 * The test waits for the watcher's own line after each save (never a guessed sleep), then checks what
 * was published: the same bytes as a cold build of the same files (the command line run afresh in the
 * office folder, in this test's process: test/helpers/in-folder.ts); nothing touched after an error;
 * the template's new wording in the PDF. Ctrl-C leaves no lock and no staging behind.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { files } from '../batch/office.ts';
import { runInFolder } from '../helpers/in-folder.ts';
import { readPdf, squash } from '../pdf/pdf-text.ts';
import { warmUp } from '../robustness/cli-run.ts';

const RUN = fileURLToPath(new URL('../../src/run.mjs', import.meta.url));
const WAIT_MS = 120_000;
const PDF = '江西省示例协会2024年度部门决算.pdf';
const XLSX = '江西省示例协会2024年度部门决算公开表.xlsx';

/** A long-running CLI whose stderr lines the test waits for. */
class Watcher {
  readonly child: ChildProcessWithoutNullStreams;
  stderr = '';
  private seen = 0;
  private waiters: (() => void)[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(args: string[], cwd: string) {
    this.child = spawn(process.execPath, [RUN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    this.child.stderr.setEncoding('utf8');
    this.child.stdout.resume();
    this.child.stderr.on('data', (d: string) => {
      this.stderr += d;
      for (const w of this.waiters.splice(0)) w();
    });
    this.exited = new Promise((resolve) => this.child.on('close', (code, signal) => resolve({ code, signal })));
  }

  /** The next line (after those already waited for) matching `pattern`. */
  async next(pattern: RegExp): Promise<string> {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const rest = this.stderr.slice(this.seen);
      const m = new RegExp(`^.*(?:${pattern.source}).*$`, 'm').exec(rest);
      if (m) {
        this.seen += m.index + m[0].length;
        return m[0];
      }
      if (Date.now() > deadline || this.child.exitCode !== null)
        throw new Error(`no line /${pattern.source}/ on stderr; so far:\n${this.stderr}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}

describe('build --watch', () => {
  let root: string;
  let w: Watcher;
  const out = () => join(root, 'output', '2024');
  const yearFile = () => join(root, 'data', '2024.yaml');
  const edit = (from: string, to: string, file = yearFile()) => {
    const text = readFileSync(file, 'utf8');
    if (!text.includes(from)) throw new Error(`“${from}” not in ${file}`);
    writeFileSync(file, text.replace(from, to));
  };
  /** The published bytes of PDF, workbook and report.json equal those of a cold build of the same files. */
  const sameAsColdBuild = async (name: string) => {
    const cold = await runInFolder(root, ['build', 'data/2024.yaml', '--out', name]);
    expect(cold.code, cold.stderr).toBe(0);
    for (const f of [PDF, XLSX, 'report.json'])
      expect(readFileSync(join(out(), f)).equals(readFileSync(join(root, name, '2024', f))), f).toBe(true);
  };

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'juesuan-watch-'));
    mkdirSync(join(root, 'data'));
    for (const y of ['2023', '2024']) cpSync(new URL(`../fixtures/base/${y}.yaml`, import.meta.url), join(root, 'data', `${y}.yaml`));
    mkdirSync(join(root, '本单位模板'));
    writeFileSync(join(root, 'juesuan.config.json'), JSON.stringify({ templates: '本单位模板' }));
    cpSync('templates/overview.hbs', join(root, '本单位模板', 'overview.hbs'));
    await warmUp(root);
    w = new Watcher(['build', '2024', '--watch'], root);
    await w.next(/^首次生成 → 已发布第 1 版/);
    await w.next(/^正在监视 data\/2024\.yaml、data\/2023\.yaml 和模板（.*本单位模板\/），保存后自动校验并重新发布；按 Ctrl-C 结束。/);
  }, 180_000);

  afterAll(async () => {
    if (w && w.child.exitCode === null) {
      w.child.kill('SIGKILL');
      await w.exited;
    }
    rmSync(root, { recursive: true, force: true });
  });

  it('republishes a one-figure correction, re-rendering only what it changed, as a cold build would', async () => {
    edit('goods: { total: 30.00, sme: 20.00 }', 'goods: { total: 31.00, sme: 20.00 }');
    const line = await w.next(/^年度文件已保存 → /);
    // 货物采购 appears in the narrative only: the workbook is not rendered again.
    expect(line).toMatch(
      /^年度文件已保存 → 已发布第 2 版（\d+\.\d\d 秒：读取 \d+ ms，计算 \d+ ms，校验 \d+ ms，模型 \d+ ms，生成 \d+ ms，写入 \d+ ms；重新生成 江西省示例协会2024年度部门决算\.pdf、更正说明\.pdf，沿用未变的 工作簿）$/,
    );
    expect(readFileSync(join(out(), 'changes.md'), 'utf8')).toMatch(/31\.00/);
    expect(JSON.parse(readFileSync(join(out(), 'manifest.json'), 'utf8')).version).toBe(2);
    await sameAsColdBuild('cold-correction');
  }, 180_000);

  it('renders the workbook again when a figure of the tables changed', async () => {
    edit('actual: 3.20, fleet: 2', 'actual: 3.10, fleet: 2');
    expect(await w.next(/^年度文件已保存 → /)).toMatch(
      /^年度文件已保存 → 已发布第 3 版（.*；重新生成 江西省示例协会2024年度部门决算\.pdf、更正说明\.pdf、工作簿）$/,
    );
    await sameAsColdBuild('cold-tables');
  }, 180_000);

  it('prints an error as check does and leaves the publication as it was', async () => {
    const before = files(out());
    edit('goods: { total: 31.00, sme: 20.00 }', 'goods: { total: 31.00, sme: 40.00 }');
    const line = await w.next(/^年度文件已保存 → /);
    expect(line).toBe('年度文件已保存 → 有错误，未发布；已发布的文件保持不变。继续监视中……');
    const lineNo =
      readFileSync(yearFile(), 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('goods:')) + 1;
    expect(w.stderr).toContain(
      `data/2024.yaml:${lineNo}: 错误 [procurement-structure] 货物采购授予中小企业合同金额 40.00 大于货物采购支出 31.00`,
    );
    expect(files(out())).toEqual(before);

    // Undone: the same outputs as the version published, nothing written.
    edit('goods: { total: 31.00, sme: 40.00 }', 'goods: { total: 31.00, sme: 20.00 }');
    expect(await w.next(/^年度文件已保存 → /)).toMatch(
      /^年度文件已保存 → 与已发布的第 3 版相同，未写入（.*沿用未变的 江西省示例协会2024年度部门决算\.pdf、工作簿）$/,
    );
    expect(files(out())).toEqual(before);
  }, 180_000);

  it('republishes when the office edits its template', async () => {
    edit('纳入本套部门决算汇编范围的单位共', '纳入本套决算汇编的单位共', join(root, '本单位模板', 'overview.hbs'));
    expect(await w.next(/^模板已修改 → /)).toMatch(
      /^模板已修改 → 已发布第 4 版（.*重新生成 江西省示例协会2024年度部门决算\.pdf、更正说明\.pdf，沿用未变的 工作簿）$/,
    );
    const { pages } = await readPdf(readFileSync(join(out(), PDF)));
    expect(squash(pages.map((p) => p.text).join(''))).toContain(squash('纳入本套决算汇编的单位共1个'));
    await sameAsColdBuild('cold-template');
  }, 180_000);

  it('stops cleanly on Ctrl-C: exit 0, no lock, no staging left', async () => {
    w.child.kill('SIGINT');
    const { code } = await w.exited;
    expect(code, w.stderr).toBe(0);
    expect(w.stderr).toMatch(/已停止监视。\n$/);
    expect(readdirSync(out()).filter((n) => n.startsWith('.'))).toEqual([]);
    expect(existsSync(join(out(), 'history', '003', PDF))).toBe(true);
  }, 60_000);
});
