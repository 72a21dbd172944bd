/** Snapshots of an output folder, to prove a failed or killed build changed nothing in it. */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Every file below `dir` (dot files included): relative path → sha256 and modification time. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, rel: string) => {
    if (!existsSync(d)) return;
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      const st = statSync(path);
      if (st.isDirectory()) walk(path, `${rel}${name}/`);
      else out[`${rel}${name}`] = `${createHash('sha256').update(readFileSync(path)).digest('hex')} ${st.mtimeMs}`;
    }
  };
  walk(dir, '');
  return out;
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `juesuan-${prefix}-`));
}

/** An output root holding a previously published year, as a real one would. */
export function seededOutputRoot(prefix: string): string {
  const root = tempDir(prefix);
  mkdirSync(join(root, '2024'), { recursive: true });
  writeFileSync(join(root, '2024', '江西省示例中心2024年度部门决算.pdf'), '%PDF-1.7 上次发布的文件\n');
  writeFileSync(join(root, '2024', 'report.json'), '{"format":"juesuan-report/1"}\n');
  writeFileSync(join(root, '2024', 'manifest.json'), '{"year":2024,"inputs":[],"outputs":[]}\n');
  return root;
}
