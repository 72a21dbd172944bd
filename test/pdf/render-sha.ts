/** Child process for the determinism test: prints the sha256 of each PDF a year file publishes. */
import { createHash } from 'node:crypto';
import { buildDocuments } from '../../src/model/build-document.ts';
import { loadYear } from '../../src/pipeline.ts';
import { renderPdf } from '../../src/render/pdf/index.ts';

const result = loadYear(process.argv[2]!);
for (const doc of buildDocuments(result.value!.calc)) {
  console.log(createHash('sha256').update(await renderPdf(doc)).digest('hex'));
}
