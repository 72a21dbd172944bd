/**
 * `juesuan.config.json` at the project root: optional font choices, so an office can publish in the
 * faces it has (仿宋_GB2312, 方正小标宋, 黑体, 楷体) instead of the Noto defaults. Paths are relative to
 * the config file. Any role left out keeps its default.
 *
 *   { "fonts": { "serif": { "normal": "fonts/simfang.ttf", "bold": "…" }, "sans": { "bold": "…" },
 *                "title": { "normal": "…" }, "kai": { "normal": "…" } } }
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

export const CONFIG_FILE = 'juesuan.config.json';

const face = z.object({ normal: z.string().min(1).optional(), bold: z.string().min(1).optional() }).strict();
const schema = z
  .object({
    fonts: z
      .object({
        /** 正文: regular for the body and tables, bold for emphasis in tables. */
        serif: face.optional(),
        /** 黑体: part titles and level-1 headings (bold, else normal). */
        sans: face.optional(),
        /** 小标宋: the document, report and table titles. */
        title: face.optional(),
        /** 楷体: level-2 headings. */
        kai: face.optional(),
      })
      .strict()
      .optional(),
  })
  .passthrough();

export type FontConfig = z.infer<typeof schema>;

/** Reads the config (none → defaults), with every font path made absolute. */
export function readFontConfig(root: string): FontConfig {
  const file = resolve(root, CONFIG_FILE);
  if (!existsSync(file)) return {};
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${CONFIG_FILE} 不是有效的 JSON：${(err as Error).message}`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${CONFIG_FILE} 中 ${issue.path.join('.') || '（根）'} 有误：${issue.message}`);
  }
  const fonts = parsed.data.fonts;
  if (!fonts) return parsed.data;
  const abs = (f?: { normal?: string; bold?: string }) =>
    f && { ...(f.normal ? { normal: resolve(root, f.normal) } : {}), ...(f.bold ? { bold: resolve(root, f.bold) } : {}) };
  return { ...parsed.data, fonts: { serif: abs(fonts.serif), sans: abs(fonts.sans), title: abs(fonts.title), kai: abs(fonts.kai) } };
}
