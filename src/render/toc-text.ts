/**
 * What the 目录 says for a block, in every edition (PDF and web): parts, and the headings, titles and
 * tables marked `toc`; a 公开表 with its label after its title. undefined: not listed.
 */
import type { Block } from '../model/document.ts';

export function tocText(block: Block): string | undefined {
  switch (block.kind) {
    case 'part':
      return block.title;
    case 'heading':
      return block.toc ? block.text : undefined;
    case 'title':
      return block.toc && block.lines.length ? block.lines.join('') : undefined;
    case 'table':
      return block.toc ? (block.table.label ? `${block.table.title}（${block.table.label}）` : block.table.title) : undefined;
    default:
      return undefined;
  }
}
