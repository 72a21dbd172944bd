/**
 * Narrative and form comparison on the 2024 model, edited in memory: an inserted paragraph that shifts
 * every positional id after it must be reported as one added paragraph, and a changed form line as
 * that line only, named by its form.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { diffDocuments } from '../../src/diff/documents.ts';
import { buildModel, modelData, type BlockData, type ReportData } from '../../src/model/report.ts';
import { loadYear } from '../../src/pipeline.ts';

let report: ReportData;
const published = () => new Set(report.tables.map((t) => t.id));
const clone = (r: ReportData) => JSON.parse(JSON.stringify(r)) as ReportData;

beforeAll(() => {
  report = modelData(buildModel(loadYear('2024').value!.calc));
});

describe('document diff', () => {
  it('the same model has no text changes', () => {
    expect(diffDocuments(report.documents, clone(report).documents, published())).toEqual([]);
  });

  it('an inserted paragraph shifts the ids after it but is reported alone', () => {
    const edited = clone(report);
    const blocks = edited.documents[0]!.blocks;
    const at = blocks.findIndex((b) => b.kind === 'heading' && b.text === '二、支出决算情况说明');
    const inserted: BlockData = { kind: 'paragraph', id: 'explanation.p0', text: '新增的一段说明。' };
    blocks.splice(at, 0, inserted);
    // Renumber the section's paragraphs as toBlocks would: every later id moves by one.
    let n = 0;
    for (const b of blocks) if (b.kind === 'paragraph' && b.id.startsWith('explanation.p')) b.id = `explanation.p${++n}`;
    const changes = diffDocuments(report.documents, edited.documents, published());
    expect(changes).toEqual([
      expect.objectContaining({
        kind: 'paragraph',
        change: 'added',
        location: '第三部分 2024年度部门决算情况说明 › 一、收入决算情况说明 › 第3段',
        sentences: [{ new: '新增的一段说明。' }],
      }),
    ]);
  });

  it('a changed line of a 自评表 is reported as that line, under the form’s name', () => {
    const edited = clone(report);
    const form = edited.documents[0]!.blocks.find(
      (b): b is Extract<BlockData, { kind: 'table' }> => b.kind === 'table' && b.table.id === 'self-evaluation:劳动竞赛',
    )!;
    const cell = form.table.body.flatMap((r) => r.cells).find((c) => c?.value.kind === 'text' && c.value.text === '92%')!;
    cell.value = { kind: 'text', text: '93%' };
    const changes = diffDocuments(report.documents, edited.documents, published());
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: 'form', change: 'changed', location: '项目支出绩效自评表（劳动竞赛）' });
    expect(changes[0]!.sentences).toEqual([
      { old: expect.stringContaining('社会满意度 ≥90% 92%'), new: expect.stringContaining('社会满意度 ≥90% 93%') },
    ]);
  });

  it('a removed paragraph and a changed heading', () => {
    const edited = clone(report);
    const blocks = edited.documents[0]!.blocks;
    const i = blocks.findIndex((b) => b.kind === 'paragraph' && b.text.startsWith('本部门2024年度机关运行经费'));
    blocks.splice(i, 1);
    const h = blocks.find(
      (b): b is Extract<BlockData, { kind: 'heading' }> => b.kind === 'heading' && b.text === '七、政府采购支出情况说明',
    )!;
    h.text = '七、政府采购情况说明';
    const changes = diffDocuments(report.documents, edited.documents, published());
    expect(changes.map((c) => [c.kind, c.change])).toEqual([
      ['paragraph', 'removed'],
      ['heading', 'changed'],
    ]);
    expect(changes[1]!.sentences).toEqual([{ old: '七、政府采购支出情况说明', new: '七、政府采购情况说明' }]);
  });
});
