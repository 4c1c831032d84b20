/**
 * The messages between the task pane and the engine worker. Everything is plain data, so it
 * crosses `postMessage` by structured clone. The pane sends the sheets it read with every
 * request: a cancelled job ends by terminating the worker, so the worker keeps no state.
 */
import type { LocatedTables, TableChoices } from "../engine/analyze";
import type { DayDate } from "../engine/dates";
import type { Issue } from "../engine/issues";
import type { RankingSheetOptions } from "../engine/layout/ranking-sheets";
import type { SheetSpec } from "../engine/layout/sheet-spec";
import type { RankMethod } from "../engine/rubric/info-rubric";
import type { SheetData } from "../engine/sheet";
import type { ValidationResult } from "../engine/validate";
import type { InputRule } from "../port/workbook-port";

/** The rubric id naming a workbook's rubric sheet: this prefix, then the sheet's name. */
export const SHEET_RUBRIC_PREFIX = "sheet:";

/** What the pane knows about the workbook when it asks for work. */
export interface WorkbookInput {
  sheets: SheetData[];
  /** The rubric: a preset id, or `sheet:<name>` for a rubric sheet of the workbook (then `rubricSheet` holds it). */
  rubricId: string;
  /** The rubric sheet itself, when the rubric is one. */
  rubricSheet?: SheetData;
  choices?: TableChoices;
}

/** A rubric sheet found in the workbook, read back. */
export interface FoundRubricSheet {
  sheet: string;
  /** Set when the sheet reads without errors. */
  rubric?: { id: string; name: string; kind: string };
  issues: Issue[];
}

export interface RankChoices {
  /** "2013", "2013Q1", "2013-03"; blank for the latest year in the register. */
  period?: string;
  method: RankMethod;
}

export type EngineRequest =
  | ({ kind: "locate" } & Pick<WorkbookInput, "sheets" | "choices">)
  | ({ kind: "validate"; today: DayDate; period?: string } & WorkbookInput)
  | ({ kind: "rank-preview"; rows: number } & RankChoices & WorkbookInput)
  /** The ranking sheets; an assessment rubric takes the layout's organisation, ties and overall, and ignores its extra columns. */
  | ({ kind: "rank-sheets"; layout: RankingSheetOptions } & RankChoices & WorkbookInput)
  | ({ kind: "input-rules" } & WorkbookInput)
  /** Every rubric sheet among the sheets, read back with its problems. */
  | { kind: "rubric-sheets"; sheets: SheetData[] }
  /** A preset written as an editable rubric sheet. */
  | { kind: "write-rubric"; rubricId: string };

/** One ranked unit as the pane previews it. */
export interface PreviewRow {
  /** Null for a unit that is not ranked (an assessment it has not completed). */
  rank: number | null;
  unit: string;
  /** Null when the unit is incomplete: shown as 未完成. */
  total: number | null;
  /** False when the unit is marked ※ (ineligible or vetoed). */
  eligible: boolean;
  /** The values of the preview's `columns`, in order. */
  extra: (string | number)[];
}

/** A system's first rows, as the pane previews them. */
export interface PreviewTable {
  /** Blank when the units have no systems: then the one table holds every unit. */
  system: string;
  rows: PreviewRow[];
  /** Units in the system, shown or not. */
  units: number;
}

export interface RankPreview {
  periodKey: string;
  periodLabel: string;
  organisation: string;
  /** Headers of the rubric's own columns after 总分 (等次; 档次, 名额调整), zh-CN; empty for information work. */
  columns: string[];
  tables: PreviewTable[];
}

/** An answer that could not be computed because of the workbook's data, never a crash. */
export interface Refusal {
  ok: false;
  issues: Issue[];
}

export interface EngineResults {
  locate: { ok: true; tables: LocatedTables };
  validate: ValidationResult;
  "rank-preview": { ok: true; preview: RankPreview } | Refusal;
  "rank-sheets": { ok: true; specs: SheetSpec[]; periodLabel: string } | Refusal;
  "input-rules": { ok: true; rules: InputRule[] } | Refusal;
  "rubric-sheets": { ok: true; found: FoundRubricSheet[] };
  "write-rubric": { ok: true; spec: SheetSpec };
}

export type EngineResult<K extends EngineRequest["kind"]> = EngineResults[K];

/** Worker → pane. */
export type WorkerMessage =
  | { id: number; type: "progress"; done: number }
  | { id: number; type: "result"; result: unknown }
  | { id: number; type: "error"; message: string };

/** Pane → worker. */
export interface JobMessage {
  id: number;
  request: EngineRequest;
}
