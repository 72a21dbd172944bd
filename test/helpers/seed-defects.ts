/**
 * Lines of the published documents that print one of their own defects (C-1…C-15). The
 * tool publishes the corrected form on purpose, so these lines cannot be found in our output; both the
 * model-level oracle (test/seed) and the PDF read-back (test/pdf) leave them out. Each is caught by a check.
 */
export const SEED_DEFECTS_2024: Record<number, string> = {
  402: 'C-11 half-width “部门(单位)” in some table notes, full-width “部门（单位）” in others: printed full-width throughout',
  443: 'C-11 “部门(单位)”',
  540: 'C-11 “部门(单位)”',
  564: 'C-11 “部门(单位)”',
  566: 'C-11 “部门(单位)”',
  596: 'C-11 “部门(单位)”',
  598: 'C-11 “部门(单位)”',
  684: 'C-11 “部门(单位)”',
  504: 'C-1 公开06 prints economic code 310111; the code is 31011 (economic-code-format)',
  904: 'C-9 部门整体支出评价 omits the 国有资本 700 of 财政拨款; we state it',
  932: 'C-3 “省劳模专项补助金” here, “省劳模专项补助资金” elsewhere: one project, one name (project-reference)',
  1014: 'C-8 the bucket sentence lacks the 60–80 bucket and a 个',
  1484: 'C-2 the duplicated 省劳模 自评表 (project-duplicate); printed once by us',
  1133: 'C-6 the 省劳模 自评表 writes ≦/≧ where the others write ≤/≥: one set, ≤/≥, is printed (indicator-comparator)',
  1138: 'C-6 ≦',
  1142: 'C-6 ≦',
  1201: 'C-6 ≧',
  1206: 'C-6 ≧',
  1218: 'C-6 ≧',
  1220: 'C-6 ≧',
  1434: 'C-6 ≦ (duplicate table)',
  1439: 'C-6 ≦',
  1443: 'C-6 ≦',
  1500: 'C-6 ≧',
  1505: 'C-6 ≧',
  1517: 'C-6 ≧',
  1519: 'C-6 ≧',
  1537: 'C-6 “一” printed for the dash “—”',
  1539: 'C-6 “一” for “—”',
  1541: 'C-6 “一” for “—”',
  1607: 'C-6 ASCII comparator >= (indicator-comparator)',
  1619: 'C-6 ASCII >=',
  1637: 'C-6 ASCII >=',
  1639: 'C-6 ASCII >=',
  1653: 'C-13 名词解释 not in code order',
  1659: 'C-13 名词解释 not in code order',
  2090: 'C-7 truncated label “实际到位资金（万”',
  2143:
    'C-7 the 部门评价表’s 二级 分值 column holds each group’s 分值 for 项目立项…组织实施 (6, 6, 6, 6, 8, 8) but repeats the 三级 分值 for ' +
    '产出数量, 产出质量, 社会效益 (10/10, 5/5, 5/5): one column, two meanings; printed as the group’s 分值 throughout (20, 10, 10)',
  2148: 'C-7 二级 分值 per row (产出质量)',
  2161: 'C-7 二级 分值 per row (社会效益)',
  2165: 'C-7 环境效益 (form) vs 生态效益 (report): one name',
  2169: 'C-7 the form leaves the 满意度 row’s 二级 cells empty, though its own report (L1963) and every 自评表 name the 二级 indicator 服务对象满意度指标: printed',
  2173: 'C-7 评价等次 lost the tick of 优',
};

/** C-14: the 2020 report's 96.18% (half-up gives 96.19%) and its three typos (text-lint). */
export const SEED_DEFECTS_2020: Record<number, string> = {
  25: 'C-14 96.18% is (900+1964.5+2200)/(5261.5+3.62) = 96.1896% truncated; half-up gives 96.19%',
  40: 'C-14 文号 （2020） for 〔2020〕',
  62: 'C-14 至下而上 for 自下而上',
  146: 'C-14 帮扶帮扶 doubled',
};
