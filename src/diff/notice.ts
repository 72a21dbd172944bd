/**
 * The 更正说明 a clerk posts next to a corrected publication, in the style of an official notice:
 * 「关于《江西省总工会2024年度部门决算》的更正说明」, then what was corrected and where — each table
 * figure with its table, row and column, old and new; each sentence with its part, heading and
 * paragraph, old and new, the characters that changed marked — the version numbers, and the
 * department and date at the foot. It is a DocumentModel, so the web edition's renderer and the PDF
 * renderer lay it out like any other document. Dates come from the models, never from the clock.
 */
import { diffArrays } from 'diff';
import { chineseNumber, parenNumber } from '../model/format-labels.ts';
import type { Block, DocumentModel, TextRun } from '../model/document.ts';
import type { ReportData } from '../model/report.ts';
import { headerRows, row, text, type TableSpec } from '../model/table-spec.ts';
import type { Correction } from './correction.ts';
import { textKindName, type TextChange } from './documents.ts';
import type { VersionInfo } from './format-changes.ts';
import { figure, signed } from './numbers.ts';

export { NOTICE_NAME } from '../file-names.ts';
import { NOTICE_NAME } from '../file-names.ts';

export interface NoticeInfo extends VersionInfo {
  /** The corrected publication's title (its main document), e.g. 江西省总工会2024年度部门决算. */
  title: string;
  department: string;
  /** The corrected version's date (YYYY-MM-DD), from its model. */
  date: string;
  /** The previous version's date, when its report.json could be read. */
  previousDate?: string;
}

/** What a notice needs from the two models besides the correction itself. */
export function noticeInfo(previous: ReportData | undefined, next: ReportData, v: VersionInfo): NoticeInfo {
  const doc = next.documents[0];
  const before = previous?.documents[0];
  return {
    ...v,
    title: doc?.title ?? `${next.department}${next.year}年度部门决算`,
    department: next.department,
    date: doc?.date ?? `${next.year + 1}-09-30`,
    ...(before ? { previousDate: before.date } : {}),
  };
}

/** 2025-09-30 → 2025年9月30日 */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/** Figures (with separators, decimals, a percent sign) are one token; every other character is one. */
function tokens(s: string): string[] {
  return s.match(/-?\d[\d,]*(?:\.\d+)?%?|[\s\S]/gu) ?? [];
}

/**
 * The two texts as runs, the changed parts marked: what the old text loses (removed) and what the new
 * one gains (added). A changed figure is marked whole (12653.82 → 12655.82), never digit by digit.
 */
export function markChanges(oldText: string, newText: string): { old: TextRun[]; new: TextRun[] } {
  const old: TextRun[] = [];
  const now: TextRun[] = [];
  const push = (runs: TextRun[], value: string, mark?: TextRun['mark']) => {
    const last = runs.at(-1);
    if (last && last.mark === mark) last.text += value;
    else runs.push(mark ? { text: value, mark } : { text: value });
  };
  for (const part of diffArrays(tokens(oldText), tokens(newText))) {
    const value = part.value.join('');
    if (part.removed) push(old, value, 'removed');
    else if (part.added) push(now, value, 'added');
    else {
      push(old, value);
      push(now, value);
    }
  }
  return { old, new: now };
}

/** “第三部分 …”“一、收入决算情况说明”第1段: a place in the document as a reader finds it. */
function place(t: TextChange, documents: number): string {
  const parts = t.location.split(' › ').filter(Boolean);
  const doc = documents > 1 ? `《${t.document}》` : '';
  if (t.kind === 'form') return `${doc}${parts.join('')}`;
  if (t.kind === 'document') return `${doc}文档的${t.location}`;
  if (!parts.length) return `${doc}${textKindName(t.kind)}`;
  const [first, ...rest] = parts;
  const last = rest.at(-1);
  const paragraph = last && /^第\d+段$/.test(last) ? rest.pop() : undefined;
  return `${doc}${first}${rest.map((h) => `“${h}”`).join('')}${paragraph ?? (t.kind === 'paragraph' ? '' : `的${textKindName(t.kind)}`)}`;
}

export function correctionNotice(c: Correction, info: NoticeInfo): DocumentModel {
  const blocks: Block[] = [];
  let n = 0;
  const id = () => `notice.${++n}`;
  const paragraph = (t: string, extra: Partial<Extract<Block, { kind: 'paragraph' }>> = {}) =>
    blocks.push({ kind: 'paragraph', id: id(), text: t, ...extra });
  const marked = (label: string, runs: TextRun[]) => {
    const all: TextRun[] = [{ text: `${label}“` }, ...runs, { text: '”' }];
    paragraph(all.map((r) => r.text).join(''), { runs: all });
  };
  let section = 0;
  const heading = (t: string) => blocks.push({ kind: 'heading', id: id(), level: 1, text: `${chineseNumber(++section)}、${t}` });

  const name = `《${info.title}》`;
  const title = `关于${name}的更正说明`;
  blocks.push({ kind: 'title', id: 'notice.title', lines: title.length > 20 ? [`关于${name}`, '的更正说明'] : [title] });
  const when = info.previousDate ? `于${chineseDate(info.previousDate)}` : '';
  paragraph(`我单位${when}公开的${name}（第${info.previousVersion}版）中，下列内容有误，现更正如下：`);

  if (!c.previousModel) {
    paragraph(`第${info.previousVersion}版没有可供比较的数据，无法逐项列出更正的内容；请以更正后的第${info.version}版为准。`);
  } else if (!c.cells.length && !c.rows.length && !c.tables.length && !c.tableText.length && !c.text.length) {
    paragraph('表格数字和文字说明均未改动，本次只更新了文件。');
  }

  if (c.cells.length) {
    heading('表格数字');
    paragraph(`共${c.cells.length}处（金额单位：万元）。`);
    const byTable = new Map<string, typeof c.cells>();
    for (const x of c.cells) byTable.set(x.table.name, [...(byTable.get(x.table.name) ?? []), x]);
    // Each table's name on a row of its own above its figures (spanning rows would split badly
    // across pages).
    const rows = [...byTable].flatMap(([table, cells]) => [
      row('class', [text(table, { colSpan: 5, bold: true })], 5),
      ...cells.map((x) =>
        row(
          'line',
          [
            text(x.rowName, { indent: 1 }),
            text(x.columnLabel),
            text(figure(x.old, x.kind), { align: 'right' }),
            text(figure(x.new, x.kind), { align: 'right' }),
            text(signed(x.difference, x.kind), { align: 'right' }),
          ],
          5,
        ),
      ),
    ]);
    const spec: TableSpec = {
      id: 'notice.cells',
      title: '表格数字更正情况',
      orientation: 'portrait',
      columns: [
        { key: 'row', width: 36 },
        { key: 'column', width: 22 },
        { key: 'old', width: 15 },
        { key: 'new', width: 15 },
        { key: 'difference', width: 12 },
      ],
      header: headerRows(5, [[text('表、行（项目）'), text('栏目'), text('原数'), text('更正为'), text('增减')]]),
      body: rows,
      notes: [],
      fontSize: 10.5,
    };
    blocks.push({ kind: 'table', id: 'notice.cells', table: spec });
  }

  const structural = c.tables.length + c.rows.length + c.tableText.length;
  if (structural) {
    heading('表格的行与表内文字');
    let k = 0;
    for (const t of c.tables) paragraph(`${parenNumber(++k)}${t.change === 'added' ? '新增' : '删去'}${t.table.name}。`);
    for (const r of c.rows) {
      if (r.change === 'renamed') {
        paragraph(`${parenNumber(++k)}${r.table.name}的行名称由“${r.oldName}”更正为“${r.rowName}”。`);
        continue;
      }
      const values = r.cells
        .filter((x) => x.value !== null)
        .map((x) => `${x.columnLabel}${figure(x.value, x.kind)}`)
        .join('，');
      paragraph(
        `${parenNumber(++k)}${r.table.name}${r.change === 'added' ? '新增' : '删去'}“${r.rowName}”行${values ? `（${values}）` : ''}。`,
      );
    }
    for (const t of c.tableText) {
      paragraph(`${parenNumber(++k)}${t.table.name}的${t.label || '文字'}：`, { indent: true });
      if (t.old !== undefined && t.new !== undefined) {
        const m = markChanges(t.old, t.new);
        marked('原为', m.old);
        marked('更正为', m.new);
      } else if (t.new !== undefined) marked('新增', [{ text: t.new, mark: 'added' }]);
      else marked('删去', [{ text: t.old ?? '', mark: 'removed' }]);
    }
  }

  if (c.text.length) {
    heading('文字说明');
    const documents = new Set(c.text.map((t) => t.document)).size;
    c.text.forEach((t, i) => {
      const where = place(t, documents);
      if (t.change !== 'changed' && !t.sentences.length) {
        paragraph(`${parenNumber(i + 1)}${t.change === 'added' ? '新增' : '删去'}${where}。`);
        return;
      }
      paragraph(`${parenNumber(i + 1)}${where}${t.change === 'added' ? '（新增）' : t.change === 'removed' ? '（删去）' : ''}：`);
      for (const s of t.sentences) {
        if (s.old !== undefined && s.new !== undefined) {
          const m = markChanges(s.old, s.new);
          marked('原为', m.old);
          marked('更正为', m.new);
        } else if (s.new !== undefined) marked('新增', [{ text: s.new, mark: 'added' }]);
        else if (s.old !== undefined) marked('删去', [{ text: s.old, mark: 'removed' }]);
      }
    });
  }

  paragraph(`更正后的${name}为第${info.version}版，与本说明同时公开，各项内容以第${info.version}版为准。特此说明。`);
  paragraph(info.department, { align: 'right', indent: false });
  paragraph(chineseDate(info.date), { align: 'right', indent: false });

  return {
    id: `correction-notice-${info.version}`,
    fileName: `${NOTICE_NAME}.pdf`,
    title,
    author: info.department,
    subject: `${info.title}更正说明（第${info.previousVersion}版更正为第${info.version}版）`,
    keywords: ['更正说明', info.title],
    date: info.date,
    frontMatter: false,
    blocks,
  };
}
