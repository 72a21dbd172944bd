/**
 * Stage 2: the shape of a year file (data/<year>.yaml). Only leaf figures are entered — income and
 * expenditure by 功能分类 项, basic expenditure by 经济分类 款, balances, budgets, 三公, assets, projects —
 * and every total, subtotal, share and rate is computed later. The same schema is exported as JSON Schema
 * (schema/year-file.schema.json) so editors can complete and explain the keys.
 */
import { z } from 'zod';
import { amount, code, count, flag, isoDate, requiredSignedAmount, score, text } from './primitives.ts';

const obj = <T extends z.ZodRawShape>(shape: T, description?: string) => {
  const schema = z.strictObject(shape);
  return description ? schema.meta({ description }) : schema;
};
const list = <T extends z.ZodType>(item: T, description: string) =>
  z.array(item, { error: '应为列表（每项以「- 」开头）' }).meta({ description });

// ─── Explanations (情况说明中的原因) ──────────────────────────────────────────────────────────────────

const reasonItem = obj({
  text: text('事项说明，不含金额，例如「住房公积金增加」「减少副省专项」；金额单独填写'),
  amount: requiredSignedAmount('金额（万元），增加为正、减少为负'),
});

/**
 * A reason: either a plain sentence, or itemised amounts (which the checks add up against the change
 * they explain). `lead` and `joiner` shape the sentence: 「年中追加了A 848.1万元和B 5010.6万元」.
 */
export const explanationSchema = z
  .union([
    text('原因说明（一句话，不含逐项金额）'),
    obj({
      text: text('原因说明的文字部分').optional(),
      lead: text('逐项列举前的引导语，例如「年中追加了」').optional(),
      joiner: z.string().optional().meta({ description: '逐项之间的连接词，默认「，」；例如「和」' }),
      items: list(reasonItem, '逐项原因及金额（各项金额之和应等于所解释的增减额）').optional(),
    }),
  ])
  .meta({ description: '原因说明：一句话，或逐项列出事项和金额' });

// ─── Income and expenditure (公开01–05, 07, 08) ──────────────────────────────────────────────────────

const fundSplit = (what: string) =>
  obj(
    {
      general: amount(`${what}：一般公共预算财政拨款`),
      gov_fund: amount(`${what}：政府性基金预算财政拨款`),
      state_capital: amount(`${what}：国有资本经营预算财政拨款`),
      other: amount(`${what}：非财政拨款资金（上级补助、事业、经营、其他收入及结余）`),
    },
    `${what}，按资金来源分列`,
  );

const incomeRow = obj(
  {
    code: code('支出功能分类项级科目编码（7 位），例如 2012901'),
    general: amount('一般公共预算财政拨款收入'),
    gov_fund: amount('政府性基金预算财政拨款收入'),
    state_capital: amount('国有资本经营预算财政拨款收入'),
    superior: amount('上级补助收入'),
    business: amount('事业收入'),
    operating: amount('经营收入'),
    affiliated: amount('附属单位上缴收入'),
    other: amount('其他收入'),
  },
  '一个项级科目的本年收入（万元）；未填写的栏目在表中留空，填 0 则显示 0.00',
);

const expenditureRow = obj(
  {
    code: code('支出功能分类项级科目编码（7 位）'),
    basic: fundSplit('基本支出').optional(),
    project: fundSplit('项目支出').optional(),
    remit_superior: amount('上缴上级支出'),
    operating: amount('经营支出'),
    subsidy_affiliated: amount('对附属单位补助支出'),
  },
  '一个项级科目的本年支出（万元）',
);

const balancePair = (what: string) => obj({ opening: amount(`${what}年初结转和结余`), closing: amount(`${what}年末结转和结余`) }, what);

const balances = obj(
  {
    general: balancePair('一般公共预算财政拨款').optional(),
    state_capital: balancePair('国有资本经营预算财政拨款').optional(),
    gov_fund: list(
      obj({ code: code('支出功能分类项级科目编码'), opening: amount('年初结转和结余'), closing: amount('年末结转和结余') }),
      '政府性基金预算财政拨款结转和结余，按项级科目（公开07表）',
    ).optional(),
    non_fiscal: balancePair('非财政拨款').optional(),
    non_fiscal_surplus_used: amount('使用非财政拨款结余（含专用结余）'),
    surplus_distribution: amount('结余分配'),
  },
  '结转和结余（万元）；年末数与收支之间的勾稽关系会被校验',
);

// ─── 三公经费, 机关运行经费, 政府采购, 国有资产 ─────────────────────────────────────────────────────────

const threePublicReasons = {
  budget_reason: text('决算数与全年预算数差异的主要原因').optional(),
  prior_reason: text('决算数与上年相比增减的主要原因').optional(),
};
const budgetPair = {
  initial_budget: amount('年初预算数'),
  full_budget: amount('全年预算数'),
};
const receptionLine = (what: string) =>
  obj({ actual: amount(`${what}决算数`), batches: count(`${what}批次（个）`), persons: count(`${what}人次（人）`) }, what);

const threePublic = obj(
  {
    abroad: obj(
      {
        ...budgetPair,
        actual: amount('决算数'),
        groups: count('因公出国（境）团组数（个）'),
        persons: count('因公出国（境）人次数（人）'),
        purpose: text('全年安排因公出国（境）团组的主要内容（「主要是：」之后）').optional(),
        ...threePublicReasons,
      },
      '因公出国（境）费',
    ).optional(),
    vehicle_purchase: obj(
      {
        ...budgetPair,
        actual: amount('决算数'),
        vehicles: count('公务用车购置数（辆）'),
        ...threePublicReasons,
      },
      '公务用车购置费',
    ).optional(),
    vehicle_operation: obj(
      {
        ...budgetPair,
        actual: amount('决算数'),
        fleet: count('公务用车保有量（辆）'),
        ...threePublicReasons,
      },
      '公务用车运行维护费',
    ).optional(),
    vehicle_reason: obj(threePublicReasons, '公务用车购置及运行维护费合计的原因说明').optional(),
    reception: obj(
      {
        ...budgetPair,
        domestic: obj(
          {
            actual: amount('国内接待费决算数'),
            batches: count('国内公务接待批次（个）'),
            persons: count('国内公务接待人次（人）'),
            foreign_affairs: receptionLine('其中：外事接待').optional(),
          },
          '国内接待',
        ).optional(),
        overseas: receptionLine('国（境）外接待').optional(),
        purpose: text('公务接待的主要内容（「主要是：」之后）').optional(),
        ...threePublicReasons,
      },
      '公务接待费',
    ).optional(),
    prior_reason: text('“三公”经费合计决算数与上年相比增减的主要原因').optional(),
  },
  '财政拨款“三公”经费（公开09表）',
);

const procurementLine = (what: string) =>
  obj({ total: amount(`政府采购${what}支出`), sme: amount(`其中授予中小企业合同金额`) }, `政府采购${what}`);

const procurement = obj(
  {
    goods: procurementLine('货物').optional(),
    works: procurementLine('工程').optional(),
    services: procurementLine('服务').optional(),
    small_micro: amount('授予小微企业合同金额（含在中小企业金额之内）'),
  },
  '政府采购支出（情况说明 七）',
);

const assets = obj(
  {
    vehicles: obj(
      {
        ministerial: count('副部（省）级及以上领导用车'),
        principal: count('主要负责人用车'),
        confidential: count('机要通信用车'),
        emergency: count('应急保障用车'),
        law_enforcement: count('执法执勤用车'),
        special_technical: count('特种专业技术用车'),
        retiree_service: count('离退休干部服务用车'),
        other: count('其他用车'),
      },
      '车辆数（台、辆），截至年末',
    ).optional(),
    equipment_over_1m: count('单价 100 万元（含）以上设备（不含车辆）（台、套）'),
  },
  '国有资产占用情况（公开10表）',
);

// ─── Performance (九 预算绩效, 附件) ─────────────────────────────────────────────────────────────────

export interface IndicatorInput {
  name: string;
  weight?: import('../decimal.ts').Dec;
  score?: import('../decimal.ts').Dec;
  target?: string;
  actual?: string;
  note?: string;
  comment?: string;
  full_marks?: boolean;
  children?: IndicatorInput[];
}

/** One node of an indicator tree: a group (with children) or a scored indicator (weight + score). */
const indicatorNode: z.ZodType<IndicatorInput, unknown> = z.lazy(() =>
  obj({
    name: text('指标名称'),
    weight: score('分值；指标组可省略（由下级指标合计），填写则须等于下级合计').optional(),
    score: score('得分').optional(),
    target: text('年度指标值').optional(),
    actual: text('实际完成值').optional(),
    note: text('偏差原因分析及改进措施').optional(),
    comment: text('评价报告「绩效评价指标分析」中对该指标的分析文字（得分由表自动填入）').optional(),
    full_marks: flag('true 表示分析文字中写「得满分 N 分」而不是「得 N 分」').optional(),
    children: z.array(indicatorNode).optional().meta({ description: '下级指标' }),
  }),
) as z.ZodType<IndicatorInput, unknown>;

const fundingLine = (what: string) =>
  obj({ initial: amount('年初预算数'), full_year: amount('全年预算数（A）'), executed: amount('全年执行数（B）') }, what);

const project = obj(
  {
    name: text('项目名称（全文只用这一个名称）'),
    fund: z
      .enum(['general', 'gov_fund', 'state_capital'], {
        error: '资金性质应为 general（一般公共预算）、gov_fund（政府性基金）或 state_capital（国有资本经营预算）',
      })
      .optional()
      .meta({ description: '资金性质：general 一般公共预算，gov_fund 政府性基金预算，state_capital 国有资本经营预算' }),
    funding: obj(
      {
        current: fundingLine('当年财政拨款').optional(),
        carryover: fundingLine('上年结转资金').optional(),
        other: fundingLine('其他资金').optional(),
      },
      '项目资金（万元）',
    ),
    score: score('自评得分（未公开自评表的项目填写；公开自评表的项目由表计算）').optional(),
    self_evaluation: obj(
      {
        supervisor: text('主管部门（默认为本部门）').optional(),
        implementer: text('实施单位'),
        goal: obj({ expected: text('年度总体目标：预期目标'), actual: text('年度总体目标：实际完成情况') }),
        execution_weight: score('预算执行率的分值（默认 10）').optional(),
        indicators: list(indicatorNode, '绩效指标：一级指标 → 二级指标 → 三级指标'),
      },
      '项目支出绩效自评表（填写则在情况说明中公开）',
    ).optional(),
  },
  '一个纳入绩效自评的项目',
);

const valueMap = z
  .record(z.string(), z.string().meta({ juesuanKind: 'value' }))
  .meta({ description: '报告正文引用的数字：直接填写金额，或以 = 开头写算式（可引用其他名称，支持 + - * / 和括号）' });

const block = z.union([
  obj({ h1: text('一级标题') }),
  obj({ h2: text('二级标题') }),
  obj({ h3: text('三级标题') }),
  obj({ p: text('段落正文；可用 {=名称} 引用计算出的数字，{=名称|%} 显示为百分比') }),
  obj({ analysis: text('在此处插入该一级指标（例如「决策」）下各二级指标的分析段落，得分由评价表自动填入') }),
]);

export const reportSchema = obj(
  {
    title: text('报告标题；可用换行分成多行'),
    date: text('落款日期').optional(),
    signature: text('落款单位').optional(),
    values: valueMap.optional(),
    checks: list(z.string(), '需要成立的等式，例如「A + B = C」；不成立则报错').optional(),
    body: list(block, '报告正文，由标题和段落组成'),
  },
  '评价报告',
);

const departmentEvaluation = obj(
  {
    project: text('被评价项目的名称（须与 projects 中的名称一致）'),
    summary: text('情况说明「九」中对部门评价结果的概括'),
    form: obj(
      {
        implementer: text('项目实施单位'),
        leader: text('项目负责人').optional(),
        phone: text('联系电话').optional(),
        type: z
          .enum(['recurring', 'one_off'], { error: '项目类型应为 recurring（经常性项目）或 one_off（一次性项目）' })
          .meta({ description: 'recurring 经常性项目，one_off 一次性项目' }),
        planned: amount('计划投资额（万元）'),
        received: obj(
          { central: amount('中央财政'), provincial: amount('省财政'), local: amount('市县财政'), other: amount('其他') },
          '实际到位资金（万元）',
        ),
        used: obj(
          { central: amount('中央财政'), provincial: amount('省财政'), local: amount('市县财政'), other: amount('其他') },
          '实际使用情况（万元）',
        ),
        indicators: list(indicatorNode, '绩效评价指标：一级 → 二级 → 三级'),
      },
      '部门评价表',
    ),
    report: reportSchema,
  },
  '部门评价（报告在第五部分附件公开）',
);

const performance = obj(
  {
    overall: obj(
      {
        grade: z.enum(['优', '良', '中', '差'], { error: '评价结果应为 优、良、中、差 之一' }),
        summary: text('部门整体支出绩效评价的概括'),
      },
      '部门整体支出绩效评价',
    ).optional(),
    texts: obj(
      {
        goals: text('（二）1 本部门项目绩效目标情况').optional(),
        preparation: text('（二）2（1）前期准备').optional(),
        process: text('（二）2（2）工作过程').optional(),
        analysis: text('（二）2（3）分析评价').optional(),
        conclusion: text('（二）3 综合评价结论').optional(),
        completion: text('（二）4 绩效目标完成情况总体分析（分档统计自动附在其后）').optional(),
        deviation: text('（二）5（1）偏离绩效目标的原因').optional(),
        improvement: text('（二）5（2）改进措施').optional(),
        application: text('（二）6 绩效评价结果应用情况').optional(),
      },
      '情况说明「九」中由部门撰写的段落；可用 {=名称} 引用计算出的数字',
    ).optional(),
    self_evaluation_order: list(
      text('项目名称'),
      '公开的项目支出绩效自评表的先后顺序（写项目名称；没写的按 projects 中的顺序排在后面）；情况说明「九」的引导句点名前两个',
    ).optional(),
  },
  '预算绩效情况说明',
);

// ─── Overview, glossary, catalogue ─────────────────────────────────────────────────────────────────

const overview = obj(
  {
    duties: text('部门主要职责（段落之间空一行）'),
    units: list(
      obj({
        name: text('单位名称，例如「江西省总工会（本级）」'),
        internal_bodies: list(text('内设机构名称'), '内设机构').optional(),
        note: text('内设机构之后的补充说明，例如「另设…」').optional(),
      }),
      '纳入本套部门决算汇编范围的单位',
    ),
    staff: obj(
      {
        establishment: count('年末编制内实有人员（人）'),
        other: count('其他人员（人）'),
        retired_unit_paid: count('单位发放离退休费的离退休人员（人）'),
        retired_pension_fund: count('养老保险基金发放养老金的离退休人员（人）'),
      },
      '人员情况',
    ),
  },
  '第一部分 概况',
);

const glossary = obj(
  {
    income: list(obj({ term: text('收入科目'), text: text('解释') }), '收入科目的解释（覆盖内置解释）').optional(),
    expenditure: list(obj({ code: code('项级科目编码'), text: text('解释') }), '支出科目的解释（覆盖内置科目说明）').optional(),
    terms: list(obj({ term: text('名词'), text: text('解释') }), '相关专业名词（覆盖或补充内置解释）').optional(),
  },
  '第四部分 名词解释',
);

const catalogue = obj(
  {
    functional: list(
      obj({ code: code('科目编码'), name: text('科目名称'), explanation: text('科目说明（名词解释用）').optional() }),
      '补充内置目录没有的支出功能分类科目',
    ).optional(),
    economic: list(obj({ code: code('科目编码'), name: text('科目名称') }), '补充内置目录没有的经济分类科目').optional(),
  },
  '科目目录补充',
);

/** Totals that a partial (prior-year) file states directly because its details are unknown. */
const summary = obj(
  {
    income_total: amount('本年收入合计'),
    opening_balance: amount('年初结转和结余'),
    non_fiscal_surplus_used: amount('使用非财政拨款结余（含专用结余）'),
    expenditure_total: amount('本年支出合计'),
    surplus_distribution: amount('结余分配'),
    closing_balance: amount('年末结转和结余'),
    basic_total: amount('基本支出合计（公开03表）'),
    project_total: amount('项目支出合计（公开03表）'),
    gp_basic_by_class: z
      .record(z.string(), amount('金额'))
      .optional()
      .meta({ description: '一般公共预算财政拨款基本支出，按经济分类类级（301、302、303、310…）' }),
  },
  '只知道合计数时直接填写的汇总数（仅用于 partial: true 的年度文件）',
);

export const yearFileSchema = obj({
  year: z
    .string({ error: '缺少年度 year' })
    .regex(/^\d{4}$/, { message: '年度应为 4 位数字，例如 2024' })
    .transform((t) => Number.parseInt(t, 10))
    .meta({ description: '决算年度，例如 2024' }),
  department: text('部门名称，例如「江西省总工会」'),
  publication_date: isoDate('公开日期（YYYY-MM-DD），用作 PDF 和工作簿的文档日期；默认为次年 9 月 30 日').optional(),
  partial: flag('true 表示本文件只含部分数字（例如从下一年度公开文本推算出的上年数），只用于对比，不能发布').optional(),
  acknowledge: list(
    obj({ rule: text('规则编号，例如 balance-continuity'), reason: text('确认理由') }),
    '已核实并确认的警告：警告仍会显示为「已确认」，但不再计入警告数',
  ).optional(),
  catalogue: catalogue.optional(),
  overview: overview.optional(),
  income: list(incomeRow, '本年收入，按支出功能分类项级科目（公开02表的明细行）').optional(),
  expenditure: list(expenditureRow, '本年支出，按支出功能分类项级科目（公开03、05、07、08表的明细行）').optional(),
  basic_economic: z
    .record(z.string(), amount('金额'))
    .optional()
    .meta({ description: '一般公共预算财政拨款基本支出，按部门预算支出经济分类款级科目（公开06表），键为 5 位编码' }),
  balances: balances.optional(),
  summary: summary.optional(),
  budget: list(
    obj({
      code: code('支出功能分类类级科目编码（3 位）'),
      initial: amount('财政拨款年初预算数'),
      variance_reason: explanationSchema.optional(),
    }),
    '财政拨款年初预算数，按支出功能分类类级科目（情况说明 三）',
  ).optional(),
  changes: list(
    obj({
      text: text('事项说明，例如「住房公积金增加」；金额单独填写'),
      amount: requiredSignedAmount('与上年相比的增减额（万元），增加为正、减少为负'),
      economic: code(
        '属于一般公共预算财政拨款基本支出时，所属经济分类类级科目（301、302、303、310…），该事项也会列在情况说明「四」中',
      ).optional(),
      basic_line: z
        .string()
        .regex(/^(\d{3}|none)$/, { message: 'basic_line 应为经济分类类级科目编码（如 "303"）或 none' })
        .optional()
        .meta({ description: '在情况说明「四」的哪一类下列出（默认为 economic 所属类）；none 表示只在「一」中列出' }),
      basic_text: text(
        '在情况说明「四」中的写法，与「一」不同时填写（例如「一」写「减少离休费提标补助经费」，「四」写「离休费提标补助经费减少」）',
      ).optional(),
    }),
    '本年收入合计与上年相比增减的逐项原因（各项之和应等于增减额）',
  ).optional(),
  explanations: obj(
    {
      opening_balance: explanationSchema.optional(),
      non_fiscal_surplus_used: explanationSchema.optional(),
      income_total: explanationSchema.optional(),
      expenditure_total: explanationSchema.optional(),
      surplus_distribution: explanationSchema.optional(),
      closing_balance: explanationSchema.optional(),
      basic: z
        .record(z.string(), explanationSchema)
        .optional()
        .meta({ description: '一般公共预算财政拨款基本支出各经济分类类级科目的增减原因（无逐项事项时使用）' }),
    },
    '情况说明中各项与上年相比增减的原因',
  ).optional(),
  three_public: threePublic.optional(),
  admin_operating_cost: obj(
    { amount: amount('机关运行经费支出'), reason: text('与上年相比增减的主要原因').optional() },
    '机关运行经费（情况说明 六）',
  ).optional(),
  procurement: procurement.optional(),
  assets: assets.optional(),
  projects: list(project, '纳入绩效自评的项目').optional(),
  performance: performance.optional(),
  department_evaluations: list(departmentEvaluation, '部门评价项目').optional(),
  glossary: glossary.optional(),
  reports: list(reportSchema, '单独发布的报告（例如年度项目绩效自评报告）').optional(),
});

export type YearFile = z.output<typeof yearFileSchema>;
export type Explanation = z.output<typeof explanationSchema>;
export type Report = z.output<typeof reportSchema>;
export type ProjectInput = NonNullable<YearFile['projects']>[number];
export type DepartmentEvaluationInput = NonNullable<YearFile['department_evaluations']>[number];
