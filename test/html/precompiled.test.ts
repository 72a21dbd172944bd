/**
 * The command line runs the built-in templates as Handlebars compiled them when its bundle was made
 * (src/model/precompiled-templates.ts, filled in by src/run.mjs); the sources compile them at run time.
 * Both must write the same text: the web edition and report.json (every sentence of the narrative) that
 * `build 2024` published through the command line (the run's seed build, test/setup/seed-build.ts) equal
 * those made here from the same year file. That an office's own copy of a web-edition template is what
 * the command line uses, not the compiled built-in one, is in test/model/template-override.test.ts.
 */
import { expect, it } from 'vitest';
import { buildModel } from '../../src/model/report.ts';
import { loadYear } from '../../src/pipeline.ts';
import { webEdition } from '../../src/render/html/index.ts';
import { renderJson } from '../../src/render/json.ts';
import { seedFile } from '../helpers/seed-build.ts';

const HTML = '江西省总工会2024年度部门决算.html';

it('templates compiled when the bundle is made write what the templates compiled at run time write', () => {
  // Here, from the sources: the same year file, every template compiled now.
  const model = buildModel(loadYear('2024').value!.calc);
  expect(seedFile('2024', 'report.json').equals(renderJson(model))).toBe(true);
  expect(seedFile('2024', HTML).equals(webEdition(model, model.documents[0]!).bytes)).toBe(true);
});
