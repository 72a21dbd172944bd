/**
 * A rule that finds something inside a long text (a character the font lacks, a doubled word) can name
 * the line of the paragraph when the text is a literal block (`duties: |`), not only the `duties:` line.
 */
import { describe, expect, it } from 'vitest';
import { loadYamlText } from '../../src/load/load.ts';

const text = [
  'year: 2024', //                                                   1
  'overview:', //                                                    2
  '  duties: |', //                                                  3
  '    第一段。', //                                                  4
  '', //                                                             5
  '    第二段，有一个𠀀字。', //                                        6
  '  note: >', //                                                    7
  '    折叠的', //                                                    8
  '    文字𠀀', //                                                    9
  'department: 单行𠀀文字', //                                        10
].join('\n');

describe('the line of a character inside a text', () => {
  const loaded = loadYamlText(text, 'x.yaml').value!;
  const at = (path: string[]) => {
    const value = path.reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], loaded.data) as string;
    return loaded.source.lineOfText(path, value, value.indexOf('𠀀'));
  };

  it('inside a literal block: the line of its paragraph', () => {
    expect(at(['overview', 'duties'])).toBe(6);
    const duties = (loaded.data as { overview: { duties: string } }).overview.duties;
    expect(loaded.source.lineOfText(['overview', 'duties'], duties, 0)).toBe(4);
  });

  it('a folded or one-line text: its own line', () => {
    expect(at(['overview', 'note'])).toBe(7);
    expect(at(['department'])).toBe(10);
  });
});
