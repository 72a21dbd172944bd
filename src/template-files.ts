/**
 * Where a template's text comes from: the office's own folder (juesuan.config.json `templates`) when it
 * holds a file of that name, else the built-in templates/ folder. One rule for every template — the
 * narrative's sentences and the web edition's pages alike — so an office overrides a file by copying
 * it into its folder and editing the copy.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readConfig } from './config.ts';
import { TEMPLATE_DIR } from './paths.ts';

export interface TemplateFile {
  /** The name under templates/, e.g. `explanation.hbs` or `html/page.hbs`. */
  name: string;
  /** The file actually read. */
  path: string;
  /** Whether the office's folder supplied it. */
  overridden: boolean;
  text: string;
}

/** The override folder of the current working folder's config, if any. */
export function overrideDir(root = process.cwd()): string | undefined {
  return readConfig(root).templates;
}

export function readTemplate(name: string, root = process.cwd()): TemplateFile {
  const dir = overrideDir(root);
  const own = dir ? join(dir, name) : undefined;
  if (own && existsSync(own)) return { name, path: own, overridden: true, text: readFileSync(own, 'utf8') };
  const path = join(TEMPLATE_DIR, name);
  return { name, path, overridden: false, text: readFileSync(path, 'utf8') };
}
