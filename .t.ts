import { importWorkbook, ImportError, formatImportProblems } from './src/import/index.ts';
try {
  const r = await importWorkbook({ workbook: process.argv[2]!, texts: process.argv[3]!, out: process.argv[4]!, force: true });
  console.log(JSON.stringify(r, null, 1));
} catch (e) { if (e instanceof ImportError) console.log(formatImportProblems(e)); else throw e; }
