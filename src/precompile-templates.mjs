/**
 * The built-in templates compiled by Handlebars when the CLI's bundle is made (src/run.mjs puts what
 * this returns into src/model/precompiled-templates.ts, which says how they are used): the narrative's
 * (templates/*.hbs, phrases/) with the options src/model/narrative.ts compiles with, the web
 * edition's (templates/html/) with those of src/render/html/index.ts. Each uses a compiled form only
 * when its options are these, and only for the very text it was compiled from (a test checks that the
 * options agree, test/model/precompiled-templates.test.ts). Plain JavaScript: the launcher runs it
 * before any TypeScript is compiled.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const PRECOMPILE = {
  narrative: {
    options: { strict: true, noEscape: true, preventIndent: true },
    names: (dir) =>
      [...readdirSync(dir), ...readdirSync(join(dir, 'phrases')).map((n) => `phrases/${n}`)].filter((n) => n.endsWith('.hbs')),
  },
  html: {
    options: { strict: true, preventIndent: true },
    names: (dir) =>
      readdirSync(join(dir, 'html'))
        .filter((n) => /\.(hbs|css)$/.test(n))
        .map((n) => `html/${n}`),
  },
};

/** The groups as the source of a JavaScript object literal: { group: { options, templates: { name: { text, spec } } } }. */
export function precompiledSource(templatesDir, Handlebars) {
  const groups = Object.entries(PRECOMPILE).map(([group, { options, names }]) => {
    const entries = names(templatesDir)
      .sort()
      .map((name) => {
        const text = readFileSync(join(templatesDir, name), 'utf8');
        // A copy: Handlebars adds its defaults to the options object it is given.
        return `${JSON.stringify(name)}: { text: ${JSON.stringify(text)}, spec: ${Handlebars.precompile(text, { ...options })} }`;
      });
    return `${group}: { options: ${JSON.stringify(options)}, templates: {\n${entries.join(',\n')}\n} }`;
  });
  return `{\n${groups.join(',\n')}\n}`;
}
