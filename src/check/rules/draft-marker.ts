import { formatPath } from '../../load/source-map.ts';
import { DRAFT_PREFIX, hasDraftMark, isDraftFigure } from '../../schema/draft.ts';
import { defineRule, walkStrings } from './_util.ts';

/**
 * A file made by `new` or `import` marks what a person still has to supply: a figure no 公开表 holds
 * (`待填写`) and last year's texts kept as drafts (`【待填写】…`). Each is an error until it is written,
 * so nothing stale or empty is published; every one is reported, each with its line.
 */
export default defineRule({
  id: 'draft-marker',
  severity: 'error',
  description: '「待填写」标记（由 new、import 命令留下）：本年度的数字尚未填写，或从上年带入的文字尚未核实改写',
  appliesTo: ['disclosure', 'partial', 'reports'],
  check(ctx) {
    for (const { text, path } of walkStrings(ctx.raw)) {
      if (!hasDraftMark(text)) continue;
      const where = formatPath(path);
      if (isDraftFigure(text)) {
        ctx.report({ path, message: `${where} 待填写：请填写本年度的数字或文字（公开表中没有这一项，导入无法给出）` });
        continue;
      }
      const at = text.indexOf(DRAFT_PREFIX);
      const draft = text.slice(at + DRAFT_PREFIX.length).trim();
      const shown = draft.length > 24 ? `${draft.slice(0, 24)}…` : draft;
      ctx.report({
        path,
        at: { text, index: at },
        message: `${where} 是从上年带入的草稿「${shown}」：请按本年度情况核实或改写，然后删去「${DRAFT_PREFIX}」`,
      });
    }
  },
});
