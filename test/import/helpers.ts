/** Shared by the import tests: temporary folders (removed afterwards), running a command in-process. */
import ExcelJS from 'exceljs';
import { runCli } from '../../src/cli.ts';
import { tempDir as madeTempDir } from '../helpers/temp-dirs.ts';

/** A temporary folder juesuan-import-*, removed when the test file ends. */
export const tempDir = (): string => madeTempDir('import');

/** Runs `juesuan <argv>` as the command line does (exit code, stdout, stderr). */
export async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

export const fixture = (name: string) => new URL(`../fixtures/import/${name}`, import.meta.url).pathname;

/** Every cell of a workbook as `sheet!A1 = value`, merges included, for a cell-by-cell comparison. */
export async function cells(buffer: Buffer): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as never);
  const out: string[] = [];
  for (const ws of wb.worksheets) {
    out.push(`${ws.name} merges ${JSON.stringify(Object.keys((ws as unknown as { _merges: object })._merges).sort())}`);
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (c) => {
        out.push(`${ws.name}!${c.address} = ${JSON.stringify(c.value)} ${c.numFmt ?? ''}`);
      }),
    );
  }
  return out;
}
