import { cellAddress, cellText, type CellValue } from "../cells";
import type { DayDate, Period } from "../dates";
import type { Issue } from "../issues";
import type { RegisterItem } from "../register";
import type { InfoRubric, ItemType } from "../rubric/info-rubric";
import { rubricLookup } from "../rubric/lookup";
import type { SheetData } from "../sheet";
import { isBlankRow, isRepeatedHeader, type Field, type TableMatch } from "../tables";
import { ruleInfo, type RuleId } from "./rules";

/** What every register check sees: the register sheet, where its table is, and the items read from it. */
export interface RegisterContext {
  sheet: SheetData;
  table: TableMatch;
  /** The rows that could be read into items, in sheet order. */
  items: readonly RegisterItem[];
  /** The table's data rows, read or not, in sheet order. */
  rows: readonly DataRow[];
  rubric: InfoRubric;
  today: DayDate;
}

/** One data row of a table, as the checks walk it. */
export interface DataRow {
  /** Index into the sheet's grid. */
  gridRow: number;
  /** 1-based row as Excel shows it. */
  sheetRow: number;
  values: readonly CellValue[];
}

/**
 * Splits the table's non-blank rows into data rows and header rows pasted in again. The
 * repeated-header rule reports the latter once; every other check skips them.
 */
export function scanRows(sheet: SheetData, table: TableMatch): { rows: DataRow[]; repeatedHeaders: DataRow[] } {
  const rows: DataRow[] = [];
  const repeatedHeaders: DataRow[] = [];
  for (let r = table.firstDataRow; r < table.endRow; r++) {
    const values = sheet.values[r];
    if (isBlankRow(values)) continue;
    const row = { gridRow: r, sheetRow: sheet.originRow + r + 1, values };
    (isRepeatedHeader(values, table) ? repeatedHeaders : rows).push(row);
  }
  return { rows, repeatedHeaders };
}

/** The raw value of a field in a data row, or null when the table has no such column. */
export function fieldValue(row: readonly CellValue[], table: TableMatch, field: Field): CellValue {
  const column = table.columns[field];
  return column === undefined ? null : row[column];
}

/**
 * An issue at a field's cell on a 1-based sheet row, with the rule's catalogue severity.
 * The table must have the field's column.
 * @example cellIssue(sheet, table, "late-report", 7, "date", "…") // { rule: "late-report", severity: "warning", cell: "B7", row: 7, … }
 */
export function cellIssue(
  sheet: SheetData,
  table: TableMatch,
  rule: RuleId,
  sheetRow: number,
  field: Field,
  message: string,
  suggestion?: string,
): Issue {
  const column = table.columns[field];
  if (column === undefined) throw new Error(`cellIssue: the ${table.kind} table has no ${field} column`);
  return gridIssue(sheet, rule, sheetRow - 1 - sheet.originRow, column, message, suggestion);
}

/** An issue at a 0-based grid position of a sheet, with the rule's catalogue severity. */
export function gridIssue(sheet: SheetData, rule: RuleId, gridRow: number, gridColumn: number, message: string, suggestion?: string): Issue {
  const sheetRow = sheet.originRow + gridRow;
  return {
    rule,
    severity: ruleInfo(rule).severity,
    sheet: sheet.name,
    cell: cellAddress(sheetRow, sheet.originColumn + gridColumn),
    row: sheetRow + 1,
    message,
    ...(suggestion ? { suggestion } : {}),
  };
}

/** An issue about a unit in a period, rather than a cell. */
export function unitIssue(rule: RuleId, unit: string, period: Period, message: string, suggestion?: string): Issue {
  return { rule, severity: ruleInfo(rule).severity, unit, period: period.key, message, ...(suggestion ? { suggestion } : {}) };
}

/**
 * Reads type cells with the rubric's aliases, remembering each distinct text: a register
 * spells its types a handful of ways over thousands of rows.
 * @example typeReader(chaoyangInfo)("动态信息") // "event"
 */
export function typeReader(rubric: InfoRubric): (value: CellValue) => ItemType | null {
  const lookup = rubricLookup(rubric);
  const known = new Map<string, ItemType | null>();
  return (value) => {
    const text = cellText(value);
    let type = known.get(text);
    if (type === undefined) known.set(text, (type = lookup.itemType(text)));
    return type;
  };
}
