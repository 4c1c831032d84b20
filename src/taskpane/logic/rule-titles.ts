/**
 * What the issue list calls a rule. The register's rules come from the validation catalogue;
 * the assessment presets report their own (some with the same id as a register rule but
 * another meaning, e.g. duplicate-item is a repeated score item there), so they have their own
 * short labels here, as do a rubric sheet's problems. A rule in none of them shows its id.
 */
import { RULES } from "../../engine/validate/rules";

export type Language = "zh" | "en";

/** Which rules an issue list shows: the register's, or an assessment preset's. */
export type RuleCatalogue = "register" | "assessment";

type Label = { zh: string; en: string };

const ASSESSMENT_RULES: Readonly<Record<string, Label>> = {
  "no-table": { zh: "未找到考核表", en: "No assessment table found" },
  "no-period": { zh: "无法确定考核期间", en: "No period could be found" },
  "bad-period": { zh: "期间无法识别", en: "Period unreadable" },
  "missing-field": { zh: "单位或项目为空", en: "Unit or item is blank" },
  "duplicate-unit": { zh: "同一单位出现两次", en: "A unit appears twice" },
  "duplicate-item": { zh: "同一单位的考核项目重复", en: "A unit's item appears twice" },
  "duplicate-evaluation": { zh: "同一单位同一年度的考评重复", en: "A unit's evaluation for a year appears twice" },
  "unknown-unit": { zh: "单位不在考评表中", en: "Unit not in the score table" },
  "unknown-item": { zh: "考核项目不在规则中", en: "Item not in the rubric" },
  "bad-number": { zh: "分数或条数不是数字", en: "Score or count is not a number" },
  "bad-date": { zh: "日期无法识别", en: "Date unreadable" },
  "bad-year": { zh: "年度无法识别", en: "Year unreadable" },
  incomplete: { zh: "缺少分数，暂不计算总分", en: "A score is missing; no total yet" },
  "score-out-of-range": { zh: "分数超出范围", en: "Score out of range" },
  "item-over-max": { zh: "单项得分超过满分", en: "Item above its maximum" },
  "item-under-min": { zh: "单项得分低于最低分", en: "Item below its minimum" },
  "section-over-max": { zh: "部分合计超过满分", en: "Section sum above its maximum" },
  "total-over-max": { zh: "总分超过满分", en: "Total above the maximum" },
  "module-over-max": { zh: "模块得分超过满分", en: "Module above its maximum" },
  "module-under-min": { zh: "模块得分低于下限", en: "Module below its minimum" },
  "self-assessed-gap": { zh: "自评与考评得分相差过大", en: "Self-score far from the assessed score" },
  "comment-too-long": { zh: "考核评语超过字数限制", en: "Comment over the length limit" },
  "founded-too-recently": { zh: "成立不满规定年限，不参加评优", en: "Founded too recently to take awards" },
  "late-submission": { zh: "材料逾期报送，不参加评优", en: "Materials sent after the deadline" },
  "spot-check-veto": { zh: "连续抽查为“差”，一票否决", en: "Rated 差 in consecutive spot checks: veto" },
  "publishing-duty": { zh: "发布条数少于每天要求", en: "Fewer posts than the daily duty" },
  "too-few-evaluations": { zh: "届期内考评次数不足，暂不排名", en: "Too few evaluations in the term; not ranked" },
  "wrong-evaluation-month": { zh: "考评月份不符合单双数年规定", en: "Evaluation in the wrong month for its year" },
  "missing-non-public": { zh: "缺少非公经济和社会组织集体", en: "No non-public collective" },
  "below-scale-target": { zh: "创建集体数低于达标数量", en: "Fewer collectives than the scale target" },
};

/** Problems of a rubric sheet, whatever kind of rubric it holds. */
const RUBRIC_SHEET_RULES: Readonly<Record<string, Label>> = {
  "bad-rubric-cell": { zh: "规则表单元格有误", en: "Bad cell in the rubric sheet" },
  "bad-rubric-section": { zh: "规则表的分区有误", en: "Bad section in the rubric sheet" },
  "bad-band": { zh: "等次区间重叠或有空档", en: "Bands overlap or leave a gap" },
  "missing-rubric-column": { zh: "规则表缺少列", en: "A column of the rubric sheet is missing" },
  "missing-rubric-section": { zh: "规则表缺少分区", en: "A section of the rubric sheet is missing" },
  "missing-rubric-setting": { zh: "规则表缺少设置", en: "A setting of the rubric sheet is missing" },
  "unknown-type": { zh: "规则类型未知", en: "Unknown rubric type" },
};

/**
 * The title of a rule in an issue list.
 * @example ruleTitle("duplicate-item", "zh", "assessment") // "同一单位的考核项目重复"
 * @example ruleTitle("late-report", "en", "register") // "Event item sent more than the allowed days after the event"
 */
export function ruleTitle(rule: string, language: Language, catalogue: RuleCatalogue): string {
  const own = catalogue === "assessment" ? ASSESSMENT_RULES[rule] : undefined;
  const info = own ?? RULES.find((r) => r.id === rule) ?? RUBRIC_SHEET_RULES[rule] ?? ASSESSMENT_RULES[rule];
  return info ? info[language] : rule;
}
