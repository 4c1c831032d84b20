/**
 * The workbook port on Office.js, for the add-in.
 *
 * Round trips are the cost that matters (every `context.sync()` crosses to Excel, and Excel on
 * the web caps a request or a response at 5 MB), so each action uses a fixed number of syncs:
 *   listSheets 1 · readSheet 1 + one per extra row chunk · writeSheets 3 · selectCell 1 ·
 *   highlight 2 · clearHighlights 4 · addInputRules 2 (+3 when a list needs its own sheet) ·
 *   removeInputRules 2.
 * Only data larger than the payload budget adds syncs: a read is taken in row chunks sized from
 * the bytes of the rows already seen, and a write larger than the budget is sent in pieces.
 *
 * Requirement sets: ExcelApi 1.9 for everything here (page layout and `getRanges`), with
 * 1.13 used when present to report merged areas. Ownership needs only ExcelApi 1.1 (sheet ids)
 * and the common `Settings` API: the ids of generated sheets are kept in the document's
 * settings, so a sheet the user copies or creates is never taken for one of ours, and a
 * renamed generated sheet is still recognised.
 */
import type { CellValue, Grid } from "../engine/cells";
import type { CellBlock, CellStyle, SheetSpec, SpecValue } from "../engine/layout/sheet-spec";
import {
  FILL_COLOURS,
  HIGHLIGHT_COLOURS,
  PORT_SETTING_KEYS,
  blockNumberFormats,
  chartDataColumns,
  estimateBytes,
  parkingName,
  placeChartData,
  planWrite,
  quoteSheetName,
  rectAddress,
} from "../port/plan";
import { columnLetters } from "../engine/cells";
import { charactersToPoints } from "../engine/layout/pagination";
import type {
  HighlightTarget,
  InputRule,
  ReadOptions,
  SheetData,
  SheetInfo,
  WorkbookPort,
  WriteResult,
} from "../port/workbook-port";

/** `Excel.run`, or anything with its shape (tests pass a mock). */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The part of `Office.context.document.settings` the port uses. */
export interface SettingsStore {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback?: (result: Office.AsyncResult<void>) => void): void;
}

export interface OfficeWorkbookOptions {
  /** Where settings and the port's bookkeeping live. @default Office.context.document.settings */
  settings?: SettingsStore;
  /** The most bytes one request or response may carry; kept under Excel on the web's 5 MB. @default 4_000_000 */
  payloadBudget?: number;
  /** Whether an ExcelApi requirement set is available. @default Office.context.requirements.isSetSupported */
  supports?: (version: string) => boolean;
}

/** Rows read in the first round trip; their size sets the size of later chunks. */
const SAMPLE_ROWS = 200;
/** Later rows may be longer than the sample's; leave this much room. */
const ROW_SIZE_HEADROOM = 1.25;
/** A custom rule that is always true and names its owner, so `clearHighlights` finds exactly ours. */
export const HIGHLIGHT_RULE = '=N("league-highlight")=0';
/** Owner key of the hidden sheet that holds long dropdown lists. */
const LIST_SHEET_OWNER = "league:input-lists";
/** An inline list source is limited to 255 characters by Excel. */
const MAX_INLINE_LIST = 255;

type OwnedRegistry = Record<string, string>;
interface HighlightRecord {
  sheetIds: string[];
}
interface InputRuleRecord {
  rules: { sheetId: string; range: string }[];
}

/** "Sheet1!B3:H9" or "'My sheet'!B3" → the part after the sheet name. */
function localAddress(address: string): string {
  return address.slice(address.lastIndexOf("!") + 1);
}

function parseTopLeft(address: string): { row: number; column: number } {
  const match = /^\$?([A-Z]+)\$?(\d+)/.exec(localAddress(address));
  if (!match) return { row: 0, column: 0 };
  let column = 0;
  for (const ch of match[1]) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(match[2]) - 1, column: column - 1 };
}

function rowBytes(row: readonly unknown[]): number {
  return estimateBytes(row);
}

function isPayloadLimitError(error: unknown): boolean {
  const text = `${(error as { code?: string })?.code ?? ""} ${(error as Error)?.message ?? ""}`;
  return /PayloadSizeLimitExceeded|payload size/i.test(text);
}

/** Rows padded to one width, blanks as "" (Office rejects null in a values array). */
function rectangular(values: readonly SpecValue[][]): SpecValue[][] {
  const width = values.reduce((max, row) => Math.max(max, row.length), 0);
  return values.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ""));
}

export class OfficeWorkbook implements WorkbookPort {
  private readonly budget: number;

  constructor(
    private readonly run: ExcelRun,
    private readonly options: OfficeWorkbookOptions = {},
  ) {
    this.budget = options.payloadBudget ?? 4_000_000;
  }

  private get settings(): SettingsStore {
    return this.options.settings ?? Office.context.document.settings;
  }

  private supports(version: string): boolean {
    if (this.options.supports) return this.options.supports(version);
    return typeof Office !== "undefined" && Office.context.requirements.isSetSupported("ExcelApi", version);
  }

  private record<T>(key: string, fallback: T): T {
    const value = this.settings.get(key);
    return value === null || value === undefined ? fallback : (value as T);
  }

  private save(): Promise<void> {
    return new Promise((resolve, reject) =>
      this.settings.saveAsync((result) =>
        result && String(result.status) === "failed" ? reject(result.error) : resolve(),
      ),
    );
  }

  async listSheets(): Promise<SheetInfo[]> {
    const owned = this.record<OwnedRegistry>(PORT_SETTING_KEYS.owned, {});
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name,items/id");
      await context.sync();
      return sheets.items.map((ws) => (owned[ws.id] ? { name: ws.name, ownerKey: owned[ws.id] } : { name: ws.name }));
    });
  }

  async readSheet(name: string, options: ReadOptions = {}): Promise<SheetData> {
    return this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(name);
      const used = ws.getUsedRange(true);
      used.load("address,rowCount,columnCount");
      // The first rows come in the same round trip, and tell how big a row is.
      const sample = used.getRow(0).getResizedRange(SAMPLE_ROWS - 1, 0);
      sample.load("values");
      const merged = this.supports("1.13") ? used.getMergedAreasOrNullObject() : undefined;
      merged?.load("address");
      await context.sync();

      const origin = parseTopLeft(used.address);
      const total = used.rowCount;
      const columns = used.columnCount;
      const values: Grid = (sample.values as CellValue[][]).slice(0, total);
      const blank = total === 1 && columns === 1 && (values[0]?.[0] === "" || values[0]?.[0] === null);
      // RangeAreas.address lists each area with its sheet: "Sheet1!A1:D1, Sheet1!A3:A4".
      const merges = merged && !merged.isNullObject ? merged.address.split(",").map((area) => localAddress(area.trim())) : [];
      if (blank) {
        options.onProgress?.(0, 0);
        return { name, originRow: 0, originColumn: 0, values: [], merges: [] };
      }
      // Chunks are sized from the average row so far: sizing from the longest row made chunks a
      // third of the budget and tripled the syncs. A chunk that still overflows is retried smaller.
      let bytesRead = values.reduce((sum, row) => sum + rowBytes(row), 0);
      let shrink = 1;
      const perRow = () => Math.max(1, bytesRead / Math.max(1, values.length)) * ROW_SIZE_HEADROOM * shrink;
      options.onProgress?.(values.length, total);

      while (values.length < total) {
        options.signal?.throwIfAborted();
        const rows = Math.max(1, Math.min(total - values.length, Math.floor(this.budget / perRow())));
        const chunk = ws.getRange(rectAddress(origin.row + values.length, origin.column, rows, columns));
        chunk.load("values");
        try {
          await context.sync();
        } catch (error) {
          // A chunk with unusually long rows: halve the estimate's reach and try again.
          if (!isPayloadLimitError(error) || rows === 1) throw error;
          shrink *= 2;
          continue;
        }
        for (const row of chunk.values as CellValue[][]) {
          values.push(row);
          bytesRead += rowBytes(row);
        }
        options.onProgress?.(values.length, total);
      }
      return { name, originRow: origin.row, originColumn: origin.column, values, merges };
    });
  }

  async writeSheets(specs: SheetSpec[]): Promise<WriteResult> {
    const owned = { ...this.record<OwnedRegistry>(PORT_SETTING_KEYS.owned, {}) };
    let plannedNames: string[] = [];
    let parked: { name: string; original: string }[] = [];
    try {
      const result = await this.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name,items/id,items/position");
        await context.sync();

        const existing = sheets.items.map((ws) => ({ name: ws.name, id: ws.id, position: ws.position, ownerKey: owned[ws.id] }));
        const plan = planWrite(existing, specs);
        plannedNames = plan.sheets.map((s) => s.name);
        const taken = [...existing.map((s) => s.name), ...plannedNames];
        const writer = new BatchWriter(context, this.budget);

        // Park the sheets being replaced under spare names, so the new ones can take their names
        // and the old ones survive until the new ones are safely written.
        const replacedSheets = existing.filter((s) => plan.replaced.includes(s.name));
        parked = replacedSheets.map((s, i) => {
          const spare = parkingName(i, taken);
          taken.push(spare);
          sheets.getItem(s.id).name = spare;
          return { name: spare, original: s.name };
        });

        const created: Excel.Worksheet[] = [];
        for (const { spec, name } of plan.sheets) {
          const ws = sheets.add(name);
          const old = replacedSheets.find((s) => s.ownerKey === spec.ownerKey);
          if (old) ws.position = old.position;
          ws.load("id");
          created.push(ws);
          await this.render(ws, spec, writer);
        }
        await writer.flush();

        for (const ws of created) owned[ws.id] = plan.sheets[created.indexOf(ws)].spec.ownerKey;
        for (const old of replacedSheets) {
          sheets.getItem(old.id).delete();
          delete owned[old.id];
        }
        await context.sync();
        return { written: plannedNames, replaced: plan.replaced };
      });
      this.settings.set(PORT_SETTING_KEYS.owned, owned);
      await this.save();
      return result;
    } catch (error) {
      await this.rollback(plannedNames, parked);
      throw new Error(
        `生成工作表失败，已撤销已写入的内容 / Writing the generated sheets failed; what was written has been removed: ${(error as Error).message}`,
        { cause: error },
      );
    }
  }

  /** Removes the sheets a failed write added and gives parked sheets their names back. */
  private async rollback(plannedNames: string[], parked: { name: string; original: string }[]): Promise<void> {
    if (plannedNames.length === 0 && parked.length === 0) return;
    await this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      const present = new Set(sheets.items.map((ws) => ws.name));
      // Planned names were free before the write, so a sheet holding one now is ours.
      for (const name of plannedNames) if (present.has(name)) sheets.getItem(name).delete();
      for (const { name, original } of parked) if (present.has(name)) sheets.getItem(name).name = original;
      await context.sync();
    });
  }

  private async render(ws: Excel.Worksheet, spec: SheetSpec, writer: BatchWriter): Promise<void> {
    for (const block of spec.blocks) await writer.block(ws, block);
    for (const merge of spec.merges ?? []) ws.getRange(rectAddress(merge.row, merge.column, merge.rows, merge.columns)).merge(false);
    spec.columnWidths?.forEach((width, column) => {
      const letters = columnLetters(column);
      ws.getRange(`${letters}:${letters}`).format.columnWidth = charactersToPoints(width);
    });
    if (spec.freeze && (spec.freeze.rows > 0 || spec.freeze.columns > 0)) {
      const { rows, columns } = spec.freeze;
      if (rows > 0 && columns > 0) ws.freezePanes.freezeAt(ws.getRange(rectAddress(0, 0, rows, columns)));
      else if (rows > 0) ws.freezePanes.freezeRows(rows);
      else ws.freezePanes.freezeColumns(columns);
    }
    if (spec.page) {
      ws.pageLayout.orientation = spec.page.orientation === "portrait" ? "Portrait" : "Landscape";
      ws.pageLayout.paperSize = "A4";
      if (spec.page.fitToWidth) ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      const titles = spec.page.printTitleRows;
      if (titles) ws.pageLayout.setPrintTitleRows(`$${titles.first + 1}:$${titles.last + 1}`);
    }
    // Excel adds a break above the row given, which is the first row of the next page.
    for (const row of spec.rowBreaks ?? []) ws.horizontalPageBreaks.add(rectAddress(row + 1, 0, 1, 1));
    for (const data of placeChartData(spec)) {
      await writer.block(ws, { row: data.row, column: data.column, values: data.values });
      ws.getRange(chartDataColumns(data)).columnHidden = true;
      const source = ws.getRange(rectAddress(data.row, data.column, data.values.length, data.values[0].length));
      const chart = ws.charts.add("BarClustered", source, "Columns");
      chart.title.text = data.chart.title;
      // The data sits in hidden columns; charts skip hidden cells unless told otherwise.
      chart.plotVisibleOnly = false;
      chart.setPosition(rectAddress(data.chart.anchorRow, data.chart.anchorColumn, 1, 1));
    }
    for (const link of spec.links ?? []) {
      ws.getRange(rectAddress(link.row, link.column, 1, 1)).hyperlink = {
        documentReference: `${quoteSheetName(link.sheet)}!${link.cell}`,
      };
    }
  }

  async getSetting(key: string): Promise<string | undefined> {
    const value = this.settings.get(key);
    return typeof value === "string" ? value : undefined;
  }

  async setSetting(key: string, value: string): Promise<void> {
    this.settings.set(key, value);
    await this.save();
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await context.sync();
    });
  }

  async highlight(targets: HighlightTarget[]): Promise<void> {
    if (targets.length === 0) return;
    const record = this.record<HighlightRecord>(PORT_SETTING_KEYS.highlights, { sheetIds: [] });
    const sheetIds = new Set(record.sheetIds);
    await this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name,items/id");
      await context.sync();
      const byName = new Map(sheets.items.map((ws) => [ws.name, ws]));
      const groups = new Map<string, { ws: Excel.Worksheet; severity: HighlightTarget["severity"]; cells: string[] }>();
      for (const target of targets) {
        const ws = byName.get(target.sheet);
        if (!ws) continue;
        const key = `${target.sheet}\u0000${target.severity}`;
        const group = groups.get(key) ?? { ws, severity: target.severity, cells: [] };
        group.cells.push(target.cell);
        groups.set(key, group);
      }
      for (const { ws, severity, cells } of groups.values()) {
        sheetIds.add(ws.id);
        // One rule per run of addresses: a few rules cover thousands of cells.
        for (const addresses of joinAddresses(cells)) {
          const format = ws.getRanges(addresses).conditionalFormats.add("Custom");
          format.custom.rule.formula = HIGHLIGHT_RULE;
          format.custom.format.fill.color = HIGHLIGHT_COLOURS[severity];
        }
      }
      await context.sync();
    });
    this.settings.set(PORT_SETTING_KEYS.highlights, { sheetIds: [...sheetIds] } satisfies HighlightRecord);
    await this.save();
  }

  async clearHighlights(): Promise<void> {
    const record = this.record<HighlightRecord>(PORT_SETTING_KEYS.highlights, { sheetIds: [] });
    if (record.sheetIds.length === 0) return;
    await this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/id");
      await context.sync();
      const present = new Set(sheets.items.map((ws) => ws.id));
      const collections = record.sheetIds
        .filter((id) => present.has(id))
        .map((id) => sheets.getItem(id).getRange().conditionalFormats);
      for (const formats of collections) formats.load("items/type");
      await context.sync();
      // Only custom rules can be ours; read their formulas to find exactly those.
      const custom = collections.flatMap((formats) => formats.items.filter((format) => format.type === "Custom"));
      for (const format of custom) format.custom.rule.load("formula");
      await context.sync();
      for (const format of custom) if (format.custom.rule.formula === HIGHLIGHT_RULE) format.delete();
      await context.sync();
    });
    this.settings.remove(PORT_SETTING_KEYS.highlights);
    await this.save();
  }

  async addInputRules(rules: InputRule[]): Promise<string[]> {
    const record = this.record<InputRuleRecord>(PORT_SETTING_KEYS.inputRules, { rules: [] });
    const longLists = rules.filter((rule) => !fitsInline(rule.list));
    // Long lists go on one hidden sheet of the add-in's own, one column per rule.
    let listSheet: string | undefined;
    if (longLists.length > 0) {
      const columns = longLists.map((rule) => [rule.sheet + "!" + rule.range, ...rule.list]);
      const height = Math.max(...columns.map((c) => c.length));
      const values = Array.from({ length: height }, (_, r) => columns.map((c) => c[r] ?? ""));
      const { written } = await this.writeSheets([{ name: "下拉列表", ownerKey: LIST_SHEET_OWNER, blocks: [{ row: 0, column: 0, values }] }]);
      listSheet = written[0];
    }
    const added = await this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name,items/id");
      const checks = rules.map((rule) => {
        const validation = sheets.getItem(rule.sheet).getRange(rule.range).dataValidation;
        validation.load("type");
        return validation;
      });
      await context.sync();
      const ids = new Map(sheets.items.map((ws) => [ws.name, ws.id]));
      if (listSheet) sheets.getItem(listSheet).visibility = "Hidden";
      const done: string[] = [];
      rules.forEach((rule, i) => {
        // The user's own validation stays as it is.
        if (checks[i].type !== "None") return;
        const column = longLists.indexOf(rule);
        const source =
          column < 0
            ? rule.list.join(",")
            : `=${quoteSheetName(listSheet!)}!$${columnLetters(column)}$2:$${columnLetters(column)}$${rule.list.length + 1}`;
        checks[i].rule = { list: { inCellDropDown: true, source } };
        checks[i].errorAlert = {
          showAlert: true,
          style: "Warning",
          title: "不在列表中 / Not in the list",
          message: rule.message ?? "请从下拉列表中选择 / Please choose from the list",
        };
        record.rules.push({ sheetId: ids.get(rule.sheet)!, range: rule.range });
        done.push(`${rule.sheet}!${rule.range}`);
      });
      await context.sync();
      return done;
    });
    this.settings.set(PORT_SETTING_KEYS.inputRules, record);
    await this.save();
    return added;
  }

  async removeInputRules(): Promise<void> {
    const record = this.record<InputRuleRecord>(PORT_SETTING_KEYS.inputRules, { rules: [] });
    const owned = { ...this.record<OwnedRegistry>(PORT_SETTING_KEYS.owned, {}) };
    await this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/id");
      await context.sync();
      const present = new Set(sheets.items.map((ws) => ws.id));
      for (const rule of record.rules) if (present.has(rule.sheetId)) sheets.getItem(rule.sheetId).getRange(rule.range).dataValidation.clear();
      for (const [id, key] of Object.entries(owned)) {
        if (key !== LIST_SHEET_OWNER) continue;
        if (present.has(id)) sheets.getItem(id).delete();
        delete owned[id];
      }
      await context.sync();
    });
    this.settings.set(PORT_SETTING_KEYS.owned, owned);
    this.settings.remove(PORT_SETTING_KEYS.inputRules);
    await this.save();
  }
}

function fitsInline(list: readonly string[]): boolean {
  return list.join(",").length <= MAX_INLINE_LIST && list.every((item) => !item.includes(","));
}

/** Cell addresses joined into comma lists short enough for one `getRanges` call each. */
function joinAddresses(cells: readonly string[], maxLength = 2000): string[] {
  const lists: string[] = [];
  let current = "";
  for (const cell of cells) {
    if (current && current.length + cell.length + 1 > maxLength) {
      lists.push(current);
      current = "";
    }
    current = current ? `${current},${cell}` : cell;
  }
  if (current) lists.push(current);
  return lists;
}

/**
 * Queues block writes and syncs only when the queued payload would pass the budget, so a write
 * of any size is one round trip until it truly cannot be.
 */
class BatchWriter {
  private queued = 0;
  private suspended = false;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly budget: number,
  ) {}

  private suspendCalculation(): void {
    if (this.suspended) return;
    this.context.workbook.application.suspendApiCalculationUntilNextSync();
    this.suspended = true;
  }

  async block(ws: Excel.Worksheet, block: CellBlock): Promise<void> {
    const values = rectangular(block.values);
    if (values.length === 0 || values[0].length === 0) return;
    // Each row goes twice: its values and its number formats.
    const sizes = values.map((row) => rowBytes(row) + row.length * 10);
    let start = 0;
    while (start < values.length) {
      let end = start;
      let bytes = 0;
      while (end < values.length && (end === start || bytes + sizes[end] <= this.budget - this.queued)) bytes += sizes[end++];
      if (this.queued > 0 && bytes + this.queued > this.budget) {
        await this.flush();
        continue;
      }
      this.suspendCalculation();
      const rows = values.slice(start, end);
      const range = ws.getRange(rectAddress(block.row + start, block.column, rows.length, rows[0].length));
      // Text format first: then Excel stores every string as typed, never as a formula.
      range.numberFormat = blockNumberFormats(rows, block.style);
      range.values = rows as (string | number | boolean)[][];
      if (block.style) applyStyle(range, block.style, rows.length, rows[0].length);
      this.queued += bytes;
      start = end;
    }
  }

  async flush(): Promise<void> {
    await this.context.sync();
    this.queued = 0;
    this.suspended = false;
  }
}

function applyStyle(range: Excel.Range, style: CellStyle, rows: number, columns: number): void {
  const format = range.format;
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.size !== undefined) format.font.size = style.size;
  if (style.horizontal) format.horizontalAlignment = style.horizontal === "left" ? "Left" : style.horizontal === "center" ? "Center" : "Right";
  if (style.vertical) format.verticalAlignment = style.vertical === "top" ? "Top" : style.vertical === "middle" ? "Center" : "Bottom";
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  if (style.fill) format.fill.color = FILL_COLOURS[style.fill];
  if (style.border) {
    const edges: ("EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical")[] = [
      "EdgeTop",
      "EdgeBottom",
      "EdgeLeft",
      "EdgeRight",
    ];
    if (rows > 1) edges.push("InsideHorizontal");
    if (columns > 1) edges.push("InsideVertical");
    for (const edge of edges) format.borders.getItem(edge).style = "Continuous";
  }
}

