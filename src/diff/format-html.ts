/**
 * The year diff as one self-contained HTML page (no scripts, no external files, no date: the same two
 * year files give the same bytes), in Chinese, laid out to print on A4 landscape. Unlike the terminal it
 * lists every figure, including those the earlier year does not have, so it can be filed as a whole.
 */
import { deltaTexts, emptyTable, intro, remark, sideText, wordsOf } from './format-terminal.ts';
import type { SideValue, YearComparison } from './years.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const STYLE = `
@page { size: A4 landscape; margin: 12mm; }
body { font-family: "Noto Serif SC", "Source Han Serif SC", "SimSun", "Songti SC", serif; font-size: 10.5pt; color: #000; margin: 0 auto; max-width: 270mm; }
h1 { font-family: "Noto Sans SC", "SimHei", "Heiti SC", sans-serif; font-size: 16pt; text-align: center; margin: 0 0 6mm; }
h2 { font-family: "Noto Sans SC", "SimHei", "Heiti SC", sans-serif; font-size: 13pt; margin: 8mm 0 3mm; }
h3 { font-size: 11pt; margin: 6mm 0 2mm; }
p.note { margin: 1mm 0; font-size: 9.5pt; }
table { border-collapse: collapse; width: 100%; margin-bottom: 3mm; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; break-inside: avoid; }
th, td { border: 0.5pt solid #555; padding: 1mm 2mm; vertical-align: top; }
th { background: #eee; font-weight: bold; text-align: center; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.missing { color: #666; font-style: italic; text-align: center; }
td.remark { font-size: 9pt; }
`;

function valueCell(v: SideValue, kind: 'amount' | 'count', missing: string): string {
  if (v === undefined) return `<td class="missing">${esc(missing)}</td>`;
  return `<td class="num">${esc(sideText(v, kind, missing))}</td>`;
}

export function formatHtml(c: YearComparison): string {
  const a = c.earlier.label;
  const b = c.later.label;
  const w = wordsOf(c);
  const [title, ...notes] = intro(c);
  const out: string[] = [];
  out.push(
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${esc(title!)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
  );
  out.push(`<h1>${esc(title!)}</h1>`);
  for (const n of notes) out.push(`<p class="note">${esc(n)}</p>`);

  out.push('<h2>一、可比数字（情况说明所用的合计数）</h2>');
  out.push(
    '<table>',
    `<thead><tr><th>项目</th><th>${esc(a)}</th><th>${esc(b)}</th><th>增减额</th><th>增减率</th><th>说明</th></tr></thead>`,
    '<tbody>',
  );
  for (const f of c.figures) {
    const [change, rate] = deltaTexts(f.delta, 'amount');
    out.push(
      `<tr><td>${esc(f.label)}</td>${valueCell(f.earlier, 'amount', w.missingEarlier)}${valueCell(f.later, 'amount', w.missingLater)}<td class="num">${esc(change)}</td><td class="num">${esc(rate)}</td><td class="remark">${esc(remark('both', f, w))}</td></tr>`,
    );
  }
  out.push('</tbody>', '</table>');

  out.push(
    '<h2>二、公开表</h2>',
    `<p class="note">${c.changedOnly ? '只列有变化的栏目。' : `逐行逐栏列出；${w.sameYear ? '两个版本' : '两年'}都为零或空白的栏目从略。`}</p>`,
  );
  for (const t of c.tables) {
    out.push(`<h3>${esc(t.name)}</h3>`);
    const sources: string[] = [];
    if (t.earlierSource === 'figures')
      sources.push(`${a}没有此表，${a}数按各栏目对应的可比数字查找（共 ${t.missing.earlier} 个栏目${w.missingEarlier}）。`);
    if (t.laterSource === 'figures')
      sources.push(`${b}没有此表，${b}数按各栏目对应的可比数字查找（共 ${t.missing.later} 个栏目${w.missingLater}）。`);
    for (const s of sources) out.push(`<p class="note">${esc(s)}</p>`);
    if (!t.rows.length) {
      out.push(`<p class="note">${esc(emptyTable(t, c))}。</p>`);
      continue;
    }
    out.push(
      '<table>',
      `<thead><tr><th>行</th><th>栏目</th><th>${esc(a)}</th><th>${esc(b)}</th><th>增减额</th><th>增减率</th><th>说明</th></tr></thead>`,
      '<tbody>',
    );
    for (const r of t.rows) {
      r.cells.forEach((cell, i) => {
        const [change, rate] = deltaTexts(cell.delta, cell.kind);
        const name = i === 0 ? `<td rowspan="${r.cells.length}">${esc(r.rowName)}</td>` : '';
        out.push(
          `<tr>${name}<td>${esc(cell.columnLabel)}</td>${valueCell(cell.earlier, cell.kind, w.missingEarlier)}${valueCell(cell.later, cell.kind, w.missingLater)}<td class="num">${esc(change)}</td><td class="num">${esc(rate)}</td><td class="remark">${esc(remark(r.status, cell, w))}</td></tr>`,
        );
      });
    }
    out.push('</tbody>', '</table>');
  }
  out.push('</body>', '</html>');
  return out.join('\n') + '\n';
}
