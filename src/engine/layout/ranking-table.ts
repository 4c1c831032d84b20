/**
 * The building blocks every ranking layout shares, whatever was scored: the ranked table with
 * its tie styles, marks and footnote, the two-row-header detail table, the chart sheet, sheet
 * names and the print setup. `ranking-sheets.ts` feeds them an information-work analysis and
 * `assessment-sheets.ts` an assessment preset's result, so both publish the same layout.
 */
import type { Ranked } from "../rank";
import type { RankMethod } from "../rubric/info-rubric";
import type { CellBlock, CellStyle, ChartSpec, MergeRange, SheetSpec, SpecValue } from "./sheet-spec";
import { A4_PRINTABLE_POINTS, DEFAULT_FONT_POINTS, fitToWidthScale, pageBreaks, rowPoints } from "./pagination";
import { fitColumnWidths, fittingFontSize, printedWidth } from "./text-width";

/** How tied units show their shared rank. */
export type TieStyle = "merge" | "repeat" | "label";
export const TIE_STYLES: readonly TieStyle[] = ["merge", "repeat", "label"];

export type ChartStyle = "per-system" | "combined" | "none";

/** The mark after the name of a unit without award eligibility, explained in the footnote. */
export const INELIGIBLE_MARK = "※";

export const METHOD_LABELS: Record<RankMethod, string> = {
  dense: "中国式排名（并列不占名次）",
  competition: "竞争排名（并列占名次）",
};

/** Rows 0 and 1 of the publication and detail sheets: the title and the line under it. */
const TITLE_ROWS = 2;
/** Row of the shared header, under the title and the method line. */
const HEADER_ROW = TITLE_ROWS;
const MAX_SHEET_NAME = 31;

export const TITLE_STYLE: CellStyle = { bold: true, size: 16, horizontal: "center", vertical: "middle" };
const SUBTITLE_STYLE: CellStyle = { size: 10, horizontal: "center" };
const HEADING_STYLE: CellStyle = { bold: true, size: 12, horizontal: "left", border: true };
const HEADER_STYLE: CellStyle = { bold: true, horizontal: "center", vertical: "middle", border: true, fill: "header" };
const NOTE_STYLE: CellStyle = { size: 10, horizontal: "left" };
/**
 * The smallest sizes a title and its line shrink to so they print within the table: a merged
 * cell clips what does not fit, and a long title (湖南青年文明号活动管理工作考评) is wider
 * than a narrow table at 16 points.
 */
const TITLE_MIN_SIZE = 11;
const SUBTITLE_MIN_SIZE = 8;
/** Room left between a title and the table's edges, in column units. */
const TITLE_MARGIN = 1;

/**
 * A name Excel accepts for a sheet: no []:*?/\ (each becomes _), no apostrophe at either end,
 * at most 31 characters, never blank.
 * @example rankingSheetName("2013/Q1:排名") // "2013_Q1_排名"
 */
export function rankingSheetName(wanted: string, fallback = "排名"): string {
  const cleaned = wanted.replace(/[[\]:*?/\\]/g, "_").replace(/^'+|'+$/g, "").trim();
  return Array.from(cleaned || fallback).slice(0, MAX_SHEET_NAME).join("");
}

/** The line under a ranking title: how ranks were given and how ties are ordered. */
export function methodLine(method: RankMethod): string {
  return `排名方法：${METHOD_LABELS[method]}；得分相同的单位按名称拼音排序`;
}

/** Collects blocks and merges top to bottom, so each part only says what it writes. */
class SheetCanvas {
  readonly blocks: CellBlock[] = [];
  readonly merges: MergeRange[] = [];
  /** Rows whose values decide column widths (tables, not titles or notes). */
  readonly measured: SpecValue[][] = [];
  row = 0;

  put(row: number, column: number, values: SpecValue[][], style?: CellStyle): void {
    if (values.length === 0 || values[0].length === 0) return;
    this.blocks.push(style ? { row, column, values, style } : { row, column, values });
  }

  merge(row: number, column: number, rows: number, columns: number): void {
    if (rows > 1 || columns > 1) this.merges.push({ row, column, rows, columns });
  }

  measure(rows: SpecValue[][], column = 0): void {
    for (const values of rows) this.measured.push([...Array<SpecValue>(column).fill(null), ...values]);
  }

  /** The estimated printed height of each row so far, from the largest font written in it. */
  rowHeights(): number[] {
    const fonts = Array<number | undefined>(this.row).fill(undefined);
    for (const block of this.blocks) {
      block.values.forEach((_, r) => {
        const row = block.row + r;
        if (row < fonts.length) fonts[row] = Math.max(fonts[row] ?? 0, block.style?.size ?? DEFAULT_FONT_POINTS);
      });
    }
    return fonts.map((size) => rowPoints(size));
  }

  /** A centred title over `width` columns, and the line under it. */
  title(title: string, subtitle: string, width: number): void {
    this.put(0, 0, [[title]], TITLE_STYLE);
    this.merge(0, 0, 1, width);
    this.put(1, 0, [[subtitle]], SUBTITLE_STYLE);
    this.merge(1, 0, 1, width);
  }

  /**
   * Column widths that fit the measured rows, with the title and its line fitted to them: each
   * shrinks until it prints within the table, and when one is still too wide at its smallest
   * size, the widest column takes the difference.
   */
  columnWidths(minimum?: number): number[] {
    const widths = fitColumnWidths(this.measured, minimum);
    const [title, subtitle] = [0, 1].map((row) => this.blocks.find((block) => block.row === row && block.column === 0));
    if (!title) return widths;
    // The line first: widening for it gives the title room too, so the title is fitted last.
    const fit = (block: CellBlock | undefined, style: CellStyle, smallest: number) => {
      if (!block) return;
      const text = String(block.values[0][0] ?? "");
      const size = fittingFontSize(text, style.size!, smallest, widths.reduce((sum, w) => sum + w, 0) - TITLE_MARGIN, style.bold);
      if (size !== style.size) block.style = { ...style, size };
      const shortfall = Math.ceil(printedWidth(text, size, style.bold) + TITLE_MARGIN - widths.reduce((sum, w) => sum + w, 0));
      if (shortfall > 0) widths[widths.indexOf(Math.max(...widths))] += shortfall;
    };
    fit(subtitle, SUBTITLE_STYLE, SUBTITLE_MIN_SIZE);
    fit(title, TITLE_STYLE, TITLE_MIN_SIZE);
    return widths;
  }
}

// ---------------------------------------------------------------------------------------------
// The ranked table

/** A column after 单位名称 in a ranked table or the detail sheet. */
export interface TableColumn<T> {
  header: string;
  value: (row: T) => SpecValue;
}

/** A unit's name as printed, and why it is marked (empty when it is not). */
export interface MarkedUnit {
  unit: string;
  /** Reasons for the mark, in Chinese; the unit is marked when there is at least one. */
  reasons: string[];
}

export interface RankedTableShape<T> {
  title: string;
  subtitle: string;
  name: string;
  ownerKey: string;
  /** A null heading: the rows follow the header directly. */
  sections: { heading: string | null; rows: readonly Ranked<T>[] }[];
  unit: (row: T) => MarkedUnit;
  /** Left-aligned columns after the name (系统 in the overall table). */
  labels: readonly TableColumn<T>[];
  /** Centred columns after those: the score and what goes with it. */
  scores: readonly TableColumn<T>[];
  ties: TieStyle;
  /** The rank cell of an unranked unit (listed last). @default null */
  unranked?: SpecValue;
  /** Every unit of the sheet, for the footnote on the marked ones. */
  footnoteUnits: readonly T[];
  /** The footnote's first line, after the mark. */
  footnoteHeading: string;
}

/**
 * A publication-style ranking sheet: title, method line, one shared header row (frozen on
 * screen and repeated on every printed page, so a section that runs over a page break keeps
 * its column names), then each section as a heading and its units in published order, then
 * the footnote on marked units. A4 portrait, one page wide, with the page breaks set by the
 * layout: a section that fits on a page is not split, and a merged tie group that runs over a
 * break prints its rank again at the top of the next page, as 附件1 does.
 */
export function rankedTableSheet<T>(shape: RankedTableShape<T>): SheetSpec {
  const draft = rankedTableCanvas(shape, []);
  const columnWidths = draft.canvas.columnWidths();
  const printTitleRows = { first: 0, last: HEADER_ROW };
  const rowBreaks = pageBreaks({
    heights: draft.canvas.rowHeights(),
    printTitleRows,
    pageHeight: A4_PRINTABLE_POINTS.portrait.height,
    scale: fitToWidthScale(columnWidths),
    keepTogether: draft.sections,
  });
  // The breaks move no row, so only the rank cells of a merged tie differ the second time.
  const { canvas } = shape.ties === "merge" && rowBreaks.length > 0 ? rankedTableCanvas(shape, rowBreaks) : draft;
  // Fitting the widths also shrinks a long title to them, so the redrawn title is fitted too.
  if (canvas !== draft.canvas) canvas.columnWidths();

  return {
    name: rankingSheetName(shape.name),
    ownerKey: shape.ownerKey,
    blocks: canvas.blocks,
    merges: canvas.merges,
    columnWidths,
    freeze: { rows: HEADER_ROW + 1, columns: 0 },
    page: { paperSize: "A4", orientation: "portrait", fitToWidth: true, printTitleRows },
    ...(rowBreaks.length > 0 ? { rowBreaks } : {}),
  };
}

/** The ranked table drawn with the given page breaks, and where each section's rows are. */
function rankedTableCanvas<T>(shape: RankedTableShape<T>, rowBreaks: readonly number[]): { canvas: SheetCanvas; sections: { start: number; rows: number }[] } {
  const header = ["排名", "单位名称", ...shape.labels.map((c) => c.header), ...shape.scores.map((c) => c.header)];
  const canvas = new SheetCanvas();
  canvas.title(shape.title, shape.subtitle, header.length);
  canvas.put(HEADER_ROW, 0, [header], HEADER_STYLE);
  canvas.measure([header]);
  canvas.row = HEADER_ROW + 1;

  const sections: { start: number; rows: number }[] = [];
  for (const section of shape.sections) {
    const start = canvas.row;
    if (section.heading !== null) {
      canvas.put(canvas.row, 0, [[section.heading]], HEADING_STYLE);
      canvas.merge(canvas.row, 0, 1, header.length);
      canvas.row++;
    }
    rankedRows(canvas, section.rows, shape, rowBreaks);
    sections.push({ start, rows: canvas.row - start });
  }
  canvas.row++;
  footnote(canvas, shape.footnoteHeading, shape.footnoteUnits.map(shape.unit));
  return { canvas, sections };
}

/** A row per unit in published order, from the canvas's current row. */
function rankedRows<T>(canvas: SheetCanvas, rows: readonly Ranked<T>[], shape: RankedTableShape<T>, rowBreaks: readonly number[]): void {
  const first = canvas.row;
  const pageStarts = rowBreaks.map((row) => row + 1 - first).filter((index) => index > 0 && index < rows.length);
  const ranks = rankCells(rows, shape.ties, shape.unranked ?? null, pageStarts);
  const names = rows.map((r) => [printedName(shape.unit(r.row)), ...shape.labels.map((c) => c.value(r.row))]);
  const numbers = rows.map((r) => shape.scores.map((c) => c.value(r.row)));
  canvas.put(first, 0, ranks.values, { horizontal: "center", vertical: shape.ties === "merge" ? "top" : "middle", border: true });
  canvas.put(first, 1, names, { horizontal: "left", border: true });
  canvas.put(first, 1 + 1 + shape.labels.length, numbers, { horizontal: "center", border: true });
  for (const group of ranks.merged) canvas.merge(first + group.start, 0, group.size, 1);
  canvas.measure(rows.map((_, i) => [ranks.values[i][0], ...names[i], ...numbers[i]]));
  canvas.row = first + rows.length;
}

/**
 * The rank column for a table in the chosen tie style, and the row groups to merge ("merge"
 * prints a tie group's rank once, on its first row, as 附件1 does, and again on the first row
 * of each printed page the group runs onto: `pageStarts` are the row indices that begin a
 * page, and no merge crosses one). Unranked rows get `unranked` (blank by default;
 * assessments print "—").
 * @example rankCells(rowsRanked_1_2_2, "label").values // [[1], ["并列第2"], ["并列第2"]]
 * @example rankCells(rowsRanked_1_2_2_2, "merge", null, [2]).values // [[1], [2], [2], [null]]
 */
export function rankCells(
  rows: readonly Ranked<unknown>[],
  ties: TieStyle,
  unranked: SpecValue = null,
  pageStarts: readonly number[] = [],
): { values: SpecValue[][]; merged: { start: number; size: number }[] } {
  const values: SpecValue[][] = [];
  const merged: { start: number; size: number }[] = [];
  const newPage = new Set(pageStarts);
  for (let start = 0; start < rows.length; ) {
    const { rank, tied } = rows[start];
    let end = start + 1;
    while (tied && end < rows.length && rows[end].tied && rows[end].rank === rank) end++;
    let segment = start;
    for (let i = start; i < end; i++) {
      if (ties === "merge" && newPage.has(i) && i > segment) {
        if (i - segment > 1) merged.push({ start: segment, size: i - segment });
        segment = i;
      }
      if (rank === null) values.push([unranked]);
      else if (ties === "label" && tied) values.push([`并列第${rank}`]);
      else if (ties === "merge" && i > segment) values.push([null]);
      else values.push([rank]);
    }
    if (ties === "merge" && end - segment > 1) merged.push({ start: segment, size: end - segment });
    start = end;
  }
  return { values, merged };
}

function printedName(unit: MarkedUnit): string {
  return unit.reasons.length === 0 ? unit.unit : `${unit.unit}${INELIGIBLE_MARK}`;
}

/** Lists every marked unit and why, under the tables. */
function footnote(canvas: SheetCanvas, heading: string, units: readonly MarkedUnit[]): void {
  const marked = units.filter((u) => u.reasons.length > 0);
  if (marked.length === 0) return;
  const lines: SpecValue[][] = [[`${INELIGIBLE_MARK} ${heading}`], ...marked.map((u) => [`　${u.unit}：${u.reasons.join("；")}`])];
  canvas.put(canvas.row, 0, lines, NOTE_STYLE);
  canvas.row += lines.length + 1;
}

// ---------------------------------------------------------------------------------------------
// The detail table

/** A column of the detail sheet: its header, an optional group header above it, and its value. */
export interface DetailColumn<T> extends TableColumn<T> {
  group?: string;
}

export interface DetailSheetShape<T> {
  title: string;
  subtitle: string;
  name: string;
  ownerKey: string;
  columns: readonly DetailColumn<T>[];
  rows: readonly T[];
  /** Leading columns that hold names (left-aligned): 单位, and 系统 when there is one. */
  nameColumns: number;
}

/**
 * One row per unit under two header rows: a group label over its columns, and a lone
 * column's label merged down both. The unit column stays frozen; A4 landscape, one page wide.
 */
export function detailTableSheet<T>(shape: DetailSheetShape<T>): SheetSpec {
  const { columns } = shape;
  const canvas = new SheetCanvas();
  canvas.title(shape.title, shape.subtitle, columns.length);

  const headerTop = TITLE_ROWS + 1;
  const groupRow: SpecValue[] = [];
  const nameRow: SpecValue[] = [];
  for (let c = 0; c < columns.length; ) {
    const group = columns[c].group;
    let end = c + 1;
    while (group && end < columns.length && columns[end].group === group) end++;
    if (group) {
      groupRow.push(group, ...Array<SpecValue>(end - c - 1).fill(null));
      nameRow.push(...columns.slice(c, end).map((col) => col.header));
      canvas.merge(headerTop, c, 1, end - c);
    } else {
      groupRow.push(columns[c].header);
      nameRow.push(null);
      canvas.merge(headerTop, c, 2, 1);
    }
    c = end;
  }
  canvas.put(headerTop, 0, [groupRow, nameRow], HEADER_STYLE);
  canvas.measure([columns.map((col) => col.header)]);

  const rows = shape.rows.map((row) => columns.map((col) => col.value(row)));
  const first = headerTop + 2;
  canvas.put(first, 0, rows.map((row) => row.slice(0, shape.nameColumns)), { horizontal: "left", border: true });
  canvas.put(first, shape.nameColumns, rows.map((row) => row.slice(shape.nameColumns)), { horizontal: "center", border: true });
  canvas.measure(rows);

  return {
    name: rankingSheetName(shape.name),
    ownerKey: shape.ownerKey,
    blocks: canvas.blocks,
    merges: canvas.merges,
    columnWidths: canvas.columnWidths(5),
    freeze: { rows: first, columns: 1 },
    page: { paperSize: "A4", orientation: "landscape", fitToWidth: true, printTitleRows: { first: headerTop, last: headerTop + 1 } },
  };
}

// ---------------------------------------------------------------------------------------------
// Charts

/** Rows of chart height per category: a horizontal bar needs about one row per unit. */
const CHART_ROWS_PER_UNIT = 1.2;
const CHART_MIN_ROWS = 12;
const CHART_COLUMNS = 12;

export interface ChartSheetShape {
  title: string;
  name: string;
  ownerKey: string;
  /** Systems (or one group) with their units' totals in published order; units without a total are left out by the caller. */
  groups: { name: string; units: { unit: string; total: number }[] }[];
  style: "per-system" | "combined";
  /** The title of the combined chart, and of each group's chart. */
  combinedTitle: string;
  groupTitle: (group: string) => string;
}

/** Native bar charts of totals on a sheet of their own: one chart of every group, or one per group. */
export function chartsSheet(shape: ChartSheetShape): SheetSpec {
  const groups = shape.groups.filter((g) => g.units.length > 0);
  const charts: ChartSpec[] = [];
  let row = TITLE_ROWS;
  const place = (chartTitle: string, categories: string[], series: ChartSpec["series"]) => {
    const rows = Math.max(CHART_MIN_ROWS, Math.ceil(categories.length * CHART_ROWS_PER_UNIT) + 4);
    charts.push({ kind: "bar", title: chartTitle, anchorRow: row, anchorColumn: 0, categories, series, rows, columns: CHART_COLUMNS, valueAxisTitle: "得分" });
    row += rows + 1;
  };

  if (shape.style === "combined") {
    // One category axis of every unit, grouped; each group is a series of its own, so its bars
    // take the group's colour and the legend names the groups.
    const categories = groups.flatMap((g) => g.units.map((u) => u.unit));
    let offset = 0;
    const series = groups.map((g) => {
      const values: (number | null)[] = categories.map(() => null);
      g.units.forEach((u, i) => (values[offset + i] = u.total));
      offset += g.units.length;
      return { name: g.name, values };
    });
    place(shape.combinedTitle, categories, series);
  } else {
    for (const g of groups) place(shape.groupTitle(g.name), g.units.map((u) => u.unit), [{ name: g.name, values: g.units.map((u) => u.total) }]);
  }

  return {
    name: rankingSheetName(shape.name),
    ownerKey: shape.ownerKey,
    blocks: [{ row: 0, column: 0, values: [[shape.title]], style: { ...TITLE_STYLE, horizontal: "left" } }],
    charts,
    page: { paperSize: "A4", orientation: "portrait", fitToWidth: true },
  };
}
