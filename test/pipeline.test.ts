import { describe, expect, it } from 'vitest';
import { hasErrors } from '../src/diagnostics.ts';
import { loadYear } from '../src/pipeline.ts';

describe('the shipped year files', () => {
  it.each(['2024', '2023', '2020'])('data/%s.yaml checks without errors', (year) => {
    const result = loadYear(year);
    expect(result.value).toBeDefined();
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(hasErrors(result.diagnostics)).toBe(false);
  });

  it('2024 reports exactly the one known continuity warning (seed defect C-4)', () => {
    const result = loadYear('2024');
    expect(result.diagnostics.map((d) => [d.ruleId, d.place?.line])).toEqual([['balance-continuity', expect.any(Number)]]);
  });
});
