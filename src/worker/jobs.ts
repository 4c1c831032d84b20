/**
 * The engine work the task pane asks for, as one pure function per request kind. The worker
 * only moves messages; these functions hold the logic, so tests run them without a worker.
 * Validation and ranking work by any rubric: information-work rubrics through the register
 * analysis here, the assessment presets through assessment-jobs.ts.
 */
import { analyzeInfo, locateTables, type InfoAnalysis } from "../engine/analyze";
import { columnLetters } from "../engine/cells";
import { periodLabel } from "../engine/dates";
import { organisationOf } from "../engine/layout/organisation";
import { buildRankingSheets } from "../engine/layout/ranking-sheets";
import { findPreset, type Rubric } from "../engine/presets";
import { isRubricSheet, sheetToRubric } from "../engine/rubric-sheet/reader";
import { rubricToSheet } from "../engine/rubric-sheet/writer";
import type { InfoRubric } from "../engine/rubric/info-rubric";
import type { SheetData } from "../engine/sheet";
import type { Field, TableMatch } from "../engine/tables";
import { summarizeIssues } from "../engine/issues";
import { validateWorkbook } from "../engine/validate";
import type { InputRule } from "../port/workbook-port";
import { assessmentSheets, rankAssessmentPreview, validateAssessment, type AssessmentRubric } from "./assessment-jobs";
import { previewTables } from "./ranking-preview";
import { SHEET_RUBRIC_PREFIX, type EngineRequest, type EngineResult, type EngineResults, type FoundRubricSheet, type RankPreview, type Refusal, type WorkbookInput } from "./protocol";

export interface JobHooks {
  onProgress?: (done: number) => void;
}

/** How far below the last register row the entry dropdowns reach, for the rows still to come. */
export const INPUT_RULE_ROWS_AHEAD = 2000;

/**
 * Runs one request. Bad workbook data comes back as issues; only a request naming a rubric
 * that does not exist, a programming error of the pane, throws.
 * @example
 * runJob({ kind: "locate", sheets }).tables.register?.sheet // "信息报送"
 */
export function runJob<R extends EngineRequest>(request: R, hooks: JobHooks = {}): EngineResult<R["kind"]> {
  return dispatch(request, hooks) as EngineResult<R["kind"]>;
}

function dispatch(request: EngineRequest, hooks: JobHooks): unknown {
  switch (request.kind) {
    case "locate":
      return { ok: true, tables: locateTables(request.sheets, request.choices) };
    case "validate": {
      const rubric = chosenRubric(request);
      if (!rubric.ok) return refusedValidation(rubric);
      if (rubric.rubric.kind !== "info") return validateAssessment(request.sheets, rubric.rubric, request.period);
      return validateWorkbook(request.sheets, {
        rubric: rubric.rubric,
        period: request.period || undefined,
        today: request.today,
        choices: request.choices,
        onProgress: hooks.onProgress,
      });
    }
    case "rank-preview": {
      const assessment = assessmentRubric(request);
      if (assessment) return assessment.ok ? rankAssessmentPreview(request.sheets, assessment.rubric, request, request.rows) : assessment;
      const analysis = analyze(request, request);
      if (!analysis.ok) return analysis;
      return { ok: true, preview: rankPreview(analysis.analysis, request.sheets, request.rows) };
    }
    case "rank-sheets": {
      const assessment = assessmentRubric(request);
      if (assessment) return assessment.ok ? assessmentSheets(request.sheets, assessment.rubric, request, request.layout) : assessment;
      const analysis = analyze(request, request);
      if (!analysis.ok) return analysis;
      hooks.onProgress?.(0.5);
      const specs = buildRankingSheets(analysis.analysis, request.layout);
      hooks.onProgress?.(1);
      return { ok: true, specs, periodLabel: periodLabel(analysis.analysis.period) };
    }
    case "input-rules": {
      const analysis = analyze(request, { method: "dense" });
      if (!analysis.ok) return analysis;
      return { ok: true, rules: inputRules(analysis.analysis, request.sheets) };
    }
    case "rubric-sheets":
      return { ok: true, found: request.sheets.filter(isRubricSheet).map(readRubricSheet) };
    case "write-rubric": {
      const preset = findPreset(request.rubricId);
      if (!preset) throw new Error(`unknown rubric "${request.rubricId}"`);
      return { ok: true, spec: rubricToSheet(preset) };
    }
  }
}

function readRubricSheet(sheet: SheetData): FoundRubricSheet {
  const read = sheetToRubric(sheet);
  return {
    sheet: sheet.name,
    ...(read.rubric ? { rubric: { id: read.rubric.id, name: read.rubric.name, kind: read.rubric.kind } } : {}),
    issues: read.issues,
  };
}

function refusal(rule: string, message: string): Refusal {
  return { ok: false, issues: [{ rule, severity: "error", message }] };
}

/** The rubric a request names: a preset, or the rubric sheet it carries (only when that reads without errors). */
function chosenRubric(input: WorkbookInput): { ok: true; rubric: Rubric } | Refusal {
  if (input.rubricId.startsWith(SHEET_RUBRIC_PREFIX)) {
    if (!input.rubricSheet) throw new Error(`rubric ${input.rubricId} was requested without its sheet`);
    const read = sheetToRubric(input.rubricSheet);
    return read.rubric ? { ok: true, rubric: read.rubric } : { ok: false, issues: read.issues };
  }
  const preset = findPreset(input.rubricId);
  if (!preset) throw new Error(`unknown rubric "${input.rubricId}"`);
  return { ok: true, rubric: preset };
}

/** A rubric sheet that does not read, as a validation answer: its problems, at their cells. */
function refusedValidation(refused: Refusal): EngineResults["validate"] {
  return { ok: false, stopped: false, issues: refused.issues, summary: { ...summarizeIssues(refused.issues), rows: 0 }, tables: {} };
}

/** The request's rubric when it is an assessment preset (or a refusal of its sheet); undefined for information work. */
function assessmentRubric(input: WorkbookInput): { ok: true; rubric: AssessmentRubric } | Refusal | undefined {
  const chosen = chosenRubric(input);
  if (!chosen.ok) return chosen;
  return chosen.rubric.kind === "info" ? undefined : { ok: true, rubric: chosen.rubric };
}

function infoRubric(input: WorkbookInput): { ok: true; rubric: InfoRubric } | Refusal {
  const chosen = chosenRubric(input);
  if (!chosen.ok) return chosen;
  if (chosen.rubric.kind !== "info") {
    return refusal("not-info-rubric", `规则「${chosen.rubric.name}」不是信息工作积分规则，无法用于信息报送登记表`);
  }
  return { ok: true, rubric: chosen.rubric };
}

function analyze(input: WorkbookInput, choices: { period?: string; method: InfoAnalysis["ranking"]["method"] }) {
  const rubric = infoRubric(input);
  if (!rubric.ok) return rubric;
  const result = analyzeInfo(input.sheets, {
    rubric: rubric.rubric,
    period: choices.period || undefined,
    method: choices.method,
    choices: input.choices,
  });
  return result.ok ? result : ({ ok: false, issues: result.issues } satisfies Refusal);
}

function rankPreview(analysis: InfoAnalysis, sheets: readonly SheetData[], rows: number): RankPreview {
  return {
    periodKey: analysis.period.key,
    periodLabel: periodLabel(analysis.period),
    organisation: organisationOf(sheets, analysis.tables.roster),
    columns: [],
    tables: previewTables(analysis.ranking, rows, ({ rank, row }) => ({ rank, unit: row.unit, total: row.total, eligible: row.awardEligible, extra: [] })),
  };
}


/**
 * Entry dropdowns for the register's type, unit and channel columns: each column from its
 * first data row down past the last row, so new rows are covered. Built from the roster and
 * the rubric, so a dropdown never offers a name the engine would reject.
 */
export function inputRules(analysis: InfoAnalysis, sheets: readonly SheetData[]): InputRule[] {
  const register = analysis.tables.register;
  const sheet = sheets.find((s) => s.name === register?.sheet);
  if (!register || !sheet) return [];
  const { rubric } = analysis;
  const lists: [Field, string[], string][] = [
    ["unit", analysis.roster.units.map((unit) => unit.name), "请从单位名单中选择单位 / Choose a unit of the roster"],
    [
      "type",
      Object.values(rubric.itemTypes).map((type) => type.label),
      "信息类型应为事件类或综合类 / The type is 事件类 or 综合类",
    ],
    [
      "adoptions",
      rubric.channels.map((channel) => channel.name),
      "多个渠道请用“、”分隔 / Separate several channels with 、",
    ],
  ];
  const firstRow = sheet.originRow + register.firstDataRow;
  const lastRow = sheet.originRow + Math.max(register.endRow, register.firstDataRow) + INPUT_RULE_ROWS_AHEAD;
  const rules: InputRule[] = [];
  for (const [field, list, message] of lists) {
    const column = register.columns[field];
    if (column === undefined || list.length === 0) continue;
    const letters = columnLetters(sheet.originColumn + column);
    rules.push({ sheet: sheet.name, range: `${letters}${firstRow + 1}:${letters}${lastRow}`, list: [...new Set(list)], message });
  }
  return rules;
}
