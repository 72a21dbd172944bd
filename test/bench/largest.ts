/**
 * The last line of `npm run bench`: the build of the largest year file the loader accepts
 * (test/robustness/largest-file.ts — every list and the whole text allowance filled), as a cold child
 * process like `npm run build`. It is the bound on how long any accepted file can take: about 3× the
 * CPU of `build:2024`, some 7 s on an idle 2-core machine.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { largestYearFile } from '../robustness/largest-file.ts';

/** @param reference the median wall time of `build:2024` just measured, for a ratio that survives a busy machine. */
export function benchLargestFile(runs: number, reference?: number): void {
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-bench-largest-'));
  try {
    const file = largestYearFile();
    const path = join(dir, '2024.yaml');
    writeFileSync(path, file.text);
    const kb = Math.round(Buffer.byteLength(file.text) / 1024);
    console.log(`最大的可接受年度文件（${kb} KB，${file.items} 个项级科目，${file.textChars} 字）× ${runs}：`);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const out = join(dir, `out-${i}`);
      const started = performance.now();
      const r = spawnSync(process.execPath, ['--max-semi-space-size=64', 'src/run.mjs', 'build', path, `--out=${out}`], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      const ms = performance.now() - started;
      if (r.status !== 0) throw new Error(`最大文件构建失败（退出码 ${r.status}）：\n${r.stderr}`);
      times.push(ms);
      console.log(`  第 ${i + 1} 次：${Math.round(ms)} ms`);
    }
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    const ratio = reference ? `，为 build:2024 的 ${(median / reference).toFixed(1)} 倍` : '';
    console.log(`最大文件中位耗时 ${Math.round(median)} ms${ratio}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
