/**
 * changes.md: the correction report a finance officer reads (and files with the corrected publication).
 * Always the same four sections in the same order, each saying 无 when empty, so two reports can be
 * compared by eye and a missing section never looks like a forgotten one.
 */
import type { Correction, FileChange } from './correction.ts';
import { textKindName } from './documents.ts';
import { figure, signed } from './numbers.ts';
import { figureChanges } from './sentences.ts';

export interface VersionInfo {
  version: number;
  previousVersion: number;
  /** Where the previous version now lives, relative to the year's output folder (history/001). */
  archive: string;
  /** What the publish found besides the changes (a version number without an archive, a damaged version). */
  notes?: string[];
  /** The previous version no longer matched its manifest when it was archived (see damaged.md there). */
  damaged?: boolean;
}

const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const FILE_CHANGE: Record<FileChange['change'], string> = {
  changed: '已变化',
  added: '新增',
  removed: '已删除',
  unchanged: '未变化',
  unknown: '上一版无可读的 manifest.json，无法比较',
};
const short = (sha: string | undefined) => (sha ? sha.slice(0, 12) : '—');

function groupBy<T>(items: T[], key: (t: T) => string): [string, T[]][] {
  const m = new Map<string, T[]>();
  for (const i of items) m.set(key(i), [...(m.get(key(i)) ?? []), i]);
  return [...m];
}

export function formatChanges(c: Correction, v: VersionInfo): string {
  const out: string[] = [];
  const line = (s = '') => out.push(s);
  line(`# ${c.department}${c.year}年度部门决算 更正说明`);
  line();
  const where = v.damaged ? `存档时已损坏，按现状存入 ${v.archive}/，详见其中的 damaged.md` : `已原样存入 ${v.archive}/`;
  line(`本次为第 ${v.version} 版，与第 ${v.previousVersion} 版（${where}）相比。金额单位：万元；差额 = 新数 − 原数，空白按 0 计。`);
  for (const note of v.notes ?? []) {
    line();
    line(`注意：${note}`);
  }
  const modelChanged = c.cells.length + c.rows.length + c.tables.length + c.tableText.length + c.text.length > 0;
  if (!c.previousModel) {
    line();
    line('注意：上一版没有可读取的 report.json，无法逐项比较表格数字和文字说明，以下只列出文件的变化。');
  } else if (!modelChanged) {
    line();
    line('表格数字和文字说明均没有变化（只有下列文件有变化）。');
  }

  line();
  line(`## 一、表格数字（${c.cells.length} 处）`);
  if (!c.cells.length) {
    line();
    line('无。');
  }
  for (const [table, cells] of groupBy(c.cells, (x) => x.table.name)) {
    line();
    line(`### ${table}`);
    line();
    line('| 行 | 栏目 | 原数 | 新数 | 差额 |');
    line('| --- | --- | ---: | ---: | ---: |');
    for (const x of cells)
      line(
        `| ${esc(x.rowName)} | ${esc(x.columnLabel)} | ${figure(x.old, x.kind)} | ${figure(x.new, x.kind)} | ${signed(x.difference, x.kind)} |`,
      );
  }

  line();
  const structural = c.tables.length + c.rows.length + c.tableText.length;
  line(`## 二、表格的增删行与表内文字（${structural} 处）`);
  line();
  if (!structural) line('无。');
  for (const t of c.tables) line(`- ${t.change === 'added' ? '新增表' : '删除表'}：${t.table.name}`);
  for (const r of c.rows) {
    if (r.change === 'renamed') {
      line(`- ${r.table.name}：行名称由“${r.oldName}”改为“${r.rowName}”`);
      continue;
    }
    const values = r.cells
      .filter((x) => x.value !== null)
      .map((x) => `${x.columnLabel} ${figure(x.value, x.kind)}`)
      .join('，');
    line(`- ${r.table.name}：${r.change === 'added' ? '新增行' : '删除行'} ${r.rowName}${values ? `（${values}）` : ''}`);
  }
  for (const t of c.tableText) {
    if (t.old !== undefined && t.new !== undefined) line(`- ${t.table.name} ${t.label}：原“${t.old}”，新“${t.new}”`);
    else line(`- ${t.table.name} ${t.label}：${t.new !== undefined ? `新增“${t.new}”` : `删除“${t.old}”`}`);
  }

  line();
  line(`## 三、文字说明（${c.text.length} 处）`);
  if (!c.text.length) {
    line();
    line('无。');
  }
  const documents = new Set(c.text.map((t) => t.document));
  for (const t of c.text) {
    line();
    const where = [documents.size > 1 ? t.document : '', t.location].filter(Boolean).join(' › ');
    const what =
      t.change === 'added' ? `新增${textKindName(t.kind)}` : t.change === 'removed' ? `删除${textKindName(t.kind)}` : textKindName(t.kind);
    line(`### ${where || what}${where ? `（${what}）` : ''}`);
    line();
    if (!t.sentences.length) line(`- ${t.change === 'added' ? '新增' : '删除'}：${t.location}`);
    for (const s of t.sentences) {
      if (s.old !== undefined) line(`- 原：${s.old}`);
      if (s.new !== undefined) line(`- 新：${s.new}`);
      if (s.old !== undefined && s.new !== undefined) {
        const figures = figureChanges(s.old, s.new);
        if (figures?.length) line(`- 数字：${figures.map(([a, b]) => `${a} → ${b}`).join('；')}`);
      }
    }
  }

  line();
  line('## 四、文件');
  line();
  line('| 文件 | 类别 | 变化 | 原 sha256 | 新 sha256 |');
  line('| --- | --- | --- | --- | --- |');
  for (const f of c.files)
    line(`| ${esc(f.file)} | ${f.role === 'input' ? '输入' : '输出'} | ${FILE_CHANGE[f.change]} | ${short(f.old)} | ${short(f.new)} |`);
  return out.join('\n') + '\n';
}
