/**
 * A generated sheet described as plain data. Layout code in the engine builds these;
 * each workbook port (Office.js, ExcelJS, in-memory) renders them. This is how the
 * sheet layout is written once and served by every host.
 */

/** A cell to write. Strings are always written as text, never parsed as formulas. */
export type SpecValue = string | number | boolean | null;

export interface CellStyle {
  bold?: boolean;
  /** Font size in points. */
  size?: number;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "middle" | "bottom";
  /** Thin borders on all four sides. */
  border?: boolean;
  /** A fill drawn from the add-in's palette by role, never a raw user colour. */
  fill?: "header" | "title" | "flag";
  /** Excel number format, e.g. "0.00". */
  numberFormat?: string;
  wrap?: boolean;
}

/** A rectangular block of values written as one 2-D array, with one style for the block. */
export interface CellBlock {
  /** 0-based top-left position. */
  row: number;
  column: number;
  values: SpecValue[][];
  style?: CellStyle;
}

export interface MergeRange {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export interface ChartSpec {
  kind: "bar";
  title: string;
  /** 0-based anchor cell for the chart's top-left corner. */
  anchorRow: number;
  anchorColumn: number;
  /** Category labels (units) and one or more series (one per system). */
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
  /** Size in cells (rows tall, columns wide); a port picks its own default when absent. */
  rows?: number;
  columns?: number;
  /** Axis titles, e.g. 得分. */
  valueAxisTitle?: string;
}

export interface PageSetup {
  paperSize: "A4";
  orientation: "portrait" | "landscape";
  /** Fit to one page wide; any number of pages tall. */
  fitToWidth: boolean;
  /** 0-based inclusive row range repeated at the top of every printed page. */
  printTitleRows?: { first: number; last: number };
}

/** A cell that links to another cell of the workbook (e.g. a report row to the bad cell). */
export interface CellLink {
  /** 0-based position of the linking cell; its text is whatever the blocks write there. */
  row: number;
  column: number;
  /** The target, as a sheet name and an A1 address. */
  sheet: string;
  cell: string;
}

export interface SheetSpec {
  /** The name wanted; a port picks another when a user sheet already has it. */
  name: string;
  /** What the sheet is, for ownership: regeneration replaces only sheets of the same key. */
  ownerKey: string;
  blocks: CellBlock[];
  merges?: MergeRange[];
  /** Column widths in characters, by 0-based column. */
  columnWidths?: number[];
  /** Rows and columns frozen at the top-left. */
  freeze?: { rows: number; columns: number };
  page?: PageSetup;
  /**
   * Manual horizontal page breaks: 0-based rows after which a printed page ends. The layout
   * sets them when it must know where pages start (a merged rank is printed again there).
   */
  rowBreaks?: number[];
  charts?: ChartSpec[];
  links?: CellLink[];
}
