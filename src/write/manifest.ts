/**
 * manifest.json: what a published version is made of — the sha256 of every input year file and every
 * output file, and the version number. It is the last file a publish writes (see publish.ts), so the
 * manifest in output/<year>/ always names a complete version.
 */

export interface ManifestEntry {
  file: string;
  sha256: string;
  bytes?: number;
}

export interface Manifest {
  year: number;
  /** 1 for the first publication of a year, then one more for each correction. */
  version?: number;
  inputs: ManifestEntry[];
  outputs: ManifestEntry[];
}

export function parseManifest(text: string): Manifest {
  const m = JSON.parse(text) as Partial<Manifest>;
  if (!m || typeof m !== 'object' || typeof m.year !== 'number' || !Array.isArray(m.inputs) || !Array.isArray(m.outputs)) {
    throw new Error('manifest.json 格式不正确');
  }
  return m as Manifest;
}

export function serializeManifest(m: Manifest): string {
  return JSON.stringify(m, null, 2) + '\n';
}

/**
 * Same outputs, byte for byte: the published version did not change. Inputs are not compared — a year
 * file whose comments changed publishes the same version.
 */
export function sameOutputs(a: Manifest, b: Manifest): boolean {
  return JSON.stringify(a.outputs) === JSON.stringify(b.outputs);
}
