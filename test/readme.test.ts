/** The README is the users' guide: it must start with the two set-up commands and document every rule. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../src/check/index.ts';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('gives the set-up and test commands before anything else', () => {
    const firstBlock = /```bash\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    expect(firstBlock).toContain('npm install && npm run build:2024');
    expect(firstBlock).toContain('npm test');
  });

  it('documents every registered rule', () => {
    const missing = RULES.map((r) => r.id).filter((id) => !readme.includes(`\`${id}\``));
    expect(missing).toEqual([]);
  });
});
