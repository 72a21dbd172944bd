/**
 * 支出功能分类科目 (《2024年政府收支分类科目》): 类 3 digits, 款 5, 项 7. Names are those the published
 * documents use; `explanation` is the 科目说明 printed in 第四部分 名词解释 for every 项 that has figures.
 * A year file may add codes this list lacks (catalogue.functional) — it is deliberately not exhaustive.
 */
export interface FunctionalEntry {
  code: string;
  name: string;
  explanation?: string;
}

/** The 26 类 printed, in this order, as rows of 公开01 and 公开04 (2024 version). */
export const FUNCTIONAL_CLASSES: readonly FunctionalEntry[] = [
  { code: '201', name: '一般公共服务支出' },
  { code: '202', name: '外交支出' },
  { code: '203', name: '国防支出' },
  { code: '204', name: '公共安全支出' },
  { code: '205', name: '教育支出' },
  { code: '206', name: '科学技术支出' },
  { code: '207', name: '文化旅游体育与传媒支出' },
  { code: '208', name: '社会保障和就业支出' },
  { code: '210', name: '卫生健康支出' },
  { code: '211', name: '节能环保支出' },
  { code: '212', name: '城乡社区支出' },
  { code: '213', name: '农林水支出' },
  { code: '214', name: '交通运输支出' },
  { code: '215', name: '资源勘探工业信息等支出' },
  { code: '216', name: '商业服务业等支出' },
  { code: '217', name: '金融支出' },
  { code: '219', name: '援助其他地区支出' },
  { code: '220', name: '自然资源海洋气象等支出' },
  { code: '221', name: '住房保障支出' },
  { code: '222', name: '粮油物资储备支出' },
  { code: '223', name: '国有资本经营预算支出' },
  { code: '224', name: '灾害防治及应急管理支出' },
  { code: '229', name: '其他支出' },
  { code: '231', name: '债务还本支出' },
  { code: '232', name: '债务付息支出' },
  { code: '234', name: '抗疫特别国债安排的支出' },
];

const ADMIN_RUN = '反映行政单位（包括实行公务员管理的事业单位）的基本支出。';
const GENERAL_ADMIN = '反映行政单位（包括实行公务员管理的事业单位）未单独设置项级科目的其他项目支出。';
const AGENCY_SERVICE = '反映为行政单位（包括实行公务员管理的事业单位）提供后勤服务的各类后勤服务中心、医务室等附属事业单位的支出。';
const INSTITUTION_RUN = '反映事业单位的基本支出，不包括行政单位（包括实行公务员管理的事业单位）后勤服务中心、医务室等附属事业单位。';

/** The usual 项 under a 201 款: 行政运行 / 一般行政管理事务 / 机关服务 / 事业运行 / 其他. */
function adminItems(kuan: string, kuanName: string, otherName: string): FunctionalEntry[] {
  return [
    { code: kuan, name: kuanName },
    { code: `${kuan}01`, name: '行政运行', explanation: ADMIN_RUN },
    { code: `${kuan}02`, name: '一般行政管理事务', explanation: GENERAL_ADMIN },
    { code: `${kuan}03`, name: '机关服务', explanation: AGENCY_SERVICE },
    { code: `${kuan}50`, name: '事业运行', explanation: INSTITUTION_RUN },
    { code: `${kuan}99`, name: otherName, explanation: `反映除上述项目以外其他用于${kuanName}方面的支出。` },
  ];
}

export const FUNCTIONAL_DETAIL: readonly FunctionalEntry[] = [
  ...adminItems('20101', '人大事务', '其他人大事务支出'),
  ...adminItems('20102', '政协事务', '其他政协事务支出'),
  ...adminItems('20103', '政府办公厅（室）及相关机构事务', '其他政府办公厅（室）及相关机构事务支出'),
  ...adminItems('20104', '发展与改革事务', '其他发展与改革事务支出'),
  ...adminItems('20105', '统计信息事务', '其他统计信息事务支出'),
  ...adminItems('20106', '财政事务', '其他财政事务支出'),
  ...adminItems('20107', '税收事务', '其他税收事务支出'),
  ...adminItems('20108', '审计事务', '其他审计事务支出'),
  ...adminItems('20110', '人力资源事务', '其他人力资源事务支出'),
  ...adminItems('20111', '纪检监察事务', '其他纪检监察事务支出'),
  ...adminItems('20113', '商贸事务', '其他商贸事务支出'),
  ...adminItems('20114', '知识产权事务', '其他知识产权事务支出'),
  ...adminItems('20123', '民族事务', '其他民族事务支出'),
  ...adminItems('20125', '港澳台事务', '其他港澳台事务支出'),
  ...adminItems('20126', '档案事务', '其他档案事务支出'),
  ...adminItems('20128', '民主党派及工商联事务', '其他民主党派及工商联事务支出'),
  { code: '20129', name: '群众团体事务' },
  { code: '2012901', name: '行政运行', explanation: ADMIN_RUN },
  { code: '2012902', name: '一般行政管理事务', explanation: GENERAL_ADMIN },
  { code: '2012903', name: '机关服务', explanation: AGENCY_SERVICE },
  { code: '2012906', name: '工会事务', explanation: '反映用于工会事务方面的支出。' },
  { code: '2012950', name: '事业运行', explanation: INSTITUTION_RUN },
  { code: '2012999', name: '其他群众团体事务支出', explanation: '反映除上述项目以外其他用于群众团体事务方面的支出。' },
  ...adminItems('20131', '党委办公厅（室）及相关机构事务', '其他党委办公厅（室）及相关机构事务支出'),
  ...adminItems('20132', '组织事务', '其他组织事务支出'),
  ...adminItems('20133', '宣传事务', '其他宣传事务支出'),
  ...adminItems('20134', '统战事务', '其他统战事务支出'),
  ...adminItems('20136', '其他共产党事务支出', '其他共产党事务支出'),
  ...adminItems('20137', '网信事务', '其他网信事务支出'),
  ...adminItems('20138', '市场监督管理事务', '其他市场监督管理事务支出'),
  { code: '20199', name: '其他一般公共服务支出' },
  { code: '2019999', name: '其他一般公共服务支出', explanation: '反映除上述项目以外其他用于一般公共服务方面的支出。' },

  { code: '20502', name: '普通教育' },
  { code: '2050201', name: '学前教育' },
  { code: '2050202', name: '小学教育' },
  { code: '2050203', name: '初中教育' },
  { code: '2050204', name: '高中教育' },
  { code: '2050205', name: '高等教育' },
  { code: '20503', name: '职业教育' },
  { code: '2050302', name: '中专教育' },
  { code: '2050305', name: '高等职业教育' },
  { code: '20508', name: '进修及培训' },
  { code: '2050801', name: '教师进修' },
  { code: '2050802', name: '干部教育', explanation: '反映干部教育支出。' },
  { code: '2050803', name: '培训支出', explanation: '反映各部门安排的除干部教育外的各类培训支出。' },

  { code: '20701', name: '文化和旅游' },
  { code: '2070101', name: '行政运行', explanation: ADMIN_RUN },
  { code: '2070102', name: '一般行政管理事务', explanation: GENERAL_ADMIN },
  { code: '2070109', name: '群众文化', explanation: '反映各类群众文化活动支出。' },
  { code: '2070199', name: '其他文化和旅游支出', explanation: '反映除上述项目以外其他用于文化和旅游方面的支出。' },
  { code: '20703', name: '体育' },
  { code: '2070308', name: '群众体育', explanation: '反映各类群众体育活动支出。' },

  { code: '20805', name: '行政事业单位养老支出' },
  { code: '2080501', name: '行政单位离退休', explanation: '反映行政单位（包括实行公务员管理的事业单位）开支的离退休经费。' },
  { code: '2080502', name: '事业单位离退休', explanation: '反映实行归口管理的事业单位开支的离退休经费。' },
  { code: '2080503', name: '离退休人员管理机构', explanation: '反映行政事业单位离退休人员管理机构的支出。' },
  { code: '2080505', name: '机关事业单位基本养老保险缴费支出', explanation: '反映机关事业单位实施养老保险制度由单位缴纳的基本养老保险费支出。' },
  { code: '2080506', name: '机关事业单位职业年金缴费支出', explanation: '反映机关事业单位实施养老保险制度由单位实际缴纳的职业年金支出。' },
  { code: '2080599', name: '其他行政事业单位养老支出', explanation: '反映除上述项目以外其他用于行政事业单位养老方面的支出。' },
  { code: '20808', name: '抚恤' },
  { code: '2080801', name: '死亡抚恤', explanation: '反映按规定用于烈士和牺牲、病故人员家属的一次性和定期抚恤金以及丧葬补助费。' },
  { code: '20899', name: '其他社会保障和就业支出' },
  { code: '2089999', name: '其他社会保障和就业支出', explanation: '反映除上述项目以外其他用于社会保障和就业方面的支出。' },

  { code: '21011', name: '行政事业单位医疗' },
  { code: '2101101', name: '行政单位医疗', explanation: '反映财政部门安排的行政单位（包括实行公务员管理的事业单位）基本医疗保险缴费经费，未参加医疗保险的行政单位的公费医疗经费，按国家规定享受离休人员、红军老战士待遇人员的医疗经费。' },
  { code: '2101102', name: '事业单位医疗', explanation: '反映财政部门安排的事业单位基本医疗保险缴费经费，未参加医疗保险的事业单位的公费医疗经费，按国家规定享受离休人员待遇的医疗经费。' },
  { code: '2101103', name: '公务员医疗补助', explanation: '反映财政部门安排的公务员医疗补助经费。' },
  { code: '2101199', name: '其他行政事业单位医疗支出', explanation: '反映除上述项目以外其他用于行政事业单位医疗方面的支出。' },

  { code: '21208', name: '国有土地使用权出让收入安排的支出' },
  { code: '2120801', name: '征地和拆迁补偿支出', explanation: '反映地方人民政府在征地和收购土地过程中支付的土地补偿费、安置补助费、地上附着物和青苗补偿费、拆迁补偿费支出。' },
  { code: '2120802', name: '土地开发支出', explanation: '反映地方人民政府用于土地开发方面的支出。' },
  { code: '2120803', name: '城市建设支出', explanation: '反映地方人民政府用于完善国有土地使用功能的配套设施建设以及城市基础设施建设支出。' },
  { code: '2120899', name: '其他国有土地使用权出让收入安排的支出', explanation: '反映用国有土地使用权出让收入安排的其他支出。' },

  { code: '21302', name: '林业和草原' },
  { code: '2130201', name: '行政运行', explanation: ADMIN_RUN },

  { code: '22102', name: '住房改革支出' },
  { code: '2210201', name: '住房公积金', explanation: '反映行政事业单位按人力资源和社会保障部、财政部规定的基本工资和津贴补贴以及规定比例为职工缴纳的住房公积金。' },
  { code: '2210202', name: '提租补贴', explanation: '反映按房改政策规定的标准，行政事业单位向职工（含离退休人员）发放的租金补贴。' },
  { code: '2210203', name: '购房补贴', explanation: '反映按房改政策规定，行政事业单位向符合条件职工（含离退休人员）、军队（含武警）向转役复员离退休人员发放的用于购买住房的补贴。' },

  { code: '22301', name: '解决历史遗留问题及改革成本支出' },
  { code: '2230101', name: '厂办大集体改革支出', explanation: '反映用国有资本经营预算收入安排的用于厂办大集体改革的支出。' },
  { code: '2230102', name: '“三供一业”移交补助支出', explanation: '反映用国有资本经营预算收入安排的用于国有企业“三供一业”分离移交的补助支出。' },
  { code: '2230105', name: '国有企业退休人员社会化管理补助支出', explanation: '反映用国有资本经营预算收入安排的用于国有企业退休人员社会化管理的补助支出。' },
  { code: '2230199', name: '其他解决历史遗留问题及改革成本支出', explanation: '反映用国有资本经营预算收入安排的除上述项目以外的其他解决历史遗留问题及改革成本支出。' },
  { code: '22302', name: '国有企业资本金注入' },
  { code: '2230299', name: '其他国有企业资本金注入', explanation: '反映用国有资本经营预算收入安排的除上述项目以外的其他国有企业资本金注入。' },

  { code: '22960', name: '彩票公益金安排的支出' },
  { code: '2296002', name: '用于社会福利的彩票公益金支出', explanation: '反映用彩票公益金安排的社会福利方面的支出。' },
  { code: '2296003', name: '用于体育事业的彩票公益金支出', explanation: '反映用彩票公益金安排的体育事业方面的支出。' },
  { code: '2296004', name: '用于教育事业的彩票公益金支出', explanation: '反映用彩票公益金安排的教育事业方面的支出。' },
  { code: '2296006', name: '用于残疾人事业的彩票公益金支出', explanation: '反映用彩票公益金安排的残疾人事业方面的支出。' },
  { code: '2296099', name: '用于其他社会公益事业的彩票公益金支出', explanation: '反映用彩票公益金安排的其他社会公益事业方面的支出。' },
  { code: '22999', name: '其他支出' },
  { code: '2299999', name: '其他支出', explanation: '反映除上述项目以外的其他支出。' },
];
