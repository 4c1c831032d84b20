import type { SheetData } from "../engine/sheet";
import type { SheetSpec } from "../engine/layout/sheet-spec";

export type { SheetData };

/**
 * The workbook port: the small surface every host implements (Office.js for the add-in,
 * ExcelJS for the CLI, an in-memory workbook for the preview). Everything above it is
 * written once.
 */
export interface SheetInfo {
  name: string;
  /** The owner key when the add-in generated this sheet; undefined for the user's own sheets. */
  ownerKey?: string;
}

export interface ReadOptions {
  /** Called as chunks arrive, with rows read so far and the total. */
  onProgress?: (rowsRead: number, totalRows: number) => void;
  signal?: AbortSignal;
}

export interface WriteResult {
  /** The sheet names actually written, in spec order (a name may differ when a user sheet had it). */
  written: string[];
  /** Owned sheets that were replaced. */
  replaced: string[];
}

/**
 * An entry rule: a dropdown of allowed entries on a column of a user sheet, so new rows are
 * right at entry. The port remembers what it added, and `removeInputRules` removes exactly that.
 */
export interface InputRule {
  sheet: string;
  /** A1 range on that sheet, e.g. "C2:C5000". */
  range: string;
  /** The allowed entries, in dropdown order. */
  list: string[];
  /** Shown when a typed entry is not in the list (zh-CN first). */
  message?: string;
}

/** A cell to mark in the highlight layer, with the severity it shows. */
export interface HighlightTarget {
  sheet: string;
  cell: string;
  severity: "error" | "warning" | "info";
}

export interface WorkbookPort {
  listSheets(): Promise<SheetInfo[]>;
  readSheet(name: string, options?: ReadOptions): Promise<SheetData>;
  /**
   * Writes the sheets as one unit: owned sheets with the same owner key are replaced, a user
   * sheet with a wanted name is left alone and a new name is chosen, and a failure part-way
   * removes what was written and rethrows.
   */
  writeSheets(specs: SheetSpec[]): Promise<WriteResult>;
  /** Settings kept in the workbook (column mappings, organisation name, chosen rubric). */
  getSetting(key: string): Promise<string | undefined>;
  setSetting(key: string, value: string): Promise<void>;
  /** Moves the selection to a cell. */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Adds the removable highlight layer; `clearHighlights` removes exactly it. */
  highlight(targets: HighlightTarget[]): Promise<void>;
  clearHighlights(): Promise<void>;
  /**
   * Adds dropdown entry rules. A range that already carries the user's own validation is
   * skipped, never overwritten; returns the ranges that got a rule.
   */
  addInputRules(rules: InputRule[]): Promise<string[]>;
  /** Removes every entry rule the add-in added, and nothing else. */
  removeInputRules(): Promise<void>;
}
