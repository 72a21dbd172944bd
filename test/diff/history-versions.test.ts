/**
 * Issue 9 §2: versions are never reused and an archive is never a lie.
 *   - Version numbers come from what survives — the manifest's own version and the highest number any
 *     archive records — so deleting history/001 (or all of history/) does not make the next correction
 *     第 2 版 again; the missing archives are reported on the terminal and in changes.md, not filled.
 *   - A version whose files no longer match its manifest is archived as it is, marked damaged (damaged.md
 *     in the archive), and said so in changes.md and on the terminal.
 *   - An output folder belongs to one department: another department's year file built into it is an
 *     error naming both and the way out (--out=…), with nothing written.
 */
import { cpSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildYear } from '../../src/build.ts';
import { UserError } from '../../src/commands/command.ts';
import { readManifest } from '../../src/write/manifest.ts';
import { treeWithTimes } from '../write/helpers.ts';
import { copyOf, CORRECTION, fakeRenderers, workspace, type Workspace } from './fixture.ts';

const PDF = '江西省总工会2024年度部门决算.pdf';
const SECOND: [string, string][] = [['performance:\n  overall:\n    grade: 优', 'performance:\n  overall:\n    grade: 良']];

const spaces: Workspace[] = [];
afterAll(() => spaces.forEach((w) => w.cleanup()));

/** Built once for the tests below, each of which starts from a copy. */
let first: Workspace | undefined;
let second: Workspace | undefined;

/** Version 1 published. */
async function oneVersion(): Promise<Workspace> {
  if (!first) {
    first = workspace();
    spaces.push(first);
    await first.build();
  }
  const ws = copyOf(first);
  spaces.push(ws);
  return ws;
}

/** Version 1 published, then corrected to version 2 (history/001 holds version 1). */
async function twoVersions(): Promise<Workspace> {
  if (!second) {
    second = await oneVersion();
    second.edit(CORRECTION);
    expect(await second.build()).toMatchObject({ status: 'changed', version: 2, archive: 'history/001' });
  }
  const ws = copyOf(second);
  spaces.push(ws);
  return ws;
}

const manifestVersion = (ws: Workspace, where = '') => readManifest(readFileSync(join(ws.year, where, 'manifest.json'), 'utf8')).version;

describe('version numbers are never reused', () => {
  it('history/001 deleted by hand: the next correction is 第 3 版, archived as history/002, and the gap is reported', async () => {
    const ws = await twoVersions();
    rmSync(join(ws.year, 'history', '001'), { recursive: true });
    ws.logs.length = 0;
    ws.edit(SECOND);
    const v3 = await ws.build();
    expect(v3).toMatchObject({ status: 'changed', version: 3, archive: 'history/002' });
    expect(manifestVersion(ws)).toBe(3);
    expect(manifestVersion(ws, 'history/002')).toBe(2);
    expect(readdirSync(join(ws.year, 'history'))).toEqual(['002']);
    const gap = '第 1 版的存档（history/001/）已不存在，可能被删除或移走；版本号不会重复使用，本次为第 3 版。';
    expect(ws.logs).toContain(gap);
    expect(v3.changes).toContain(`注意：${gap}`);
    expect(readFileSync(join(ws.year, 'changes.md'), 'utf8')).toContain('本次为第 3 版，与第 2 版（已原样存入 history/002/）相比。');
  });

  it('all of history/ deleted: still 第 3 版, from the manifest’s own number', async () => {
    const ws = await twoVersions();
    rmSync(join(ws.year, 'history'), { recursive: true });
    ws.edit(SECOND);
    const v3 = await ws.build();
    expect(v3).toMatchObject({ status: 'changed', version: 3, archive: 'history/002' });
    expect(v3.changes).toContain('注意：第 1 版的存档（history/001/）已不存在');
  });

  it('an unchanged rebuild over a gap writes nothing but says so', async () => {
    const ws = await twoVersions();
    rmSync(join(ws.year, 'history', '001'), { recursive: true });
    const before = treeWithTimes(ws.year);
    ws.logs.length = 0;
    expect(await ws.build()).toMatchObject({ status: 'unchanged', version: 2 });
    expect(ws.logs).toContain('第 1 版的存档（history/001/）已不存在，可能被删除或移走；版本号不会重复使用，现有为第 2 版。');
    expect(treeWithTimes(ws.year)).toEqual(before);
  });
});

describe('an archive is never a lie', () => {
  it('a truncated PDF in the version in place: verified before archiving, archived as damaged, reported', async () => {
    const ws = await twoVersions();
    const intact = readFileSync(join(ws.year, PDF));
    truncateSync(join(ws.year, PDF), 10);
    ws.logs.length = 0;
    ws.edit(SECOND);
    const v3 = await ws.build();
    expect(v3).toMatchObject({ status: 'changed', version: 3, archive: 'history/002' });
    // The archive holds the version as it was found, and says what is wrong with it.
    expect(readFileSync(join(ws.year, 'history/002', PDF)).length).toBe(10);
    const damaged = readFileSync(join(ws.year, 'history/002/damaged.md'), 'utf8');
    expect(damaged).toContain('# 第 2 版存档时已损坏');
    expect(damaged).toContain(`| ${PDF} | 内容与 manifest.json 的记录不符（现有 10 字节，应为 ${intact.length} 字节） |`);
    const note = `第 2 版在存档前已损坏：${PDF}内容与 manifest.json 的记录不符（现有 10 字节，应为 ${intact.length} 字节）。已按现状存入 history/002/，并在其中的 damaged.md 中注明。`;
    expect(ws.logs).toContain(note);
    expect(v3.changes).toContain('本次为第 3 版，与第 2 版（存档时已损坏，按现状存入 history/002/，详见其中的 damaged.md）相比。');
    expect(v3.changes).toContain(`注意：${note}`);
    // The undamaged archive of version 1 is untouched and carries no such mark.
    expect(readdirSync(join(ws.year, 'history/001'))).not.toContain('damaged.md');
  });
});

describe('an output folder belongs to one department', () => {
  /** A second department's data (its own 2023 and 2024 files) in a folder of the same workspace. */
  function otherDepartment(ws: Workspace): string {
    const dir = join(ws.root, '省体育局');
    cpSync(ws.data, dir, { recursive: true });
    for (const year of ['2023', '2024']) {
      const path = join(dir, `${year}.yaml`);
      writeFileSync(path, readFileSync(path, 'utf8').replace(/^department: 江西省总工会$/m, 'department: 江西省体育局'));
    }
    return join(dir, '2024.yaml');
  }

  const refused = async (ws: Workspace, yearFile: string) => {
    const before = treeWithTimes(ws.output);
    const build = buildYear(yearFile, { outputRoot: ws.output, renderers: fakeRenderers, log: () => {} });
    await expect(build).rejects.toBeInstanceOf(UserError);
    const message = await build.catch((e: Error) => e.message);
    expect(message).toContain(`输出目录 ${ws.year}/ 中已发布的是「江西省总工会」的 2024 年度文件，而这个年度文件是「江西省体育局」的。`);
    expect(message).toContain('--out=output/江西省体育局');
    expect(message).toContain('本次没有写入任何文件');
    expect(treeWithTimes(ws.output)).toEqual(before);
  };

  it('another department’s year file into an existing folder: an error naming both, nothing written', async () => {
    const ws = await oneVersion();
    await refused(ws, otherDepartment(ws));
  });

  it('also when the folder was published by an older version of the tool (no department in its manifest)', async () => {
    const ws = await oneVersion();
    const path = join(ws.year, 'manifest.json');
    const m = JSON.parse(readFileSync(path, 'utf8'));
    delete m.department;
    writeFileSync(path, JSON.stringify(m, null, 2) + '\n');
    await refused(ws, otherDepartment(ws));
  });

  it('the manifest records the department', async () => {
    const ws = await oneVersion();
    expect(Object.keys(JSON.parse(readFileSync(join(ws.year, 'manifest.json'), 'utf8')))).toEqual([
      'year',
      'department',
      'version',
      'inputs',
      'outputs',
    ]);
    expect(readManifest(readFileSync(join(ws.year, 'manifest.json'), 'utf8')).department).toBe('江西省总工会');
  });
});
