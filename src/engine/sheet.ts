import type { Grid } from "./cells";

/** A sheet's used range: values plus where they start, so issues can carry real addresses. */
export interface SheetData {
  name: string;
  /** 0-based row and column of values[0][0] on the sheet. */
  originRow: number;
  originColumn: number;
  values: Grid;
  /** Merged ranges inside the used range, in A1 form, when the host can tell. */
  merges?: string[];
}
