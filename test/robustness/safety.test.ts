/**
 * Issue 6, safety: what a year file can make the tool do. Data text is printed as typed (a `{{` is not a
 * template); the PDF renderer fetches nothing and reads no file but its fonts; YAML tags, aliases and
 * absurd nesting or size are refused with a message, never a crash or an exhausted stack.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calcYear } from '../../src/calc/index.ts';
import { loadYamlText, MAX_FILE_BYTES } from '../../src/load/load.ts';
import { buildDocuments } from '../../src/model/build-document.ts';
import type { DocumentModel } from '../../src/model/document.ts';
import { loadYear } from '../../src/pipeline.ts';
import { fontSet, render } from '../../src/render/pdf/engine.ts';
import { renderPdf } from '../../src/render/pdf/index.ts';
import { parseYearFile } from '../../src/schema/index.ts';
import { documentLines } from '../helpers/document-text.ts';
import { tempDir } from './files.ts';

const BASE = 'test/fixtures/robust/2024.yaml';

const dirs: string[] = [];
const scratch = (prefix: string) => {
  const d = tempDir(prefix);
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function documentOf(text: string): DocumentModel {
  const loaded = loadYamlText(text, 'x/2024.yaml');
  expect(loaded.diagnostics).toEqual([]);
  const parsed = parseYearFile(loaded.value!);
  expect(parsed.diagnostics).toEqual([]);
  return buildDocuments(calcYear(parsed.value!))[0]!;
}

describe('data text is printed literally, never run as a template', () => {
  const result = loadYear('test/broken/ok-handlebars-in-text.yaml');
  const text = documentLines(buildDocuments(result.value!.calc)[0]!).join('\n');

  it('a file full of Handlebars syntax checks without an error', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it.each([
    ['a project named {{#each x}}', '纳入绩效自评的项目包括{{#each x}}120万元'],
    ['a partial, a triple-stash and a variable in the duties', '承办省委、省政府交办的其他事项。{{> partial}} {{{raw}}} {{x}}'],
    ['a unit name', '即江西省示例中心{{name}}（本级）'],
    ['a reason (a block helper)', '主要原因：{{#if true}}压减接待规模{{/if}}'],
    ['a purpose', '接待兄弟单位考察学习{{purpose}}'],
    ['a department-written paragraph after its {=…} references are resolved', '彩票公益金项目80万元。{{#each projects}}{{this}}{{/each}}'],
  ])('%s', (_what, printed) => {
    expect(text).toContain(printed);
  });
});

/** Every text item of a PDF, page by page, as pdfjs reads it. */
async function pdfText(bytes: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  await pdf.destroy();
  return pages.join('\n');
}

describe('the PDF renderer fetches nothing and reads no file but its fonts', () => {
  let hits = 0;
  let url = '';
  const server = createServer((_req, res) => {
    hits += 1;
    res.end('not an image');
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}/seal.png`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  // A real 1×1 PNG, so a refusal cannot be mistaken for “not an image”.
  const png = join(scratch('png'), 'seal.png');
  writeFileSync(
    png,
    Buffer.from(
      '89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415478da63f8cf000003010100c9fe92ef0000000049454e44ae426082',
      'hex',
    ),
  );

  it.each([
    ['an image by URL', () => ({ content: [{ image: url, width: 10 }] })],
    ['an image from a local file', () => ({ content: [{ image: png, width: 10 }] })],
    ['a file: URL', () => ({ content: [{ image: `file://${png}`, width: 10 }] })],
    ['an image dictionary entry by URL', () => ({ images: { seal: url }, content: [{ image: 'seal', width: 10 }] })],
  ])('a definition with %s is refused', async (_what, definition) => {
    const fonts = fontSet();
    await expect(render({ defaultStyle: { font: fonts.family.body }, ...definition() } as never)).rejects.toThrow(/access policy/);
    expect(hits).toBe(0);
  });

  it('a document whose text names a URL, a local image and template syntax prints them as text, fetching and embedding nothing', async () => {
    const base = (await import('node:fs')).readFileSync(BASE, 'utf8');
    const doc = documentOf(
      base.replace('负责全省示例事务的综合管理。', `负责全省示例事务的综合管理。印章见 ${url} 与 ${png}，{{#each x}}照印。`),
    );
    const bytes = await renderPdf(doc);
    expect(hits).toBe(0);
    expect(bytes.includes('/Subtype /Image')).toBe(false);
    const printed = (await pdfText(bytes)).replace(/\s+/g, '');
    expect(printed).toContain(`印章见${url}与${png}，{{#eachx}}照印。`);
  });
});

describe('YAML features that could do harm are refused', () => {
  it.each([
    ['a Python object tag', 'year: !!python/object/apply:os.system ["rm -rf /"]\n', 'load/tag-not-allowed'],
    ['a JS function tag', 'department: !!js/function "function () { return 1 }"\nyear: 2024\n', 'load/tag-not-allowed'],
    ['a verbatim tag', 'year: !<tag:yaml.org,2002:int> 2024\n', 'load/tag-not-allowed'],
    ['a binary tag', 'year: 2024\ndepartment: !!binary aGVsbG8=\n', 'load/tag-not-allowed'],
    ['a local tag on a mapping', 'year: 2024\noverview: !foo\n  duties: x\n', 'load/tag-not-allowed'],
    ['a merge key', 'base: &b { general: 1.00 }\nyear: 2024\nincome:\n  - { <<: *b, code: "2012901" }\n', 'load/alias-not-allowed'],
  ])('%s', (_what, text, ruleId) => {
    const r = loadYamlText(text, 'x.yaml');
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual([ruleId]);
  });

  it('a billion-laughs file is refused before anything is expanded, with one message', () => {
    const levels = [
      'a0: &a0 "哈"',
      ...Array.from({ length: 12 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(', ')}]`),
    ];
    const started = performance.now();
    const r = loadYamlText(`year: 2024\n${levels.join('\n')}\n`, 'x.yaml');
    expect(performance.now() - started).toBeLessThan(2000);
    expect(r.diagnostics.map((d) => [d.ruleId, d.place?.line])).toEqual([['load/alias-not-allowed', 2]]);
  });
});

describe('absurd nesting and size give a clear error, not a stack overflow', () => {
  it.each([
    ['100 000 nested lists', () => `year: 2024\nx: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`, 2],
    ['20 000 nested mappings', () => `year: 2024\nx: ${'{a: '.repeat(20_000)}1${'}'.repeat(20_000)}\n`, 2],
    [
      '5 000 levels of block indentation',
      () => `year: 2024\nx:\n${Array.from({ length: 5000 }, (_, i) => `${' '.repeat(i)}- `).join('\n')}a\n`,
      undefined,
    ],
    [
      '60 levels of block indentation (parses, but deeper than any year file)',
      () => `year: 2024\nx:\n${Array.from({ length: 60 }, (_, i) => `${' '.repeat(i * 2)}- `).join('\n')}a\n`,
      undefined,
    ],
  ])('%s', (_what, text, line) => {
    const r = loadYamlText(text(), 'x.yaml');
    expect(r.value).toBeUndefined();
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]!.ruleId).toBe('load/too-deep');
    expect(r.diagnostics[0]!.message).toMatch(/层/);
    if (line !== undefined) expect(r.diagnostics[0]!.place?.line).toBe(line);
  });

  it('a real indicator tree is far from the limit', () => {
    // data/2024.yaml holds the deepest structure a year file has (部门评价表 indicators): it loads.
    expect(loadYear('2024').value).toBeDefined();
  });

  it('a 50 MB file is refused by its size, before it is read', () => {
    const dir = scratch('big');
    const path = join(dir, '2024.yaml');
    const line = `# ${'填充'.repeat(40)}\n`;
    writeFileSync(path, line.repeat(Math.ceil((50 * 1024 * 1024) / Buffer.byteLength(line))));
    const started = performance.now();
    const r = loadYear(path);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(r.diagnostics.map((d) => [d.ruleId, d.place?.line])).toEqual([['load/file-too-large', 1]]);
    expect(r.diagnostics[0]!.message).toMatch(/50\.0 MB.*不应超过 2 MB/);
    expect(MAX_FILE_BYTES).toBeLessThan(50 * 1024 * 1024);
  });
});
