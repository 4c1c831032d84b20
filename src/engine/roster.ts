import { cellAddress, cellText } from "./cells";
import { parseDate, type DayDate } from "./dates";
import type { Issue } from "./issues";
import { unitKey } from "./names";
import { isBlankRow, isRepeatedHeader, type TableMatch } from "./tables";
import type { SheetData } from "./sheet";

/** One unit of the roster (单位名单). */
export interface RosterUnit {
  name: string;
  system: string;
  code?: string;
  founded?: DayDate;
  /** Position in the roster, for "roster order". */
  index: number;
}

export interface Roster {
  units: RosterUnit[];
  /** Systems in the order they first appear in the roster. */
  systems: string[];
}

/** The system a roster row without one is filed under. */
export const UNASSIGNED_SYSTEM = "未分系统";

/**
 * Reads the roster table. Blank rows are skipped; a unit listed twice is kept once and
 * reported, since scores would otherwise be split between the two rows.
 */
export function parseRoster(sheet: SheetData, table: TableMatch): { roster: Roster; issues: Issue[] } {
  const units: RosterUnit[] = [];
  const systems: string[] = [];
  const issues: Issue[] = [];
  const seen = new Map<string, number>();
  const col = table.columns;
  for (let r = table.firstDataRow; r < table.endRow; r++) {
    const row = sheet.values[r];
    if (isBlankRow(row) || isRepeatedHeader(row, table)) continue;
    const name = cellText(row[col.unit!]);
    const sheetRow = sheet.originRow + r;
    if (!name) continue;
    const key = unitKey(name);
    if (seen.has(key)) {
      issues.push({
        rule: "duplicate-unit",
        severity: "error",
        sheet: sheet.name,
        cell: cellAddress(sheetRow, sheet.originColumn + col.unit!),
        row: sheetRow + 1,
        message: `名单中单位「${name}」重复出现（首次在第 ${seen.get(key)} 行）`,
      });
      continue;
    }
    seen.set(key, sheetRow + 1);
    const system = cellText(row[col.system!]) || UNASSIGNED_SYSTEM;
    if (!systems.includes(system)) systems.push(system);
    const unit: RosterUnit = { name, system, index: units.length };
    if (col.code !== undefined && cellText(row[col.code])) unit.code = cellText(row[col.code]);
    if (col.founded !== undefined) {
      const founded = parseDate(row[col.founded]);
      if (founded.ok) unit.founded = founded.date;
    }
    units.push(unit);
  }
  return { roster: { units, systems }, issues };
}
