/**
 * The pipeline's layers, read from the import statements of src/ (static and dynamic). A module may
 * import from its own layer and from the layers it is allowed to see, never upward:
 *
 *   base (decimal, diagnostics, paths, config, file-names, text-width, cell-address, fonts, catalogue)
 *   → load → schema → calc → check          (the year file, checked)
 *   → model                                 (every figure and sentence, frozen)
 *   → diff | render | verify                (each reads models only; render is a leaf; verify reads
 *                                           a PDF back against a model)
 *   → write                                 (files on disk; knows nothing of the content)
 *   → app (pipeline, build, commands, cli …) wires them together.
 *
 * So: renderers never reach into calc or the year file; the glyph check does not load the PDF
 * renderer; the diffs take two models and never run the pipeline themselves.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = 'src';

type Layer = 'base' | 'load' | 'schema' | 'calc' | 'check' | 'model' | 'diff' | 'render' | 'verify' | 'write' | 'app';

/** What each layer may import besides itself. */
const ALLOWED: Record<Layer, Layer[]> = {
  base: [],
  load: ['base'],
  schema: ['base', 'load'],
  calc: ['base', 'load', 'schema'],
  check: ['base', 'load', 'schema', 'calc'],
  model: ['base', 'load', 'schema', 'calc'],
  diff: ['base', 'model'],
  render: ['base', 'model'],
  verify: ['base', 'model'],
  write: ['base'],
  app: ['base', 'load', 'schema', 'calc', 'check', 'model', 'diff', 'render', 'verify', 'write'],
};

export function layerOf(file: string): Layer {
  const rel = relative(SRC, file).split('\\').join('/');
  const top = rel.split('/')[0]!;
  if (
    [
      'decimal.ts',
      'change.ts',
      'diagnostics.ts',
      'paths.ts',
      'config.ts',
      'template-files.ts',
      'text-width.ts',
      'file-names.ts',
      'cell-address.ts',
    ].includes(rel) ||
    top === 'fonts' ||
    top === 'catalogue'
  )
    return 'base';
  if (['load', 'schema', 'calc', 'check', 'model', 'diff', 'render', 'verify', 'write'].includes(top)) return top as Layer;
  return 'app';
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.(ts|mjs)$/.test(e.name) && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
  );
}

/** Relative imports of a module: `import … from '…'`, `export … from '…'`, `import('…')`. */
export function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'";]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => m[1] ?? m[2]!,
  );
  return specs.filter((s) => s.startsWith('.')).map((s) => normalize(join(dirname(file), s)));
}

describe('layers of src/', () => {
  const files = sources(SRC);

  it('finds the modules and their imports', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(importsOf(join(SRC, 'cli.ts'))).toContain(normalize('src/commands/index.ts'));
  });

  it('no import crosses a layer upward', () => {
    const violations: string[] = [];
    for (const file of files) {
      const from = layerOf(file);
      for (const target of importsOf(file)) {
        const to = layerOf(target);
        if (to !== from && !ALLOWED[from].includes(to)) violations.push(`${file} (${from}) → ${target} (${to})`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('the rule itself catches an upward import', () => {
    expect(ALLOWED[layerOf('src/check/rules/glyph-coverage.ts')]).not.toContain(layerOf('src/render/pdf/fonts.ts'));
    expect(ALLOWED[layerOf('src/model/context.ts')]).not.toContain(layerOf('src/render/format.ts'));
    expect(ALLOWED[layerOf('src/diff/report.ts')]).not.toContain(layerOf('src/calc/index.ts'));
    expect(ALLOWED[layerOf('src/render/json.ts')]).not.toContain(layerOf('src/calc/index.ts'));
    // verify judges the PDF by what it shows: it never asks the renderer how it laid a table out.
    expect(ALLOWED[layerOf('src/verify/tables.ts')]).not.toContain(layerOf('src/render/pdf/table.ts'));
  });
});

describe('ExcelJS only reads', () => {
  // It costs a build ~0.15 s to load and more to write with: the 公开表 are written directly
  // (src/render/xlsx/), and only `import` (reading a finance system's workbook) needs ExcelJS.
  it('is imported by src/import/ alone', () => {
    const users = sources(SRC).filter((f) => /from\s+['"]exceljs['"]|import\(\s*['"]exceljs['"]/.test(readFileSync(f, 'utf8')));
    expect(users.length).toBeGreaterThan(0);
    expect(users.filter((f) => !relative(SRC, f).startsWith('import'))).toEqual([]);
  });
});

describe('the project stands alone', () => {
  it('no file of the repository cites notes kept outside it', async () => {
    const { execFileSync } = await import('node:child_process');
    const files = execFileSync('git', ['ls-files', 'src', 'test', 'templates', 'README.md', 'package.json'], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
    const outside = /libraries\.md|domain\.md|DESIGN\.md|style\.md|\.\.\/shared\//;
    const cited = files.filter(
      (f) => !f.startsWith('test/architecture/') && /\.(ts|mjs|hbs|md|json|yaml)$/.test(f) && outside.test(readFileSync(f, 'utf8')),
    );
    expect(cited).toEqual([]);
  });
});
