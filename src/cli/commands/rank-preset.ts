import { rankResult, resultColumns, type AssessmentRanking } from "../../engine/assessments/columns";
import type { AssessedUnit, AssessmentResult } from "../../engine/assessments/result";
import { assessmentMark, assessmentTitle, buildAssessmentSheets } from "../../engine/layout/assessment-sheets";
import { INELIGIBLE_MARK } from "../../engine/layout/ranking-table";
import type { Rubric } from "../../engine/presets";
import type { Ranked } from "../../engine/rank";
import type { ParsedArgs } from "../args";
import { renderTable } from "../format";
import { methodOf, type OpenedWorkbook } from "../info-job";
import type { CliIO } from "../io";
import { tieStyleOf, writeSheetsToOut } from "./rank-out";
import { assessOrStop } from "./score-preset";

/**
 * `league rank <file> --rubric <id>` for the assessment presets (dongguan-annual,
 * hainan-wechat, hunan-wmh, or a rubric sheet of those kinds): the same three outputs as the
 * information-work ranking — the published tables, `--json`, and `--out` with the ranking
 * sheets written into a copy of the workbook.
 */
export async function rankAssessment(opened: OpenedWorkbook, rubric: Rubric, args: ParsedArgs, io: CliIO): Promise<number> {
  const method = methodOf(args, rubric);
  const result = assessOrStop(opened.sheets, rubric, io, { period: args.options.get("period") });
  if (args.options.has("out")) {
    const organisation = args.options.get("org")?.trim() ?? "";
    return writeSheetsToOut(opened.workbook, buildAssessmentSheets(result, rubric, { organisation, ties: tieStyleOf(args), method }), args, io);
  }
  const ranking = rankResult(result, method);
  io.stdout(args.flags.has("json") ? JSON.stringify(assessmentRankingJson(result, ranking)) + "\n" : assessmentRankingText(result, ranking, rubric));
  return 0;
}

/** The preset's own results a ranked row carries in JSON, when the preset gives them. */
function presetFields(unit: AssessedUnit): Pick<AssessedUnit, "grade" | "tier" | "quotaAdjustment"> {
  return {
    ...(unit.grade !== undefined ? { grade: unit.grade } : {}),
    ...(unit.tier !== undefined ? { tier: unit.tier } : {}),
    ...(unit.quotaAdjustment !== undefined ? { quotaAdjustment: unit.quotaAdjustment } : {}),
  };
}

/**
 * The `--json` shape of `league rank`, as for chaoyang-info, plus grade, tier and
 * quotaAdjustment where the preset gives them. An incomplete unit has rank and total null.
 */
export function assessmentRankingJson(result: AssessmentResult, ranking: AssessmentRanking) {
  const row = (r: Ranked<AssessedUnit>) => ({ rank: r.rank, unit: r.row.unit, total: r.row.total, tied: r.tied, ...presetFields(r.row) });
  return {
    rubric: result.rubric,
    period: result.period,
    method: ranking.method,
    overall: ranking.overall.map((r) => ({ rank: r.rank, unit: r.row.unit, system: r.row.system ?? null, total: r.row.total, tied: r.tied, ...presetFields(r.row) })),
    systems: ranking.systems.map(({ system, rows }) => ({ system, rows: rows.map(row) })),
  };
}

/** The published tables for people: per system when units have one, a tie's rank printed once, — for the unranked. */
function assessmentRankingText(result: AssessmentResult, ranking: AssessmentRanking, rubric: Rubric): string {
  const columns = resultColumns(result).filter((c) => c.key !== "awardEligible" && c.key !== "vetoed");
  const header = ["排名", "单位名称", ...columns.map((c) => c.header)];
  const table = (rows: readonly Ranked<AssessedUnit>[]) =>
    renderTable(
      header,
      rows.map((r, i) => {
        const firstOfTie = i === 0 || rows[i - 1].rank !== r.rank;
        const mark = assessmentMark(r.row, rubric).reasons.length > 0 ? ` ${INELIGIBLE_MARK}` : "";
        const values = columns.map((c) => c.value(r.row));
        return [r.rank === null ? "—" : firstOfTie ? String(r.rank) : "", r.row.unit + mark, ...values.map((v) => (typeof v === "number" ? v : String(v ?? "")))];
      }),
    );
  const parts = [`${assessmentTitle("", result.period, rubric, ranking.systems.length > 0)}（${ranking.method === "dense" ? "中国式排名" : "竞争排名"}）\n`];
  if (ranking.systems.length === 0) parts.push("\n", table(ranking.overall));
  for (const { system, rows } of ranking.systems) parts.push(`\n${system}\n`, table(rows));
  const marked = result.units.map((u) => assessmentMark(u, rubric)).filter((m) => m.reasons.length > 0);
  if (marked.length > 0) parts.push(`\n${INELIGIBLE_MARK} 无评优资格或受一票否决：\n`, ...marked.map((m) => `  ${m.unit}：${m.reasons.join("；")}\n`));
  return parts.join("");
}
