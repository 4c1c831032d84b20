import { locateTables, parseInfoWorkbook, resolvePeriod, type LocatedTables, type TableChoices } from "../analyze";
import type { DayDate, Period } from "../dates";
import { compareIssues, summarizeIssues, type Issue } from "../issues";
import type { InfoRubric } from "../rubric/info-rubric";
import type { SheetData } from "../sheet";
import { fieldsOfHeader, type TableMatch } from "../tables";
import { scanRows, type RegisterContext } from "./context";
import { checkDuplicateItems, checkNearDuplicates } from "./duplicates";
import { checkMergedCells, checkRepeatedHeaders } from "./layout";
import { checkLengths } from "./length";
import { checkQuotas } from "./quota";
import { checkTimeliness } from "./timeliness";
import { checkUnitNameVariants } from "./unit-names";

export { RULES, ruleInfo, type RuleId, type RuleInfo, type RuleScope } from "./rules";
export { NEAR_DUPLICATE_THRESHOLD } from "./duplicates";

/**
 * Validation of the information-work register (issue: "Validate the register"): every rule
 * of the catalogue in rules.ts, over a workbook's sheets. Pure and synchronous, so the task
 * pane runs it in a Web Worker and the CLI runs it as is.
 */

export interface ValidateOptions {
  rubric: InfoRubric;
  /** "2013", "2013Q1" or "2013-03" for the quota check; when absent, the latest year in the register. */
  period?: string;
  /** The day the check runs: dates after it are errors, and only months that ended before it are held to quota. */
  today: DayDate;
  /** The user's corrections of where the tables are. */
  choices?: TableChoices;
  /** Called now and then with the share of the work done, from 0 to 1. */
  onProgress?: (done: number) => void;
  /** Polled between steps and inside the long one; true stops the run with what was found. */
  shouldStop?: () => boolean;
  /** Smallest body similarity reported as near-duplicate. @default NEAR_DUPLICATE_THRESHOLD */
  nearDuplicateThreshold?: number;
}

export interface ValidationSummary {
  errors: number;
  warnings: number;
  infos: number;
  /** Register rows checked: non-blank rows below the header, repeated headers left out. */
  rows: number;
}

export interface ValidationResult {
  /** False when validation could not run: no roster, no register, or an unreadable period. */
  ok: boolean;
  /** True when `shouldStop` ended the run early; the issues are those found until then. */
  stopped: boolean;
  /** Severity first, then sheet and row order. */
  issues: Issue[];
  summary: ValidationSummary;
  /** The period held to quota, when one could be set. */
  period?: Period;
  tables: LocatedTables;
}

/** Shares of the progress bar: the near-duplicate search is nearly all of the work. */
const PROGRESS = { read: 0.1, rows: 0.2, nearDuplicates: 0.95 } as const;

/**
 * Finds every problem in the workbook's register, roster and penalty table. Bad data gives
 * issues, never an exception; a workbook without a roster or register gives `ok: false` and
 * one issue saying which table is missing.
 * @example
 * const { sheets } = buildSampleWorkbook();
 * const result = validateWorkbook(sheets, { rubric: chaoyangInfo, period: "2013", today: { year: 2014, month: 1, day: 10 } });
 * result.summary // { errors: 3, warnings: 10, infos: 1089, rows: 1653 }
 * result.issues[0] // { rule: "unknown-unit", severity: "error", sheet: "信息报送", cell: "A1644", row: 1644,
 *                  //   message: "单位「双井街到团工委」不在单位名单中", suggestion: "是否为：双井街道团工委、大屯街道团工委、机场街道团工委" }
 */
export function validateWorkbook(sheets: readonly SheetData[], options: ValidateOptions): ValidationResult {
  const { rubric, today, onProgress, shouldStop } = options;
  const read = parseInfoWorkbook(sheets, rubric, options.choices);
  if (!read.ok) return finish(read.issues, 0, { ok: false, tables: locateTables(sheets, options.choices) });
  const parsed = read.parsed;
  const { tables } = parsed;
  onProgress?.(PROGRESS.read);

  const resolved = resolvePeriod(options.period, parsed.items);
  if (!resolved.ok && resolved.issues[0].rule === "bad-period") return finish(resolved.issues, 0, { ok: false, tables });
  // A register with no readable date has no period to hold to quota; its bad dates are reported row by row.
  const period = resolved.ok ? resolved.period : undefined;

  const sheetOf = (match: TableMatch) => sheets.find((s) => s.name === match.sheet)!;
  const registerSheet = sheetOf(tables.register);
  const scans = [tables.register, tables.roster, tables.penalties]
    .filter((table): table is TableMatch => table !== undefined)
    .map((table) => ({ table, sheet: sheetOf(table), ...scanRows(sheetOf(table), table) }));
  const registerScan = scans[0];

  // A header pasted again reads as a row of unknown unit, bad date and bad type; it is
  // reported once, as what it is.
  const headerRows = new Set(scans.flatMap((scan) => scan.repeatedHeaders.map((row) => `${scan.sheet.name}\u0000${row.sheetRow}`)));
  const issues = parsed.issues.filter((issue) => !headerRows.has(`${issue.sheet}\u0000${issue.row}`));
  for (const scan of scans) {
    issues.push(...checkRepeatedHeaders(scan.sheet, scan.table, scan.repeatedHeaders), ...checkMergedCells(scan.sheet, scan.table));
  }

  const context: RegisterContext = { sheet: registerSheet, table: tables.register, items: parsed.items, rows: registerScan.rows, rubric, today };
  issues.push(
    ...checkUnitNameVariants(registerSheet, tables.register, registerScan.rows, parsed.matcher),
    ...checkTimeliness(context),
    ...checkLengths(context),
    ...checkDuplicateItems(context),
  );
  const rows = registerScan.rows.length;
  onProgress?.(PROGRESS.rows);
  if (shouldStop?.()) return finish(issues, rows, { ok: true, stopped: true, period, tables });

  let stopped = false;
  issues.push(
    ...checkNearDuplicates(context, {
      threshold: options.nearDuplicateThreshold,
      onProgress: (done) => onProgress?.(PROGRESS.rows + done * (PROGRESS.nearDuplicates - PROGRESS.rows)),
      shouldStop: () => (stopped ||= shouldStop?.() ?? false),
    }),
  );
  if (stopped) return finish(issues, rows, { ok: true, stopped: true, period, tables });

  if (period) {
    // A roster header pasted again was read as a unit called 单位名称; it is no unit to hold to quota.
    const units = parsed.roster.units.filter((unit) => !fieldsOfHeader(unit.name).includes("unit"));
    issues.push(...checkQuotas(units, parsed.items, rubric, period, today));
  }
  onProgress?.(1);
  return finish(issues, rows, { ok: true, period, tables });
}

function finish(
  issues: Issue[],
  rows: number,
  rest: { ok: boolean; stopped?: boolean; period?: Period; tables: LocatedTables },
): ValidationResult {
  const sorted = [...issues].sort(compareIssues);
  return {
    ok: rest.ok,
    stopped: rest.stopped ?? false,
    issues: sorted,
    summary: { ...summarizeIssues(sorted), rows },
    ...(rest.period ? { period: rest.period } : {}),
    tables: rest.tables,
  };
}
