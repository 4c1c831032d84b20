/**
 * The pane's jobs for the assessment presets (dongguan-annual, hainan-wechat, hunan-wmh, or a
 * rubric sheet of those kinds): the same answers as the information-work jobs, from
 * `assessWorkbook`. jobs.ts sends a request here when its rubric is not an information-work one.
 */
import { assessWorkbook } from "../engine/assessments";
import { rankResult, resultColumns } from "../engine/assessments/columns";
import type { AssessedUnit, AssessmentResult } from "../engine/assessments/result";
import { assessmentStoppers, assessmentValidation } from "../engine/assessments/validation";
import { assessmentMark, assessmentPeriodLabel, buildAssessmentSheets } from "../engine/layout/assessment-sheets";
import type { RankingSheetOptions } from "../engine/layout/ranking-sheets";
import type { SpecValue } from "../engine/layout/sheet-spec";
import type { Rubric } from "../engine/presets";
import type { RankMethod } from "../engine/rank";
import type { SheetData } from "../engine/sheet";
import type { ValidationResult } from "../engine/validate";
import type { EngineResults, RankPreview } from "./protocol";
import { previewTables } from "./ranking-preview";

export type AssessmentRubric = Exclude<Rubric, { kind: "info" }>;

/** Columns the ※ mark beside the unit already says, left out of the preview as of the sheet. */
const MARKED_COLUMNS = new Set(["total", "vetoed", "awardEligible"]);

/**
 * The 校验 answer: the preset's issues in the register validation's shape. `ok` is false only
 * when nothing could be assessed (no table, an unreadable period).
 * @example validateAssessment(sheets, dongguanAnnualRubric, "").summary.rows // 93 units of the sample
 */
export function validateAssessment(sheets: readonly SheetData[], rubric: AssessmentRubric, period: string | undefined): ValidationResult {
  const result = assessWorkbook(sheets, rubric, { period: period || undefined });
  return { ok: assessmentStoppers(result).length === 0, stopped: false, ...assessmentValidation(result), tables: {} };
}

/** Assesses, or refuses with the problems that stopped it. */
function assess(sheets: readonly SheetData[], rubric: AssessmentRubric, period: string | undefined) {
  const result = assessWorkbook(sheets, rubric, { period: period || undefined });
  const stoppers = assessmentStoppers(result);
  return stoppers.length > 0 ? ({ ok: false, issues: stoppers } as const) : ({ ok: true, result } as const);
}

function previewValue(value: SpecValue): string | number {
  return typeof value === "number" || typeof value === "string" ? value : value ? "是" : "";
}

/**
 * The 排名 preview: each system's first rows (or the first rows overall), with the preset's
 * own columns such as 等次, 档次 and 名额调整.
 * @example rankAssessmentPreview(sheets, hunanWmhRubric, { method: "dense" }, 5).preview.columns // ["档次", "名额调整"]
 */
export function rankAssessmentPreview(
  sheets: readonly SheetData[],
  rubric: AssessmentRubric,
  choices: { period?: string; method: RankMethod },
  rows: number,
): EngineResults["rank-preview"] {
  const assessed = assess(sheets, rubric, choices.period);
  if (!assessed.ok) return assessed;
  const { result } = assessed;
  const columns = resultColumns(result).filter((column) => !MARKED_COLUMNS.has(column.key));
  const preview: RankPreview = {
    periodKey: result.period,
    periodLabel: assessmentPeriodLabel(result.period),
    organisation: "",
    columns: columns.map((column) => column.header),
    tables: previewTables<AssessedUnit>(rankResult(result, choices.method), rows, ({ rank, row }) => ({
      rank,
      unit: row.unit,
      total: row.total,
      eligible: assessmentMark(row, rubric).reasons.length === 0,
      extra: columns.map((column) => previewValue(column.value(row))),
    })),
  };
  return { ok: true, preview };
}

/** 生成排名表: the preset's ranking, detail and chart sheets, laid out as the pane's choices say. */
export function assessmentSheets(
  sheets: readonly SheetData[],
  rubric: AssessmentRubric,
  choices: { period?: string; method: RankMethod },
  layout: RankingSheetOptions,
): EngineResults["rank-sheets"] {
  const assessed = assess(sheets, rubric, choices.period);
  if (!assessed.ok) return assessed;
  const result: AssessmentResult = assessed.result;
  const specs = buildAssessmentSheets(result, rubric, {
    organisation: layout.organisation,
    ties: layout.ties,
    method: choices.method,
    overall: layout.overall,
    detail: layout.detail,
    chart: layout.chart,
    names: layout.names,
  });
  return { ok: true, specs, periodLabel: assessmentPeriodLabel(result.period) };
}
