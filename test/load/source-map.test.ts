import { describe, expect, it } from 'vitest';
import { loadYamlText } from '../../src/load/load.ts';
import { dedent, markedLines } from '../helpers/year.ts';

/** Where each path of a loaded file points; diagnostics of every later stage use these lines. */
function lines(text: string) {
  const loaded = loadYamlText(dedent(text), 'x/2024.yaml');
  expect(loaded.diagnostics).toEqual([]);
  return (path: (string | number)[]) => loaded.value!.source.lineOf(path);
}

describe('source map', () => {
  const text = `
    year: 2024
    balances:
      general: { opening: 10.00, closing: 5.00 }
    income:
      - { code: "2012901", general: 1.00 }
      - code: "2080505"
        general: 2.00
    changes:

      - { text: 增加, amount: 1 }
  `;
  const at = lines(text);

  it('a block mapping or list is on the line of its key, not of its first child', () => {
    expect(at(['balances'])).toBe(2);
    expect(at(['income'])).toBe(4);
    expect(at(['changes'])).toBe(8);
  });

  it('list items, flow-map values and block-map values are on their own lines', () => {
    expect(at(['balances', 'general', 'closing'])).toBe(3);
    expect(at(['income', 0])).toBe(5);
    expect(at(['income', 1])).toBe(6);
    expect(at(['income', 1, 'general'])).toBe(7);
    expect(at(['changes', 0, 'amount'])).toBe(10);
  });

  it('a path missing from the file falls back to its nearest ancestor', () => {
    expect(at(['balances', 'gov_fund', 0, 'code'])).toBe(2);
    expect(at(['admin_operating_cost'])).toBe(1);
  });

  it('markedLines finds the marker comments the rule tests use', () => {
    expect(markedLines('a: 1\nb: 2  # ← 违规\nc: 3\n')).toEqual([2]);
  });
});
