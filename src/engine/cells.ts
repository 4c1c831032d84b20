/**
 * The values Excel hands over: a range arrives as a 2-D array of these.
 * Dates arrive as serial numbers, blanks as "" or null.
 */
export type CellValue = string | number | boolean | null | undefined;

/** A rectangular block of cell values, row-major, as Excel's `Range.values`. */
export type Grid = CellValue[][];

/** True for a cell Excel would show as empty. */
export function isBlank(value: CellValue): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/**
 * The column letters of a 0-based column index.
 * @example columnLetters(0) // "A"
 * @example columnLetters(27) // "AB"
 */
export function columnLetters(column: number): string {
  let letters = "";
  let n = column + 1;
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * The A1 address of a 0-based row and column.
 * @example cellAddress(0, 0) // "A1"
 */
export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

/** The 0-based row and column of an A1 address, or null when it is not one. */
export function parseCellAddress(address: string): { row: number; column: number } | null {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!match) return null;
  let column = 0;
  for (const ch of match[1].toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(match[2]) - 1, column: column - 1 };
}

/** Cell text as a person reads it: trimmed, numbers as written. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  return String(value);
}
