/**
 * The documents of two models, block by block. Paragraphs are matched by text first (so every unchanged
 * paragraph anchors the alignment), then by their figure-blind skeleton, then by block id — ids are
 * positional within a section, so an inserted paragraph would otherwise shift every id after it. Each
 * matched pair is then compared sentence by sentence (sentences.ts). The 公开表 inside the document are
 * the report's tables and are compared cell by cell elsewhere (correction.ts); the forms (自评表, 部门评价表)
 * have no cell refs and are compared as lines of text.
 */
import { align } from './align.ts';
import { tableName, tableTextLines } from './cells.ts';
import type { BlockData, DocumentData, TableData } from '../model/report.ts';
import { diffLines, diffSentences, skeleton, type SentenceChange } from './sentences.ts';

export type TextKind = 'cover' | 'part' | 'title' | 'heading' | 'paragraph' | 'form' | 'document';

export interface TextUnit {
  id: string;
  kind: TextKind;
  text: string;
  /** Where a reader finds it: part › heading › … › 第N段. */
  location: string;
}

export interface TextChange {
  /** The document's title (a year may publish several documents). */
  document: string;
  kind: TextKind;
  id: string;
  location: string;
  change: 'changed' | 'added' | 'removed';
  /** Changed: the sentences (or form lines) that differ. Added/removed: the whole text, one entry. */
  sentences: SentenceChange[];
}

const KIND_NAME: Record<TextKind, string> = {
  cover: '封面',
  part: '部分标题',
  title: '标题',
  heading: '标题',
  paragraph: '段落',
  form: '表格',
  document: '文档属性',
};
export const textKindName = (k: TextKind) => KIND_NAME[k];

/** The text blocks of a document in reading order, each with the heading path above it. */
export function textUnits(doc: DocumentData): TextUnit[] {
  const units: TextUnit[] = [];
  // path[0] part, [1] title, [2..4] heading levels 1..3
  const path: (string | undefined)[] = [];
  let paragraphNo = 0;
  const where = (depth: number) => path.slice(0, depth).filter(Boolean).join(' › ');
  const setPath = (depth: number, text: string) => {
    path[depth] = text;
    path.length = depth + 1;
    paragraphNo = 0;
  };
  for (const b of doc.blocks) {
    switch (b.kind) {
      case 'cover':
        [...b.title, ...b.lines].forEach((text, i) => units.push({ id: `cover.${i}`, kind: 'cover', text, location: '封面' }));
        break;
      case 'part':
        units.push({ id: b.id, kind: 'part', text: b.title, location: '' });
        setPath(0, b.title);
        break;
      case 'title': {
        const text = b.lines.join('');
        units.push({ id: b.id, kind: 'title', text, location: where(1) });
        setPath(1, text);
        break;
      }
      case 'heading':
        units.push({ id: b.id, kind: 'heading', text: b.text, location: where(1 + b.level) });
        setPath(1 + b.level, b.text);
        break;
      case 'paragraph':
        paragraphNo += 1;
        units.push({ id: b.id, kind: 'paragraph', text: b.text, location: [where(5), `第${paragraphNo}段`].filter(Boolean).join(' › ') });
        break;
      default:
        break;
    }
  }
  return units;
}

const exactKey = (u: TextUnit) => `${u.kind}\u0000${u.text}`;
const skeletonKey = (u: TextUnit) => `${u.kind}\u0000${skeleton(u.text)}`;
const idKey = (u: TextUnit) => `${u.kind}\u0000${u.id}`;

function diffUnits(document: string, a: TextUnit[], b: TextUnit[]): TextChange[] {
  const out: TextChange[] = [];
  for (const p of align(a, b, [exactKey, skeletonKey, idKey])) {
    if (p.old && p.new) {
      if (p.old.text === p.new.text) continue;
      const sentences = p.new.kind === 'paragraph' ? diffSentences(p.old.text, p.new.text) : [{ old: p.old.text, new: p.new.text }];
      if (sentences.length) out.push({ document, kind: p.new.kind, id: p.new.id, location: p.new.location, change: 'changed', sentences });
    } else if (p.new) {
      out.push({ document, kind: p.new.kind, id: p.new.id, location: p.new.location, change: 'added', sentences: [{ new: p.new.text }] });
    } else if (p.old) {
      out.push({ document, kind: p.old.kind, id: p.old.id, location: p.old.location, change: 'removed', sentences: [{ old: p.old.text }] });
    }
  }
  return out;
}

/** Forms inside a document (tables whose cells carry no refs), by table id. */
function forms(doc: DocumentData, published: ReadonlySet<string>): TableData[] {
  return doc.blocks.flatMap((b: BlockData) => (b.kind === 'table' && !published.has(b.table.id) ? [b.table] : []));
}

function diffForms(document: string, a: TableData[], b: TableData[]): TextChange[] {
  const out: TextChange[] = [];
  for (const p of align(a, b, [(t) => t.id])) {
    const t = (p.new ?? p.old)!;
    const base = { document, kind: 'form' as const, id: t.id, location: tableName(t) };
    if (p.old && p.new) {
      const lines = diffLines(
        [p.old.title, ...(p.old.subtitle ? [p.old.subtitle] : []), ...tableTextLines(p.old)],
        [p.new.title, ...(p.new.subtitle ? [p.new.subtitle] : []), ...tableTextLines(p.new)],
      );
      if (lines.length) out.push({ ...base, change: 'changed', sentences: lines });
    } else {
      out.push({ ...base, change: p.new ? 'added' : 'removed', sentences: [] });
    }
  }
  return out;
}

const META: [keyof DocumentData, string][] = [
  ['fileName', '文件名'],
  ['title', '文档标题'],
  ['date', '文档日期'],
  ['subject', '主题'],
];

/** Text changes between the documents of two models (documents matched by id). */
export function diffDocuments(oldDocs: DocumentData[], newDocs: DocumentData[], publishedTables: ReadonlySet<string>): TextChange[] {
  const out: TextChange[] = [];
  for (const p of align(oldDocs, newDocs, [(d) => d.id])) {
    const doc = (p.new ?? p.old)!;
    if (!p.old || !p.new) {
      out.push({
        document: doc.title,
        kind: 'document',
        id: doc.id,
        location: doc.fileName,
        change: p.new ? 'added' : 'removed',
        sentences: [],
      });
      continue;
    }
    for (const [key, label] of META) {
      const a = String(p.old[key]);
      const b = String(p.new[key]);
      if (a !== b)
        out.push({
          document: doc.title,
          kind: 'document',
          id: `${doc.id}.${String(key)}`,
          location: label,
          change: 'changed',
          sentences: [{ old: a, new: b }],
        });
    }
    out.push(...diffUnits(p.new.title, textUnits(p.old), textUnits(p.new)));
    out.push(...diffForms(p.new.title, forms(p.old, publishedTables), forms(p.new, publishedTables)));
  }
  return out;
}
