import { describe, expect, it } from 'vitest';
import { columns, displayWidth, pad } from '../src/text-width.ts';

describe('terminal width', () => {
  it('counts CJK ideographs and full-width punctuation as two columns', () => {
    expect(displayWidth('公开01表')).toBe(8);
    expect(displayWidth('本年收入合计')).toBe(12);
    expect(displayWidth('（含专用结余）')).toBe(14);
    expect(displayWidth('12,653.82')).toBe(9);
    expect(displayWidth('“三公”')).toBe(6); // the curly quotes are ambiguous-width: one column
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('\u3000①')).toBe(3); // ideographic space is wide, ① ambiguous
  });

  it('pads by display width', () => {
    expect(pad('合计', 6)).toBe('合计  ');
    expect(pad('1.00', 6, 'right')).toBe('  1.00');
  });

  it('aligns columns of mixed Chinese and figures', () => {
    const lines = columns(
      [
        ['项目', '金额'],
        ['本年收入合计', '12,653.82'],
        ['年初结转和结余', '0.00'],
      ],
      ['left', 'right'],
    );
    expect(new Set(lines.map(displayWidth)).size).toBe(1);
    expect(lines[1]).toBe('本年收入合计    12,653.82');
  });
});
