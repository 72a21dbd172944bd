/**
 * Reading a PDF leaves the JavaScript built-ins as they were (test/setup/pdfjs-builtins.ts): pdfjs's
 * legacy build would otherwise swap JSON.stringify, JSON.parse, Array.prototype.push and
 * Function.prototype.toString for slower polyfills in the worker every later test file runs in. A
 * built-in function has no `prototype` property; the polyfills, plain functions, do.
 */
import { expect, it } from 'vitest';
import { readPdf as verifyReads } from '../../src/verify/pdf.ts';
import { seedFile } from '../helpers/seed-build.ts';
import { readPdf } from './pdf-text.ts';

const PDF = '江西省总工会2020年度部门预算项目绩效自评报告.pdf';

it('reading a PDF with pdfjs leaves JSON, Array.prototype.push and Function.prototype.toString native', async () => {
  expect((await readPdf(seedFile('2020', PDF))).pages.length).toBeGreaterThan(1);
  expect((await verifyReads(seedFile('2020', PDF))).pages.length).toBeGreaterThan(1);
  const builtins = {
    'JSON.stringify': JSON.stringify,
    'JSON.parse': JSON.parse,
    'Array.prototype.push': Array.prototype.push,
    'Function.prototype.toString': Function.prototype.toString,
  };
  for (const [name, fn] of Object.entries(builtins)) expect(Object.hasOwn(fn, 'prototype'), name).toBe(false);
});
