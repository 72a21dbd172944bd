/** `schema`: writes the JSON Schema editors use to check a year file as it is typed. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { yearFileJsonSchema } from '../schema/index.ts';
import { defineCommand } from './command.ts';

/** The JSON Schema sits next to the year files, which point at it on their first line. */
export const SCHEMA_FILE = 'data/year-file.schema.json';

export function schemaText(): string {
  return JSON.stringify(yearFileJsonSchema(), null, 2) + '\n';
}

export default defineCommand({
  name: 'schema',
  summary: '重新生成编辑器提示用的 data/year-file.schema.json',
  usage: `用法：npm run schema [-- 文件夹 …]
  重新生成 ${SCHEMA_FILE}。年度文件第一行的 # yaml-language-server: $schema=./year-file.schema.json 指向它，
  VS Code 等编辑器据此提示每个字段的含义并即时标出写错的地方。
  年度文件放在其他文件夹（如 各单位/省体育局/）时，给出该文件夹，同一份说明也会写到那里。`,
  options: {},
  positionals: { min: 0, max: 100 },
  async run({ positionals }, io) {
    const text = schemaText();
    for (const dir of ['data', ...positionals]) {
      const target = join(dir, 'year-file.schema.json');
      mkdirSync(resolve(dir), { recursive: true });
      writeFileSync(resolve(target), text);
      io.out(`已生成 ${target}`);
    }
    return 0;
  },
});
