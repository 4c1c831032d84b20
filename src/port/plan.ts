/**
 * Host-independent decisions every workbook port shares: which sheet names to use, which owned
 * sheets a write replaces, where chart data goes, and how a cell is kept as text. Each port only
 * carries the plan out in its host's terms, so the three ports cannot drift apart.
 */
import { cellAddress, columnLetters } from "../engine/cells";
import type { CellStyle, ChartSpec, SheetSpec, SpecValue } from "../engine/layout/sheet-spec";

/** Excel's limit on a sheet name. */
export const MAX_SHEET_NAME = 31;

/** Characters Excel refuses in a sheet name. */
const FORBIDDEN_IN_SHEET_NAME = /[\\/?*[\]:]/g;

/**
 * A sheet name Excel accepts: forbidden characters become "_", no leading or trailing
 * apostrophe, at most 31 characters.
 * @example safeSheetName("排名:2013/Q1") // "排名_2013_Q1"
 */
export function safeSheetName(wanted: string): string {
  const cleaned = wanted.replace(FORBIDDEN_IN_SHEET_NAME, "_").replace(/^'+|'+$/g, "").trim();
  return (cleaned || "Sheet").slice(0, MAX_SHEET_NAME);
}

/**
 * The wanted name, or "name (2)", "name (3)"… when a sheet that must stay already holds it.
 * Excel compares sheet names without regard to case.
 * @example uniqueSheetName("排名", ["排名"]) // "排名 (2)"
 */
export function uniqueSheetName(wanted: string, taken: Iterable<string>): string {
  const base = safeSheetName(wanted);
  const lower = new Set([...taken].map((name) => name.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = base.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

/** A sheet as the planner sees it: its name and, when the add-in owns it, its owner key. */
export interface ExistingSheet {
  name: string;
  ownerKey?: string;
}

export interface SheetPlan {
  spec: SheetSpec;
  /** The name the new sheet gets. */
  name: string;
}

export interface WritePlan {
  sheets: SheetPlan[];
  /** Owned sheets this write replaces (same owner key as one of the specs). */
  replaced: string[];
}

/**
 * Decides the names of the sheets a write creates and the owned sheets it replaces. Only an
 * owned sheet with the same owner key is replaced; every other sheet keeps its name, so a
 * user sheet with a wanted name makes the new sheet take "name (2)".
 */
export function planWrite(existing: readonly ExistingSheet[], specs: readonly SheetSpec[]): WritePlan {
  const keys = new Set(specs.map((spec) => spec.ownerKey));
  const replaced = existing.filter((sheet) => sheet.ownerKey !== undefined && keys.has(sheet.ownerKey)).map((s) => s.name);
  const replacedSet = new Set(replaced);
  const taken = existing.filter((sheet) => !replacedSet.has(sheet.name)).map((sheet) => sheet.name);
  const sheets: SheetPlan[] = [];
  for (const spec of specs) {
    const name = uniqueSheetName(spec.name, taken);
    taken.push(name);
    sheets.push({ spec, name });
  }
  return { sheets, replaced };
}

/** A temporary name for an owned sheet while its replacement is written, unique among `taken`. */
export function parkingName(index: number, taken: Iterable<string>): string {
  return uniqueSheetName(`~league-old-${index}`, taken);
}

/**
 * A leading =, +, - or @ makes Excel read typed input as a formula; such a string must be
 * stored as text explicitly.
 * @example looksLikeFormula("=1+2团委") // true
 */
export function looksLikeFormula(value: unknown): boolean {
  return typeof value === "string" && /^[=+\-@]/.test(value);
}

/** Excel's "text" number format: input into such a cell is kept as typed. */
export const TEXT_FORMAT = "@";

/**
 * The number format of each cell of a block: text for every string, so that Excel never
 * parses user text (a formula-looking name, a digit string like "007"), and the style's
 * format (or General) for the rest.
 */
export function blockNumberFormats(values: readonly SpecValue[][], style?: CellStyle): string[][] {
  const other = style?.numberFormat ?? "General";
  return values.map((row) => row.map((value) => (typeof value === "string" ? TEXT_FORMAT : other)));
}

/** Fills by role: the add-in's palette, never a colour taken from the user. */
export const FILL_COLOURS: Record<NonNullable<CellStyle["fill"]>, string> = {
  header: "#D9E1F2",
  title: "#FFFFFF",
  flag: "#FCE4D6",
};

/** Highlight-layer colours by severity. */
export const HIGHLIGHT_COLOURS = { error: "#FFC7CE", warning: "#FFEB9C", info: "#DDEBF7" } as const;

/** The A1 address of a 0-based rectangle. */
export function rectAddress(row: number, column: number, rows: number, columns: number): string {
  const start = cellAddress(row, column);
  if (rows === 1 && columns === 1) return start;
  return `${start}:${cellAddress(row + rows - 1, column + columns - 1)}`;
}

/** A sheet name quoted for use in a reference: 'My sheet'!A1. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** The right-most 0-based column any block, merge or width of the spec touches. */
function lastColumn(spec: SheetSpec): number {
  let last = (spec.columnWidths?.length ?? 0) - 1;
  for (const block of spec.blocks) {
    const width = block.values.reduce((max, row) => Math.max(max, row.length), 0);
    last = Math.max(last, block.column + width - 1);
  }
  for (const merge of spec.merges ?? []) last = Math.max(last, merge.column + merge.columns - 1);
  return last;
}

/** Where a chart's data sits on its sheet: a table of categories and one column per series. */
export interface ChartData {
  chart: ChartSpec;
  /** 0-based top-left of the data table; row 0 of it holds the series names. */
  row: number;
  column: number;
  values: SpecValue[][];
  /** The A1 ranges of the category labels and of each series' values, sheet-relative. */
  categoriesRange: string;
  seriesRanges: { name: string; nameCell: string; values: string }[];
}

/**
 * Native charts plot cells, so each chart's data is written to hidden columns two columns to
 * the right of everything the sheet shows, one table per chart side by side. The published
 * table itself stays exactly as laid out.
 */
export function placeChartData(spec: SheetSpec): ChartData[] {
  let column = lastColumn(spec) + 2;
  return (spec.charts ?? []).map((chart) => {
    const header: SpecValue[] = ["", ...chart.series.map((series) => series.name)];
    const rows: SpecValue[][] = chart.categories.map((category, i) => [
      category,
      ...chart.series.map((series) => series.values[i] ?? null),
    ]);
    const values = [header, ...rows];
    const count = chart.categories.length;
    const categoriesRange = `${cellAddress(1, column)}:${cellAddress(Math.max(count, 1), column)}`;
    const seriesRanges = chart.series.map((series, i) => ({
      name: series.name,
      nameCell: cellAddress(0, column + 1 + i),
      values: `${cellAddress(1, column + 1 + i)}:${cellAddress(Math.max(count, 1), column + 1 + i)}`,
    }));
    const placed: ChartData = { chart, row: 0, column, values, categoriesRange, seriesRanges };
    column += chart.series.length + 2;
    return placed;
  });
}

/** The columns (letters, e.g. "K:M") a placed chart table occupies, to hide them. */
export function chartDataColumns(data: ChartData): string {
  const width = data.values[0].length;
  return `${columnLetters(data.column)}:${columnLetters(data.column + width - 1)}`;
}

/** Settings keys the ports keep in the workbook for their own bookkeeping. */
export const PORT_SETTING_KEYS = {
  owned: "league.port.ownedSheets",
  highlights: "league.port.highlights",
  inputRules: "league.port.inputRules",
} as const;

/** A conservative estimate of the JSON bytes of a value as it crosses the wire (UTF-8, quoted). */
export function estimateBytes(value: unknown): number {
  if (value === null || value === undefined) return 4;
  if (typeof value === "string") return value.length * 3 + 3;
  if (typeof value === "number") return String(value).length;
  if (typeof value === "boolean") return 6;
  if (Array.isArray(value)) {
    let total = 2;
    for (const item of value) total += estimateBytes(item) + 1;
    return total;
  }
  return JSON.stringify(value)?.length ?? 4;
}
