/** Child process for the determinism test: renders a year's workbook and prints its sha256. */
import { createHash } from 'node:crypto';
import { renderYear } from './helpers.ts';

const { buffer } = await renderYear(process.argv[2] ?? 'data/2024.yaml');
process.stdout.write(createHash('sha256').update(buffer).digest('hex'));
