import { bandOf } from "../bands";
import { compareDays, formatDay, parseDate, type DayDate } from "../dates";
import { fromCents, toCents } from "../decimal";
import { UnitMatcher, unitKey } from "../names";
import type { SheetData } from "../sheet";
import type { ItemizedRubric, ScoreItem, ScoreSection } from "../rubric/assessment-rubrics";
import { compactKey } from "../text";
import { findInputTable, inputRows, type InputRow, type InputTableSpec } from "./input-table";
import { missingTable, withRanks, type AssessedUnit, type AssessmentResult } from "./result";
import { vetoStreak } from "./tiers";

/** One unit's itemised assessment (RUBRICS.md §4). */
export interface ItemizedUnit extends AssessedUnit {
  grade: string | null;
  /** The grade the total alone would give, before a veto caps it. */
  uncappedGrade: string | null;
  vetoed: boolean;
  selfTotal: number | null;
  /** Assessed points per section id, in rubric order; items not in the rubric are left out. */
  sections: { id: string; label: string; points: number }[];
  /** The unit's spot checks in date order, with their levels. */
  spotChecks: { date: string; posts: number; level: string | null }[];
}

type ScoreColumn = "unit" | "system" | "item" | "self" | "assessed" | "written" | "count";

const SCORE_TABLE: InputTableSpec<ScoreColumn> = {
  title: "微信工作考评表",
  columns: {
    unit: ["单位", "被考核单位", "单位名称"],
    system: ["系统", "类别"],
    item: ["考核项目", "项目", "考评项目"],
    self: ["自评得分", "自评"],
    assessed: ["考评得分", "考评", "评定得分"],
    // The facts behind a rule-and-count item (the meetings item), filled on that item's row.
    written: ["书面制度", "制度文件", "有无书面制度"],
    count: ["会议次数", "会议记录次数", "专题会议次数", "例会次数"],
  },
  required: ["unit", "item", "assessed"],
};

const SPOT_CHECK_TABLE: InputTableSpec<"unit" | "date" | "posts"> = {
  title: "微信群活跃度抽查表",
  columns: {
    unit: ["单位", "被抽查单位", "市县"],
    date: ["抽查日期", "日期", "抽查时间"],
    posts: ["发布条数", "发布信息条数", "信息条数", "发帖数"],
  },
  required: ["unit", "date", "posts"],
};

const WEEKLY_TABLE: InputTableSpec<"unit" | "week" | "days" | "account" | "groups" | "groupCount"> = {
  title: "微信周报",
  columns: {
    unit: ["单位", "市县"],
    week: ["周次", "周报", "周报日期", "所属周"],
    days: ["天数", "本周天数"],
    account: ["公众平台发布条数", "公众号发布条数", "公众平台发布"],
    groups: ["微信群发布条数", "微信群发布"],
    groupCount: ["微信群数", "微信群个数"],
  },
  required: ["unit", "week"],
};

/** Numbering staff put before an item ("1、", "（一）", "2.") and a maximum after it ("（1分）"). */
function itemKey(text: string): string {
  return compactKey(text)
    .replace(/^(\(?[0-9一二三四五六七八九十]+[)、.．]?)+/, "")
    .replace(/\([0-9.]+分\)$/, "");
}

interface ItemRef {
  item: ScoreItem;
  section: ScoreSection;
}

function itemLookup(rubric: ItemizedRubric): (text: string) => ItemRef | null {
  const byKey = new Map<string, ItemRef>();
  for (const section of rubric.sections) {
    for (const item of section.items) {
      byKey.set(compactKey(item.id), { item, section });
      for (const name of [item.label, ...item.aliases]) byKey.set(itemKey(name), { item, section });
    }
  }
  return (text) => byKey.get(compactKey(text)) ?? byKey.get(itemKey(text)) ?? null;
}

type ScoreRow = InputRow<ScoreColumn>;

interface UnitRows {
  name: string;
  system?: string;
  rows: { row: ScoreRow; ref: ItemRef | null; self: number | null; assessed: number | null }[];
}

/**
 * Scores the WeChat assessment: the sum of assessed points in exact hundredths, its grade,
 * the spot-check veto (a grade capped at 良好 after 3 consecutive checks rated 差), and award
 * eligibility (a total of at least 6). Checks each item and section against its maximum and
 * the self-score against the assessed score.
 * @example assessItemized(sheets, hainanWechatRubric).units[0]
 * // items adding up to 8.95 → { total: 8.95, grade: "良好", vetoed: false, awardEligible: true, … }
 */
export function assessItemized(sheets: readonly SheetData[], rubric: ItemizedRubric, options: { period?: string } = {}): AssessmentResult<ItemizedUnit> {
  const table = findInputTable(sheets, SCORE_TABLE);
  if (!table) return missingTable(rubric.id, "未找到微信工作考评表：需有“单位”“考核项目”“考评得分”列") as AssessmentResult<ItemizedUnit>;
  const issues: AssessmentResult["issues"] = [];
  const lookup = itemLookup(rubric);
  const byUnit = new Map<string, UnitRows>();

  for (const row of inputRows(table, issues)) {
    const name = row.text("unit");
    const itemText = row.text("item");
    if (!name || !itemText) {
      row.report("missing-field", "error", name ? "item" : "unit", name ? "考核项目为空" : "单位为空");
      continue;
    }
    const key = unitKey(name);
    const unit = byUnit.get(key) ?? { name, rows: [] };
    if (!unit.system && row.text("system")) unit.system = row.text("system");
    byUnit.set(key, unit);
    const ref = lookup(itemText);
    if (!ref) {
      row.report("unknown-item", "warning", "item", `考核项目「${itemText}」不在规则中：已计入总分，但无法检查满分，请在规则表中添加`);
    } else if (unit.rows.some((r) => r.ref?.item === ref.item)) {
      row.report("duplicate-item", "error", "item", `${name}的「${ref.item.label}」重复出现，本行未计分`);
      continue;
    }
    const self = row.number("self", "自评得分");
    const entered = row.number("assessed", "考评得分");
    const tallied = tallyCents(row, ref?.item ?? null);
    const assessed = entered ?? (tallied === null ? null : fromCents(tallied));
    if (ref) {
      for (const [key, label, value] of [["self", "自评得分", self], ["assessed", "考评得分", assessed]] as const) {
        if (value === null) continue;
        if (toCents(value) > toCents(ref.item.max)) row.report("item-over-max", "error", key, `「${ref.item.label}」${label} ${value} 超过该项满分 ${ref.item.max}`);
        else if (toCents(value) < toCents(ref.item.min)) row.report("item-under-min", "error", key, `「${ref.item.label}」${label} ${value} 低于该项最低分 ${ref.item.min}`);
      }
    }
    if (tallied !== null && entered !== null && toCents(entered) !== tallied) {
      const { rulePoints, perCount } = ref!.item.tally!;
      row.report(
        "tally-mismatch",
        "warning",
        "assessed",
        `${name}「${ref!.item.label}」考评得分 ${entered} 与计分规则不符：书面制度「${row.text("written")}」、会议 ${row.text("count")} 次，按有制度 ${rulePoints} 分、每次会议 ${perCount} 分、最多 ${ref!.item.max} 分，应为 ${fromCents(tallied)} 分`,
      );
    }
    if (row.text("assessed") === "" && tallied === null) {
      row.report("incomplete", "warning", "assessed", `${name}的「${ref?.item.label ?? itemText}」尚无考评得分，总分暂不计算`);
    }
    unit.rows.push({ row, ref, self, assessed });
  }

  const unitNames = [...byUnit.values()].map((u) => u.name);
  const checks = readSpotChecks(sheets, rubric, unitNames, issues);
  checkWeeklyReports(sheets, rubric, unitNames, issues);
  const units = [...byUnit.values()].map((unit) => scoreUnit(unit, rubric, checks.get(unitKey(unit.name)) ?? [], issues));
  // The score table carries no dates; the spot checks' year is the assessed year when none is given.
  const checkYears = [...checks.values()].flat().map((c) => c.date.year);
  const period = options.period ?? (checkYears.length > 0 ? String(Math.max(...checkYears)) : "");
  return { rubric: rubric.id, period, units: withRanks(units, rubric.rankMethod), issues };
}

function scoreUnit(unit: UnitRows, rubric: ItemizedRubric, checks: SpotCheck[], issues: AssessmentResult["issues"]): ItemizedUnit {
  const complete = unit.rows.every((r) => r.assessed !== null);
  const cents = (pick: "self" | "assessed", section?: ScoreSection) =>
    unit.rows.filter((r) => !section || r.ref?.section === section).reduce((sum, r) => sum + toCents(r[pick] ?? 0), 0);
  const lastRow = unit.rows[unit.rows.length - 1].row;
  const unitIssue = (rule: string, severity: "error" | "warning", message: string) =>
    lastRow.report(rule, severity, "unit", message, { unit: unit.name });

  const sections = rubric.sections.map((section) => {
    for (const [pick, label] of [["self", "自评"], ["assessed", "考评"]] as const) {
      const sum = cents(pick, section);
      if (sum > toCents(section.max)) unitIssue("section-over-max", "error", `${unit.name}「${section.label}」${label}合计 ${fromCents(sum)} 超过该部分满分 ${section.max}`);
    }
    return { id: section.id, label: section.label, points: fromCents(cents("assessed", section)) };
  });
  const totalCents = cents("assessed");
  const hasSelf = unit.rows.some((r) => r.self !== null);
  const selfCents = cents("self");
  if (totalCents > toCents(rubric.totalMax)) unitIssue("total-over-max", "error", `${unit.name}考评总分 ${fromCents(totalCents)} 超过满分 ${rubric.totalMax}`);
  if (hasSelf && complete && Math.abs(selfCents - totalCents) > toCents(rubric.selfTolerance)) {
    unitIssue("self-assessed-gap", "warning", `${unit.name}自评 ${fromCents(selfCents)} 分与考评 ${fromCents(totalCents)} 分相差超过 ${rubric.selfTolerance} 分`);
  }

  const total = complete ? fromCents(totalCents) : null;
  const levels = checks.map((c) => c.level);
  const { vetoLevel, streak, cappedGrade } = rubric.spotChecks;
  const vetoed = vetoStreak(levels, vetoLevel, streak);
  const uncappedGrade = total === null ? null : bandOf(total, rubric.grades);
  const grade = vetoed && uncappedGrade !== null && isBetter(uncappedGrade, cappedGrade, rubric) ? cappedGrade : uncappedGrade;
  const reasons: string[] = [];
  if (total === null) reasons.push("考评未完成");
  else if (totalCents < toCents(rubric.awardLine)) reasons.push(`总分低于 ${rubric.awardLine} 分，通报批评，负责人不参与当年评优`);
  if (vetoed) issues.push({ rule: "spot-check-veto", severity: "info", unit: unit.name, message: `${unit.name}微信群连续 ${streak} 次抽查为“${vetoLevel}”，年度考核不能评为优秀` });
  return {
    unit: unit.name,
    ...(unit.system ? { system: unit.system } : {}),
    total,
    complete,
    awardEligible: reasons.length === 0,
    ineligibleReasons: reasons,
    rank: null,
    grade,
    uncappedGrade,
    vetoed,
    selfTotal: hasSelf ? fromCents(selfCents) : null,
    sections,
    spotChecks: checks.map((c) => ({ date: formatDay(c.date), posts: c.posts, level: c.level })),
  };
}

const YES = new Set(["有", "是", "√", "✓", "y", "yes", "true", "1"]);
const NO = new Set(["无", "否", "没有", "×", "✗", "n", "no", "false", "0"]);

/**
 * A rule-and-count item's points in hundredths from the row's 书面制度 and 会议次数 cells:
 * the rule's points when there is a written rule, plus the points per meeting, capped at the
 * item's maximum. Null when the row does not give both facts, or the item is not scored so;
 * bad cells are reported.
 * @example 书面制度 有, 会议次数 5 on the meetings item → 70 (0.2 + 5 × 0.1)
 */
function tallyCents(row: ScoreRow, item: ScoreItem | null): number | null {
  const writtenText = row.text("written");
  const countText = row.text("count");
  if (writtenText === "" && countText === "") return null;
  if (!item?.tally) {
    const key = writtenText === "" ? "count" : "written";
    row.report("tally-not-applicable", "warning", key, `「${row.text("item")}」不按书面制度和会议次数计分，本格未使用`);
    return null;
  }
  if (writtenText === "" || countText === "") {
    row.report("tally-incomplete", "warning", writtenText === "" ? "written" : "count", `「${item.label}」需同时填写书面制度（有/无）和会议次数，才能按规则计分`);
    return null;
  }
  const written = compactKey(writtenText);
  const hasRule = YES.has(written) ? true : NO.has(written) ? false : null;
  if (hasRule === null) row.report("bad-value", "error", "written", `书面制度应填“有”或“无”，而不是「${writtenText}」`);
  const count = row.number("count", "会议次数");
  if (count !== null && (count < 0 || !Number.isInteger(count))) row.report("bad-number", "error", "count", `会议次数 ${count} 应为非负整数`);
  if (hasRule === null || count === null || count < 0 || !Number.isInteger(count)) return null;
  const points = (hasRule ? toCents(item.tally.rulePoints) : 0) + count * toCents(item.tally.perCount);
  return Math.min(points, toCents(item.max));
}

/** True when grade a sits above grade b in the rubric's bands (the `below` grade is lowest). */
function isBetter(a: string, b: string, rubric: ItemizedRubric): boolean {
  const order = [...rubric.grades.bands.map((band) => band.value), rubric.grades.below];
  return order.indexOf(a) < order.indexOf(b);
}

interface SpotCheck {
  date: DayDate;
  posts: number;
  level: string | null;
  row: number;
}

/** Spot checks per unit key, in date order (then sheet order for the same day). */
function readSpotChecks(sheets: readonly SheetData[], rubric: ItemizedRubric, unitNames: string[], issues: AssessmentResult["issues"]): Map<string, SpotCheck[]> {
  const result = new Map<string, SpotCheck[]>();
  const table = findInputTable(sheets, SPOT_CHECK_TABLE);
  if (!table) return result;
  const matcher = new UnitMatcher(unitNames.map((name) => ({ name })));
  for (const row of inputRows(table, issues)) {
    const name = row.text("unit");
    const match = matcher.match(name);
    const date = parseDate(row.raw("date"));
    const posts = row.number("posts", "发布条数");
    if (match.status === "none") row.report("unknown-unit", "error", "unit", `抽查表中的单位「${name}」不在考评表中`, { suggestion: match.suggestions.join("、") || undefined });
    if (!date.ok) row.report("bad-date", "error", "date", `抽查日期「${row.text("date")}」无法识别`);
    if (posts !== null && (posts < 0 || !Number.isInteger(posts))) row.report("bad-number", "error", "posts", `发布条数 ${posts} 应为非负整数`);
    if (match.status === "none" || !date.ok || posts === null || posts < 0) continue;
    const key = unitKey(match.unit.name);
    result.set(key, [...(result.get(key) ?? []), { date: date.date, posts, level: bandOf(posts, rubric.spotChecks.levels), row: row.sheetRow }]);
  }
  for (const list of result.values()) list.sort((a, b) => compareDays(a.date, b.date) || a.row - b.row);
  return result;
}

/**
 * The publishing duty (§4): every public account and every group posts at least `dailyPosts`
 * items a day, so a weekly report (周报) with fewer posts than days is a warning. A week has 7
 * days unless a 天数 column says otherwise; group posts are held against the number of groups
 * when a 微信群数 column gives it.
 */
function checkWeeklyReports(sheets: readonly SheetData[], rubric: ItemizedRubric, unitNames: string[], issues: AssessmentResult["issues"]): void {
  const table = findInputTable(sheets, WEEKLY_TABLE);
  if (!table || (table.columns.account === undefined && table.columns.groups === undefined)) return;
  const matcher = new UnitMatcher(unitNames.map((name) => ({ name })));
  for (const row of inputRows(table, issues)) {
    const name = row.text("unit");
    const match = matcher.match(name);
    if (match.status === "none") {
      row.report("unknown-unit", "error", "unit", `周报中的单位「${name}」不在考评表中`, { suggestion: match.suggestions.join("、") || undefined });
      continue;
    }
    const days = row.has("days") && row.text("days") ? row.number("days", "天数") : 7;
    if (days === null) continue;
    const groupCount = row.has("groupCount") && row.text("groupCount") ? row.number("groupCount", "微信群数") : 1;
    for (const [key, what, outlets] of [["account", "公众平台", 1], ["groups", "微信群", groupCount]] as const) {
      if (!row.has(key) || !row.text(key) || outlets === null) continue;
      const posts = row.number(key, `${what}发布条数`);
      const needed = rubric.dailyPosts * days * outlets;
      if (posts !== null && posts < needed) {
        row.report("publishing-duty", "warning", key, `${match.unit.name}「${row.text("week")}」${what}发布 ${posts} 条，少于每天 ${rubric.dailyPosts} 条的要求（应至少 ${needed} 条）`);
      }
    }
  }
}
