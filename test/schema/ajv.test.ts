/**
 * What an editor shows: data/year-file.schema.json checked against every shipped year file by a real
 * JSON Schema validator (ajv, draft 2020-12), the files read as an editor reads YAML (numbers as
 * numbers). A false “Incorrect type” in the editor is a failure here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const schema = JSON.parse(readFileSync('data/year-file.schema.json', 'utf8')) as object;
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile(schema);

/** Every year file the project ships: data/, the fixtures of the general case and of the rule tests. */
const files = [
  ...readdirSync('data')
    .filter((f) => /^\d{4}\.yaml$/.test(f))
    .map((f) => join('data', f)),
  ...['test/fixtures/general', 'test/fixtures/base'].flatMap((d) =>
    readdirSync(d)
      .filter((f) => /^\d{4}\.yaml$/.test(f))
      .map((f) => join(d, f)),
  ),
];

describe('the editor schema against the shipped year files', () => {
  it('finds the shipped year files', () => {
    expect(files).toEqual(
      expect.arrayContaining(['data/2020.yaml', 'data/2023.yaml', 'data/2024.yaml', 'test/fixtures/general/2024.yaml']),
    );
  });

  it.each(files)('%s: no error an editor would underline', (file) => {
    const ok = validate(parse(readFileSync(file, 'utf8')));
    expect(ok ? [] : validate.errors!.map((e) => `${e.instancePath} ${e.message}`)).toEqual([]);
  });

  it('would catch a real mistake: a 金额 written as text with a unit', () => {
    const data = parse(readFileSync('data/2024.yaml', 'utf8')) as { income: { general: unknown }[] };
    data.income[0]!.general = '848.10万元';
    expect(validate(data)).toBe(false);
  });
});
