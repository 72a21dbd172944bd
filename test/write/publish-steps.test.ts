/**
 * Every step of a publish — each file created, written, flushed, copied, renamed, removed, each folder
 * flushed — is a place where the process can die or the disk can fail. For each kind of publish, this
 * test first records all its steps, then for every single one of them:
 *   - kills the publish there (as kill -9 would: nothing cleaned up), checks that the folder still holds
 *     whole versions only — the version manifest.json names is whole (in the folder or in history/), and
 *     every visible file is a whole file of the old or the new version — and that the next publish ends
 *     in exactly the state an uninterrupted one gives, archive and all;
 *   - makes that step fail with an errno instead: before the commit point the publish undoes everything
 *     and the folder is byte for byte as before (no work folder, no lock, no new archive); after it, the
 *     new version stands and the publish succeeds, saying what it could not clean up.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PublishError } from '../../src/write/publish.ts';
import {
  cleanup,
  errno,
  Killed,
  manifestIsWhole,
  PDF,
  publishN,
  REPORT_PDF,
  stepsOf,
  stopAt,
  tree,
  treeWithTimes,
  visible,
  workspace,
} from './helpers.ts';

afterAll(cleanup);

type Hook = (step: string) => void;

interface Scenario {
  name: string;
  /** The folder before the publish under test. */
  setup(out: string): void;
  /** The publish under test. */
  run(out: string, hook?: Hook): unknown;
}

const SCENARIOS: Scenario[] = [
  { name: 'a first publication', setup: () => {}, run: (out, step) => publishN(out, 1, undefined, step ? { step } : {}) },
  {
    name: 'a correction (version 1 → 2)',
    setup: (out) => publishN(out, 1),
    run: (out, step) => publishN(out, 2, undefined, step ? { step } : {}),
  },
  {
    name: 'a correction that drops the workbook and adds a report',
    setup: (out) => publishN(out, 1),
    run: (out, step) => publishN(out, 2, [PDF, REPORT_PDF, 'report.json'], step ? { step } : {}),
  },
  {
    name: 'a second correction (version 2, with its changes.md, → 3)',
    setup: (out) => {
      publishN(out, 1);
      publishN(out, 2);
    },
    run: (out, step) => publishN(out, 3, undefined, step ? { step } : {}),
  },
  {
    name: 'a correction whose archive a killed publish already made',
    setup: (out) => {
      publishN(out, 1);
      expect(() =>
        publishN(out, 2, undefined, {
          step: (s) => {
            if (s === 'archived') throw new Killed();
          },
        }),
      ).toThrow(Killed);
    },
    run: (out, step) => publishN(out, 2, undefined, step ? { step } : {}),
  },
  {
    name: 'a repair (the PDF deleted by hand, the same version rebuilt)',
    setup: (out) => {
      publishN(out, 1);
      rmSync(join(out, PDF));
    },
    run: (out, step) => publishN(out, 1, undefined, step ? { step } : {}),
  },
];

describe.each(SCENARIOS)('$name', (scenario) => {
  const prepare = () => {
    // In memory when the system has a RAM disk: some 500 publishes, and flushing each step to a real
    // disk would only make the test slow (what is tested here is the order of the steps, not the disk).
    const { out } = workspace('steps', { memory: true });
    scenario.setup(out);
    return out;
  };
  const reference = (() => {
    const out = prepare();
    const before = tree(out);
    const whole = manifestIsWhole(out);
    const steps = stepsOf((hook) => scenario.run(out, hook));
    return { before, whole, after: tree(out), steps };
  })();
  /** Every file a visible name may hold at any instant: its old or its new content. */
  const allowed = (name: string) => [reference.before[name], reference.after[name]].filter(Boolean);
  /** The last step that changes a published file: for a publish, manifest.json arriving (the commit point). */
  const commit = reference.steps.map((s) => s.startsWith('rename:.juesuan/staging/')).lastIndexOf(true);
  /** The folder before, as the publish finds it once it has cleaned up what an earlier killed one left. */
  const recovered = Object.fromEntries(Object.entries(reference.before).filter(([p]) => !p.startsWith('.juesuan')));

  it('has steps for every rename and every flush, the commit among them', () => {
    expect(reference.steps.filter((s) => s.startsWith('rename:')).length).toBeGreaterThan(0);
    expect(reference.steps.filter((s) => s.startsWith('fsync')).length).toBeGreaterThan(0);
    expect(commit).toBeGreaterThan(0);
    expect(reference.after['.juesuan/']).toBeUndefined();
    expect(reference.after['.juesuan.lock/']).toBeUndefined();
  });

  it.each(reference.steps.map((s, i) => [i, s] as const))(
    'killed at step %i (%s): whole versions only, and the next publish completes it',
    (i) => {
      const out = prepare();
      expect(() => scenario.run(out, stopAt(i))).toThrow(Killed);
      // (A version damaged by hand before the publish stays damaged until the repair completes.)
      expect(manifestIsWhole(out)).toBe(reference.whole || i > commit);
      for (const [name, hash] of Object.entries(visible(tree(out)))) {
        if (!hash.endsWith('dir')) expect(allowed(name), `${name} after a kill at step ${i}`).toContain(hash);
      }
      scenario.run(out);
      expect(tree(out)).toEqual(reference.after);
    },
  );

  it.each(reference.steps.map((s, i) => [i, s] as const))('a disk error at step %i (%s): all or nothing', (i) => {
    const out = prepare();
    const before = treeWithTimes(out);
    if (i <= commit) {
      expect(() => scenario.run(out, stopAt(i, errno('EIO')))).toThrow(PublishError);
      // A failure while cleaning up after an earlier killed publish leaves that for the next one.
      const own = reference.steps.indexOf('mkdir:.juesuan');
      expect(i < own ? [reference.before, recovered] : [recovered]).toContainEqual(tree(out));
      // Before any published file was replaced, not even a modification time changed.
      if (!reference.steps.slice(0, i).some((s) => s.startsWith('rename:.juesuan/staging/')))
        expect(visible(treeWithTimes(out))).toEqual(visible(before));
    } else {
      // After the commit point the new version is published; only the clean-up may be left.
      scenario.run(out, stopAt(i, errno('EIO')));
      expect(visible(tree(out))).toEqual(visible(reference.after));
      scenario.run(out);
      expect(tree(out)).toEqual(reference.after);
    }
  });
});
