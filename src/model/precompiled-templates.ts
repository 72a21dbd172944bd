/**
 * The built-in templates, compiled by Handlebars when the CLI's bundle is made: src/run.mjs replaces
 * this module in the bundle with one that holds, for each group — the narrative's templates
 * (templates/*.hbs, templates/phrases/*.hbs) and the web edition's (templates/html/) — the compile
 * options and each file's text and compiled form, so a cold build does not run the Handlebars compiler
 * on them (~0.1 s each group). Here, in the sources (tests, tsx), it is empty.
 *
 * A compiled form is used (precompiled()) only for the very text it was compiled from, with the same
 * options; an office's own copy, a template edited since the bundle was made, or other options are
 * compiled at run time as before.
 */

export interface PrecompiledGroup {
  /** The options every entry was compiled with. */
  options: CompileOptions;
  /** By name under templates/ (`explanation.hbs`, `phrases/change.hbs`, `html/page.hbs`). */
  templates: Record<string, { text: string; spec: TemplateSpecification }>;
}

export const PRECOMPILED: Partial<Record<'narrative' | 'html', PrecompiledGroup>> = {};

/** The compiled form of built-in template `name` of `group`, if it was compiled from `text` with `options`. */
export function precompiled(
  group: 'narrative' | 'html',
  name: string,
  text: string,
  options: CompileOptions,
): TemplateSpecification | undefined {
  const g = PRECOMPILED[group];
  if (!g || JSON.stringify(g.options) !== JSON.stringify(options)) return undefined;
  const entry = g.templates[name];
  return entry?.text === text ? entry.spec : undefined;
}
