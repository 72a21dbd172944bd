/**
 * The built-in narrative templates (templates/*.hbs, templates/phrases/*.hbs), compiled by Handlebars
 * when the CLI's bundle is made: src/run.mjs replaces this module in the bundle with one that holds each
 * file's text, the compile options and Handlebars' compiled form, so a cold build does not run the
 * Handlebars compiler on them (~0.1 s). Here, in the sources (tests, tsx), it is empty.
 *
 * narrative.ts uses a compiled form only for the very text it was compiled from, with the same options;
 * an office's own copy, a template edited since the bundle was made, or other options are compiled at
 * run time as before.
 */
export interface PrecompiledTemplates {
  /** The options every entry was compiled with. */
  options: CompileOptions;
  /** By name under templates/ (`explanation.hbs`, `phrases/change.hbs`). */
  templates: Record<string, { text: string; spec: TemplateSpecification }>;
}

export const PRECOMPILED: PrecompiledTemplates = { options: {}, templates: {} };
