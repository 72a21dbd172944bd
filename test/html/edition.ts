/** Test helpers: a year's model and its web edition through the real pipeline (as `build` makes them). */
import { expect } from 'vitest';
import { buildModel, type ReportModel } from '../../src/model/report.ts';
import { loadYear } from '../../src/pipeline.ts';
import { webEdition } from '../../src/render/html/index.ts';

export interface Edition {
  model: ReportModel;
  name: string;
  html: string;
  bytes: Buffer;
}

export function editionOf(year: string): Edition {
  const result = loadYear(year);
  expect(result.value, JSON.stringify(result.diagnostics)).toBeDefined();
  const { calc } = result.value!;
  const model = buildModel(calc);
  const { name, bytes } = webEdition(model, model.documents[0]!);
  return { model, name, html: bytes.toString('utf8'), bytes };
}
