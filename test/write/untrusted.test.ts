/**
 * Issue 9 §1: the publish never touches anything outside its output folder. manifest.json, the journal
 * of a killed publish and history/ are input anyone can edit; whatever they say, every path the publish
 * acts on is a plain name inside output/<year>/, and anything else ends in a Chinese error with nothing
 * done — the folder and the world outside it exactly as they were.
 */
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PublishError } from '../../src/write/publish.ts';
import { cleanup, PDF, publishN, tree, treeWithTimes, workspace } from './helpers.ts';

afterAll(cleanup);

/** A published version 1 three folders deep, so that “../../../victim.txt” is the workspace's victim.txt. */
function published() {
  const { root } = workspace('untrusted');
  const out = join(root, 'office', 'output', '2024');
  publishN(out, 1);
  const victim = join(root, 'victim.txt');
  writeFileSync(victim, '不属于发布程序的文件\n');
  const outside = join(root, 'elsewhere');
  mkdirSync(outside);
  writeFileSync(join(outside, 'keep.txt'), '别处的文件\n');
  const editManifest = (edit: (m: { outputs: { file: string; sha256: string }[] }) => void) => {
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    edit(m);
    writeFileSync(join(out, 'manifest.json'), JSON.stringify(m, null, 2));
  };
  return { root, out, victim, outside, editManifest };
}

/** The publish of version 2 is refused with `message`, and nothing anywhere in the workspace changed. */
function refused(ws: ReturnType<typeof published>, message: RegExp | string) {
  const before = treeWithTimes(ws.root);
  let error: unknown;
  try {
    publishN(ws.out, 2);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(PublishError);
  expect((error as Error).message).toMatch(message);
  expect((error as Error).message).toContain('本次没有写入任何文件');
  expect(treeWithTimes(ws.root)).toEqual(before);
}

describe('a hand-edited manifest.json', () => {
  it('naming "../../../victim.txt" as an output: refused; the victim is neither deleted nor copied', () => {
    const ws = published();
    ws.editManifest((m) => m.outputs.push({ file: '../../../victim.txt', sha256: 'a'.repeat(64) }));
    refused(ws, /manifest\.json 中的输出文件「\.\.\/\.\.\/\.\.\/victim\.txt」含有目录成分.*不会按它删除或移动任何文件/);
    expect(readFileSync(ws.victim, 'utf8')).toBe('不属于发布程序的文件\n');
    expect(Object.keys(tree(ws.root)).filter((p) => p.endsWith('victim.txt'))).toEqual(['victim.txt']);
  });

  it.each([
    ['an absolute path', (ws: ReturnType<typeof published>) => ws.victim, /含有目录成分/],
    ['a path into history/', () => 'history/001/a.pdf', /含有目录成分/],
    ['a Windows path', () => '..\\..\\victim.txt', /含有目录成分/],
    ['“..” itself', () => '..', /含有目录成分/],
    ['a hidden name (the publisher’s own namespace)', () => '.juesuan', /以「\.」开头/],
    ['a control character', () => 'a\u0007.pdf', /含有不能用于文件名的字符/],
    ['the manifest itself', () => 'manifest.json', /是发布程序自己的文件名/],
    ['history', () => 'history', /是发布程序自己的文件名/],
    ['a name twice', () => PDF, /重复出现/],
  ])('naming %s as an output: refused, nothing done', (_what, entry, message) => {
    const ws = published();
    ws.editManifest((m) => m.outputs.push({ file: entry(ws), sha256: 'b'.repeat(64) }));
    refused(ws, message);
  });

  it('manifest.json as a link to a file elsewhere: not followed', () => {
    const ws = published();
    writeFileSync(join(ws.outside, 'manifest.json'), readFileSync(join(ws.out, 'manifest.json')));
    rmSync(join(ws.out, 'manifest.json'));
    symlinkSync(join(ws.outside, 'manifest.json'), join(ws.out, 'manifest.json'));
    refused(ws, /manifest\.json 不是普通文件（是指向其他位置的链接）/);
  });
});

describe('links that lead out of the folder', () => {
  it('history/ as a link to another folder: no archive is written there', () => {
    const ws = published();
    symlinkSync(ws.outside, join(ws.out, 'history'));
    refused(ws, /history 不是文件夹（是指向其他位置的链接）/);
  });

  it('history/001 as a link: refused', () => {
    const ws = published();
    mkdirSync(join(ws.out, 'history'));
    symlinkSync(ws.outside, join(ws.out, 'history', '001'));
    refused(ws, /history\/001 不是文件夹/);
  });

  it('the work folder .juesuan as a link: nothing is staged through it', () => {
    const ws = published();
    symlinkSync(ws.outside, join(ws.out, '.juesuan'));
    refused(ws, /\.juesuan 不是文件夹（是指向其他位置的链接）/);
  });

  it('a published PDF replaced by a link to a file elsewhere: archived as damaged, the link never followed', () => {
    const ws = published();
    rmSync(join(ws.out, PDF));
    symlinkSync(ws.victim, join(ws.out, PDF));
    const result = publishN(ws.out, 2);
    expect(result.version).toBe(2);
    expect(readFileSync(ws.victim, 'utf8')).toBe('不属于发布程序的文件\n');
    const archived = tree(join(ws.out, 'history', '001'));
    expect(Object.keys(archived)).not.toContain(PDF);
    expect(readFileSync(join(ws.out, 'history', '001', 'damaged.md'), 'utf8')).toContain(`| ${PDF} | 是指向其他位置的链接，不是文件本身 |`);
    // The new PDF replaced the link itself, not the file it pointed to.
    expect(readFileSync(join(ws.out, PDF), 'utf8')).toContain('第 2 版');
  });
});

describe('the output folder itself', () => {
  it('may be a link the user made (to a network share, say): that one is followed', () => {
    const { root } = workspace('untrusted');
    const share = join(root, 'share', '2024');
    mkdirSync(share, { recursive: true });
    mkdirSync(join(root, 'output'));
    symlinkSync(share, join(root, 'output', '2024'));
    publishN(join(root, 'output', '2024'), 1);
    expect(publishN(join(root, 'output', '2024'), 2)).toMatchObject({ status: 'changed', version: 2, archive: 'history/001' });
    expect(Object.keys(tree(share))).toEqual(expect.arrayContaining(['manifest.json', PDF, 'history/001/manifest.json']));
  });
});

describe('the journal of a killed publish', () => {
  const journal = (ws: ReturnType<typeof published>, j: object) => {
    mkdirSync(join(ws.out, '.juesuan'));
    writeFileSync(
      join(ws.out, '.juesuan', 'journal.json'),
      JSON.stringify({ format: 'juesuan-journal/1', archive: null, previousFiles: [], newFiles: [], manifest: 'c'.repeat(64), ...j }),
    );
  };

  it('naming "../../../victim.txt" as a file to undo: refused, the victim stays', () => {
    const ws = published();
    journal(ws, { newFiles: ['../../../victim.txt'] });
    refused(ws, /journal\.json（上次中断的发布留下的记录）中的文件名「\.\.\/\.\.\/\.\.\/victim\.txt」不是本目录中的文件/);
    expect(readFileSync(ws.victim, 'utf8')).toBe('不属于发布程序的文件\n');
  });

  it('naming an archive outside history/: refused', () => {
    const ws = published();
    journal(ws, { archive: '../../elsewhere', previousFiles: ['keep.txt'] });
    refused(ws, /中的存档位置不是 history\/ 下的编号文件夹/);
  });

  it('that is not JSON: refused, with the way out', () => {
    const ws = published();
    mkdirSync(join(ws.out, '.juesuan'));
    writeFileSync(join(ws.out, '.juesuan', 'journal.json'), '{"format": "juesuan-jour');
    refused(ws, /无法读取.*请删除 .*\.juesuan\/ 文件夹后重新发布/);
  });
});
