import type { InfoAnalysis } from "../../engine/analyze";
import { periodLabel } from "../../engine/dates";
import type { Ranked } from "../../engine/rank";
import type { UnitScore } from "../../engine/score";
import { checkKnown, type ParsedArgs } from "../args";
import { renderTable } from "../format";
import { analyseOpened, INFO_OPTIONS, openForTables } from "../info-job";
import type { CliIO } from "../io";
import { writeRankedWorkbook } from "./rank-out";
import { rankAssessment } from "./rank-preset";

/** `league rank`: the ranking overall and per system, in published order, by any rubric. */
export async function rankCommand(args: ParsedArgs, io: CliIO): Promise<number> {
  checkKnown(args, [...INFO_OPTIONS, "json", "out", "ties", "org"]);
  const opened = await openForTables(args, io);
  if (opened.rubric.kind !== "info") return rankAssessment(opened, opened.rubric, args, io);
  const job = analyseOpened(opened, args, io);
  if (args.options.has("out")) return writeRankedWorkbook(job, args, io);
  const { analysis } = job;
  if (args.flags.has("json")) io.stdout(JSON.stringify(rankingJson(analysis)) + "\n");
  else io.stdout(rankingText(analysis));
  return 0;
}

/** The `--json` shape of `league rank`. */
export function rankingJson(analysis: InfoAnalysis) {
  const { ranking } = analysis;
  return {
    rubric: analysis.rubric.id,
    period: analysis.period.key,
    method: ranking.method,
    overall: ranking.overall.map((r) => ({ rank: r.rank, unit: r.row.unit, system: r.row.system, total: r.row.total, tied: r.tied })),
    systems: ranking.systems.map(({ system, rows }) => ({
      system,
      rows: rows.map((r) => ({ rank: r.rank, unit: r.row.unit, total: r.row.total, tied: r.tied })),
    })),
  };
}

/** The per-system tables as the office publishes them: a tie's rank is printed once. */
export function rankingText(analysis: InfoAnalysis): string {
  const title = `${periodLabel(analysis.period)}信息上报排名（${analysis.ranking.method === "dense" ? "中国式排名" : "竞争排名"}）`;
  const parts = [`${title}\n`];
  for (const { system, rows } of analysis.ranking.systems) {
    parts.push(`\n${system}\n`, renderTable(["排名", "单位名称", "得分"], publishedRows(rows)));
  }
  const ineligible = analysis.scores.filter((s) => !s.awardEligible);
  if (ineligible.length > 0) {
    parts.push("\n※ 无年度评优资格：\n", ...ineligible.map((s) => `  ${s.unit}：${s.ineligibleReasons.join("；")}\n`));
  }
  return parts.join("");
}

function publishedRows(rows: Ranked<UnitScore>[]): (string | number)[][] {
  return rows.map((r, i) => {
    const firstOfTie = i === 0 || rows[i - 1].rank !== r.rank;
    const unit = r.row.awardEligible ? r.row.unit : `${r.row.unit} ※`;
    return [firstOfTie && r.rank !== null ? String(r.rank) : "", unit, r.row.total];
  });
}
