/**
 * The Chinese names of the fixed lines of the 公开表 and the 情况说明 that are not 政府收支分类科目
 * codes: the three 财政拨款 funds, the sources of income and the kinds of expenditure in the order the
 * 情况说明 lists them, the categories of 公开10's vehicles, and the names the 情况说明 gives the 经济分类
 * classes (they differ slightly from 公开06's: 「工资福利支出」 for 301 in both, but 「对个人和家庭补助支出」
 * in the text where the table prints 「对个人和家庭的补助」).
 */
export const FUND_NAMES = {
  general: '一般公共预算财政拨款',
  gov_fund: '政府性基金预算财政拨款',
  state_capital: '国有资本经营预算财政拨款',
} as const;

/** 公开01's sources of income, rows 1–8 (without their 一、二、… numbering). */
export const INCOME_SOURCE_NAMES = [
  { key: 'general', name: '一般公共预算财政拨款收入' },
  { key: 'gov_fund', name: '政府性基金预算财政拨款收入' },
  { key: 'state_capital', name: '国有资本经营预算财政拨款收入' },
  { key: 'superior', name: '上级补助收入' },
  { key: 'business', name: '事业收入' },
  { key: 'operating', name: '经营收入' },
  { key: 'affiliated', name: '附属单位上缴收入' },
  { key: 'other', name: '其他收入' },
] as const;

/** 情况说明 一「本年收入的具体构成」, in its order (which is not 公开02's column order). */
export const INCOME_PARTS = [
  { key: 'fiscal', name: '财政拨款收入' },
  { key: 'business', name: '事业收入' },
  { key: 'operating', name: '经营收入' },
  { key: 'superior', name: '上级补助收入' },
  { key: 'affiliated', name: '附属单位上缴收入' },
  { key: 'other', name: '其他收入' },
] as const;

/** 情况说明 二「本年支出的具体构成」, in its order. */
export const EXPENDITURE_PARTS = [
  { key: 'basic', name: '基本支出' },
  { key: 'project', name: '项目支出' },
  { key: 'operating', name: '经营支出' },
  { key: 'remit', name: '上缴上级支出' },
  { key: 'subsidy', name: '对附属单位补助支出' },
] as const;

/** 公开10 rows 2–9 and 情况说明 八. */
export const VEHICLE_CATEGORIES = [
  { key: 'ministerial', name: '副部（省）级及以上领导用车' },
  { key: 'principal', name: '主要负责人用车' },
  { key: 'confidential', name: '机要通信用车' },
  { key: 'emergency', name: '应急保障用车' },
  { key: 'law_enforcement', name: '执法执勤用车' },
  { key: 'special_technical', name: '特种专业技术用车' },
  { key: 'retiree_service', name: '离退休干部服务用车' },
  { key: 'other', name: '其他用车' },
] as const;

/** Names the 情况说明 四 uses for the 经济分类 classes. */
export const BASIC_CLASS_NARRATIVE_NAMES: Record<string, string> = {
  '301': '工资福利支出',
  '302': '商品和服务支出',
  '303': '对个人和家庭补助支出',
  '307': '债务利息及费用支出',
  '310': '资本性支出',
  '399': '其他支出',
};
