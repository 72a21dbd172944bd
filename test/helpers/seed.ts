/**
 * Figures of the seed (江西省总工会 2024 and what its text tells of 2023), for rule fixtures that rebuild
 * a known defect of the published documents from its actual numbers (C-1 … C-15, listed in
 * test/helpers/seed-defects.ts and the README).
 */
import { yaml } from './year.ts';

/** 2023 totals recovered from the 2024 text (as data/2023.yaml): 42.17 + 0 + 7794.44 = 7805.90 + 0 + 30.71. */
export const SEED_2023 = yaml`
  year: 2023
  department: 江西省总工会
  partial: true
  summary:
    income_total: 7794.44
    opening_balance: 42.17
    non_fiscal_surplus_used: 0.00
    expenditure_total: 7805.90
    surplus_distribution: 0.00
    closing_balance: 30.71
`;

/**
 * The 2024 自评表 of 省劳模专项补助资金 as published: 经济成本 numbered 指标1, 指标3, 指标2 (C-5) and the
 * comparators ≦ / ≧ of the original. Weights 90 + 执行率 10; every score full.
 */
export const SEED_LABOUR_MODELS = yaml`
  - name: 省劳模专项补助资金
    fund: general
    funding:
      current: { initial: 1964.5, full_year: 1964.5, executed: 1964.5 }
    self_evaluation:
      implementer: 江西省总工会经济部
      goal:
        expected: 使广大劳模切身感受到党和政府的关心关爱。
        actual: 2024年春节期间走访慰问省劳模人数6736人。
      indicators:
        - name: 成本指标
          children:
            - name: 经济成本
              children:
                - { name: 指标1：春节慰问金标准, target: ≦1200元/人, actual: 1200元/人, weight: 6, score: 6 }
                - { name: 指标3：生活困难补助标准, target: 100%, actual: 100%, weight: 7, score: 7 }
                - { name: 指标2：特殊困难帮扶标准, target: ≦50000元/人, actual: ≦50000元/人, weight: 7, score: 7 }
        - name: 产出指标
          children:
            - name: 数量指标
              children:
                - { name: 指标1：慰问省劳模人数, target: <6900人, actual: 6736人, weight: 5, score: 5 }
                - { name: 指标2：补助生活困难劳模人数, target: <800人, actual: 419人, weight: 5, score: 5 }
                - { name: 指标3：帮扶特殊困难劳模人数, target: <600人, actual: 308人, weight: 5, score: 5 }
            - name: 质量指标
              children:
                - { name: 指标1：春节慰问金覆盖率, target: 100%, actual: 100%, weight: 5, score: 5 }
                - { name: 指标2：生活困难补助人数占比, target: <30%, actual: <30%, weight: 4, score: 4 }
                - { name: 指标3：特殊困难帮扶人数占比, target: <30%, actual: <30%, weight: 5, score: 5 }
            - name: 时效指标
              children:
                - { name: 指标1：春节慰问金发放时间, target: 春节前夕, actual: 春节前夕, weight: 5, score: 5 }
                - { name: 指标2：生活困难补助发放时间, target: 12月之前, actual: 12月之前, weight: 3, score: 3 }
                - { name: 指标3：特殊困难帮扶发放时间, target: 12月之前, actual: 12月之前, weight: 3, score: 3 }
        - name: 效益指标
          children:
            - name: 社会效益
              children:
                - { name: 指标1：关心关爱劳模，增强荣誉感、归属感, target: ≧90%, actual: ≧90%, weight: 10, score: 10 }
                - { name: 指标2：缓解困难劳模生活压力，提升劳模生活质量, target: ≧90%, actual: ≧90%, weight: 10, score: 10 }
        - name: 满意度指标
          children:
            - name: 服务对象满意度指标
              children:
                - { name: 指标1：劳模满意度, target: ≧90%, actual: ≧90%, weight: 5, score: 5 }
                - { name: 指标2：社会满意度, target: ≧90%, actual: ≧90%, weight: 5, score: 5 }
`;

/**
 * The 2024 部门评价表 of 送温暖资金 as printed: 一级 labels 决策 40 and 产出 60 over children worth 18 and 40,
 * 过程 without a 分值 (C-7). 到位/使用 3100 of 3100 planned.
 */
export const SEED_WARMTH_EVALUATION = yaml`
  - project: 送温暖资金
    summary: 从评价情况看，执行和完成情况较好。
    form:
      implementer: 省总工会保障部
      type: recurring
      planned: 3100
      received: { provincial: 3100 }
      used: { provincial: 3100 }
      indicators:
        - name: 决策
          weight: 40
          children:
            - { name: 项目立项, children: [{ name: 立项依据充分性, weight: 3, score: 3 }, { name: 立项程序规范性, weight: 3, score: 3 }] }
            - { name: 绩效目标, children: [{ name: 绩效目标合理性, weight: 3, score: 3 }, { name: 绩效指标明确性, weight: 3, score: 3 }] }
            - { name: 资金投入, children: [{ name: 预算编制科学性, weight: 3, score: 3 }, { name: 资金分配合理性, weight: 3, score: 3 }] }
        - name: 过程
          children:
            - { name: 资金到位, children: [{ name: 资金到位率, weight: 3, score: 3 }, { name: 预算执行率, weight: 3, score: 3 }] }
            - { name: 资金管理, children: [{ name: 资金使用合规性, weight: 8, score: 8 }] }
            - { name: 组织实施, children: [{ name: 管理制度健全性, weight: 3, score: 3 }, { name: 制度执行有效性, weight: 5, score: 5 }] }
        - name: 产出
          weight: 60
          children:
            - { name: 产出数量, children: [{ name: 完成帮扶市县111个, weight: 10, score: 10 }, { name: 慰问职工人数20000人以上, weight: 10, score: 10 }] }
            - { name: 产出质量, children: [{ name: 严格按标准发放补助, weight: 5, score: 5 }, { name: 严格按标准帮扶, weight: 5, score: 5 }] }
            - { name: 产出时效, children: [{ name: 资金及时发放时间, weight: 5, score: 5 }] }
            - { name: 产出成本, children: [{ name: 成本按目标控制3100万元内, weight: 5, score: 5 }] }
        - name: 效益
          weight: 10
          children:
            - { name: 社会效益, children: [{ name: 减轻市县、困难职工生活经济压力, weight: 5, score: 5 }, { name: 走访慰问对象全覆盖, weight: 5, score: 5 }] }
        - name: 满意度
          weight: 10
          children:
            - { name: 服务对象满意度指标, children: [{ name: 慰问对象满意度, weight: 10, score: 10 }] }
    report:
      title: 送温暖资金项目支出绩效评价报告
      body:
        - p: 经过综合评价，总得分为{=总得分}分。
`;
