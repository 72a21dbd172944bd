/** Child process for the determinism test: prints the sha256 of a year's web edition. */
import { createHash } from 'node:crypto';
import { buildModel } from '../../src/model/report.ts';
import { loadYear } from '../../src/pipeline.ts';
import { webEdition } from '../../src/render/html/index.ts';

const { calc } = loadYear(process.argv[2]!).value!;
const model = buildModel(calc);
console.log(createHash('sha256').update(webEdition(model, model.documents[0]!).bytes).digest('hex'));
