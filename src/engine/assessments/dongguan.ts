import { bandOf, weightedTotal } from "../bands";
import { compareDays, formatDay, parseDate, parsePeriod, periodEnd, type Period } from "../dates";
import { round2 } from "../decimal";
import { unitKey } from "../names";
import type { SheetData } from "../sheet";
import type { WeightedRubric } from "../rubric/assessment-rubrics";
import { isAfter, parseMoment, yearsBefore } from "./date-time";
import { findInputTable, inputRows, type InputTableSpec } from "./input-table";
import { missingTable, withRanks, type AssessedUnit, type AssessmentResult } from "./result";

/** One unit's annual assessment (RUBRICS.md §3). */
export interface WeightedUnit extends AssessedUnit {
  /** Each source's score by name, null when blank. */
  components: Record<string, number | null>;
  grade: string | null;
  /** 1-based sheet row of the unit's line. */
  row: number;
}

export interface AssessmentOptions {
  /** The assessed year, e.g. "2017"; by default the year before the deadline's. */
  period?: string;
}

type Column = "unit" | "system" | "comment" | "founded" | "submitted" | `component${number}`;

function tableSpec(rubric: WeightedRubric): InputTableSpec<Column> {
  const columns: Record<string, readonly string[]> = {
    unit: ["单位", "单位名称", "被考核单位", "团委"],
    system: ["系统", "类别", "所属系统"],
    comment: ["团内考核评语", "考核评语", "评语"],
    founded: ["成立日期", "成立时间"],
    submitted: ["材料报送时间", "报送时间", "提交时间", "材料提交时间"],
  };
  rubric.components.forEach((c, i) => (columns[`component${i}`] = [c.name, `${c.name}得分`, `${c.name}分数`]));
  return {
    title: "年度考核表",
    columns: columns as Record<Column, readonly string[]>,
    required: ["unit", ...rubric.components.map((_, i) => `component${i}` as const)],
  };
}

/**
 * Scores the annual assessment table: the weighted total to 2 decimals, its grade, and award
 * eligibility (late materials, units founded less than the required years before the period
 * ends). A blank source leaves the unit incomplete and unranked, never scored as 0.
 * @example assessWeighted(sheets, dongguanAnnualRubric, { period: "2017" }).units[0]
 * // 党政评价 90, 团内考核 80, 青年评议 70 → { total: 81, grade: "较好", complete: true, awardEligible: true, … }
 */
export function assessWeighted(sheets: readonly SheetData[], rubric: WeightedRubric, options: AssessmentOptions = {}): AssessmentResult<WeightedUnit> {
  const spec = tableSpec(rubric);
  const table = findInputTable(sheets, spec);
  if (!table) return missingTable(rubric.id, `未找到年度考核表：需有“单位”${rubric.components.map((c) => `“${c.name}”`).join("")}列`) as AssessmentResult<WeightedUnit>;
  const deadline = rubric.deadline === null ? null : parseMoment(rubric.deadline);
  const period = resolvePeriod(options.period, deadline?.ok ? deadline.moment.day : null);
  if (!period) {
    return { rubric: rubric.id, period: "", units: [], issues: [{ rule: "bad-period", severity: "error", message: `期间「${options.period ?? ""}」无法识别，应为年份，如 2017` }] };
  }
  const foundedCutoff = yearsBefore(periodEnd(period), rubric.foundingMinYears);

  const issues: AssessmentResult["issues"] = [];
  const units: WeightedUnit[] = [];
  const seen = new Map<string, number>();
  for (const row of inputRows(table, issues)) {
    const name = row.text("unit");
    if (!name) {
      row.report("missing-field", "error", "unit", "单位为空");
      continue;
    }
    if (seen.has(unitKey(name))) {
      row.report("duplicate-unit", "error", "unit", `单位「${name}」重复出现（首次在第 ${seen.get(unitKey(name))} 行），本行未计分`);
      continue;
    }
    seen.set(unitKey(name), row.sheetRow);

    const scores = rubric.components.map((c, i) => {
      const key = `component${i}` as const;
      const score = row.number(key, c.name);
      if (score !== null && (score < 0 || score > rubric.componentMax)) {
        row.report("score-out-of-range", "error", key, `${c.name} ${score} 超出 0–${rubric.componentMax} 分`);
      }
      return score;
    });
    const weighted = weightedTotal(scores, rubric.components);
    const total = weighted.ok ? round2(weighted.total) : null;
    if (!weighted.ok) {
      row.report("incomplete", "warning", `component${scores.indexOf(null)}`, `${name}缺少${weighted.missing.join("、")}，总分暂不计算，不参加排名`);
    }

    const reasons: string[] = [];
    const comment = row.text("comment");
    if ([...comment].length > rubric.commentMaxLength) {
      row.report("comment-too-long", "warning", "comment", `考核评语 ${[...comment].length} 字，超过 ${rubric.commentMaxLength} 字`);
    }

    if (row.has("founded") && row.text("founded")) {
      const founded = parseDate(row.raw("founded"));
      if (!founded.ok) row.report("bad-date", "error", "founded", `成立日期「${row.text("founded")}」无法识别`);
      else if (!rubric.alwaysAssessed.some((marker) => name.includes(marker)) && compareDays(founded.date, foundedCutoff) > 0) {
        const reason = `成立不满 ${rubric.foundingMinYears} 年（${formatDay(founded.date)} 成立）`;
        reasons.push(reason);
        row.report("founded-too-recently", "warning", "founded", `${name}${reason}，不在考核评优范围`);
      }
    }

    if (deadline?.ok && row.has("submitted") && row.text("submitted")) {
      const submitted = parseMoment(row.raw("submitted"));
      if (!submitted.ok) row.report("bad-date", "error", "submitted", `材料报送时间「${row.text("submitted")}」无法识别`);
      else if (isAfter(submitted.moment, deadline.moment)) {
        reasons.push(`材料逾期报送（截止 ${rubric.deadline}）`);
        row.report("late-submission", "warning", "submitted", `${name}材料在截止时间 ${rubric.deadline} 之后报送，不纳入本年度评优`);
      }
    }

    units.push({
      unit: name,
      ...(row.text("system") ? { system: row.text("system") } : {}),
      total,
      complete: weighted.ok,
      awardEligible: reasons.length === 0,
      ineligibleReasons: reasons,
      rank: null,
      grade: total === null ? null : bandOf(total, rubric.grades),
      components: Object.fromEntries(rubric.components.map((c, i) => [c.name, scores[i]])),
      row: row.sheetRow,
    });
  }
  return { rubric: rubric.id, period: period.key, units: withRanks(units, rubric.rankMethod), issues };
}

/** The period asked for, or the year before the deadline's (materials for 2017 are due in January 2018). */
function resolvePeriod(requested: string | undefined, deadlineSerial: number | null): Period | null {
  if (requested !== undefined && requested !== "") {
    const period = parsePeriod(requested);
    return period?.kind === "year" ? period : null;
  }
  if (deadlineSerial === null) return null;
  const deadline = parseDate(deadlineSerial);
  return deadline.ok ? parsePeriod(String(deadline.date.year - 1)) : null;
}
