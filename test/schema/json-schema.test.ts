/** Editors read data/year-file.schema.json; it must be the current schema, and describe the year files. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, schemaText } from '../../src/commands/schema.ts';

describe('the JSON Schema for editors', () => {
  it('is up to date with the zod schema (run `npm run schema` after changing it)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(schemaText());
  });

  it('is referenced by every shipped year file', () => {
    for (const year of ['2020', '2023', '2024']) {
      expect(readFileSync(`data/${year}.yaml`, 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=./year-file.schema.json');
    }
  });

  it('explains keys in Chinese and accepts amounts as numbers', () => {
    const schema = JSON.parse(schemaText()) as {
      properties: Record<string, { description?: string; items?: { properties?: Record<string, unknown> } }>;
    };
    expect(schema.properties.income?.description).toMatch(/本年收入/);
    const general = schema.properties.income?.items?.properties?.general as { anyOf: { type: string }[] };
    expect(general.anyOf.map((a) => a.type)).toContain('number');
  });
});
