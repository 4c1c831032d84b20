/**
 * Every message the LEAGUE.* functions show in a cell's error tip, in one catalogue. Staff
 * read them in Excel, so they are short and in Chinese, and name the argument at fault.
 */
export const FUNCTION_MESSAGES = {
  // Arguments
  blank: (arg: string) => `${arg}为空`,
  notText: (arg: string) => `${arg}应为文本`,
  notNumber: (arg: string, text: string) => `${arg}应为数字，现为「${text}」`,
  notInteger: (arg: string) => `${arg}应为整数`,
  notPositiveInteger: (arg: string, text: string) => `${arg}应为正整数，现为「${text}」`,
  negative: (arg: string) => `${arg}不能为负数`,
  notLine: (arg: string) => `${arg}应为一行或一列`,
  outOfRange: (arg: string, min: number, max: number) => `${arg}应在 ${min} 到 ${max} 之间`,
  notOneOf: (arg: string, text: string, choices: readonly string[]) => `${arg}「${text}」无效，应为 ${choices.join("、")} 之一`,
  badPeriod: (text: string) => `期间「${text}」无法识别，应为 2013、2013Q1 或 2013-03`,

  // Tables
  noRegisterHeader: "登记表缺少表头：需包含单位、报送日期、信息类型列，并选中表头行",
  noRosterHeader: "单位名单缺少表头：需包含单位、系统列",
  emptyRoster: "单位名单中没有单位",
  noPeriodInRegister: "登记表中没有可计分的记录，无法确定年份；请填写期间",

  // Results
  unknownUnit: (name: string) => `登记表中没有单位「${name}」`,
  notAmongValues: (value: number) => `${value} 不在排名区域中`,
  blankResult: (arg: string) => `${arg}为空，暂不计算`,
  groupNotFound: (group: string) => `分组「${group}」在分组区域中没有数值`,
  sizeMismatch: (a: string, b: string) => `${a}与${b}的单元格数不一致`,
  belowEveryBand: (value: number) => `${value} 低于分档表的最低分数线`,
  incomplete: (missing: readonly string[]) => `缺少${missing.join("、")}得分：总分不完整，不按 0 分计`,
  noCode: (name: string) => `单位名称「${name}」中没有可取首字母的汉字或字母`,
  tooManyTiers: (tiers: number, count: number) => `档数 ${tiers} 多于排名区域中的数值个数 ${count}`,
  countsLength: (n: number) => `月度条数应为 12 个（全年）、3 个（季度）或 1 个（单月），现为 ${n} 个`,
} as const;

/** Argument names as the messages show them. */
export const ARGUMENT_LABELS = {
  unit: "单位",
  register: "登记表",
  roster: "单位名单",
  period: "期间",
  rubric: "细则",
  counts: "月度条数",
  type: "信息类型",
  adoptions: "采用情况",
  value: "数值",
  values: "排名区域",
  method: "排名方式",
  order: "排序方向",
  group: "分组",
  groups: "分组区域",
  score: "分数",
  scale: "分档",
  scores: "各项得分",
  weights: "权重",
  tiers: "档数",
  levels: "抽查等次",
  label: "否决等次",
  n: "连续次数",
  base: "基础名额",
  name: "单位名称",
  a: "第一段文本",
  b: "第二段文本",
} as const;
