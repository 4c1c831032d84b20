import type { CellValue, Grid } from "../engine/cells";
import { findTable, type Field } from "../engine/tables";
import { argumentError, FunctionError } from "./host";
import { FUNCTION_MESSAGES as M } from "./messages";

/**
 * Staff pass the same register range into hundreds of cells (=LEAGUE.SCORE_UNIT(A2, 登记表!A:H)
 * filled down a column). Excel hands every call a fresh copy of the range, so a parsed register
 * is cached by content: each entry keeps the cells it was read from, and a call reuses it when
 * its own cells are equal, cell by cell, in the columns scoring reads. That comparison is exact
 * (no hash that could collide and serve a stale score), stops at the first difference, and is
 * a few milliseconds where parsing 50,000 rows takes seconds.
 */

/** The register columns scoring reads: a change anywhere else cannot change a score. */
export const SCORING_FIELDS: readonly Field[] = ["unit", "date", "type", "adoptions", "violation"];

/** Part of a range that a cached result depends on: rows from `fromRow`, in `columns` or all. */
export interface CellSlice {
  grid: Grid;
  fromRow: number;
  toRow: number;
  /** Column indexes to compare; null compares whole rows. */
  columns: readonly number[] | null;
}

/** What a cached value was computed from: some labels (a rubric id) and some cells. */
export interface ContentKey {
  label: string;
  slices: CellSlice[];
}

function isBlankCell(cell: unknown): boolean {
  return cell === null || cell === undefined || cell === "";
}

function sameCell(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isBlankCell(a) && isBlankCell(b)) return true;
  // Error values are objects: equal when they carry the same code.
  const errorA = argumentError(a);
  const errorB = argumentError(b);
  return errorA !== null && errorB !== null && errorA.code === errorB.code;
}

/**
 * Equal cells in the same rows. Columns are compared position by position: the header rows
 * are part of every key, so equal keys map fields to the same columns.
 */
function sameSlice(a: CellSlice, b: CellSlice): boolean {
  if (a.fromRow !== b.fromRow || a.toRow !== b.toRow) return false;
  const [columnsA, columnsB] = [a.columns, b.columns];
  if ((columnsA === null) !== (columnsB === null) || (columnsA && columnsA.length !== columnsB!.length)) return false;
  for (let r = a.fromRow; r < a.toRow; r++) {
    const rowA = a.grid[r] as CellValue[];
    const rowB = b.grid[r] as CellValue[];
    if (rowA === rowB) continue;
    // The `!==` test first keeps the common case (equal text or numbers) free of calls.
    if (columnsA && columnsB) {
      for (let i = 0; i < columnsA.length; i++) {
        const cellA = rowA[columnsA[i]];
        const cellB = rowB[columnsB[i]];
        if (cellA !== cellB && !sameCell(cellA, cellB)) return false;
      }
    } else {
      if (rowA.length !== rowB.length) return false;
      for (let c = 0; c < rowA.length; c++) if (rowA[c] !== rowB[c] && !sameCell(rowA[c], rowB[c])) return false;
    }
  }
  return true;
}

/**
 * A copy of just the cells a slice covers. The cache keeps copies, so a caller that later
 * changes its array in place cannot make an old entry look like new content.
 */
function snapshot(slice: CellSlice): CellSlice {
  const grid: Grid = [];
  for (let r = slice.fromRow; r < slice.toRow; r++) {
    const row = slice.grid[r];
    grid[r] = slice.columns ? slice.columns.map((c) => row[c]) : [...row];
  }
  return { grid, fromRow: slice.fromRow, toRow: slice.toRow, columns: slice.columns ? slice.columns.map((_, i) => i) : null };
}

/** True when two keys stand for the same content. */
export function sameContent(a: ContentKey, b: ContentKey): boolean {
  return a.label === b.label && a.slices.length === b.slices.length && a.slices.every((slice, i) => sameSlice(slice, b.slices[i]));
}

/** The whole of a small range, e.g. a roster. */
export function wholeRange(grid: Grid): CellSlice {
  return { grid, fromRow: 0, toRow: grid.length, columns: null };
}

/** The register's header rows and columns, found once per call; throws #VALUE! without a header. */
export interface RegisterView {
  /** The rows down to the header (a header change remaps columns), whole. */
  header: CellSlice;
  /** The data rows, in the scoring columns only. */
  scoring: CellSlice;
}

export function registerView(grid: Grid): RegisterView {
  const table = findTable("", grid, "register");
  if (!table) throw new FunctionError("#VALUE!", M.noRegisterHeader);
  const columns = SCORING_FIELDS.map((field) => table.columns[field]).filter((c): c is number => c !== undefined);
  return {
    header: { grid, fromRow: 0, toRow: table.firstDataRow, columns: null },
    scoring: { grid, fromRow: table.firstDataRow, toRow: grid.length, columns },
  };
}

/** The first error value in a slice, to be passed on as the function's result. */
export function firstError(slice: CellSlice): FunctionError | null {
  for (let r = slice.fromRow; r < slice.toRow; r++) {
    const row = slice.grid[r];
    for (const c of slice.columns ?? row.keys()) {
      const cell = row[c];
      if (cell !== null && typeof cell === "object") {
        const error = argumentError(cell);
        if (error) return error;
      }
    }
  }
  return null;
}

/**
 * A most-recently-used list of a few entries, looked up by content: a workbook has a handful
 * of registers at most, and each lookup compares against them newest first.
 */
export class ContentCache<V> {
  private entries: { key: ContentKey; value: V }[] = [];
  hits = 0;
  misses = 0;

  constructor(readonly capacity: number) {}

  /** The value for this content, built (and kept) on a miss. */
  get(key: ContentKey, build: () => V): V {
    const index = this.entries.findIndex((entry) => sameContent(entry.key, key));
    if (index >= 0) {
      this.hits++;
      const [entry] = this.entries.splice(index, 1);
      this.entries.unshift(entry);
      return entry.value;
    }
    this.misses++;
    const value = build();
    this.entries.unshift({ key: { label: key.label, slices: key.slices.map(snapshot) }, value });
    this.entries.length = Math.min(this.entries.length, this.capacity);
    return value;
  }

  clear(): void {
    this.entries = [];
    this.hits = 0;
    this.misses = 0;
  }
}
