/** Year-over-year diff — being built (issue 5). */
export async function diffCommand(_args: string[], _flags: Set<string>): Promise<number> {
  console.error('年度对比尚未实现');
  return 1;
}
