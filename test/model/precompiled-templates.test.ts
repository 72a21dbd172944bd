/**
 * The templates the launcher compiles into the bundle (src/precompile-templates.mjs) are used only when
 * they were compiled with the options the renderers compile with — so those must agree, or every cold
 * build silently compiles them again. And what a compiled form writes is what the template compiled at
 * run time writes (test/html/precompiled.test.ts checks whole documents through the command line).
 */
import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { COMPILE_OPTIONS as NARRATIVE_OPTIONS } from '../../src/model/narrative.ts';
import { precompiled, PRECOMPILED, type PrecompiledGroup } from '../../src/model/precompiled-templates.ts';
import { TEMPLATE_DIR } from '../../src/paths.ts';
import { PRECOMPILE, precompiledSource } from '../../src/precompile-templates.mjs';
import { COMPILE_OPTIONS as HTML_OPTIONS } from '../../src/render/html/index.ts';

const OPTIONS = { narrative: NARRATIVE_OPTIONS, html: HTML_OPTIONS } as const;
const generated = new Function(`return ${precompiledSource(TEMPLATE_DIR, Handlebars)};`)() as Record<
  'narrative' | 'html',
  PrecompiledGroup
>;

describe('templates compiled into the bundle', () => {
  for (const group of ['narrative', 'html'] as const) {
    it(`${group}: compiled with the renderer's options, every built-in file, each used for its own text only`, () => {
      expect(PRECOMPILE[group].options).toEqual(OPTIONS[group]);
      const names = PRECOMPILE[group].names(TEMPLATE_DIR);
      expect(names.length).toBeGreaterThan(group === 'html' ? 5 : 8);
      expect(Object.keys(generated[group].templates).sort()).toEqual([...names].sort());
      const before = PRECOMPILED[group];
      PRECOMPILED[group] = generated[group];
      try {
        for (const name of names) {
          const text = readFileSync(`${TEMPLATE_DIR}/${name}`, 'utf8');
          expect(precompiled(group, name, text, OPTIONS[group]), name).toBeDefined();
          expect(precompiled(group, name, `${text} `, OPTIONS[group]), `${name} edited`).toBeUndefined();
          expect(precompiled(group, name, text, { ...OPTIONS[group], strict: false }), `${name} other options`).toBeUndefined();
        }
      } finally {
        if (before) PRECOMPILED[group] = before;
        else delete PRECOMPILED[group];
      }
    });
  }

  it('a compiled form writes what the same template compiled at run time writes', () => {
    const text = 'Total {{amount}}{{#each items}}, {{name}}: {{value}}{{/each}}.';
    const context = {
      amount: '12,653.82',
      items: [
        { name: '<收入>', value: '1' },
        { name: '支出', value: '2' },
      ],
    };
    for (const options of [NARRATIVE_OPTIONS, HTML_OPTIONS]) {
      const spec = new Function(`return ${Handlebars.precompile(text, { ...options })};`)() as TemplateSpecification;
      expect(Handlebars.template(spec)(context)).toBe(Handlebars.compile(text, options)(context));
    }
  });
});
