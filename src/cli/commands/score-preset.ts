import { assessWorkbook, type AssessedUnit, type AssessmentResult } from "../../engine/assessments";
import { rankResult, resultColumns } from "../../engine/assessments/columns";
import type { SpecValue } from "../../engine/layout/sheet-spec";
import type { RankMethod } from "../../engine/rank";
import type { Issue } from "../../engine/issues";
import { findPreset, type Rubric } from "../../engine/presets";
import { isRubricSheet, readRubricSheets } from "../../engine/rubric-sheet/reader";
import type { SheetData } from "../../engine/sheet";
import { readAllSheets } from "../../port/read-all";
import { checkKnown, type ParsedArgs } from "../args";
import { renderTable } from "../format";
import { InputError, type CliIO } from "../io";
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

/**
 * The rubric to score by: a rubric sheet in the workbook with the same id wins over the preset,
 * because that is where the office keeps its own rules. A rubric sheet with errors stops the
 * command; it never falls back to the preset.
 */
export function chooseRubric(id: string, sheets: readonly SheetData[], io: CliIO): Rubric {
  const found = readRubricSheets(sheets).find((s) => s.id === id);
  if (found && !found.rubric) throw new InputError(`规则表「${found.sheet}」有错误，未计分：${describeIssues(found.issues)}`);
  if (found?.rubric) {
    io.stderr(`使用工作簿中的规则表「${found.sheet}」\n`);
    return found.rubric;
  }
  const preset = findPreset(id);
  if (!preset) throw new InputError(`未知的规则：${id}`);
  return preset;
}

function describeIssues(issues: readonly Issue[]): string {
  return issues.map((i) => `${i.cell ?? ""} ${i.message}`.trim()).join("；");
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
  const sheets = await readAllSheets(workbook, { includeOwned: true });
  const rubric = chooseRubric(id, sheets, io);
  if ((vetoLine !== undefined || sharePercent !== undefined) && rubric.kind !== "info") {
    throw new InputError(`--veto-line 和 --share 只适用于信息工作积分规则，而 ${rubric.id} 是${rubric.name}`);
  }
  const userSheets = sheets.filter((s) => !isRubricSheet(s));
  const result = assessWorkbook(userSheets, rubric, {
    period: args.options.get("period"),
    ...(vetoLine !== undefined ? { vetoLine } : {}),
    ...(sharePercent !== undefined ? { share: sharePercent / 100 } : {}),
  });
  const fatal = result.units.length === 0 ? result.issues.filter((i) => i.severity === "error") : [];
  if (fatal.length > 0) throw new InputError(describeIssues(fatal));
  const errors = result.issues.filter((i) => i.severity === "error").length;
  if (errors > 0) io.stderr(`有 ${errors} 处错误，请运行 league validate 或在任务窗格中查看\n`);

  if (args.flags.has("json")) {
    io.stdout(JSON.stringify({ rubric: result.rubric, period: result.period, units: result.units.map(jsonUnit) }) + "\n");
    return 0;
  }
  io.stdout(`${rubric.name}　${result.period}\n\n`);
  io.stdout(renderResult(result, rubric.rankMethod));
  return 0;
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
