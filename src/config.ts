/**
 * `juesuan.config.json` in the working folder: an office's own choices, all optional.
 *   fonts      the faces it has (仿宋_GB2312, 方正小标宋, 黑体, 楷体) instead of the Noto defaults;
 *   templates  a folder of its own templates: a file there replaces the built-in one of the same name
 *              (templates/…), so a sentence can be reworded without touching code;
 *   charts     "pdf": true also puts the web edition's charts into the PDF (a page at the end of 第三部分).
 *   pdf        { "pdfa": true } publishes the PDF as PDF/A-2b, for archiving.
 * Paths are relative to the config file. Anything left out keeps its default.
 *
 *   { "fonts": { "serif": { "normal": "fonts/simfang.ttf", "bold": "…" }, "sans": { "bold": "…" },
 *                "title": { "normal": "…" }, "kai": { "normal": "…" } },
 *     "templates": "本单位模板", "pdf": { "pdfa": true } }
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
    templates: z.string().min(1).optional(),
    charts: z.object({ pdf: z.boolean().optional() }).strict().optional(),
    pdf: z
      .object({
        /** Write the PDF as PDF/A-2b (archival: fonts embedded, XMP metadata, an sRGB output intent). */
        pdfa: z.boolean().optional(),
      })
      .strict()
      .optional(),
  })
  .passthrough();

export type FontConfig = z.infer<typeof schema>;

export type Config = FontConfig;

/** Reads the config (none → defaults), with every path made absolute. */
export function readConfig(root = process.cwd()): Config {
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
  const templates = parsed.data.templates === undefined ? {} : { templates: resolve(root, parsed.data.templates) };
  if (!fonts) return { ...parsed.data, ...templates };
  const abs = (f?: { normal?: string; bold?: string }) =>
    f && { ...(f.normal ? { normal: resolve(root, f.normal) } : {}), ...(f.bold ? { bold: resolve(root, f.bold) } : {}) };
  return {
    ...parsed.data,
    ...templates,
    fonts: { serif: abs(fonts.serif), sans: abs(fonts.sans), title: abs(fonts.title), kai: abs(fonts.kai) },
  };
}
