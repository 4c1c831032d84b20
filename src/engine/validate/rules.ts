import type { Severity } from "../issues";

/**
 * The catalogue of every validation rule: its stable id, severity and what it checks, in
 * Chinese and English. The task pane and the README list rules from here, and every check
 * takes its severity from here, so a rule cannot be an error in one place and a warning in
 * another.
 */

/** Where an issue of the rule points. */
export type RuleScope =
  /** a cell of a table */
  | "cell"
  /** a unit and a period (month or quarter) */
  | "unit"
  /** the whole workbook: validation could not run */
  | "workbook";

export interface RuleInfo {
  id: string;
  severity: Severity;
  scope: RuleScope;
  zh: string;
  en: string;
}

export const RULES = [
  // Found while the tables are read (register, roster and penalty parsing).
  { id: "missing-field", severity: "error", scope: "cell", zh: "单位、报送日期或信息类型为空", en: "Unit, date or type is blank" },
  { id: "unknown-unit", severity: "error", scope: "cell", zh: "单位不在单位名单中，附最接近的名称", en: "Unit not in the roster; the nearest roster names are suggested" },
  { id: "bad-type", severity: "error", scope: "cell", zh: "信息类型不是事件类或综合类（或其别名）", en: "Type is not 事件类 or 综合类, nor one of their aliases" },
  { id: "bad-date", severity: "error", scope: "cell", zh: "日期无法识别或不存在（如 2013年2月30日）", en: "Date unreadable or impossible (e.g. 2013-02-30)" },
  { id: "unknown-channel", severity: "warning", scope: "cell", zh: "采用渠道不在规则中，不计分", en: "Adoption channel not in the rubric; scores nothing" },
  { id: "ambiguous-channel", severity: "warning", scope: "cell", zh: "采用渠道有歧义（如单写“基层信息”），不计分", en: "Ambiguous adoption channel (e.g. a bare 基层信息); scores nothing" },
  { id: "channel-type-mismatch", severity: "warning", scope: "cell", zh: "该渠道不采用此类型的信息，记 0 分", en: "The channel does not take this item type; scores 0" },
  { id: "bad-violation", severity: "error", scope: "cell", zh: "违规情况不是规定的扣分原因之一", en: "Violation is not one of the rubric's penalty reasons" },
  { id: "duplicate-unit", severity: "error", scope: "cell", zh: "单位名单中同一单位出现两次", en: "A unit is listed twice in the roster" },

  // Checks on the items once read.
  { id: "future-date", severity: "error", scope: "cell", zh: "报送日期或活动日期晚于今天", en: "Report or event date is after today" },
  { id: "bad-event-date", severity: "warning", scope: "cell", zh: "活动日期无法识别，无法检查时效", en: "Event date unreadable; timeliness not checked" },
  { id: "late-report", severity: "warning", scope: "cell", zh: "事件类信息在活动后超过规定天数才报送", en: "Event item sent more than the allowed days after the event" },
  { id: "event-after-report", severity: "warning", scope: "cell", zh: "活动日期晚于报送日期，可能是录入错误", en: "Event date is after the report date; probably a typing slip" },
  { id: "bad-length", severity: "warning", scope: "cell", zh: "字数不是数字，改用正文长度", en: "Length is not a number; the body's length is used instead" },
  { id: "length-out-of-range", severity: "warning", scope: "cell", zh: "篇幅不足参考篇幅的一半或超过两倍（按规则设定）", en: "Length under half or over twice its type's guidance (as the rubric sets)" },
  { id: "duplicate-item", severity: "warning", scope: "cell", zh: "同一单位两次报送相同标题或相同正文，疑似重复信息", en: "Same unit sent the same title or body twice: suspected 重复信息" },
  { id: "near-duplicate", severity: "warning", scope: "cell", zh: "正文大段重复另一条信息，疑似抄袭信息，附相同段落", en: "Body largely repeats another item: suspected 抄袭信息, with the shared passage" },
  { id: "unit-name-variant", severity: "info", scope: "cell", zh: "单位名称仅按后缀匹配到名单，建议改用名单写法", en: "Unit name matched only by its suffix; the roster spelling is suggested" },
  { id: "quota-shortfall", severity: "info", scope: "unit", zh: "单位某月报送少于定额，或某季度没有综合类信息", en: "A unit sent fewer items than the monthly quota, or no comprehensive item in a quarter" },

  // The shape of the tables themselves.
  { id: "repeated-header", severity: "warning", scope: "cell", zh: "表格中间再次出现表头行（多为粘贴所致），该行已跳过", en: "The header row appears again inside the table (usually a paste); the row is skipped" },
  { id: "merged-cells", severity: "warning", scope: "cell", zh: "表格内有合并单元格：只有左上角有值，其余行读作空白", en: "Merged cells inside a table: only the top-left cell holds a value, the other rows read as blank" },

  // Validation could not run.
  { id: "no-roster", severity: "error", scope: "workbook", zh: "未找到单位名单（需有“单位”“系统”列）", en: "No roster found (needs 单位 and 系统 columns)" },
  { id: "no-register", severity: "error", scope: "workbook", zh: "未找到信息报送登记表（需有“单位”“日期”“类型”列）", en: "No register found (needs 单位, 日期 and 类型 columns)" },
  { id: "bad-period", severity: "error", scope: "workbook", zh: "期间无法识别", en: "Period unreadable" },
] as const satisfies readonly RuleInfo[];

export type RuleId = (typeof RULES)[number]["id"];

const byId = new Map<string, RuleInfo>(RULES.map((rule) => [rule.id, rule]));

/**
 * The catalogue entry of a rule. Throws for an id that is not in the catalogue: that is a
 * programming error, never a data error.
 * @example ruleInfo("late-report").severity // "warning"
 */
export function ruleInfo(id: string): RuleInfo {
  const rule = byId.get(id);
  if (!rule) throw new Error(`validation rule "${id}" is not in the catalogue`);
  return rule;
}
