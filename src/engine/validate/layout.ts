import { parseCellAddress } from "../cells";
import type { Issue } from "../issues";
import { VALIDATION_MESSAGES as M } from "../messages";
import type { SheetData } from "../sheet";
import type { TableMatch } from "../tables";
import { gridIssue, type DataRow } from "./context";

/**
 * The shape of a table, as pasting and formatting leave it: header rows pasted in again, and
 * merged cells, which Excel hands over as one value in the top-left cell and blanks below it
 * (a 系统 cell merged down a roster's group leaves every unit but the first without a system).
 */

/**
 * One issue per header row found again inside the table, at its first cell.
 * @example checkRepeatedHeaders(sheet, table, scan.repeatedHeaders) // [{ rule: "repeated-header", cell: "A40", message: "此行与第 1 行表头相同，是重复的表头，已跳过" }]
 */
export function checkRepeatedHeaders(sheet: SheetData, table: TableMatch, repeated: readonly DataRow[]): Issue[] {
  const firstColumn = Math.min(...Object.values(table.columns));
  const headerRow = sheet.originRow + table.headerRow + 1;
  return repeated.map((row) => gridIssue(sheet, "repeated-header", row.gridRow, firstColumn, M.repeatedHeader(headerRow), M.repeatedHeaderSuggestion));
}

/**
 * Merged ranges that reach into the table's data rows and its mapped columns; a title merged
 * above the header is the sheet's own business. Needs `SheetData.merges`: hosts that cannot
 * tell leave it out, and the check finds nothing.
 * @example checkMergedCells(sheet, table) // [{ rule: "merged-cells", cell: "C4", message: "表格内有合并单元格 C4:C9：…" }]
 */
export function checkMergedCells(sheet: SheetData, table: TableMatch): Issue[] {
  const columns = Object.values(table.columns);
  const issues: Issue[] = [];
  for (const range of sheet.merges ?? []) {
    const [from, to = from] = range.split(":");
    const start = parseCellAddress(from);
    const end = parseCellAddress(to);
    if (!start || !end) continue;
    const top = Math.min(start.row, end.row) - sheet.originRow;
    const bottom = Math.max(start.row, end.row) - sheet.originRow;
    const left = Math.min(start.column, end.column) - sheet.originColumn;
    const right = Math.max(start.column, end.column) - sheet.originColumn;
    if (bottom < table.firstDataRow || top >= table.endRow) continue;
    if (!columns.some((column) => column >= left && column <= right)) continue;
    issues.push(gridIssue(sheet, "merged-cells", Math.max(top, table.firstDataRow), left, M.mergedCells(range.toUpperCase()), M.mergedCellsSuggestion));
  }
  return issues;
}
