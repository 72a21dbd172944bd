/**
 * The bench's batch: an office folder of `n` departments, each data/2024.yaml (with its 2023.yaml and
 * the editor schema beside it) under a name of its own, published by one `npm run batch` process (the
 * npm script's command line, the default pool of one worker per core) into a fresh output folder,
 * under GNU time: wall time, CPU time, peak RSS (the pool's worker threads are in the process). The
 * ratio compares the batch's wall time with one cold build of data/2024.yaml measured in the same run.
 * The copies differ only in the department's name, so what a worker keeps from one department to the
 * next (shaped lines of text, drawn charts) helps a little more than with real departments, whose
 * figures differ (~6 % of the CPU time, measured by turning that off).
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { median, scriptCommand, target, timed, type Run } from './measure.ts';

const DEPARTMENT = '江西省总工会';

export interface BatchResult {
  run: Run;
  n: number;
}

/** `n` department folders under `office/`, numbered 单位001 …, each its own department. */
function writeOffice(dir: string, n: number): string {
  const office = join(dir, 'office');
  for (let i = 1; i <= n; i++) {
    const name = `单位${String(i).padStart(3, '0')}`;
    const unit = join(office, name);
    mkdirSync(unit, { recursive: true });
    for (const y of ['2023', '2024'])
      writeFileSync(join(unit, `${y}.yaml`), readFileSync(join('data', `${y}.yaml`), 'utf8').replaceAll(DEPARTMENT, `江西省示例${name}`));
    copyFileSync(join('data', 'year-file.schema.json'), join(unit, 'year-file.schema.json'));
  }
  return office;
}

/** `cold`: the same run's cold builds of data/2024.yaml (wall ms), the yardstick of the ratio. */
export function benchBatch(dir: string, n: number, cold: number[]): BatchResult {
  const office = writeOffice(join(dir, 'batch'), n);
  console.log(
    `\n批量发布（npm run batch）：${n} 个单位，各为 data/2024.yaml 的副本（单位名不同），${cpus().length} 核、默认工作线程数；1 次（不预热）`,
  );
  const run = timed([...scriptCommand('batch'), office, '2024', `--out=${join(dir, 'batch', 'output')}`]);
  const one = median(cold);
  const ratio = run.ms / one;
  console.log(
    `  墙钟时间 ${(run.ms / 1000).toFixed(1)} s（每个单位 ${Math.round(run.ms / n)} ms），CPU 时间 ${(run.cpuMs / 1000).toFixed(1)} s，峰值内存 ${Math.round(run.mb)} MB${n === 100 ? target(1024, ' MB') : ''}`,
  );
  console.log(`  与同次测得的单次冷构建（${Math.round(one)} ms）之比：${ratio.toFixed(1)} ×${n === 100 ? target(12, ' ×') : ''}`);
  if (n !== 100) {
    // Linear in the departments (the start-up is paid once, so this errs high): npm run bench -- --batch 100 measures it.
    console.log(
      `  按每个单位的时间折算 100 个单位：${((ratio * 100) / n).toFixed(1)} ×${target(12, ' ×')}；峰值内存不随单位数增长（每个工作线程一次只生成一个单位）`,
    );
  }
  return { run, n };
}
