/**
 * Issue 9 §3 through the command line, as a user meets it: real file-system conditions, the real
 * `build` (src/run.mjs, what `npm run build` starts) as a child process where the process matters — a
 * RAM disk in a namespace of its own, a user without root's powers, two builds at once, what reaches
 * the terminal when the disk fails mid-way. The cases refused before anything is rendered (a file where
 * the folder should be, a folder another publish holds) run the same command line in this process
 * (test/helpers/in-folder.ts). Each ends with exit code 1, a Chinese message naming the place and the
 * fix, no 「内部错误」 or stack trace, and the previously published version exactly as it was — no
 * temporary files, no journal, no lock, the disk space given back.
 *
 *   - `--out` is a file; output/2020 is a file                        (ENOTDIR)
 *   - the output folder is read-only for the user                    (EACCES)
 *   - the disk is full: a small RAM disk holding version 1           (ENOSPC)
 *   - the disk is write-protected: that RAM disk remounted read-only (EROFS)
 *   - another publish holds the folder; and two builds started at once
 * The RAM disks live in a mount namespace of their own (unshare -rm), which needs no root and vanishes
 * with the process; the read-only folder is read-only for the build's user (as root, the build runs
 * without the capabilities that let root write anywhere).
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireLock } from '../../src/write/lock.ts';
import { runInFolder } from '../helpers/in-folder.ts';
import { runCli, warmUp, type Run } from '../robustness/cli-run.ts';
import { crashSigns } from '../robustness/corpus.ts';
import { tempDir } from '../robustness/files.ts';
import { sha, tree } from './helpers.ts';

const RUN = fileURLToPath(new URL('../../src/run.mjs', import.meta.url));
// The 2020 report file: one short PDF, the quickest real build (these are tests of the folder, not the PDF).
const BASE = 'data/2020.yaml';
const PDF = '江西省总工会2020年度部门预算项目绩效自评报告.pdf';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) {
    spawnSync('chmod', ['-R', 'u+w', d]);
    rmSync(d, { recursive: true, force: true });
  }
});

/** A working folder anyone may read, holding data/2020.yaml. */
function workFolder(): string {
  const cwd = tempDir('cli-errors');
  dirs.push(cwd);
  chmodSync(cwd, 0o755);
  mkdirSync(join(cwd, 'data'));
  cpSync(BASE, join(cwd, 'data', '2020.yaml'));
  return cwd;
}

/** Exit 1, the message, nothing a crash would print. */
function userError(run: Pick<Run, 'code' | 'stdout' | 'stderr'>, message: RegExp | string) {
  expect(run.code, run.stderr).toBe(1);
  expect(run.stderr).toMatch(message);
  expect(crashSigns(`${run.stdout}\n${run.stderr}`)).toBeUndefined();
}

let cwd: string;
/** output/2020 as published by version 1, and the year file corrected since. */
let published: Record<string, string>;

beforeAll(async () => {
  cwd = workFolder();
  await warmUp(cwd);
  // Version 1, published by the command line run in this process (every case below is a real process).
  const first = await runInFolder(cwd, ['build', '2020']);
  expect(first.code, first.stderr).toBe(0);
  published = tree(join(cwd, 'output'));
  const text = readFileSync(BASE, 'utf8');
  expect(text).toContain('现将情况报告如下：');
  writeFileSync(join(cwd, 'data', '2020.yaml'), text.replace('现将情况报告如下：', '现将有关情况报告如下：'));
});

describe('a file where the output folder should be (ENOTDIR)', () => {
  it('--out names a file', async () => {
    writeFileSync(join(cwd, '发布.txt'), '');
    userError(
      await runInFolder(cwd, ['build', '2020', '--out=发布.txt']),
      /^输出目录 发布\.txt 是一个文件，不是文件夹。请把这个文件移走或改名，或用 --out=其他目录 指定输出目录。/m,
    );
  });

  it('output/2020 is a file', async () => {
    const other = workFolder();
    mkdirSync(join(other, 'output'));
    writeFileSync(join(other, 'output', '2020'), '');
    userError(await runInFolder(other, ['build', '2020']), /^输出目录 output\/2020 是一个文件，不是文件夹。/m);
  });
});

describe('a read-only output folder (EACCES)', () => {
  it('says whose permission is missing, and writes nothing', async () => {
    const other = workFolder();
    cpSync(join(cwd, 'output'), join(other, 'output'), { recursive: true });
    const before = tree(join(other, 'output'));
    chmodSync(join(other, 'output', '2020'), 0o555);
    // Root may write anywhere: as root, the build runs without that power (the capabilities that
    // override file permissions dropped), so the folder's permissions apply as they do to finance staff.
    const asUser =
      process.getuid?.() === 0 ? ['setpriv', '--bounding-set=-dac_override,-dac_read_search', process.execPath] : [process.execPath];
    const run = await new Promise<Run>((resolve, reject) => {
      const child = spawn(asUser[0]!, [...asUser.slice(1), RUN, 'build', '2020'], { cwd: other, env: { ...process.env, NO_COLOR: '1' } });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      child.on('error', reject);
      child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    });
    userError(
      run,
      /^没有权限写入 output\/2020。请检查这个文件夹的权限（是否只读、是否属于别的用户），或用 --out=其他目录 发布到有写入权限的文件夹。/m,
    );
    chmodSync(join(other, 'output', '2020'), 0o755);
    expect(tree(join(other, 'output'))).toEqual(before);
  });
});

/**
 * Runs `build 2020 --out=<RAM disk>` in a mount namespace of its own, on a RAM disk of `sizeKb` holding a
 * copy of version 1 (made read-only first when asked); reports the exit code, the stderr, the disk's use
 * before and after, and every file on it with its sha256.
 */
function onRamDisk(sizeKb: number, options: { readOnly?: boolean } = {}) {
  const disk = join(cwd, `ramdisk-${sizeKb}${options.readOnly ? '-ro' : ''}`);
  mkdirSync(disk);
  const logs = join(cwd, `logs-${sizeKb}${options.readOnly ? '-ro' : ''}`);
  mkdirSync(logs);
  const script = `
    set -e
    mount -t tmpfs -o size=${sizeKb}k juesuan-test "$1"
    cp -a "$2"/. "$1"/
    ${options.readOnly ? 'mount -o remount,ro "$1"' : ''}
    used() { df -k --output=used "$1" | tail -n 1 | tr -d ' '; }
    before=$(used "$1")
    cd "$3"
    set +e
    NO_COLOR=1 "$4" "$5" build 2020 --out="$1" >"$6/stdout" 2>"$6/stderr"
    echo "exit $?"
    set -e
    echo "used $before $(used "$1")"
    cd "$1"
    find . -mindepth 1 | LC_ALL=C sort | sed 's/^/entry /'
    find . -type f -exec sha256sum {} + | LC_ALL=C sort -k 2 | sed 's/^/file /'
  `;
  const r = spawnSync('unshare', ['-r', '-m', 'sh', '-c', script, 'sh', disk, join(cwd, 'output'), cwd, process.execPath, RUN, logs], {
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  const lines = r.stdout.split('\n');
  const field = (key: string) => lines.find((l) => l.startsWith(`${key} `))!.slice(key.length + 1);
  const files = Object.fromEntries(
    lines
      .filter((l) => l.startsWith('file '))
      .map((l) => {
        const [hash, path] = l.slice(5).split(/\s+\.\//);
        return [path!, hash!];
      }),
  );
  return {
    code: Number(field('exit')),
    used: field('used').split(' ').map(Number),
    entries: lines.filter((l) => l.startsWith('entry ')).map((l) => l.slice(8)),
    files,
    stderr: readFileSync(join(logs, 'stderr'), 'utf8'),
    stdout: readFileSync(join(logs, 'stdout'), 'utf8'),
  };
}

/** version 1 as the RAM disk should still hold it: path → sha256. */
const version1 = () => Object.fromEntries(Object.entries(published).filter(([, v]) => v !== 'dir'));

describe('a disk that cannot take the new version', () => {
  it('full (ENOSPC): says so, keeps version 1 whole, and gives the space back', () => {
    const usedKb = Math.ceil(Object.keys(version1()).reduce((n, p) => n + readFileSync(join(cwd, 'output', p)).length, 0) / 1024);
    // Room for version 1 and a little more, not for a second copy of the PDF.
    const r = onRamDisk(usedKb + 64);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(
      /^磁盘空间不足，无法写入 .*\/2020\/。请清理磁盘（或换一个空间足够的输出目录：--out=其他目录）后重新发布。本次没有发布，原有文件保持不变。$/m,
    );
    expect(crashSigns(`${r.stdout}\n${r.stderr}`)).toBeUndefined();
    expect(r.files).toEqual(version1());
    expect(r.entries).toEqual(
      Object.keys(published)
        .map((p) => p.replace(/\/$/, ''))
        .sort(),
    );
    expect(r.used[1]).toBe(r.used[0]);
  });

  it('write-protected (EROFS): says so before rendering anything, and writes nothing', () => {
    const r = onRamDisk(4096, { readOnly: true });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(
      /^.*\/2020\/ 所在的磁盘是只读的（例如写保护的 U 盘、光盘或只读的网络共享），无法写入。请改用可以写入的输出目录：--out=其他目录。/m,
    );
    expect(r.stderr).not.toMatch(/已生成/);
    expect(crashSigns(`${r.stdout}\n${r.stderr}`)).toBeUndefined();
    expect(r.files).toEqual(version1());
  });
});

describe('two publishes of one folder', () => {
  it('while another process holds the folder, the second is told to wait', async () => {
    const release = acquireLock(join(cwd, 'output', '2020'));
    try {
      userError(await runInFolder(cwd, ['build', '2020']), /^另一个发布正在写入 output\/2020\/，请等它结束后再试。/m);
    } finally {
      release();
    }
    expect(tree(join(cwd, 'output'))).toEqual(published);
  });

  it('two builds started at once: one publishes, the other waits its turn or finds nothing to do; never a mixed folder', async () => {
    const other = workFolder();
    const runs = await Promise.all([runCli(['build', '2020'], other), runCli(['build', '2020'], other)]);
    for (const run of runs) {
      expect([0, 1], run.stderr).toContain(run.code);
      expect(crashSigns(`${run.stdout}\n${run.stderr}`)).toBeUndefined();
      if (run.code === 1) expect(run.stderr).toMatch(/另一个发布正在写入 output\/2020\//);
    }
    expect(runs.filter((r) => /发布完成（第 1 版）/.test(r.stdout))).toHaveLength(1);
    const out = tree(join(other, 'output', '2020'));
    expect(Object.keys(out).filter((p) => p.startsWith('.'))).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(other, 'output', '2020', 'manifest.json'), 'utf8')) as {
      version: number;
      outputs: { file: string; sha256: string }[];
    };
    expect(manifest.version).toBe(1);
    for (const o of manifest.outputs) expect(out[o.file], o.file).toBe(o.sha256);
    expect(sha(readFileSync(join(other, 'output', '2020', PDF)))).toBe(published[`2020/${PDF}`]);
  });
});
