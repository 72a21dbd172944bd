/**
 * The README is the users' guide: it must start with the two set-up commands, document every rule, and
 * its examples must be what the tool does today — each command line it shows is accepted by the
 * command layer, and the example message is the one `check` prints for the change it describes.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RULES } from '../src/check/index.ts';
import { parseCommandArgs } from '../src/commands/args.ts';
import { runCommand } from '../src/commands/index.ts';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const scripts = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> })
  .scripts;
const bashBlocks = [...readme.matchAll(/```bash\n([\s\S]*?)```/g)].map((m) => m[1]!);

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('README', () => {
  it('gives the set-up and test commands before anything else', () => {
    const firstBlock = bashBlocks[0] ?? '';
    expect(firstBlock).toContain('npm install && npm run build:2024');
    expect(firstBlock).toContain('npm test');
  });

  it('documents every registered rule', () => {
    const missing = RULES.map((r) => r.id).filter((id) => !readme.includes(`\`${id}\``));
    expect(missing).toEqual([]);
  });

  it('shows only command lines the tool accepts: an npm script that exists, options the command knows', async () => {
    const lines = bashBlocks
      .flatMap((b) => b.split('\n'))
      .map((l) => l.replace(/#.*$/, '').trim())
      .filter((l) => l.startsWith('npm run ') || l.startsWith('npx juesuan '));
    expect(lines.length).toBeGreaterThan(8);
    const { COMMANDS } = await import('../src/commands/index.ts');
    for (const line of lines) {
      const npx = line.startsWith('npx juesuan ');
      const [script, ...rest] = line.slice(npx ? 'npx juesuan '.length : 'npm run '.length).split(/\s+/);
      if (!npx) expect(scripts, line).toHaveProperty(script!);
      // What the CLI receives: the script's own arguments (npm run build:2024 runs `build 2024`), then
      // whatever follows `--`.
      const scriptArgs = npx ? [script!] : (scripts[script!]!.split('src/run.mjs ')[1] ?? '').split(/\s+/).filter(Boolean);
      if (!npx && !scripts[script!]!.includes('src/run.mjs')) continue;
      const [name, ...fixed] = scriptArgs;
      const args = [...fixed, ...(rest[0] === '--' ? rest.slice(1) : rest)];
      expect(COMMANDS, line).toHaveProperty(name!);
      const command = (await COMMANDS[name!]!.load()).default;
      expect(() => parseCommandArgs(command, args), line).not.toThrow();
    }
  });

  it('the example message of section 三 is what check prints for the change it describes', async () => {
    const example = /例如把 `data\/2024\.yaml`\n`changes` 中的「(.+?)」一项删去，会报：\n\n```\n(.+)\n```/.exec(readme);
    expect(example).not.toBeNull();
    const [, item, message] = example!;
    const dir = mkdtempSync(join(tmpdir(), 'juesuan-readme-'));
    dirs.push(dir);
    cpSync('data', join(dir, 'data'), { recursive: true });
    const file = join(dir, 'data', '2024.yaml');
    const lines = readFileSync(file, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.includes(`text: ${item}`));
    expect(at).toBeGreaterThan(0);
    lines.splice(at, 1);
    writeFileSync(file, lines.join('\n'));
    const out: string[] = [];
    expect(await runCommand(['check', file], { out: (t) => out.push(t), err: (t) => out.push(t) })).toBe(1);
    expect(out.join('\n')).toContain(message!.replace('data/2024.yaml', file));
  });
});
