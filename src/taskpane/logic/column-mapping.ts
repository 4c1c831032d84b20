/**
 * The column-mapping panel's data: which fields a table kind has, and which header cells a
 * field can be mapped to.
 */
import { cellText, columnLetters } from "../../engine/cells";
import type { SheetData } from "../../engine/sheet";
import { TABLE_SHAPES, type Field, type TableKind, type TableMatch } from "../../engine/tables";

/** The fields shown for a table kind: required ones first, then the optional ones. */
export function fieldsOf(kind: TableKind): { field: Field; required: boolean }[] {
  const shape = TABLE_SHAPES[kind];
  return [...shape.required.map((field) => ({ field, required: true })), ...shape.optional.map((field) => ({ field, required: false }))];
}

export interface HeaderOption {
  /** Grid column index, as TableMatch.columns holds it. */
  column: number;
  /** The sheet's column letters. */
  letter: string;
  header: string;
}

/**
 * The header cells of a located table, one option per column of the header row.
 * @example headerOptions(sheet, match)[0] // { column: 0, letter: "A", header: "单位" }
 */
export function headerOptions(sheet: SheetData, table: TableMatch): HeaderOption[] {
  const row = sheet.values[table.headerRow] ?? [];
  return row.map((value, column) => ({ column, letter: columnLetters(sheet.originColumn + column), header: cellText(value) }));
}
