/**
 * The JSON renderer: report.json, the model as exact text (model/report.ts), what the correction diff
 * reads back at the next build and what a test or another program can read without parsing a PDF.
 */
import { serializeModel, type ReportModel } from '../model/report.ts';

export function renderJson(model: ReportModel): Buffer {
  return Buffer.from(serializeModel(model));
}
