/**
 * `new <year>`: next year's file from this year's, in the same folder (so the prior-year link — the
 * file the narrative's 比上年 compares with — is in place from the first build). Figures are left to
 * `import`; what no table holds and the year-specific texts are 待填写 drafts (draft.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { formatDiagnostics } from '../diagnostics.ts';
import { displayPath, loadYamlFile, loadYamlText } from '../load/load.ts';
import { yearFilePath } from '../pipeline.ts';
import { hasDraftMark } from '../schema/draft.ts';
import { parseYearFile } from '../schema/index.ts';
import { draftNextYear } from './draft.ts';
import { FileExistsError, parseYearText, renderYearText, updateHeader, writeYearFile } from './year-document.ts';

/** A refusal the user can act on (exit 1, nothing written). */
export class NewYearError extends Error {
  override name = 'NewYearError';
}

export interface NewYearResult {
  out: string;
  from: string;
  year: number;
  /** How many values are marked 待填写. */
  markers: number;
}

export function startNewYear(arg: string, options: { force?: boolean } = {}): NewYearResult {
  const out = yearFilePath(arg);
  const m = /(\d{4})\.ya?ml$/.exec(basename(out));
  if (!m) throw new NewYearError(`「${arg}」不是年度文件名：请给出年度（如 2025）或以年度命名的文件（如 各单位/省体育局/2025.yaml）`);
  const year = Number.parseInt(m[1]!, 10);
  const from = join(dirname(out), `${year - 1}.yaml`);
  if (!existsSync(from)) {
    throw new NewYearError(
      `找不到上一年度的文件 ${displayPath(from)}：新年度文件从同一文件夹中上一年度的文件生成（文字带入，数字留待导入）`,
    );
  }
  const loaded = loadYamlFile(from);
  const parsed = loaded.value ? parseYearFile(loaded.value) : undefined;
  if (!parsed?.value) {
    throw new NewYearError(
      `上一年度的文件 ${displayPath(from)} 有错误，请先改正：\n${formatDiagnostics([...loaded.diagnostics, ...(parsed?.diagnostics ?? [])])}`,
    );
  }
  if (parsed.value.year !== year - 1) throw new NewYearError(`${displayPath(from)} 中的 year 是 ${parsed.value.year}，应为 ${year - 1}`);

  const source = readFileSync(from, 'utf8');
  const doc = parseYearText(source);
  draftNextYear(doc, year);
  updateHeader(doc, {
    from,
    to: out,
    fromYear: year - 1,
    toYear: year,
    provenance: `由 npm run new 从 ${displayPath(from)} 生成的 ${year} 年度草稿：收入、支出等公开表数字用 npm run import 从决算软件导出的公开表导入；标有「待填写」的逐项填写或改写。`,
  });
  const text = renderYearText(doc, source);

  // The draft must load as it is (markers stand for blanks), so `check` can list every marker.
  const check = loadYamlText(text, displayPath(out));
  const schema = check.value ? parseYearFile(check.value) : undefined;
  if (!schema?.value)
    throw new Error(
      `生成的 ${year} 年度草稿无法读取（程序错误）：\n${formatDiagnostics([...check.diagnostics, ...(schema?.diagnostics ?? [])])}`,
    );
  let markers = 0;
  const count = (v: unknown): void => {
    if (typeof v === 'string') markers += hasDraftMark(v) ? 1 : 0;
    else if (Array.isArray(v)) v.forEach(count);
    else if (v && typeof v === 'object') Object.values(v).forEach(count);
  };
  count(check.value!.data);

  try {
    writeYearFile(out, text, options.force ?? false);
  } catch (err) {
    if (err instanceof FileExistsError)
      throw new NewYearError(`${displayPath(out)} 已存在，未写入任何内容；要重新生成（原文件会被替换），请加 --force`);
    throw err;
  }
  return { out, from, year, markers };
}
