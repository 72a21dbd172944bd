/**
 * manifest.json: what a published version is made of — the department and year it belongs to, its
 * version number, and the sha256 of every input year file and every output file. Its arrival is the
 * commit point of a publish (see publish.ts): when it names version N, every file of version N is in
 * the folder.
 *
 * A manifest on disk is untrusted input: anyone can edit it. `readManifest` accepts only what this tool
 * writes; an output entry that is not a plain file name of the folder (“../../x”, “history/001/a”, an
 * absolute path, a dot file) is refused outright, so no later step can ever act on a path outside the
 * output folder.
 */
import { fileNameKey, fileNameProblem } from '../file-names.ts';

export interface ManifestEntry {
  file: string;
  sha256: string;
  bytes?: number;
}

export interface Manifest {
  year: number;
  /** The department the output folder belongs to (absent in manifests of older versions of the tool). */
  department?: string;
  /** 1 for the first publication of a year, then one more for each correction. */
  version?: number;
  inputs: ManifestEntry[];
  outputs: ManifestEntry[];
  /**
   * The correction report's own documents beside changes.md (a 更正说明 to post with the correction):
   * part of this version, archived with it, but not outputs — a version is “unchanged” by its outputs.
   */
  corrections?: ManifestEntry[];
}

export const MANIFEST = 'manifest.json';
export const CHANGES = 'changes.md';
export const HISTORY = 'history';
/** Marks an archive whose version no longer matched its manifest when it was archived. */
export const DAMAGED = 'damaged.md';

/** Names the publisher itself writes into the output folder; no output may take one. */
export const RESERVED_NAMES = [MANIFEST, CHANGES, HISTORY, DAMAGED];

/** The manifest is not JSON of the expected shape: the folder holds a version of unknown make. */
export class UnreadableManifest extends Error {}

/** The manifest names a file outside the folder, or one the tool never writes: refuse to act on it. */
export class HostileManifest extends Error {}

const SHA256 = /^[0-9a-f]{64}$/;
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const positiveInt = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 1;

/** Parses and checks a manifest read from disk (see the top of this file). */
export function readManifest(text: string): Manifest {
  let m: unknown;
  try {
    m = JSON.parse(text);
  } catch {
    throw new UnreadableManifest('不是有效的 JSON');
  }
  if (!isObject(m) || !Number.isSafeInteger(m.year) || !Array.isArray(m.inputs) || !Array.isArray(m.outputs))
    throw new UnreadableManifest('缺少 year、inputs 或 outputs');
  if (m.version !== undefined && !positiveInt(m.version)) throw new UnreadableManifest('version 不是正整数');
  if (m.department !== undefined && (typeof m.department !== 'string' || !m.department))
    throw new UnreadableManifest('department 不是文字');
  const entry = (e: unknown, where: string): ManifestEntry => {
    if (!isObject(e) || typeof e.file !== 'string' || typeof e.sha256 !== 'string' || !SHA256.test(e.sha256))
      throw new UnreadableManifest(`${where}的条目格式不对`);
    if (e.bytes !== undefined && !(Number.isSafeInteger(e.bytes) && (e.bytes as number) >= 0))
      throw new UnreadableManifest(`${where}的 bytes 不是整数`);
    return { file: e.file, sha256: e.sha256, ...(e.bytes !== undefined ? { bytes: e.bytes as number } : {}) };
  };
  if (m.corrections !== undefined && !Array.isArray(m.corrections)) throw new UnreadableManifest('corrections 不是列表');
  const outputs = m.outputs.map((e) => entry(e, '输出文件'));
  const corrections = (m.corrections as unknown[] | undefined)?.map((e) => entry(e, '更正文件'));
  const seen = new Set<string>();
  for (const o of [...outputs, ...(corrections ?? [])]) {
    const problem =
      fileNameProblem(o.file) ??
      (RESERVED_NAMES.includes(o.file) ? '是发布程序自己的文件名' : undefined) ??
      (seen.has(fileNameKey(o.file)) ? '重复出现' : undefined);
    if (problem) throw new HostileManifest(`输出文件「${printable(o.file)}」${problem}，不是本目录中可以发布的文件`);
    seen.add(fileNameKey(o.file));
  }
  return {
    year: m.year as number,
    ...(m.department !== undefined ? { department: m.department as string } : {}),
    ...(m.version !== undefined ? { version: m.version as number } : {}),
    inputs: m.inputs.map((e) => entry(e, '输入文件')),
    outputs,
    ...(corrections ? { corrections } : {}),
  };
}

/** Fixed key order, so the same version always serialises to the same bytes. */
export function serializeManifest(m: Manifest): string {
  const ordered: Manifest = {
    year: m.year,
    ...(m.department !== undefined ? { department: m.department } : {}),
    ...(m.version !== undefined ? { version: m.version } : {}),
    inputs: m.inputs.map((e) => ({ file: e.file, sha256: e.sha256, ...(e.bytes !== undefined ? { bytes: e.bytes } : {}) })),
    outputs: m.outputs.map((e) => ({ file: e.file, sha256: e.sha256, ...(e.bytes !== undefined ? { bytes: e.bytes } : {}) })),
    ...(m.corrections
      ? {
          corrections: m.corrections.map((e) => ({ file: e.file, sha256: e.sha256, ...(e.bytes !== undefined ? { bytes: e.bytes } : {}) })),
        }
      : {}),
  };
  return JSON.stringify(ordered, null, 2) + '\n';
}

/**
 * Same outputs, byte for byte: the published version did not change. Inputs are not compared — a year
 * file whose comments changed publishes the same version.
 */
export function sameOutputs(a: Manifest, b: Manifest): boolean {
  const key = (m: Manifest) => JSON.stringify(m.outputs.map((o) => [o.file, o.sha256]));
  return key(a) === key(b);
}

/** Text from an untrusted file, safe to print: control characters shown as code points. */
export const printable = (text: string) =>
  text.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
