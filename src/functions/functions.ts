/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes cells of any type; the runner checks them. */
import {
  BAND,
  BASE_POINTS,
  GRADE,
  ITEM_POINTS,
  QUOTA_TARGET,
  RANK,
  RANK_IN_GROUP,
  SCORE_BREAKDOWN,
  SCORE_UNIT,
  SCORES,
  SIMILARITY,
  TIER,
  UNIT_CODE,
  VETO_STREAK,
  WEIGHTED,
} from "./definitions";

// The LEAGUE.* custom functions as Excel sees them. Each wrapper's JSDoc is the source of
// functions.json (English) and, through its @zh / @zhparam tags, of functions.zh-cn.json; the
// body is one call into a declared function (definitions.ts), which checks the arguments and
// calls the engine. Parameters are typed `any` so that a wrong argument reaches the runner and
// gets a Chinese message instead of Excel's bare #VALUE!. (Plain comments here: the metadata
// generator would read a JSDoc block as the first function's description.)

/**
 * A unit's information-work total for a period (base + bonus − penalty). For a whole table of units use LEAGUE.SCORES, which reads the register once; filling SCORE_UNIT down a column also works, because an unchanged register is parsed only once.
 * @zh 某单位在某期间的信息工作总分（基础分＋加分－扣分）。整张表请用 LEAGUE.SCORES（只读一次登记表）；向下填充 SCORE_UNIT 也可以，登记表内容不变时只解析一次。
 * @customfunction SCORE_UNIT
 * @param unit The unit's name as the register writes it; 团委/团工委 suffixes may differ.
 * @zhparam unit 单位名称，与登记表中一致（团委、团工委等后缀可不同）。
 * @param register The submissions register range, with its header row (单位, 报送日期, 信息类型, 采用情况…).
 * @zhparam register 信息报送登记表区域，含表头行（单位、报送日期、信息类型、采用情况等）。
 * @param [period] 2013, 2013Q1 or 2013-03; the latest year in the register when omitted.
 * @zhparam period 期间：2013、2013Q1 或 2013-03；省略时取登记表中最近的年份。
 * @param [rubric] Rubric preset id; "chaoyang-info" when omitted.
 * @zhparam rubric 细则编号；省略时为 "chaoyang-info"。
 * @returns The unit's total points.
 */
export function scoreUnit(unit: any, register: any[][], period?: any, rubric?: any): number {
  return SCORE_UNIT(unit, register, period, rubric);
}

/**
 * A unit's score as one row: base, bonus, penalty, total, award eligibility (TRUE/FALSE).
 * @zh 某单位的得分明细，一行五格：基础分、加分、扣分、总分、评优资格（TRUE/FALSE）。
 * @customfunction SCORE_BREAKDOWN
 * @param unit The unit's name as the register writes it.
 * @zhparam unit 单位名称，与登记表中一致。
 * @param register The submissions register range, with its header row.
 * @zhparam register 信息报送登记表区域，含表头行。
 * @param [period] 2013, 2013Q1 or 2013-03; the latest year in the register when omitted.
 * @zhparam period 期间：2013、2013Q1 或 2013-03；省略时取最近的年份。
 * @param [rubric] Rubric preset id; "chaoyang-info" when omitted.
 * @zhparam rubric 细则编号；省略时为 "chaoyang-info"。
 * @returns One row of five cells.
 */
export function scoreBreakdown(unit: any, register: any[][], period?: any, rubric?: any): any[][] {
  return SCORE_BREAKDOWN(unit, register, period, rubric);
}

/**
 * Every roster unit's score as a table with a header row (单位, 系统, 基础分, 加分, 扣分, 总分, 评优资格), in roster order. The form to use for a whole table: one formula reads the register once.
 * @zh 名单中每个单位的得分表，含表头（单位、系统、基础分、加分、扣分、总分、评优资格），按名单顺序。整张表用这一个公式即可，登记表只读一次。
 * @customfunction SCORES
 * @param register The submissions register range, with its header row.
 * @zhparam register 信息报送登记表区域，含表头行。
 * @param roster The roster range (单位, 系统), with its header row.
 * @zhparam roster 单位名单区域（单位、系统），含表头行。
 * @param [period] 2013, 2013Q1 or 2013-03; the latest year in the register when omitted.
 * @zhparam period 期间：2013、2013Q1 或 2013-03；省略时取最近的年份。
 * @param [rubric] Rubric preset id; "chaoyang-info" when omitted.
 * @zhparam rubric 细则编号；省略时为 "chaoyang-info"。
 * @returns A table that spills below and to the right.
 */
export function scores(register: any[][], roster: any[][], period?: any, rubric?: any): any[][] {
  return SCORES(register, roster, period, rubric);
}

/**
 * Base points from items per month: 12 counts by the yearly rule (36 items earn all 12), 3 by the quarter rule, or 1 month.
 * @zh 由每月报送条数计算基础分：12 个月按年度规则（全年满 36 条得 12 分），3 个月按季度规则，或单月。
 * @customfunction BASE_POINTS
 * @param counts Items sent in each month: 12, 3 or 1 cells; a blank cell counts as 0.
 * @zhparam counts 每月报送条数：12、3 或 1 个单元格；空单元格按 0 条计。
 * @returns Base points.
 */
export function basePoints(counts: any[][]): number {
  return BASE_POINTS(counts);
}

/**
 * One item's bonus: +2 for a comprehensive item, plus the points of every channel that adopted it.
 * @zh 单条信息的加分：综合类每条加 2 分，另加每个采用渠道的分值（累计计算）。
 * @customfunction ITEM_POINTS
 * @param type The item type: 事件类 or 综合类 (aliases such as 动态, 综合 are accepted).
 * @zhparam type 信息类型：事件类或综合类（可写动态、综合等）。
 * @param [adoptions] The adopting channels in one cell, separated by 、，,;/ or new lines; blank when none.
 * @zhparam adoptions 采用渠道，写在一个单元格中，以、，,;/或换行分隔；未采用则留空。
 * @param [rubric] Rubric preset id; "chaoyang-info" when omitted.
 * @zhparam rubric 细则编号；省略时为 "chaoyang-info"。
 * @returns Bonus points of the item.
 */
export function itemPoints(type: any, adoptions?: any, rubric?: any): number {
  return ITEM_POINTS(type, adoptions, rubric);
}

/**
 * The rank of a value among values: "dense" (中国式排名, the default: 1, 2, 2, 3) or "competition" (RANK.EQ: 1, 2, 2, 4).
 * @zh 数值在区域中的名次："dense"（中国式排名，默认：1、2、2、3）或 "competition"（同 RANK.EQ：1、2、2、4）。
 * @customfunction RANK
 * @param value The value to rank; a blank gives #N/A.
 * @zhparam value 要排名的数值；为空时返回 #N/A。
 * @param values The values to rank among; blanks and text are skipped.
 * @zhparam values 参与排名的数值区域；空格和文本不参与。
 * @param [method] "dense" (default) or "competition".
 * @zhparam method 排名方式："dense"（默认，中国式）或 "competition"（RANK.EQ）。
 * @param [order] 0: highest first (default); 1: lowest first.
 * @zhparam order 0：从高到低（默认）；1：从低到高。
 * @returns The rank, from 1.
 */
export function rank(value: any, values: any[][], method?: any, order?: any): number {
  return RANK(value, values, method, order);
}

/**
 * The rank of a value within its group (分组排名): only rows whose group equals the given group take part.
 * @zh 分组排名：只在分组与给定分组相同的行中排名。
 * @customfunction RANK_IN_GROUP
 * @param value The value to rank.
 * @zhparam value 要排名的数值。
 * @param values The values, one per row.
 * @zhparam values 数值区域，每行一个。
 * @param group The group to rank within, e.g. 街道系统.
 * @zhparam group 所在分组，如“街道系统”。
 * @param groups The group of each row, the same size as values.
 * @zhparam groups 每行的分组，与数值区域大小相同。
 * @param [method] "dense" (default) or "competition".
 * @zhparam method 排名方式："dense"（默认，中国式）或 "competition"（RANK.EQ）。
 * @param [order] 0: highest first (default); 1: lowest first.
 * @zhparam order 0：从高到低（默认）；1：从低到高。
 * @returns The rank within the group, from 1.
 */
export function rankInGroup(value: any, values: any[][], group: any, groups: any[][], method?: any, order?: any): number {
  return RANK_IN_GROUP(value, values, group, groups, method, order);
}

/**
 * The grade of a score by any preset's grade bands, named by the preset's id: "hainan-wechat" (优秀/良好/合格/不合格, the default), "dongguan-annual" (好/较好/一般/差); or by a two-column range (threshold, label).
 * @zh 按任一细则预设的等次分档评定分数，以细则编号指定："hainan-wechat"（优秀/良好/合格/不合格，默认）、"dongguan-annual"（好/较好/一般/差）；或按两列区域（分数线、等次）。
 * @customfunction GRADE
 * @param score The score to grade; a blank gives #N/A.
 * @zhparam score 要评定的分数；为空时返回 #N/A。
 * @param [scale] A preset id, or a two-column range of thresholds and labels.
 * @zhparam scale 细则编号，或两列区域（分数线、等次）。
 * @returns The grade's label.
 */
export function grade(score: any, scale?: any[][]): string {
  return GRADE(score, scale);
}

/**
 * The weighted total of component scores, by the weights of any weighted preset or of a range. Default weights are dongguan-annual's 党政评价 30%, 团内考核 50%, 青年评议 20%. A blank component gives #N/A: the total is incomplete, not a zero.
 * @zh 各项得分的加权总分，权重取自任一加权细则预设或区域。默认为 dongguan-annual 的权重：党政评价 30%、团内考核 50%、青年评议 20%。任一项为空返回 #N/A（总分不完整），不按 0 分计。
 * @customfunction WEIGHTED
 * @param scores The component scores, in the order of the weights.
 * @zhparam scores 各项得分，顺序与权重一致。
 * @param [weights] Weights as shares (0.3) or percentages (30) adding up to 100%, or a preset id such as "dongguan-annual".
 * @zhparam weights 权重，可写比例（0.3）或百分数（30），合计 100%；或细则编号，如 "dongguan-annual"。
 * @returns The weighted total.
 */
export function weighted(scores: any[][], weights?: any[][]): number {
  return WEIGHTED(scores, weights);
}

/**
 * The label or points of a preset band: "wechat-activity" (posts a day → 优秀/良好/一般/差), "wechat-coverage" (share → 0.8/0.5/0.2/−0.2), "wechat-org-coverage" (share → 0.5/0.3/0).
 * @zh 预设分档的等次或分值："wechat-activity"（日发帖数 → 优秀/良好/一般/差），"wechat-coverage"（覆盖比例 → 0.8/0.5/0.2/−0.2），"wechat-org-coverage"（组织覆盖比例 → 0.5/0.3/0）。
 * @customfunction BAND
 * @param value The value: posts a day, or a share such as 85% (0.85).
 * @zhparam value 数值：日发帖数，或比例（如 85% 即 0.85）。
 * @param scale The preset band name.
 * @zhparam scale 分档名称。
 * @returns A label or points.
 */
export function band(value: any, scale: any): any {
  return BAND(value, scale);
}

/**
 * A unit's login code: the pinyin initials of its short name, without the 团工委/团委/团总支/团支部 suffix (团结湖街道 → tjhjd).
 * @zh 单位登录代码：简称的拼音首字母，去掉团工委、团委、团总支、团支部后缀（团结湖街道 → tjhjd）。
 * @customfunction UNIT_CODE
 * @param name The unit's name.
 * @zhparam name 单位名称。
 * @returns The code in lower case.
 */
export function unitCode(name: any): Promise<string> {
  return UNIT_CODE(name);
}

/**
 * The tier (档次, 1 = best) of a value among values, by rank position, highest first: the ranked values are cut into near-equal groups, the better tiers taking one extra each, and tied values share the better tier (hunan-wmh, 5 tiers by default).
 * @zh 数值在区域中所处的档次（1 为最好），按名次位置从高到低分为人数相近的若干档，多出的名额归前面的档，并列者同归较好的档（湖南青年文明号考评，默认 5 档）。
 * @customfunction TIER
 * @param value The value to place; a blank gives #N/A.
 * @zhparam value 要分档的数值；为空时返回 #N/A。
 * @param values The values to cut into tiers; blanks and text are skipped.
 * @zhparam values 参与分档的数值区域；空格和文本不参与。
 * @param [tiers] The number of tiers, a whole number from 1 up to the number of values; 5 when omitted.
 * @zhparam tiers 档数，为 1 至数值个数之间的整数；省略时为 5。
 * @returns The tier, from 1.
 */
export function tier(value: any, values: any[][], tiers?: any): number {
  return TIER(value, values, tiers);
}

/**
 * TRUE when n consecutive spot checks carry the veto label (default: 3 in a row rated 差, the hainan-wechat veto). List the checks in date order, in one row or one column; blank cells are skipped and do not break a streak.
 * @zh 连续 n 次抽查为同一等次时返回 TRUE（默认连续 3 次为“差”，即海南微信考评的否决条件）。抽查结果按日期先后排成一行或一列；空单元格跳过，不中断连续。
 * @customfunction VETO_STREAK
 * @param levels The spot-check levels in date order, one row or one column.
 * @zhparam levels 按抽查日期排列的等次，一行或一列。
 * @param [label] The level that counts towards the veto; 差 when omitted.
 * @zhparam label 计入否决的等次；省略时为“差”。
 * @param [n] How many consecutive checks trigger it, a whole number from 1; 3 when omitted.
 * @zhparam n 连续次数，为不小于 1 的整数；省略时为 3。
 * @returns TRUE or FALSE.
 */
export function vetoStreak(levels: any[][], label?: any, n?: any): boolean {
  return VETO_STREAK(levels, label, n);
}

/**
 * The scale target of the hunan-wmh assessment: the base quota times 10 collectives creating at national or provincial level (长沙: 10 → 100).
 * @zh 湖南青年文明号考评的创建规模目标：基础名额 × 10 个国家级、省级创建集体（如长沙 10 → 100）。
 * @customfunction QUOTA_TARGET
 * @param base The unit's base quota (附件1), e.g. 10 for 长沙.
 * @zhparam base 单位的基础名额（附件1），如长沙为 10。
 * @returns The number of collectives.
 */
export function quotaTarget(base: any): number {
  return QUOTA_TARGET(base);
}

/**
 * How much of the shorter text appears in the other, from 0 to 1: 1 for identical texts, 0.4 or more when a passage was copied.
 * @zh 较短文本有多少出现在另一文本中（0～1）：相同为 1，有段落被抄用时不低于 0.4。与校验中的疑似重复检查采用同一算法。
 * @customfunction SIMILARITY
 * @param a The first text.
 * @zhparam a 第一段文本。
 * @param b The second text.
 * @zhparam b 第二段文本。
 * @returns A share from 0 to 1.
 */
export function similarity(a: any, b: any): number {
  return SIMILARITY(a, b);
}
