/**
 * The command line runs the built-in templates as Handlebars compiled them when its bundle was made
 * (src/model/precompiled-templates.ts, filled in by src/run.mjs); the sources compile them at run time.
 * Both must write the same text: the web edition and report.json (every sentence of the narrative) of
 * a build through the command line equal those made here from the same year file. And an office's own
 * copy of a web-edition template is what the command line uses, not the compiled built-in one.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/report.ts';
import { loadYear } from '../../src/pipeline.ts';
import { webEdition } from '../../src/render/html/index.ts';
import { renderJson } from '../../src/render/json.ts';
import { runCli, warmUp } from '../robustness/cli-run.ts';

const root = mkdtempSync(join(tmpdir(), 'juesuan-precompiled-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const HTML = '江西省总工会2024年度部门决算.html';

function project(name: string, templates: Record<string, string> = {}): string {
  const dir = join(root, name);
  mkdirSync(join(dir, '本单位模板', 'html'), { recursive: true });
  cpSync('data', join(dir, 'data'), { recursive: true });
  if (Object.keys(templates).length) writeFileSync(join(dir, 'juesuan.config.json'), JSON.stringify({ templates: '本单位模板' }));
  for (const [file, text] of Object.entries(templates)) writeFileSync(join(dir, '本单位模板', file), text);
  return dir;
}

describe('templates compiled when the bundle is made', () => {
  beforeAll(() => warmUp(root), 60_000);

  it('write what the templates compiled at run time write', async () => {
    const dir = project('built-in');
    const run = await runCli(['build', '2024'], dir);
    expect(run.code, run.stderr).toBe(0);
    // Here, from the sources: the same year file, every template compiled now.
    const model = buildModel(loadYear(join(dir, 'data', '2024.yaml')).value!.calc);
    const out = join(dir, 'output', '2024');
    expect(readFileSync(join(out, 'report.json')).equals(renderJson(model))).toBe(true);
    expect(readFileSync(join(out, HTML)).equals(webEdition(model, model.documents[0]!).bytes)).toBe(true);
  }, 120_000);

  it('give way to an office’s own copy of a web-edition template', async () => {
    const table = readFileSync('templates/html/table.hbs', 'utf8');
    expect(table).toContain('<table style=');
    const dir = project('office', { 'html/table.hbs': table.replace('<table style=', '<table data-office="本单位" style=') });
    const run = await runCli(['build', '2024'], dir);
    expect(run.code, run.stderr).toBe(0);
    const html = readFileSync(join(dir, 'output', '2024', HTML), 'utf8');
    // Every 公开表 of the page (there are ten) is drawn by the office's copy.
    const tables = html.match(/class="table-block/g)?.length ?? 0;
    expect(tables).toBeGreaterThanOrEqual(10);
    expect(html.match(/<table data-office="本单位" style=/g)?.length).toBe(tables);
  }, 120_000);
});
