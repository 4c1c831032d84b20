import { cellText } from "../cells";
import type { Issue } from "../issues";
import { VALIDATION_MESSAGES as M } from "../messages";
import type { UnitMatcher } from "../names";
import type { RosterUnit } from "../roster";
import type { SheetData } from "../sheet";
import type { TableMatch } from "../tables";
import { cellIssue, fieldValue, type DataRow } from "./context";

/**
 * Unit names that reached the roster only through an interchangeable suffix (团委 for
 * 团工委, RUBRICS.md §6). The row scores, but the spelling drifts from the roster, and the
 * next roster unit with the same stem would make it ambiguous. Unknown names are reported by
 * register parsing (unknown-unit).
 * @example checkUnitNameVariants(sheet, table, rows, matcher) // [{ rule: "unit-name-variant", message: "单位「双井街道团委」按团组织后缀匹配到名单中的「双井街道团工委」" }]
 */
export function checkUnitNameVariants(
  sheet: SheetData,
  table: TableMatch,
  rows: readonly DataRow[],
  matcher: UnitMatcher<RosterUnit>,
): Issue[] {
  const issues: Issue[] = [];
  for (const { sheetRow, values } of rows) {
    const written = cellText(fieldValue(values, table, "unit"));
    if (!written) continue;
    const match = matcher.match(written);
    if (match.status !== "suffix") continue;
    issues.push(cellIssue(sheet, table, "unit-name-variant", sheetRow, "unit", M.unitNameVariant(written, match.unit.name), M.unitNameVariantSuggestion(match.unit.name)));
  }
  return issues;
}
