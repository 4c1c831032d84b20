/**
 * The workbook port on real .xlsx files, through ExcelJS, for the `league` command and for
 * end-to-end tests. It reads cells the way Office.js hands them over (dates as serial numbers,
 * rich text, formula results and hyperlinks as their plain values, the covered cells of a merge
 * as blanks) and writes generated sheets with the same layout as the add-in.
 *
 * What ExcelJS cannot write is added to the saved package afterwards (src/xlsx/ooxml-parts.ts):
 * native bar charts, and a custom document property listing the add-in's own sheets.
 *
 * Limits worth knowing: ExcelJS keeps every sheet's cells, styles, merges and defined names,
 * but drops what it does not model (existing charts, pivot tables, add-in settings) when it
 * saves. Highlights and entry rules are kept in memory only: the CLI reports issues instead.
 */
import { readFile, writeFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { parseCellAddress, type CellValue, type Grid } from "../engine/cells";
import type { CellStyle, SheetSpec, SpecValue } from "../engine/layout/sheet-spec";
import {
  FILL_COLOURS,
  TEXT_FORMAT,
  chartDataColumns,
  placeChartData,
  planWrite,
  quoteSheetName,
  uniqueSheetName,
} from "../port/plan";
import type {
  HighlightTarget,
  InputRule,
  ReadOptions,
  SheetData,
  SheetInfo,
  WorkbookPort,
  WriteResult,
} from "../port/workbook-port";
import { finishPackage, readOwnedProperty, type PlacedChart } from "./ooxml-parts";

/** Days between Excel's day 0 (1899-12-30, with the 1900 leap-year quirk) and 1970-01-01. */
const EXCEL_EPOCH_OFFSET = 25569;
const MS_PER_DAY = 86_400_000;
/** Default chart size in cells when the spec leaves it open. */
const CHART_ROWS = 20;
const CHART_COLUMNS = 8;
/** ExcelJS's code for A4 paper. */
const PAPER_A4 = 9;

/**
 * A cell value as Office.js would report it.
 * @example flattenValue(new Date(Date.UTC(2013, 2, 7))) // 41340
 * @example flattenValue({ richText: [{ text: "团结" }, { text: "湖" }] }) // "团结湖"
 */
export function flattenValue(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return "";
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value.getTime() / MS_PER_DAY + EXCEL_EPOCH_OFFSET;
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("formula" in value || "sharedFormula" in value) return flattenValue((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ("hyperlink" in value) return flattenValue((value as ExcelJS.CellHyperlinkValue).text as ExcelJS.CellValue);
  if ("error" in value) return value.error;
  return "";
}

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Package parts ExcelJS reads past and does not save, with what staff call them. */
const PARTS_EXCELJS_DROPS: [RegExp, string][] = [
  [/^xl\/charts\/chart\d*\.xml$/, "图表"],
  [/^xl\/pivotTables\//, "数据透视表"],
  [/^xl\/slicers\//, "切片器"],
  [/^xl\/vbaProject\.bin$/, "宏"],
  [/^xl\/webextensions\//, "加载项设置"],
];

/** The kinds of part in a package that a save through ExcelJS would leave out. */
export function partsExcelJsDrops(paths: readonly string[]): string[] {
  return PARTS_EXCELJS_DROPS.filter(([pattern]) => paths.some((path) => pattern.test(path))).map(([, label]) => label);
}

export class XlsxWorkbook implements WorkbookPort {
  private readonly settings = new Map<string, string>();
  private readonly charts: PlacedChart[] = [];
  private highlightList: HighlightTarget[] = [];
  private ruleList: InputRule[] = [];
  private selected: { sheet: string; cell: string } | undefined;

  private constructor(
    /** The ExcelJS workbook, for callers that need more than the port. */
    readonly workbook: ExcelJS.Workbook,
    /** Generated sheets by name, with their owner keys. */
    private owned: Record<string, string>,
    /**
     * What the opened file holds that ExcelJS cannot write back (charts, pivot tables…), in
     * Chinese: saving keeps every cell, but these would be missing from the saved copy.
     */
    readonly partsNotKept: readonly string[] = [],
  ) {}

  /** Opens an .xlsx file; throws when it is missing or not a workbook. */
  static async open(path: string): Promise<XlsxWorkbook> {
    return XlsxWorkbook.fromBuffer(await readFile(path));
  }

  static async fromBuffer(buffer: Uint8Array): Promise<XlsxWorkbook> {
    const zip = await JSZip.loadAsync(buffer);
    const owned = await readOwnedProperty(zip);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    return new XlsxWorkbook(workbook, owned, partsExcelJsDrops(Object.keys(zip.files)));
  }

  /** An empty workbook, for tests and for writing generated sheets from scratch. */
  static create(): XlsxWorkbook {
    return new XlsxWorkbook(new ExcelJS.Workbook(), {});
  }

  /** The whole workbook (every original sheet, plus the generated ones) as .xlsx bytes. */
  async toBuffer(): Promise<Uint8Array> {
    const written = new Uint8Array(await this.workbook.xlsx.writeBuffer());
    return finishPackage(written, this.charts, this.owned);
  }

  async save(path: string): Promise<void> {
    await writeFile(path, await this.toBuffer());
  }

  get selection(): { sheet: string; cell: string } | undefined {
    return this.selected;
  }
  get highlights(): readonly HighlightTarget[] {
    return this.highlightList;
  }
  get inputRules(): readonly InputRule[] {
    return this.ruleList;
  }

  private worksheet(name: string): ExcelJS.Worksheet {
    const ws = this.workbook.getWorksheet(name);
    if (!ws) throw new Error(`工作表不存在 / No sheet named "${name}"`);
    return ws;
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.workbook.worksheets.map((ws) =>
      this.owned[ws.name] !== undefined ? { name: ws.name, ownerKey: this.owned[ws.name] } : { name: ws.name },
    );
  }

  async readSheet(name: string, options: ReadOptions = {}): Promise<SheetData> {
    const ws = this.worksheet(name);
    const cells: { row: number; column: number; value: CellValue }[] = [];
    let used: Rect | undefined;
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
        // Office reports only the top-left cell of a merge; ExcelJS repeats it in every cell.
        const value = cell.isMerged && cell.master !== cell ? "" : flattenValue(cell.value);
        if (value === "") return;
        const r = rowNumber - 1;
        const c = columnNumber - 1;
        cells.push({ row: r, column: c, value });
        used = used
          ? { top: Math.min(used.top, r), left: Math.min(used.left, c), bottom: Math.max(used.bottom, r), right: Math.max(used.right, c) }
          : { top: r, left: c, bottom: r, right: c };
      });
    });
    if (!used) {
      options.onProgress?.(0, 0);
      return { name, originRow: 0, originColumn: 0, values: [], merges: [] };
    }
    const area = used;
    const width = area.right - area.left + 1;
    const values: Grid = Array.from({ length: area.bottom - area.top + 1 }, () => new Array<CellValue>(width).fill(""));
    for (const cell of cells) values[cell.row - area.top][cell.column - area.left] = cell.value;
    options.onProgress?.(values.length, values.length);
    return { name, originRow: area.top, originColumn: area.left, values, merges: this.mergesOf(ws, area) };
  }

  private mergesOf(ws: ExcelJS.Worksheet, area: Rect): string[] {
    const merges = (ws as unknown as { _merges: Record<string, { range: string }> })._merges ?? {};
    return Object.values(merges)
      .map((merge) => merge.range)
      .filter((range) => {
        const [a, b = a] = range.split(":");
        const start = parseCellAddress(a);
        const end = parseCellAddress(b);
        return !!start && !!end && start.row <= area.bottom && end.row >= area.top && start.column <= area.right && end.column >= area.left;
      });
  }

  async writeSheets(specs: SheetSpec[]): Promise<WriteResult> {
    const existing = this.workbook.worksheets.map((ws) => ({ name: ws.name, ownerKey: this.owned[ws.name] }));
    const plan = planWrite(existing, specs);
    // New sheets are built under spare names first; the old owned sheets go only once all are built.
    const taken = [...existing.map((s) => s.name), ...plan.sheets.map((s) => s.name)];
    const built: { ws: ExcelJS.Worksheet; name: string; ownerKey: string; charts: PlacedChart[] }[] = [];
    try {
      for (const [i, { spec, name }] of plan.sheets.entries()) {
        const spare = uniqueSheetName(`~league-new-${i}`, taken);
        taken.push(spare);
        const ws = this.workbook.addWorksheet(spare);
        built.push({ ws, name, ownerKey: spec.ownerKey, charts: [] });
        built[built.length - 1].charts = this.render(ws, spec, name);
      }
    } catch (error) {
      for (const { ws } of built) this.workbook.removeWorksheet(ws.id);
      throw new Error(
        `生成工作表失败，已撤销已写入的内容 / Writing the generated sheets failed; what was written has been removed: ${(error as Error).message}`,
        { cause: error },
      );
    }
    for (const name of plan.replaced) {
      this.workbook.removeWorksheet(this.worksheet(name).id);
      delete this.owned[name];
      this.charts.splice(0, this.charts.length, ...this.charts.filter((chart) => chart.sheet !== name));
    }
    for (const { ws, name, ownerKey, charts } of built) {
      ws.name = name;
      this.owned[name] = ownerKey;
      this.charts.push(...charts);
    }
    return { written: plan.sheets.map((s) => s.name), replaced: plan.replaced };
  }

  /** Draws one spec on a fresh worksheet; returns its charts, placed for `save`. */
  private render(ws: ExcelJS.Worksheet, spec: SheetSpec, finalName: string): PlacedChart[] {
    for (const block of spec.blocks) this.writeBlock(ws, block.row, block.column, block.values, block.style);
    for (const merge of spec.merges ?? []) ws.mergeCells(merge.row + 1, merge.column + 1, merge.row + merge.rows, merge.column + merge.columns);
    spec.columnWidths?.forEach((width, column) => (ws.getColumn(column + 1).width = width));
    if (spec.freeze && (spec.freeze.rows > 0 || spec.freeze.columns > 0)) {
      ws.views = [{ state: "frozen", xSplit: spec.freeze.columns, ySplit: spec.freeze.rows }];
    }
    if (spec.page) {
      const titles = spec.page.printTitleRows;
      ws.pageSetup = {
        ...ws.pageSetup,
        paperSize: PAPER_A4,
        orientation: spec.page.orientation,
        ...(spec.page.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
        ...(titles ? { printTitlesRow: `${titles.first + 1}:${titles.last + 1}` } : {}),
      };
    }
    // ExcelJS numbers a break by the last row of its page, as the file format does.
    for (const row of spec.rowBreaks ?? []) ws.getRow(row + 1).addPageBreak();
    for (const link of spec.links ?? []) {
      const cell = ws.getCell(link.row + 1, link.column + 1);
      const text = flattenValue(cell.value);
      cell.value = { text: String(text ?? ""), hyperlink: `${quoteSheetName(link.sheet)}!${link.cell}` };
    }
    return placeChartData(spec).map((data) => {
      this.writeBlock(ws, data.row, data.column, data.values);
      const [first, last] = chartDataColumns(data).split(":");
      for (let c = parseCellAddress(`${first}1`)!.column; c <= parseCellAddress(`${last}1`)!.column; c++) ws.getColumn(c + 1).hidden = true;
      return { sheet: finalName, data, rows: data.chart.rows ?? CHART_ROWS, columns: data.chart.columns ?? CHART_COLUMNS, valueAxisTitle: data.chart.valueAxisTitle };
    });
  }

  private writeBlock(ws: ExcelJS.Worksheet, row: number, column: number, values: readonly SpecValue[][], style?: CellStyle): void {
    const width = values.reduce((max, line) => Math.max(max, line.length), 0);
    values.forEach((line, r) => {
      for (let c = 0; c < width; c++) {
        const value = line[c] ?? null;
        const cell = ws.getCell(row + r + 1, column + c + 1);
        // A plain string is stored by ExcelJS as a shared string, never as a formula; the text
        // format also keeps it text when someone edits the cell later.
        if (value !== null) cell.value = value;
        const numFmt = typeof value === "string" ? TEXT_FORMAT : style?.numberFormat;
        if (numFmt) cell.numFmt = numFmt;
        if (style) applyStyle(cell, style);
      }
    });
  }

  async getSetting(key: string): Promise<string | undefined> {
    return this.settings.get(key);
  }

  async setSetting(key: string, value: string): Promise<void> {
    this.settings.set(key, value);
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    const ws = this.worksheet(sheet);
    if (!parseCellAddress(cell)) throw new Error(`不是单元格地址 / Not a cell address: "${cell}"`);
    this.selected = { sheet, cell: cell.toUpperCase() };
    // A loaded sheet may have no views at all (ExcelJS gives null).
    const [view] = ws.views ?? [];
    ws.views = [{ ...(view ?? {}), activeCell: cell.toUpperCase() } as ExcelJS.WorksheetView];
  }

  async highlight(targets: HighlightTarget[]): Promise<void> {
    this.highlightList = [...this.highlightList, ...targets];
  }

  async clearHighlights(): Promise<void> {
    this.highlightList = [];
  }

  async addInputRules(rules: InputRule[]): Promise<string[]> {
    for (const rule of rules) this.worksheet(rule.sheet);
    this.ruleList = [...this.ruleList, ...rules];
    return rules.map((rule) => `${rule.sheet}!${rule.range}`);
  }

  async removeInputRules(): Promise<void> {
    this.ruleList = [];
  }
}

const THIN: Partial<ExcelJS.Border> = { style: "thin" };

function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  if (style.bold !== undefined || style.size !== undefined) {
    cell.font = { ...cell.font, ...(style.bold !== undefined ? { bold: style.bold } : {}), ...(style.size !== undefined ? { size: style.size } : {}) };
  }
  if (style.horizontal || style.vertical || style.wrap !== undefined) {
    cell.alignment = {
      ...cell.alignment,
      ...(style.horizontal ? { horizontal: style.horizontal } : {}),
      ...(style.vertical ? { vertical: style.vertical } : {}),
      ...(style.wrap !== undefined ? { wrapText: style.wrap } : {}),
    };
  }
  if (style.border) cell.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
  if (style.fill) {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${FILL_COLOURS[style.fill].slice(1)}` } };
  }
}

