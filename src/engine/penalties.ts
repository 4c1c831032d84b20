import { cellAddress, cellText } from "./cells";
import { parseDate, type DayDate } from "./dates";
import type { Issue } from "./issues";
import { MESSAGES } from "./messages";
import type { UnitMatcher } from "./names";
import type { RegisterItem } from "./register";
import type { RosterUnit } from "./roster";
import type { InfoRubric, PenaltyRule } from "./rubric/info-rubric";
import { rubricLookup } from "./rubric/lookup";
import type { SheetData } from "./sheet";
import { isBlankRow, type TableMatch } from "./tables";

/** A verified (经核实) penalty case: only recorded cases cost points. */
export interface PenaltyCase {
  unit: RosterUnit;
  date: DayDate;
  rule: PenaltyRule;
  note: string;
  /** Where it was recorded, e.g. "扣分记录!A5". */
  source: string;
}

/** Reads the penalty table (unit, date, reason, optional note). */
export function parsePenalties(
  sheet: SheetData,
  table: TableMatch,
  units: UnitMatcher<RosterUnit>,
  rubric: InfoRubric,
): { cases: PenaltyCase[]; issues: Issue[] } {
  const lookup = rubricLookup(rubric);
  const cases: PenaltyCase[] = [];
  const issues: Issue[] = [];
  const col = table.columns;
  for (let r = table.firstDataRow; r < table.endRow; r++) {
    const row = sheet.values[r];
    if (isBlankRow(row)) continue;
    const sheetRow = sheet.originRow + r;
    const at = (column: number) => cellAddress(sheetRow, sheet.originColumn + column);
    const where = { sheet: sheet.name, row: sheetRow + 1 };
    const unitText = cellText(row[col.unit!]);
    const match = units.match(unitText);
    const date = parseDate(row[col.date!]);
    const reasonText = cellText(row[col.reason!]);
    const rule = lookup.penalty(reasonText);
    if (match.status === "none") {
      issues.push({ rule: "unknown-unit", severity: "error", ...where, cell: at(col.unit!), message: MESSAGES.unknownUnit(unitText), suggestion: MESSAGES.unknownUnitSuggestion(match.suggestions) });
    }
    if (!date.ok) {
      issues.push({ rule: "bad-date", severity: "error", ...where, cell: at(col.date!), message: MESSAGES.badDate(cellText(row[col.date!])) });
    }
    if (!rule) {
      issues.push({ rule: "bad-violation", severity: "error", ...where, cell: at(col.reason!), message: MESSAGES.badViolation(reasonText, rubric.penalties.map((p) => p.reason)) });
    }
    if (match.status === "none" || !date.ok || !rule) continue;
    cases.push({
      unit: match.unit,
      date: date.date,
      rule,
      note: col.note === undefined ? "" : cellText(row[col.note]),
      source: `${sheet.name}!${at(col.reason!)}`,
    });
  }
  return { cases, issues };
}

/** Violations recorded on register rows count as penalty cases too. */
export function casesFromRegister(items: readonly RegisterItem[], sheet: string): PenaltyCase[] {
  return items
    .filter((item) => item.violation)
    .map((item) => ({ unit: item.unit, date: item.date, rule: item.violation!, note: item.title, source: `${sheet}!${item.row}` }));
}
