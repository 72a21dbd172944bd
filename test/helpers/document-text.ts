/** The text of a document model, in reading order, the way a PDF text extraction would see it. */
import type { DocumentModel } from '../../src/model/document.ts';
import type { TableSpec } from '../../src/model/table-spec.ts';
import { cellText } from '../../src/model/format.ts';

export function tableLines(table: TableSpec): string[] {
  const lines = [table.title, ...(table.subtitle ? [table.subtitle] : []), ...(table.label ? [table.label] : [])];
  if (table.meta) lines.push(`${table.meta.left} ${table.meta.center} ${table.meta.right}`);
  for (const row of [...table.header, ...table.body]) {
    lines.push(
      row.cells
        .filter((c) => c !== null)
        .map((c) => cellText(c!.value))
        .filter(Boolean)
        .join(' '),
    );
  }
  lines.push(...table.notes);
  return lines;
}

export function documentLines(doc: DocumentModel): string[] {
  const lines: string[] = [];
  for (const b of doc.blocks) {
    if (b.kind === 'cover') lines.push(...b.title, ...b.lines);
    else if (b.kind === 'part') lines.push(b.title);
    else if (b.kind === 'title') lines.push(...b.lines);
    else if (b.kind === 'heading' || b.kind === 'paragraph') lines.push(b.text);
    else if (b.kind === 'table') lines.push(...tableLines(b.table));
  }
  return lines;
}

export const squash = (s: string) => s.replace(/\s+/g, '');

/** Non-empty lines of a seed text, without the page footers (— 10 —). */
export function seedLines(text: string, from = 1, to = Number.MAX_SAFE_INTEGER): { line: number; text: string }[] {
  return text
    .split('\n')
    .map((t, i) => ({ line: i + 1, text: t }))
    .filter(({ line, text }) => line >= from && line <= to && squash(text) !== '' && !/^—\s*\d+\s*—$/.test(text.trim()));
}
