import { cellAddress, cellText, isBlank, type CellValue } from "../cells";
import type { Issue, Severity } from "../issues";
import type { SheetData } from "../sheet";
import { isBlankRow } from "../tables";
import { compactKey, foldDigits } from "../text";

/**
 * Assessment tables found by their headers, like the register: a header row near the top,
 * columns in any order. The columns wanted come from the rubric (a module's label is its
 * column's header), so the shape is data rather than a fixed list of fields.
 */

/** The headers a column may carry; the first is how messages name it. */
export type ColumnSpec = readonly string[];

export interface InputTableSpec<K extends string> {
  /** What the table is, for messages, e.g. 年度考核表. */
  title: string;
  columns: Record<K, ColumnSpec>;
  required: readonly K[];
}

/** A found table: its sheet and where each column sits (indexes into the sheet's grid). */
export interface InputTable<K extends string> {
  sheet: SheetData;
  headerRow: number;
  columns: Partial<Record<K, number>>;
}

/** How far down a sheet the header row may be: titles and notes sit above it. */
const HEADER_SEARCH_ROWS = 30;

/** Header cells compare without spaces, width or case differences, and without notes in brackets. */
function headerKey(value: CellValue): string {
  return typeof value === "string" ? compactKey(value).replace(/\(.*?\)|\*|:|：/g, "") : "";
}

/**
 * The first table on any sheet whose header row names every required column.
 * @example findInputTable(sheets, { title: "考核表", columns: { unit: ["单位"], score: ["得分"] }, required: ["unit"] })
 * // { sheet, headerRow: 0, columns: { unit: 0, score: 1 } } for a sheet starting 单位 | 得分
 */
export function findInputTable<K extends string>(sheets: readonly SheetData[], spec: InputTableSpec<K>): InputTable<K> | null {
  const wanted = (Object.entries(spec.columns) as [K, ColumnSpec][]).map(([key, headers]) => ({
    key,
    headers: new Set(headers.map((h) => headerKey(h))),
  }));
  for (const sheet of sheets) {
    const limit = Math.min(sheet.values.length, HEADER_SEARCH_ROWS);
    for (let r = 0; r < limit; r++) {
      const columns: Partial<Record<K, number>> = {};
      sheet.values[r].forEach((cell, c) => {
        const key = headerKey(cell);
        const column = key && wanted.find((w) => columns[w.key] === undefined && w.headers.has(key));
        if (column) columns[column.key] = c;
      });
      if (spec.required.every((key) => columns[key] !== undefined)) return { sheet, headerRow: r, columns };
    }
  }
  return null;
}

/** One data row of a found table, with typed reads that report bad cells at their address. */
export class InputRow<K extends string> {
  /** 1-based sheet row, as Excel shows it. */
  readonly sheetRow: number;

  constructor(
    private readonly table: InputTable<K>,
    private readonly gridRow: number,
    private readonly issues: Issue[],
  ) {
    this.sheetRow = table.sheet.originRow + gridRow + 1;
  }

  has(key: K): boolean {
    return this.table.columns[key] !== undefined;
  }

  raw(key: K): CellValue {
    const column = this.table.columns[key];
    return column === undefined ? null : this.table.sheet.values[this.gridRow][column];
  }

  /** The A1 address of a column's cell in this row ("" when the column is absent). */
  address(key: K): string {
    const column = this.table.columns[key];
    if (column === undefined) return "";
    return cellAddress(this.table.sheet.originRow + this.gridRow, this.table.sheet.originColumn + column);
  }

  text(key: K): string {
    return cellText(this.raw(key));
  }

  /** The cell as a number, null when blank; text that is not a number is reported and gives null. */
  number(key: K, label: string): number | null {
    const value = this.raw(key);
    if (isBlank(value)) return null;
    const parsed = typeof value === "number" ? value : Number(foldDigits(cellText(value)).replace(/分$/, ""));
    if (Number.isFinite(parsed)) return parsed;
    this.report("bad-number", "error", key, `${label}「${cellText(value)}」不是数字`);
    return null;
  }

  report(rule: string, severity: Severity, key: K, message: string, extra: Partial<Issue> = {}): void {
    this.issues.push({ rule, severity, sheet: this.table.sheet.name, cell: this.address(key), row: this.sheetRow, message, ...extra });
  }
}

/** The non-blank data rows of a table, below its header. Issues from reads go into `issues`. */
export function inputRows<K extends string>(table: InputTable<K>, issues: Issue[]): InputRow<K>[] {
  const rows: InputRow<K>[] = [];
  for (let r = table.headerRow + 1; r < table.sheet.values.length; r++) {
    if (!isBlankRow(table.sheet.values[r])) rows.push(new InputRow(table, r, issues));
  }
  return rows;
}
