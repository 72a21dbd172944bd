/**
 * The largest year file the tool accepts and publishes: as close to every limit of the loader (see
 * LIMITS in src/load/load.ts) as a file can come while still passing every check, so the build runs
 * all the way. It is what “bounded time” is measured on (test/robustness/bounded-time.test.ts and the
 * last line of `npm run bench`).
 *
 * - as many 项 as LIMITS.listItems allows (new 款 of 39 项 each under 类 201, named and explained in
 *   catalogue.functional), each with income and basic expenditure, so 公开02/03/05 are that long;
 * - prose up to just under LIMITS.totalTextChars: an evaluation report of paragraphs just under
 *   LIMITS.paragraphChars, in Chinese (the most expensive text to lay out per character).
 */
import { LIMITS } from '../../src/load/load.ts';

const ITEMS_PER_KUAN = 39;
/** 款 and 项 together fill catalogue.functional up to LIMITS.listItems. */
const KUAN = Math.floor(LIMITS.listItems / (ITEMS_PER_KUAN + 1));
const SENTENCE = '本部门严格按照预算批复执行，统筹推进各项重点工作，资金使用规范，绩效目标基本完成。';

function chinese(length: number, seed: number): string {
  // Varied text (a doubled word would be a text-lint warning, which does not stop the build anyway).
  const s = SENTENCE.slice(seed % 7) + SENTENCE;
  return s.repeat(Math.ceil(length / s.length)).slice(0, length - 1) + '。';
}

export interface LargestFile {
  text: string;
  items: number;
  textChars: number;
}

export function largestYearFile(): LargestFile {
  const codes: string[] = [];
  const catalogue: string[] = [];
  let textChars = 0;
  const t = (s: string) => {
    textChars += s.length;
    return s;
  };
  for (let k = 0; k < KUAN; k++) {
    const kuan = `201${50 + k}`;
    catalogue.push(`    - { code: "${kuan}", name: ${t(`示例事务款${k + 1}`)} }`);
    for (let i = 1; i <= ITEMS_PER_KUAN; i++) {
      const code = `${kuan}${String(i).padStart(2, '0')}`;
      codes.push(code);
      catalogue.push(
        `    - { code: "${code}", name: ${t(`示例事务项${k + 1}-${i}`)}, explanation: ${t(`反映用于示例事务第${k + 1}款第${i}项的支出。`)} }`,
      );
    }
  }
  const amount = '1000.00';
  const total = `${codes.length * 1000}.00`;
  const head = [
    'year: 2024',
    `department: ${t('江西省最大示例中心')}`,
    'publication_date: 2025-09-30',
    'overview:',
    `  duties: ${t('负责全省示例事务的综合管理。')}`,
    '  units:',
    `    - name: ${t('江西省最大示例中心（本级）')}`,
    '  staff: { establishment: 30 }',
    'catalogue:',
    '  functional:',
    ...catalogue,
    'income:',
    ...codes.map((c) => `  - { code: "${c}", general: ${amount} }`),
    'expenditure:',
    ...codes.map((c) => `  - { code: "${c}", basic: { general: ${amount} } }`),
    'basic_economic:',
    `  "30101": ${total}`,
    'budget:',
    `  - { code: "201", initial: ${total} }`,
    'department_evaluations: []',
  ];
  // The rest of the text allowance goes to a report of long paragraphs. Every value counts as text to
  // the loader, codes and amounts too: 5 of them a 项, 7 characters each.
  const paragraphs: string[] = [];
  const room = LIMITS.totalTextChars - textChars - codes.length * 5 * 7 - 1000;
  const length = LIMITS.paragraphChars - 1;
  for (let i = 0; (i + 1) * length <= room; i++) paragraphs.push(`      - p: ${t(chinese(length, i))}`);
  const lines = [
    ...head,
    'reports:',
    `  - title: ${t('最大示例中心年度绩效评价报告')}`,
    '    body:',
    `      - h1: ${t('一、基本情况')}`,
    ...paragraphs,
  ];
  return { text: `${lines.join('\n')}\n`, items: codes.length, textChars };
}
