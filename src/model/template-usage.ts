/**
 * Which fields of a template's context the template uses, read from the template's syntax tree (not
 * from one rendering, where a field inside an {{#if}} that happens to be false would look unused).
 * The model fails the build when a context field is used by no template: the context and the wording
 * then drift apart silently (a figure computed and never printed, or printed by a template that was
 * since rewritten). `{{#if x}}` only tests `x`; passing `x` to a helper (`{{cmp x}}`) or printing it
 * uses all of it. An office that drops a sentence on purpose marks the field with `{{omit x}}`.
 */
import Handlebars from 'handlebars';

type Path = readonly string[];

interface Usage {
  /** Paths printed or passed to a helper: the whole value, with everything under it, is used. */
  used: Path[];
  /** Paths only tested (#if, #unless, eq …): used themselves, but not what is under them. */
  tested: Path[];
  /**
   * `{{name}}` where `name` is a helper: Handlebars calls the helper (with no argument) even when the
   * context has a field of that name, so the field is never printed. Always a mistake in a template.
   */
  bareHelpers: string[];
}

const BLOCK_SCOPES = new Set(['each', 'with']);
const TESTS = new Set(['if', 'unless']);
/** Helpers whose arguments are only compared or tested, never printed. */
const TEST_HELPERS = new Set(['eq', 'or', 'known', 'gt0']);

type Node = hbs.AST.Node;

/** The context paths `source` refers to; `helpers` are the names that are helpers, not fields. */
export function templateUsage(source: string, helpers: ReadonlySet<string>): Usage {
  const usage: Usage = { used: [], tested: [], bareHelpers: [] };
  const scopes: Path[] = [[]];

  const resolve = (p: hbs.AST.PathExpression): Path | undefined => {
    if (p.data) {
      // @root.x is a field of the root context; @index, @last … are loop data.
      return p.parts[0] === 'root' ? p.parts.slice(1) : undefined;
    }
    const base = scopes[Math.max(0, scopes.length - 1 - p.depth)]!;
    return [...base, ...p.parts];
  };
  const note = (expr: hbs.AST.Expression, tested: boolean) => {
    if (expr.type === 'PathExpression') {
      const path = resolve(expr as hbs.AST.PathExpression);
      if (path) (tested ? usage.tested : usage.used).push(path);
    } else if (expr.type === 'SubExpression') {
      call(expr as hbs.AST.SubExpression);
    }
  };
  const call = (node: { path: hbs.AST.Expression; params: hbs.AST.Expression[]; hash?: hbs.AST.Hash }, tested = false) => {
    const name = node.path.type === 'PathExpression' ? (node.path as hbs.AST.PathExpression).original : '';
    const test = tested || TEST_HELPERS.has(name);
    for (const p of node.params) note(p, test);
    for (const pair of node.hash?.pairs ?? []) note(pair.value, test);
  };
  const walk = (node: Node | undefined | null): void => {
    if (!node) return;
    switch (node.type) {
      case 'Program':
        for (const n of (node as hbs.AST.Program).body) walk(n);
        return;
      case 'MustacheStatement': {
        const m = node as hbs.AST.MustacheStatement;
        const name = m.path.type === 'PathExpression' ? (m.path as hbs.AST.PathExpression).original : '';
        if (m.params.length || m.hash?.pairs.length) call(m);
        else if (helpers.has(name)) usage.bareHelpers.push(name);
        else note(m.path, false);
        return;
      }
      case 'BlockStatement': {
        const b = node as hbs.AST.BlockStatement;
        const name = (b.path as hbs.AST.PathExpression).original;
        const target = b.params[0]?.type === 'PathExpression' ? resolve(b.params[0] as hbs.AST.PathExpression) : undefined;
        // #each and #with only open their value: what is used is what the block prints of it.
        if (BLOCK_SCOPES.has(name) && target) usage.tested.push(target);
        else call(b, TESTS.has(name));
        if (BLOCK_SCOPES.has(name) && target) {
          scopes.push(name === 'each' ? [...target, '[]'] : target);
          walk(b.program);
          scopes.pop();
        } else {
          walk(b.program);
        }
        walk(b.inverse);
        return;
      }
      default:
        return;
    }
  };
  walk(Handlebars.parse(source));
  return usage;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && [Object.prototype, null].includes(Object.getPrototypeOf(v));

/** The leaf fields of a context: plain objects are walked, array elements share one `[]` step. */
export function contextLeaves(value: unknown, path: Path = []): Path[] {
  if (Array.isArray(value)) {
    const leaves = value.flatMap((v) => contextLeaves(v, [...path, '[]']));
    const unique = new Map(leaves.map((l) => [l.join('.'), l]));
    return unique.size ? [...unique.values()] : [path];
  }
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    return keys.length ? keys.flatMap((k) => contextLeaves(value[k], [...path, k])) : [path];
  }
  return [path];
}

const startsWith = (a: Path, b: Path) => b.length <= a.length && b.every((s, i) => a[i] === s);

/** Context fields no template uses (dotted paths, `[]` for “each element”). */
export function unusedFields(context: unknown, usages: readonly Usage[]): string[] {
  const used = usages.flatMap((u) => u.used);
  const tested = usages.flatMap((u) => u.tested);
  return contextLeaves(context)
    .filter((leaf) => leaf.length > 0)
    .filter(
      (leaf) =>
        !used.some((p) => startsWith(leaf, p) || startsWith(p, leaf)) &&
        !tested.some((p) => p.join('.') === leaf.join('.') || startsWith(p, leaf)),
    )
    .map((leaf) => leaf.join('.'));
}

/**
 * Template paths the context does not have: strict Handlebars reports a misspelt field that is printed,
 * but not one passed to a helper (`{{amt income.grandTotl}}` would print 0.00). A path is missing when
 * it leads into an object that lacks the next field; a path through a value that is absent (an optional
 * section) or through an empty list cannot be judged and is let through.
 */
export function missingFields(context: unknown, usage: Usage): string[] {
  const missing = new Set<string>();
  const walk = (value: unknown, path: Path, i: number): void => {
    if (i === path.length) return;
    const step = path[i]!;
    if (Array.isArray(value)) {
      if (step === '[]') for (const v of value) walk(v, path, i + 1);
      else if (step !== 'length') missing.add(path.join('.'));
      return;
    }
    if (!isPlainObject(value)) return;
    if (!(step in value)) {
      missing.add(path.slice(0, i + 1).join('.'));
      return;
    }
    walk(value[step], path, i + 1);
  };
  for (const p of [...usage.used, ...usage.tested]) walk(context, p, 0);
  return [...missing];
}
