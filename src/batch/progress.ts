/**
 * The batch's progress on the terminal (stderr): one line per finished department —
 * `[12/100] 省体育局 已发布（第 1 版） … 预计还需 23 秒` — and, on a terminal (not when the output goes to
 * a file or a pipe), a status line kept at the bottom, rewritten in place, naming the departments being
 * built. The estimate is the pace of the last departments to finish (the workers in parallel included)
 * times the departments left; the first ones, slowed by each worker's start-up, are not a measure, so
 * no estimate is shown until every worker has finished one.
 */
import { printable } from '../diagnostics.ts';
import type { DepartmentJob, DepartmentOutcome } from './department.ts';

export interface ProgressOutput {
  /** A whole line. */
  line(text: string): void;
  /** Rewrites the status line in place (terminals only). */
  status?(text: string): void;
}

export function duration(seconds: number): string {
  const s = Math.max(1, Math.round(seconds));
  return s < 60 ? `${s} 秒` : `${Math.floor(s / 60)} 分 ${s % 60} 秒`;
}

/** How many of the last completions the pace is taken over. */
const WINDOW = 10;

export class Progress {
  private done = 0;
  /** When each department finished (ms, performance.now), in order. */
  private readonly finished: number[] = [];
  private readonly running = new Map<number, string>();

  constructor(
    private readonly total: number,
    private readonly out: ProgressOutput,
    private readonly workers = 1,
  ) {}

  start(job: DepartmentJob): void {
    this.running.set(job.index, printable(job.name));
    this.showStatus();
  }

  finish(o: DepartmentOutcome): void {
    this.done++;
    this.finished.push(performance.now());
    this.running.delete(o.index);
    const what = o.ok ? published(o) : failed(o);
    this.out.status?.('');
    this.out.line(`[${this.done}/${this.total}] ${printable(o.name)} ${what}（${(o.ms / 1000).toFixed(1)} 秒）${this.eta()}`);
    this.showStatus();
  }

  /** Clears the status line before the final report. */
  end(): void {
    this.out.status?.('');
  }

  private eta(): string {
    const left = this.total - this.done;
    if (!left) return '';
    if (this.done <= Math.min(this.workers, this.total - 1)) return ' … 预计时间计算中';
    const k = Math.min(this.done - 1, WINDOW);
    const pace = (this.finished[this.done - 1]! - this.finished[this.done - 1 - k]!) / 1000 / k;
    return ` … 预计还需 ${duration(pace * left)}`;
  }

  private showStatus(): void {
    if (!this.out.status || !this.running.size) return;
    this.out.status(`[${this.done}/${this.total}] 正在生成：${[...this.running.values()].join('、')}${this.eta()}`);
  }
}

function published(o: DepartmentOutcome): string {
  const v = `第 ${o.version} 版`;
  switch (o.status) {
    case 'first':
      return `已发布（${v}）`;
    case 'changed':
      return `已更正为${v}`;
    case 'repaired':
      return `未变化（${v}，已修复受损文件）`;
    default:
      return `未变化（${v}）`;
  }
}

function failed(o: DepartmentOutcome): string {
  const errors = o.diagnostics.filter((d) => d.severity === 'error' && !d.acknowledged).length;
  switch (o.failure?.kind) {
    case 'check':
      return `有错误，未发布（${errors} 个错误）`;
    case 'partial':
      return '是部分数据文件，不能发布';
    case 'internal':
      return '内部错误，未发布';
    default:
      return '未能发布';
  }
}
