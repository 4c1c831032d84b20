import { assessWorkbook, type AssessedUnit, type AssessmentResult } from "../../engine/assessments";
import { rankResult, resultColumns } from "../../engine/assessments/columns";
import type { CountyOptions } from "../../engine/assessments/county";
import type { SpecValue } from "../../engine/layout/sheet-spec";
import type { RankMethod } from "../../engine/rank";
import type { Rubric } from "../../engine/presets";
import type { SheetData } from "../../engine/sheet";
import { checkKnown, type ParsedArgs } from "../args";
import { renderTable } from "../format";
import { InputError, type CliIO } from "../io";
import { chooseRubric, describeIssues, readWorkbookSheets } from "../rubric-choice";
import { openWorkbookFile } from "../workbook-file";

/** Options of `league score` when it scores by an assessment preset or the county method. */
export const PRESET_SCORE_OPTIONS = ["period", "rubric", "veto-line", "share", "json"] as const;

/**
 * True when `league score` should go through the presets of RUBRICS.md §2–§5 rather than the
 * plain 朝阳 information-work scoring: any rubric other than chaoyang-info, or a veto line.
 */
export function usesPresetScoring(args: ParsedArgs): boolean {
  const id = args.options.get("rubric");
  return (id !== undefined && id.trim().toLowerCase() !== "chaoyang-info") || args.options.has("veto-line") || args.options.has("share");
}

function numberOption(args: ParsedArgs, name: string): number | undefined {
  const text = args.options.get(name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value)) throw new InputError(`--${name} 应为数字，而不是「${text}」`);
  return value;
}

/** The unit as printed in JSON: everything but the sheet row it came from. */
function jsonUnit(unit: AssessedUnit): Record<string, unknown> {
  const { row: _row, ...rest } = unit as AssessedUnit & { row?: number };
  return rest;
}

/**
 * `league score <file> --rubric <id>` for the county method and the assessment presets:
 * prints {"rubric","period","units":[…]} with --json, else a table. `--veto-line N` sets the
 * county method's pass line and `--share 20` its share of the annual assessment, in percent.
 */
export async function scorePresetCommand(args: ParsedArgs, io: CliIO): Promise<number> {
  checkKnown(args, [...PRESET_SCORE_OPTIONS]);
  const id = (args.options.get("rubric") ?? "county-info").trim().toLowerCase();
  const vetoLine = numberOption(args, "veto-line");
  const sharePercent = numberOption(args, "share");
  const workbook = await openWorkbookFile(args.positionals[0]);
  const { sheets, rubricSheets } = await readWorkbookSheets(workbook);
  const rubric = chooseRubric(id, rubricSheets, io);
  if ((vetoLine !== undefined || sharePercent !== undefined) && rubric.kind !== "info") {
    throw new InputError(`--veto-line 和 --share 只适用于信息工作积分规则，而 ${rubric.id} 是${rubric.name}`);
  }
  const result = assessOrStop(sheets, rubric, io, {
    period: args.options.get("period"),
    ...(vetoLine !== undefined ? { vetoLine } : {}),
    ...(sharePercent !== undefined ? { share: sharePercent / 100 } : {}),
  });

  if (args.flags.has("json")) {
    io.stdout(JSON.stringify({ rubric: result.rubric, period: result.period, units: result.units.map(jsonUnit) }) + "\n");
    return 0;
  }
  io.stdout(`${rubric.name}　${result.period}\n\n`);
  io.stdout(renderResult(result, rubric.rankMethod));
  return 0;
}

/**
 * Scores the sheets by the rubric for a command that goes on to print or lay out the result:
 * a workbook without the table stops it, and errors in rows it could not score are counted
 * on stderr.
 */
export function assessOrStop(sheets: readonly SheetData[], rubric: Rubric, io: CliIO, options: CountyOptions): AssessmentResult {
  const result = assessWorkbook(sheets, rubric, options);
  const fatal = result.units.length === 0 ? result.issues.filter((i) => i.severity === "error") : [];
  if (fatal.length > 0) throw new InputError(describeIssues(fatal));
  const errors = result.issues.filter((i) => i.severity === "error").length;
  if (errors > 0) io.stderr(`有 ${errors} 处错误，请运行 league validate 或在任务窗格中查看\n`);
  return result;
}

/** The result as a table for people: rank and unit, then the columns the preset's units carry. */
function renderResult(result: AssessmentResult, method: RankMethod): string {
  const columns = resultColumns(result);
  const rows = rankResult(result, method).overall.map(({ row, rank }) => [rank ?? "—", row.unit, ...columns.map((c) => cellForTerminal(c.value(row)))]);
  return renderTable(["排名", "单位", ...columns.map((c) => c.header)], rows);
}

function cellForTerminal(value: SpecValue): string | number {
  return typeof value === "number" ? value : value === null || value === false ? "" : String(value);
}
