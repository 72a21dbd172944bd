/**
 * Issue 9 §3: problems of the environment are the user's to fix, so each one ends in a Chinese message
 * that names the file and what to do — an error the command line prints with exit code 1, never
 * 「内部错误」 — and leaves nothing behind: the previous version byte for byte, no staged files, no
 * journal, no new archive, no lock, the disk space given back.
 *
 * Each errno is raised through the real publish: a real file-system condition where this machine can
 * make one without privileges (a file where the folder should be, a name too long, a lock held by
 * another publish), otherwise injected at the very operation that would fail (write/disk.ts step hook).
 * cli-errors.test.ts does the same through the command line, with a real full disk and a read-only one.
 */
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/commands/command.ts';
import { acquireLock, LOCK } from '../../src/write/lock.ts';
import { PublishError } from '../../src/write/publish.ts';
import { copyOf, CORRECTION, workspace as buildWorkspace, type Workspace } from '../diff/fixture.ts';
import { cleanup, errno, publishN, tree, workspace } from './helpers.ts';

const PDF = '江西省总工会2024年度部门决算.pdf';
const XLSX = '江西省总工会2024年度部门决算公开表.xlsx';
const staged = (name: string) => `rename:.juesuan/staging/${name}→${name}`;

const spaces: Workspace[] = [];
afterAll(() => {
  spaces.forEach((w) => w.cleanup());
  cleanup();
});

/** Version 1, published once for the tests below: each starts from a copy of it. */
let first: Workspace | undefined;

/** Version 1 published, the correction of issue 5 waiting in the year file. */
async function published(): Promise<Workspace> {
  if (!first) {
    first = buildWorkspace();
    spaces.push(first);
    await first.build();
  }
  const ws = copyOf(first);
  spaces.push(ws);
  ws.edit(CORRECTION);
  return ws;
}

/** The build fails at `step` with `code`: a UserError whose message contains `message`; the folder as it was. */
async function failsAt(step: string | ((s: string) => boolean), code: string, message: string | RegExp): Promise<string> {
  const ws = await published();
  const before = tree(ws.year);
  let hit = false;
  const matches = typeof step === 'string' ? (s: string) => s === step : step;
  const build = ws.build({
    step: (s) => {
      if (!hit && matches(s)) {
        hit = true;
        throw errno(code);
      }
    },
  });
  const error = await build.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(hit, `step ${String(step)} reached`).toBe(true);
  expect(error).toBeInstanceOf(UserError);
  const text = (error as Error).message;
  expect(text).toMatch(message);
  expect(text).toContain('本次没有发布，原有文件保持不变。');
  expect(text).not.toContain('内部错误');
  expect(tree(ws.year)).toEqual(before);
  return text;
}

describe('a failure at the operation that meets it', () => {
  it('EPERM replacing the PDF (open in a viewer on Windows): close it, then publish again', async () => {
    const text = await failsAt(staged(PDF), 'EPERM', `请先关闭正在打开的 ${PDF} 后重新发布。`);
    expect(text).toMatch(
      new RegExp(`^无法替换 .*/output/2024/${PDF}：这个文件正被其他程序打开（例如 PDF 阅读器、Excel 或 WPS），或不允许修改。`),
    );
  });

  it('EBUSY replacing the workbook after the PDF was already replaced: the PDF is put back too', async () => {
    await failsAt(staged(XLSX), 'EBUSY', `请先关闭正在打开的 ${XLSX} 后重新发布。`);
  });

  it('EACCES on the output folder (read-only folder): check its permissions or publish elsewhere', async () => {
    const text = await failsAt(
      'mkdir:.juesuan',
      'EACCES',
      /^没有权限写入 .*\/output\/2024。请检查这个文件夹的权限.*或用 --out=其他目录 发布到有写入权限的文件夹。/,
    );
    expect(text).not.toContain('.juesuan');
  });

  it('ENOSPC while staging the new PDF (disk full): free some space, then publish again', async () => {
    await failsAt((s) => s.startsWith('write:.juesuan/staging/'), 'ENOSPC', /^磁盘空间不足，无法写入 .*\/output\/2024\/。请清理磁盘/);
  });

  it('ENOSPC while archiving the previous version: no half archive is left', async () => {
    await failsAt((s) => s.startsWith('copy:') && s.includes('report.json'), 'ENOSPC', '磁盘空间不足');
  });

  it('EROFS (a write-protected USB stick): publish to a writable folder', async () => {
    await failsAt(
      'mkdir:.juesuan',
      'EROFS',
      /所在的磁盘是只读的（例如写保护的 U 盘、光盘或只读的网络共享），无法写入。请改用可以写入的输出目录：--out=其他目录。/,
    );
  });

  it('EIO flushing the folder just before the commit: everything undone', async () => {
    await failsAt((s) => s === 'replaced', 'EIO', /磁盘出错（EIO）。请检查磁盘、U 盘或网络共享是否正常/);
  });

  it('ENAMETOOLONG at the commit rename: everything undone', async () => {
    await failsAt(staged('manifest.json'), 'ENAMETOOLONG', /路径过长/);
  });
});

describe('real conditions', () => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = buildWorkspace();
    spaces.push(ws);
  });

  const rejects = async (outputRoot: string, message: RegExp) => {
    const error = await ws.build({ outputRoot }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(message);
  };

  it('ENOTDIR: --out is a file', async () => {
    const file = join(ws.root, '输出.txt');
    writeFileSync(file, '');
    await rejects(file, /^输出目录 .*\/输出\.txt 是一个文件，不是文件夹。请把这个文件移走或改名，或用 --out=其他目录 指定输出目录。/);
  });

  it('ENOTDIR: output/2024 is a file', async () => {
    const root = join(ws.root, 'out2');
    mkdirSync(root);
    writeFileSync(join(root, '2024'), '');
    await rejects(root, /^输出目录 .*\/out2\/2024 是一个文件，不是文件夹。/);
  });

  it('ENAMETOOLONG: an output folder whose name is longer than the file system allows', async () => {
    await rejects(join(ws.root, '很长'.repeat(50)), /^路径过长，无法写入 .*。请把输出目录放在较短的路径下/);
  });
});

describe('two publishes at once', () => {
  it('the second one is told to wait while the first holds the folder', async () => {
    const ws = await published();
    const release = acquireLock(ws.year);
    try {
      const before = tree(ws.year);
      const error = await ws.build().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(UserError);
      expect((error as Error).message).toMatch(/^另一个发布正在写入 .*\/output\/2024\/，请等它结束后再试。/);
      expect(tree(ws.year)).toEqual(before);
    } finally {
      release();
    }
    expect(await ws.build()).toMatchObject({ status: 'changed', version: 2 });
  });

  it('also when the lock is taken between the check and the publish', () => {
    const { out } = workspace('lock');
    publishN(out, 1);
    const release = acquireLock(out);
    try {
      expect(() => publishN(out, 2)).toThrow(PublishError);
      expect(() => publishN(out, 2)).toThrow(/另一个发布正在写入/);
    } finally {
      release();
    }
  });

  it('a lock left by a killed build is taken over once stale', async () => {
    const ws = await published();
    const lock = join(ws.year, LOCK);
    mkdirSync(lock);
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    expect(await ws.build()).toMatchObject({ status: 'changed', version: 2 });
    expect(Object.keys(tree(ws.year)).filter((p) => p.startsWith('.'))).toEqual([]);
  });
});
