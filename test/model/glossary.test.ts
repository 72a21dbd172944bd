/**
 * 第四部分 名词解释: a department's own entry replaces the built-in entry of the same meaning — matched
 * by the term without its qualifier in brackets or its quotation marks — instead of standing next to it
 * (found on a second department: 「使用非财政拨款结余（含专用结余）」 printed beside 「使用非财政拨款结余」).
 */
import { describe, expect, it } from 'vitest';
import { buildDocuments } from '../../src/model/build-document.ts';
import { check, yaml } from '../helpers/year.ts';

function glossaryParagraphs(fixture: string): string[] {
  const r = check(fixture);
  const blocks = buildDocuments(r.calc!)[0]!.blocks;
  const start = blocks.findIndex((b) => b.kind === 'part' && b.title === '第四部分 名词解释');
  const end = blocks.findIndex((b, i) => i > start && b.kind === 'part');
  return blocks.slice(start, end < 0 ? undefined : end).flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
}

describe('名词解释 entries of the department’s own', () => {
  it('「使用非财政拨款结余（含专用结余）」 replaces the built-in 「使用非财政拨款结余」: one entry, in the department’s words', () => {
    const paragraphs = glossaryParagraphs(yaml`
      balances:
        non_fiscal_surplus_used: 2.00
        non_fiscal: { opening: 1.00, closing: 3.00 }
      glossary:
        income:
          - { term: 使用非财政拨款结余（含专用结余）, text: 指本单位使用以前年度的非财政拨款结余和专用结余弥补当年收支差额的金额。 }
    `);
    const matching = paragraphs.filter((p) => p.startsWith('使用非财政拨款结余'));
    expect(matching).toEqual(['使用非财政拨款结余（含专用结余）：指本单位使用以前年度的非财政拨款结余和专用结余弥补当年收支差额的金额。']);
  });

  it('「三公经费」 without quotation marks replaces the built-in 「“三公”经费」; a new term is added after the built-in ones', () => {
    const paragraphs = glossaryParagraphs(yaml`
      glossary:
        terms:
          - { term: 三公经费, text: 本部门的说明。 }
          - { term: 专项业务费, text: 指…… }
    `);
    expect(paragraphs.filter((p) => /三公/.test(p) && /^（/.test(p))).toEqual(['（一）三公经费：本部门的说明。']);
    expect(paragraphs.at(-1)).toBe('（三）专项业务费：指……');
  });
});
