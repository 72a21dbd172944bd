/**
 * Issue 9 §4: text that would reach the published document unseen — control characters, bidi
 * overrides, invisible characters, a tab inside a name — is refused when the file is read, at the line
 * where it stands, wherever in the file it stands; and no message ever prints what was typed raw.
 */
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, visit } from 'yaml';
import { describe, expect, it } from 'vitest';
import { formatDiagnostics, printable, UNSAFE_CHARACTER } from '../../src/diagnostics.ts';
import { loadYamlText } from '../../src/load/load.ts';
import { parseYearFile } from '../../src/schema/index.ts';

const BASE = readFileSync('test/fixtures/robust/2024.yaml', 'utf8');

const pairs = (text: string) => loadYamlText(text, 'x/2024.yaml').diagnostics.map((d) => [d.ruleId, d.place?.line]);

describe('characters that may not stand in a text', () => {
  it.each([
    ['NUL', '\\0', 'U+0000'],
    ['BEL', '\\a', 'U+0007'],
    ['ESC (an ANSI colour)', '\\x1b[31m', 'U+001B'],
    ['CR', '\\r', 'U+000D'],
    ['DEL', '\\x7f', 'U+007F'],
    ['a C1 control', '\\x85', 'U+0085'],
    ['RLO, the right-to-left override', '\\u202e', 'U+202E'],
    ['LRE', '\\u202a', 'U+202A'],
    ['RLI, an isolate', '\\u2067', 'U+2067'],
    ['PDI', '\\u2069', 'U+2069'],
    ['LRM', '\\u200e', 'U+200E'],
    ['RLM', '\\u200f', 'U+200F'],
    ['a zero-width space', '\\u200b', 'U+200B'],
    ['a BOM inside the text', '\\ufeff', 'U+FEFF'],
    ['a line separator', '\\u2028', 'U+2028'],
    ['a private-use character (the narrative’s own marker)', '\\ue000', 'U+E000'],
    ['an unpaired surrogate', '\\ud800', 'U+D800'],
  ])('%s written as a YAML escape is refused at its line, named by its code point', (_what, escape, code) => {
    const text = BASE.replace('department: 江西省示例中心', `department: "江西省示例中心${escape}"`);
    const r = loadYamlText(text, 'x/2024.yaml');
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.ruleId, d.place?.line])).toEqual([['load/control-character', 3]]);
    expect(r.diagnostics[0]!.message).toContain(code);
    expect(UNSAFE_CHARACTER.test(r.diagnostics[0]!.message)).toBe(false);
  });

  it('typed as the character itself (pasted), it is found too', () => {
    expect(pairs(BASE.replace('department: 江西省示例中心', 'department: 江西省\u202e示例中心'))).toEqual([['load/control-character', 3]]);
  });

  it('inside a literal block it points at the paragraph’s own line', () => {
    const text = BASE.replace('    （一）承办省委、省政府交办的其他事项。', '    （一）承办省委、省政府\u200b交办的其他事项。');
    expect(pairs(text)).toEqual([['load/control-character', 10]]);
  });

  it('an escape on the second line of a multi-line quoted text points at that line', () => {
    const text = BASE.replace('    purpose: 接待兄弟单位考察学习', '    purpose: "接待兄弟单位\n      考察学习\\x1b"');
    const line = text.split('\n').findIndex((l) => l.includes('考察学习\\x1b')) + 1;
    expect(pairs(text)).toEqual([['load/control-character', line]]);
  });

  it('every string of the file is checked: a control character in any value is refused at that value’s line', () => {
    const counter = new LineCounter();
    const doc = parseDocument(BASE, { lineCounter: counter, schema: 'failsafe' });
    const places: { start: number; end: number; line: number }[] = [];
    visit(doc, {
      Scalar(key, node) {
        if (key === 'key' || !node.range) return;
        places.push({ start: node.range[0], end: node.range[1], line: counter.linePos(node.range[0]).line });
      },
    });
    expect(places.length).toBeGreaterThanOrEqual(80);
    const missed: string[] = [];
    for (const p of places) {
      const raw = BASE.slice(p.start, p.end);
      // A plain or quoted scalar becomes a double-quoted one ending in BEL; a block keeps its form.
      const replaced = raw.startsWith('|') ? raw.replace(/。\n/, '\u0007。\n') : `"${raw.replace(/^"|"$/g, '')}\\a"`;
      const text = BASE.slice(0, p.start) + replaced + BASE.slice(p.end);
      const got = pairs(text);
      const expected = raw.startsWith('|') ? p.line + 1 : p.line;
      if (JSON.stringify(got) !== JSON.stringify([['load/control-character', expected]]))
        missed.push(`${p.line} ${raw.slice(0, 20)}: ${JSON.stringify(got)}`);
    }
    expect(missed).toEqual([]);
  });

  it('ordinary line breaks are text, not control characters', () => {
    const text = BASE.replace('    purpose: 接待兄弟单位考察学习', '    purpose: "接待兄弟单位\\n考察学习"');
    expect(pairs(text)).toEqual([]);
  });
});

describe('a tab', () => {
  it('inside a text is refused (the PDF prints a gap of no fixed width; two names would differ)', () => {
    const r = loadYamlText(BASE.replace('  - name: 信息化建设项目', '  - name: "信息化\\t建设项目"'), 'x/2024.yaml');
    expect(r.diagnostics.map((d) => [d.ruleId, d.place?.line])).toEqual([['load/control-character', 77]]);
    expect(r.diagnostics[0]!.message).toMatch(/Tab/);
  });

  it('typed inside a literal block, at that paragraph’s line', () => {
    expect(pairs(BASE.replace('    （一）承办省委、', '    （一）承办\t省委、'))).toEqual([['load/control-character', 10]]);
  });

  it('at either end of a value it is trimmed away with the other white space, so it is harmless', () => {
    const r = loadYamlText(BASE.replace('  - name: 信息化建设项目', '  - name: "\\t信息化建设项目\\t"'), 'x/2024.yaml');
    expect(r.diagnostics).toEqual([]);
    const parsed = parseYearFile(r.value!);
    expect(parsed.value!.projects![0]!.name).toBe('信息化建设项目');
  });
});

describe('keys', () => {
  it('an ANSI escape in a key name is refused and printed as text, never sent raw to the terminal', () => {
    const text = BASE.replace('assets:\n', 'assets:\n  "\\x1b[31mvehicles\\x1b[0m": 1\n');
    const r = loadYamlText(text, 'x/2024.yaml');
    expect(r.diagnostics.map((d) => [d.ruleId, d.place?.line])).toEqual([['load/control-character', 73]]);
    const printed = formatDiagnostics(r.diagnostics);
    expect(printed).not.toMatch(/\u001b/);
  });

  it.each(['__proto__'])('「%s」 is refused at its line at every level (it would replace the object’s prototype)', (key) => {
    expect(pairs(BASE.replace('year: 2024\n', `year: 2024\n${key}: x\n`))).toEqual([['load/bad-key', 3]]);
    expect(pairs(BASE.replace('assets:\n', `assets:\n  ${key}: 1\n`))).toEqual([['load/bad-key', 73]]);
    expect(pairs(BASE.replace('  "30101": 300.00', `  "30101": 300.00\n  ${key}: 1.00`))).toEqual([['load/bad-key', 40]]);
  });
});

describe('printable', () => {
  it('writes every unsafe character as the escape a YAML file would use, and keeps a message on one line', () => {
    expect(printable('a\u001b[31mb\u202ec\u0000d\ne\tf')).toBe('a\\x1B[31mb\\u202Ec\\x00d\\ne\tf');
    expect(printable('江西省总工会（本级）')).toBe('江西省总工会（本级）');
  });

  it('is applied to every line formatDiagnostics prints, whatever a rule put in its message', () => {
    const out = formatDiagnostics([
      {
        ruleId: 'x',
        severity: 'error',
        message: '「\u001b[2J」',
        place: { file: 'a\u202eb.yaml', line: 1 },
        related: [{ place: { file: 'c.yaml', line: 2 }, message: '\u0007' }],
      },
    ]);
    expect(UNSAFE_CHARACTER.test(out)).toBe(false);
    expect(out).toContain('a\\u202Eb.yaml:1: 错误 [x] 「\\x1B[2J」');
    expect(out).toContain('c.yaml:2: \\x07');
  });
});
