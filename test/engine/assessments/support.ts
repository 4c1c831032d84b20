import type { CellValue } from "../../../src/engine/cells";
import type { SheetData } from "../../../src/engine/sheet";

/** A sheet starting at A1 with the given rows. */
export function sheet(name: string, rows: CellValue[][]): SheetData {
  return { name, originRow: 0, originColumn: 0, values: rows };
}
