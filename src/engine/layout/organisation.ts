import { cellText } from "../cells";
import type { SheetData } from "../sheet";
import type { TableMatch } from "../tables";
import { compactKey } from "../text";

/**
 * The organisation printed in a ranking title (朝阳共青团各系统…), when the workbook itself
 * says it. Offices put it above the roster, as a label and a value (「组织名称 | 朝阳共青团」)
 * or in one cell (「组织名称：朝阳共青团」). Anything else leaves the title without it, since a
 * guessed organisation in a published title is worse than none.
 */

const LABELS = new Set(["组织名称", "组织", "团组织名称", "团委名称", "organisation", "organization"].map(compactKey));

/**
 * @example organisationFromRoster(rosterSheet, rosterMatch) // "朝阳共青团" when A1:B1 hold 组织名称 | 朝阳共青团
 */
export function organisationFromRoster(sheet: SheetData, roster: TableMatch): string {
  for (let r = 0; r < roster.headerRow && r < sheet.values.length; r++) {
    const row = sheet.values[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const text = cellText(row[c]);
      const inline = /^(.+?)[:：]\s*(.+)$/.exec(text);
      if (inline && LABELS.has(compactKey(inline[1]))) return inline[2].trim();
      if (!LABELS.has(compactKey(text.replace(/[:：]\s*$/, "")))) continue;
      const value = row.slice(c + 1).map(cellText).find((v) => v !== "");
      if (value) return value;
    }
  }
  return "";
}

/**
 * The organisation named above the roster, found among the workbook's sheets; "" when the
 * roster was not found or names none.
 */
export function organisationOf(sheets: readonly SheetData[], roster: TableMatch | undefined): string {
  const sheet = roster && sheets.find((s) => s.name === roster.sheet);
  return sheet && roster ? organisationFromRoster(sheet, roster) : "";
}
