/**
 * The in-memory workbook port: sheets as grids, for the task pane's preview mode and for
 * tests. It keeps the same promises as the Excel and .xlsx ports (owned sheets, user sheets
 * never touched, text as text, rollback on failure) and adds what a preview grid needs: the
 * sheets themselves, the selection, the highlight list, and a change hook. No DOM, no Node.
 */
import { cellAddress, parseCellAddress, type CellValue, type Grid } from "../../engine/cells";
import type { ChartSpec, MergeRange, SheetSpec, CellStyle, PageSetup, CellLink } from "../../engine/layout/sheet-spec";
import { chartDataColumns, placeChartData, planWrite, rectAddress } from "../../port/plan";
import type {
  HighlightTarget,
  InputRule,
  ReadOptions,
  SheetData,
  SheetInfo,
  WorkbookPort,
  WriteResult,
} from "../../port/workbook-port";

/** A styled rectangle, kept so the preview can draw headers and borders. */
export interface MemoryStyleArea {
  row: number;
  column: number;
  rows: number;
  columns: number;
  style: CellStyle;
}

export interface MemorySheet {
  name: string;
  /** Set when the add-in generated the sheet. */
  ownerKey?: string;
  /** Row-major cells; rows and columns may be ragged or missing. */
  cells: CellValue[][];
  merges: MergeRange[];
  styles: MemoryStyleArea[];
  columnWidths: number[];
  /** Column letters ranges hidden from view (chart data). */
  hiddenColumns: string[];
  freeze?: { rows: number; columns: number };
  page?: PageSetup;
  /** Manual page breaks as the spec gave them: 0-based rows after which a page ends. */
  rowBreaks: number[];
  charts: ChartSpec[];
  links: CellLink[];
}

export type MemoryWorkbookEvent = "sheets" | "selection" | "highlights" | "settings" | "input-rules";

export interface MemorySheetInput {
  name: string;
  values: Grid;
  merges?: MergeRange[];
}

function overlaps(a: MergeRange, b: MergeRange): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.column < b.column + b.columns && b.column < a.column + a.columns;
}

/** A1 ranges of the form "C2:C50" or "C2", as 0-based rectangles. */
function parseRange(range: string): MergeRange | null {
  const [first, second = first] = range.split(":");
  const start = parseCellAddress(first);
  const end = parseCellAddress(second);
  if (!start || !end) return null;
  return { row: start.row, column: start.column, rows: end.row - start.row + 1, columns: end.column - start.column + 1 };
}

export class MemoryWorkbook implements WorkbookPort {
  private sheetList: MemorySheet[];
  private readonly settings = new Map<string, string>();
  private highlightList: HighlightTarget[] = [];
  private ruleList: InputRule[] = [];
  private selected: { sheet: string; cell: string } | undefined;
  private readonly listeners = new Set<(event: MemoryWorkbookEvent) => void>();

  constructor(sheets: MemorySheetInput[] = []) {
    this.sheetList = sheets.map((sheet) => ({
      name: sheet.name,
      cells: sheet.values.map((row) => [...row]),
      merges: [...(sheet.merges ?? [])],
      styles: [],
      columnWidths: [],
      hiddenColumns: [],
      rowBreaks: [],
      charts: [],
      links: [],
    }));
  }

  /** The sheets in workbook order, for a preview grid to draw. Treat as read-only. */
  get sheets(): readonly MemorySheet[] {
    return this.sheetList;
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

  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: (event: MemoryWorkbookEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(event: MemoryWorkbookEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  private sheet(name: string): MemorySheet {
    const sheet = this.sheetList.find((s) => s.name === name);
    if (!sheet) throw new Error(`工作表不存在 / No sheet named "${name}"`);
    return sheet;
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.sheetList.map((sheet) => (sheet.ownerKey === undefined ? { name: sheet.name } : { name: sheet.name, ownerKey: sheet.ownerKey }));
  }

  async readSheet(name: string, options: ReadOptions = {}): Promise<SheetData> {
    const sheet = this.sheet(name);
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    sheet.cells.forEach((row, r) =>
      row?.forEach((value, c) => {
        // A cell holding only spaces is still part of the used range, as in Excel.
        if (value === null || value === undefined || value === "") return;
        top = Math.min(top, r);
        bottom = Math.max(bottom, r);
        left = Math.min(left, c);
        right = Math.max(right, c);
      }),
    );
    if (bottom < 0) {
      options.onProgress?.(0, 0);
      return { name, originRow: 0, originColumn: 0, values: [], merges: [] };
    }
    const values: Grid = [];
    for (let r = top; r <= bottom; r++) {
      const row = sheet.cells[r] ?? [];
      const out: CellValue[] = [];
      for (let c = left; c <= right; c++) out.push(row[c] ?? "");
      values.push(out);
    }
    options.onProgress?.(values.length, values.length);
    const merges = sheet.merges.map((m) => rectAddress(m.row, m.column, m.rows, m.columns));
    return { name, originRow: top, originColumn: left, values, merges };
  }

  async writeSheets(specs: SheetSpec[]): Promise<WriteResult> {
    const plan = planWrite(this.sheetList, specs);
    const before = this.sheetList;
    // Build on a copy of the list: a failure part-way simply drops the copy.
    const next = before.filter((sheet) => !plan.replaced.includes(sheet.name));
    try {
      for (const { spec, name } of plan.sheets) next.push(this.render(spec, name));
    } catch (error) {
      throw new Error(`生成工作表失败，已撤销 / Writing the generated sheets failed and was undone: ${(error as Error).message}`, {
        cause: error,
      });
    }
    this.sheetList = next;
    this.notify("sheets");
    return { written: plan.sheets.map((s) => s.name), replaced: plan.replaced };
  }

  private render(spec: SheetSpec, name: string): MemorySheet {
    const sheet: MemorySheet = {
      name,
      ownerKey: spec.ownerKey,
      cells: [],
      merges: [],
      styles: [],
      columnWidths: [...(spec.columnWidths ?? [])],
      hiddenColumns: [],
      freeze: spec.freeze,
      page: spec.page,
      rowBreaks: [...(spec.rowBreaks ?? [])],
      charts: [...(spec.charts ?? [])],
      links: [...(spec.links ?? [])],
    };
    const put = (row: number, column: number, values: readonly (readonly CellValue[])[]) => {
      values.forEach((line, r) => {
        const target = (sheet.cells[row + r] ??= []);
        line.forEach((value, c) => (target[column + c] = value ?? ""));
      });
    };
    for (const block of spec.blocks) {
      put(block.row, block.column, block.values);
      const columns = block.values.reduce((max, line) => Math.max(max, line.length), 0);
      if (block.style) sheet.styles.push({ row: block.row, column: block.column, rows: block.values.length, columns, style: block.style });
    }
    for (const merge of spec.merges ?? []) {
      if (sheet.merges.some((m) => overlaps(m, merge))) {
        throw new Error(`合并区域重叠 / Merged ranges overlap at ${cellAddress(merge.row, merge.column)}`);
      }
      sheet.merges.push(merge);
    }
    for (const data of placeChartData(spec)) {
      put(data.row, data.column, data.values);
      sheet.hiddenColumns.push(chartDataColumns(data));
    }
    return sheet;
  }

  async getSetting(key: string): Promise<string | undefined> {
    return this.settings.get(key);
  }

  async setSetting(key: string, value: string): Promise<void> {
    this.settings.set(key, value);
    this.notify("settings");
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    this.sheet(sheet);
    if (!parseCellAddress(cell)) throw new Error(`不是单元格地址 / Not a cell address: "${cell}"`);
    this.selected = { sheet, cell: cell.replace(/\$/g, "").toUpperCase() };
    this.notify("selection");
  }

  async highlight(targets: HighlightTarget[]): Promise<void> {
    this.highlightList = [...this.highlightList, ...targets];
    this.notify("highlights");
  }

  async clearHighlights(): Promise<void> {
    this.highlightList = [];
    this.notify("highlights");
  }

  async addInputRules(rules: InputRule[]): Promise<string[]> {
    const added: InputRule[] = [];
    for (const rule of rules) {
      this.sheet(rule.sheet);
      if (!parseRange(rule.range)) throw new Error(`不是区域地址 / Not a range address: "${rule.range}"`);
      const target = parseRange(rule.range)!;
      const clash = this.ruleList.some((r) => r.sheet === rule.sheet && overlaps(parseRange(r.range)!, target));
      if (!clash) added.push(rule);
    }
    this.ruleList = [...this.ruleList, ...added];
    this.notify("input-rules");
    return added.map((rule) => `${rule.sheet}!${rule.range}`);
  }

  async removeInputRules(): Promise<void> {
    this.ruleList = [];
    this.notify("input-rules");
  }
}
