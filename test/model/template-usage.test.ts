/**
 * The check that every field of a template's context is used by some template (issue 10): read from
 * the templates' syntax trees, so a field printed only inside an {{#if}} that is false for the seed
 * still counts as used, and a field tested by {{#if}} but never printed does not.
 */
import { describe, expect, it } from 'vitest';
import { contextLeaves, missingFields, templateUsage, unusedFields } from '../../src/model/template-usage.ts';

const HELPERS = new Set(['amt', 'cmp', 'each', 'if', 'unless', 'with', 'eq', 'omit', 'paren']);
const unused = (context: object, ...sources: string[]) =>
  unusedFields(
    context,
    sources.map((s) => templateUsage(s, HELPERS)),
  );

describe('which context fields a template uses', () => {
  it('a printed field and a field passed to a helper are used, with everything under them', () => {
    const ctx = { year: 2024, income: { total: { current: 1, previous: 2 }, opening: 3 } };
    expect(unused(ctx, '{{year}}{{cmp income.total}}')).toEqual(['income.opening']);
  });

  it('a field only tested by #if is not printed: it does not count as used', () => {
    const ctx = { overall: { grade: '优', summary: 'x' } };
    expect(unused(ctx, '{{#if overall}}有{{/if}}')).toEqual(['overall.grade', 'overall.summary']);
    expect(unused(ctx, '{{#if overall}}{{overall.grade}}{{/if}}')).toEqual(['overall.summary']);
  });

  it('a field printed only inside a branch the data does not take still counts (read from the template, not one rendering)', () => {
    expect(unused({ hasForeign: false, foreignBatches: 0 }, '{{#if hasForeign}}{{foreignBatches}}{{/if}}')).toEqual([]);
  });

  it('#each walks into the elements, ../ climbs out, @index and @last are loop data', () => {
    const ctx = { lines: [{ name: 'a', amount: 1, unusedField: 2 }], joiner: '、' };
    expect(unused(ctx, '{{#each lines}}{{paren @index}}{{name}}{{amt amount}}{{#unless @last}}{{../joiner}}{{/unless}}{{/each}}')).toEqual([
      'lines.[].unusedField',
    ]);
  });

  it('{{omit x}} marks a field left out on purpose', () => {
    expect(unused({ a: 1, b: 2 }, '{{a}}{{omit b}}')).toEqual([]);
  });

  it('fields of several templates sharing one context are pooled', () => {
    expect(unused({ a: 1, b: 2 }, '{{a}}', '{{b}}')).toEqual([]);
  });

  it('an empty list is one field, used by any path into its elements', () => {
    expect(contextLeaves({ list: [] })).toEqual([['list']]);
    expect(unused({ list: [] }, '{{#each list}}{{name}}{{/each}}')).toEqual([]);
  });
});

describe('fields a template names that the context lacks', () => {
  it('are found even when passed to a helper (strict Handlebars would let {{amt x.totl}} print 0.00)', () => {
    const usage = templateUsage('{{amt income.grandTotl}}{{#each lines}}{{nmae}}{{/each}}{{#if budget.lines.length}}{{/if}}', HELPERS);
    expect(missingFields({ income: { grandTotal: 1 }, lines: [{ name: 'a' }], budget: { lines: [] } }, usage)).toEqual([
      'income.grandTotl',
      'lines.[].nmae',
    ]);
  });

  it('a path through an absent optional section cannot be judged and is let through', () => {
    expect(missingFields({ overall: undefined }, templateUsage('{{#if overall}}{{overall.grade}}{{/if}}', HELPERS))).toEqual([]);
  });
});

describe('a helper name alone in a template', () => {
  it('is reported: Handlebars would call the helper and never print the field of that name', () => {
    expect(templateUsage('主要原因：{{reason}}', new Set(['reason'])).bareHelpers).toEqual(['reason']);
    expect(templateUsage('{{reason x}}{{this.reason}}', new Set(['reason'])).bareHelpers).toEqual([]);
  });
});
