import { describe, expect, it } from 'vitest';
import { align } from '../../src/diff/align.ts';
import { diffSentences, figureChanges, skeleton, splitSentences } from '../../src/diff/sentences.ts';

describe('sentences', () => {
  it('splits on 。 and ； keeping the mark, so the parts join back to the text', () => {
    const text = '收入总计12653.82万元；本年收入合计12653.82万元，主要原因：按预算执行。其中：';
    expect(splitSentences(text)).toEqual(['收入总计12653.82万元；', '本年收入合计12653.82万元，主要原因：按预算执行。', '其中：']);
    expect(splitSentences(text).join('')).toBe(text);
    expect(splitSentences('')).toEqual([]);
  });

  it('a figure-blind skeleton survives a correction and a change of direction', () => {
    expect(skeleton('比上年增加4859.38万元，增长62.34%')).toBe(skeleton('比上年减少1,000.5万元，下降3%'));
    expect(skeleton('基本支出1731.72万元')).not.toBe(skeleton('项目支出1731.72万元'));
  });

  it('reports only the sentence that changed, not the unchanged ones around it', () => {
    const a = '甲为1.00万元；乙为2.00万元；丙为3.00万元。';
    const b = '甲为1.00万元；乙为2.50万元；丙为3.00万元。';
    expect(diffSentences(a, b)).toEqual([{ old: '乙为2.00万元；', new: '乙为2.50万元；' }]);
    expect(diffSentences(a, a)).toEqual([]);
  });

  it('an inserted sentence is reported as added and does not shift the comparison of the rest', () => {
    const a = '甲为1.00万元；丙为3.00万元；丁为4.00万元。';
    const b = '甲为1.00万元；乙为2.00万元；丙为3.00万元；丁为4.50万元。';
    expect(diffSentences(a, b)).toEqual([{ new: '乙为2.00万元；' }, { old: '丁为4.00万元。', new: '丁为4.50万元。' }]);
  });

  it('a removed sentence before a changed one: the changed one is paired by its skeleton', () => {
    const a = '甲为1.00万元；乙为2.00万元；丙为3.00万元。';
    const b = '乙为2.00万元；丙为3.50万元。';
    expect(diffSentences(a, b)).toEqual([{ old: '甲为1.00万元；' }, { old: '丙为3.00万元。', new: '丙为3.50万元。' }]);
  });

  it('lists the figures that changed when both versions hold the same number of figures', () => {
    expect(figureChanges('增加4859.38万元，增长62.34%', '增加4861.38万元，增长62.37%')).toEqual([
      ['4859.38', '4861.38'],
      ['62.34%', '62.37%'],
    ]);
    expect(figureChanges('与上年持平', '增加2.00万元，增长1.00%')).toBeNull();
  });
});

describe('align', () => {
  it('anchors on equal items and pairs what is left in a gap of equal length', () => {
    const r = align(['a', 'b', 'c', 'd'], ['a', 'B', 'c', 'x', 'd'], [(s) => s]);
    expect(r).toEqual([{ old: 'a', new: 'a' }, { old: 'b', new: 'B' }, { old: 'c', new: 'c' }, { new: 'x' }, { old: 'd', new: 'd' }]);
  });

  it('tries looser keys only inside the gaps', () => {
    const lower = (s: string) => s.toLowerCase();
    const r = align(['k', 'A', 'b'], ['B', 'k', 'a'], [(s) => s, lower]);
    expect(r).toEqual([{ new: 'B' }, { old: 'k', new: 'k' }, { old: 'A', new: 'a' }, { old: 'b' }]);
  });
});
