/** `schema`: writes the JSON Schema editors use to check a year file as it is typed. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
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
  usage: `用法：npm run schema
  重新生成 ${SCHEMA_FILE}。年度文件第一行的 # yaml-language-server: $schema=… 指向它，
  VS Code 等编辑器据此提示每个字段的含义并即时标出写错的地方。`,
  options: {},
  positionals: { min: 0, max: 0 },
  async run(_input, io) {
    mkdirSync(resolve('data'), { recursive: true });
    writeFileSync(resolve(SCHEMA_FILE), schemaText());
    io.out(`已生成 ${SCHEMA_FILE}`);
    return 0;
  },
});
