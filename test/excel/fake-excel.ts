/**
 * A workbook behind office-addin-mock objects, for testing the Office.js port and for the
 * round-trip benchmark. office-addin-mock gives the load/sync discipline (a property read
 * before `load` + `sync` is an error string, not the value); this file adds what the mock
 * lacks: collections, ranges over a real grid, queued failures, and Excel's own habits that
 * matter here:
 *   - a string starting with =, +, - or @ written to a cell not formatted as text becomes a formula;
 *   - a request or a response over 5 MB fails the sync, as on Excel on the web;
 *   - once an operation fails, the rest of its batch is skipped and `sync` throws.
 * It counts every `context.sync()` and measures each round trip's request and response bytes
 * (JSON of the values, formats and properties sent or loaded).
 */
import { OfficeMockObject } from "office-addin-mock";
import { cellAddress, columnLetters, parseCellAddress, type CellValue } from "../../src/engine/cells";
import type { SettingsStore } from "../../src/excel/office-workbook";

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

export interface Rect {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export interface FakeConditionalFormat {
  type: string;
  ranges: string;
  formula: () => unknown;
  fill: () => unknown;
}

export interface FakeSheet {
  id: string;
  name: string;
  visibility: string;
  values: CellValue[][];
  numberFormats: string[][];
  /** Cells Excel took as formulas, by address. */
  formulas: Map<string, string>;
  merges: Rect[];
  conditionalFormats: FakeConditionalFormat[];
  validations: Map<string, { rule?: unknown; errorAlert?: unknown }>;
  /** Every other property the port set, as "address|path" → value (formats, page layout, widths). */
  properties: Map<string, unknown>;
  charts: { type: string; source: string; mock: OfficeMockObject }[];
  /** Manual horizontal page breaks, as the A1 address of the first cell after each. */
  pageBreaks: string[];
  frozen?: string;
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
}

export interface FakeOp {
  kind: string;
  sheet?: string;
  address?: string;
}

function parseRect(address: string): Rect {
  const local = address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "");
  const [a, b = a] = local.split(":");
  if (/^[A-Z]+$/i.test(a)) {
    const start = parseCellAddress(`${a}1`)!.column;
    const end = parseCellAddress(`${b}1`)!.column;
    return { row: 0, column: start, rows: MAX_ROWS, columns: end - start + 1 };
  }
  const start = parseCellAddress(a);
  const end = parseCellAddress(b);
  if (!start || !end) throw Object.assign(new Error(`InvalidArgument: bad address ${address}`), { code: "InvalidArgument" });
  return { row: start.row, column: start.column, rows: end.row - start.row + 1, columns: end.column - start.column + 1 };
}

function rectText(rect: Rect): string {
  const start = cellAddress(rect.row, rect.column);
  if (rect.rows === 1 && rect.columns === 1) return start;
  if (rect.rows === MAX_ROWS) return `${columnLetters(rect.column)}:${columnLetters(rect.column + rect.columns - 1)}`;
  return `${start}:${cellAddress(rect.row + rect.rows - 1, rect.column + rect.columns - 1)}`;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.column < b.column + b.columns && b.column < a.column + a.columns;
}

function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? "", "utf8");
}

/** The settings part of Office.context.document, kept in a map. */
export class FakeSettings implements SettingsStore {
  readonly values = new Map<string, unknown>();
  saves = 0;
  get(name: string): unknown {
    return this.values.has(name) ? structuredClone(this.values.get(name)) : null;
  }
  set(name: string, value: unknown): void {
    this.values.set(name, structuredClone(value));
  }
  remove(name: string): void {
    this.values.delete(name);
  }
  saveAsync(callback?: (result: Office.AsyncResult<void>) => void): void {
    this.saves++;
    callback?.({ status: "succeeded" } as unknown as Office.AsyncResult<void>);
  }
}

export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  readonly settings = new FakeSettings();
  readonly syncs: SyncRecord[] = [];
  selection?: { sheet: string; cell: string };
  activeSheet?: string;
  calculationSuspensions = 0;
  /** Makes the matching operation fail, as Excel would reject it at sync. */
  failWhen?: (op: FakeOp) => boolean;

  private nextId = 1;
  private pending: OfficeMockObject[] = [];
  private batchError: Error | undefined;
  private request = 0;
  private response = 0;

  /** `Excel.run` for this workbook. */
  readonly run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    this.pending = [];
    this.batchError = undefined;
    this.request = 0;
    this.response = 0;
    return batch(this.context() as unknown as Excel.RequestContext);
  };

  addSheet(name: string, values: CellValue[][] = []): FakeSheet {
    const sheet: FakeSheet = {
      id: `{sheet-${this.nextId++}}`,
      name,
      visibility: "Visible",
      values: values.map((row) => [...row]),
      numberFormats: [],
      formulas: new Map(),
      merges: [],
      conditionalFormats: [],
      validations: new Map(),
      properties: new Map(),
      charts: [],
      pageBreaks: [],
    };
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): FakeSheet {
    const sheet = this.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return sheet;
  }

  get syncCount(): number {
    return this.syncs.length;
  }
  get maxRequestBytes(): number {
    return Math.max(0, ...this.syncs.map((s) => s.requestBytes));
  }
  get maxResponseBytes(): number {
    return Math.max(0, ...this.syncs.map((s) => s.responseBytes));
  }
  resetStats(): void {
    this.syncs.length = 0;
  }

  /** Runs one operation of the batch, unless an earlier one failed. */
  private op(op: FakeOp, apply: () => void): void {
    if (this.batchError) return;
    try {
      if (this.failWhen?.(op)) throw Object.assign(new Error(`GeneralException: ${op.kind} failed`), { code: "GeneralException" });
      apply();
    } catch (error) {
      this.batchError = error as Error;
    }
  }

  private async sync(): Promise<void> {
    const record = { requestBytes: this.request, responseBytes: this.response };
    this.syncs.push(record);
    // Objects of earlier round trips can load again, so every object of the run is synced.
    const pending = this.pending;
    const error =
      this.batchError ??
      (record.requestBytes > PAYLOAD_LIMIT
        ? Object.assign(new Error("RequestPayloadSizeLimitExceeded"), { code: "RequestPayloadSizeLimitExceeded" })
        : record.responseBytes > PAYLOAD_LIMIT
          ? Object.assign(new Error("ResponsePayloadSizeLimitExceeded"), { code: "ResponsePayloadSizeLimitExceeded" })
          : undefined);
    this.batchError = undefined;
    this.request = 0;
    this.response = 0;
    if (error) throw error;
    for (const mock of pending) await mock.sync();
  }

  /**
   * An office-addin-mock object whose property writes are applied to the workbook (through
   * `onSet`, with the dotted path of the property) and whose `load` of a lazily computed
   * property (`values`) takes a snapshot first and counts its bytes.
   */
  private mock(
    data: Record<string, unknown>,
    onSet?: (path: string, value: unknown) => void,
    lazy: Record<string, () => unknown> = {},
    /** Members handed out as they are: collections and helpers the mock cannot model. */
    plain: Record<string, unknown> = {},
  ): any {
    const target = new OfficeMockObject(data as never);
    this.pending.push(target);
    const wrappers = new WeakMap<object, unknown>();
    const wrap = (object: any, prefix: string): any => {
      if (wrappers.has(object)) return wrappers.get(object);
      const proxy = new Proxy(object, {
        get: (t, key) => {
          if (key === "load" && prefix === "") {
            return (props: string) => {
              const names = String(props).split(",").map((p) => p.trim());
              for (const name of names) {
                const snapshot = lazy[name]?.();
                if (lazy[name]) (t as any).setValue(name, snapshot);
                this.response += lazy[name] ? jsonBytes(snapshot) : 16;
              }
              return t.load(props);
            };
          }
          if (prefix === "" && typeof key === "string" && key in plain) return plain[key];
          const value = Reflect.get(t, key);
          if (typeof value === "function") return value.bind(t);
          if (value instanceof OfficeMockObject) return wrap(value, `${prefix}${String(key)}.`);
          return value;
        },
        set: (t, key, value) => {
          Reflect.set(t, key, value);
          this.request += jsonBytes(value);
          onSet?.(`${prefix}${String(key)}`, value);
          return true;
        },
      });
      wrappers.set(object, proxy);
      return proxy;
    };
    return wrap(target, "");
  }

  private context(): unknown {
    const workbook = {
      worksheets: this.worksheetsMock(),
      application: { suspendApiCalculationUntilNextSync: () => void this.calculationSuspensions++ },
    };
    return { workbook, sync: () => this.sync() };
  }

  private worksheetsMock(): unknown {
    const find = (key: string) => this.sheets.find((s) => s.name === key || s.id === key);
    const collection = {
      items: [] as unknown[],
      load: (props: string) => {
        const rest = String(props)
          .split(",")
          .map((p) => p.trim().replace(/^items\//, ""))
          .join(",");
        collection.items = this.sheets.map((sheet) => {
          const ws = this.worksheetMock(sheet);
          ws.load(rest);
          return ws;
        });
        this.response += jsonBytes(this.sheets.map((s) => [s.name, s.id]));
      },
      getItem: (key: string) => {
        const sheet = find(key);
        if (!sheet) {
          this.op({ kind: "getItem", sheet: key }, () => {
            throw Object.assign(new Error(`ItemNotFound: ${key}`), { code: "ItemNotFound" });
          });
          return this.worksheetMock(this.detached(key));
        }
        return this.worksheetMock(sheet);
      },
      add: (name: string) => {
        const sheet = this.detached(name);
        this.op({ kind: "add", sheet: name }, () => {
          if (find(name) || this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
            throw Object.assign(new Error(`ItemAlreadyExists: ${name}`), { code: "ItemAlreadyExists" });
          }
          this.sheets.push(sheet);
        });
        return this.worksheetMock(sheet);
      },
    };
    return collection;
  }

  /** A sheet object not (yet) in the workbook: what `add` creates before it is applied. */
  private detached(name: string): FakeSheet {
    return {
      id: `{sheet-${this.nextId++}}`,
      name,
      visibility: "Visible",
      values: [],
      numberFormats: [],
      formulas: new Map(),
      merges: [],
      conditionalFormats: [],
      validations: new Map(),
      properties: new Map(),
      charts: [],
      pageBreaks: [],
    };
  }

  private worksheetMock(sheet: FakeSheet): any {
    const set = (path: string, value: unknown) =>
      this.op({ kind: `set:${path}`, sheet: sheet.name }, () => {
        if (path === "name") {
          if (this.sheets.some((s) => s !== sheet && s.name.toLowerCase() === String(value).toLowerCase())) {
            throw Object.assign(new Error(`ItemAlreadyExists: ${value}`), { code: "ItemAlreadyExists" });
          }
          sheet.name = String(value);
        } else if (path === "position") {
          const from = this.sheets.indexOf(sheet);
          this.sheets.splice(from, 1);
          this.sheets.splice(Math.min(Number(value), this.sheets.length), 0, sheet);
        } else if (path === "visibility") sheet.visibility = String(value);
        else sheet.properties.set(`sheet|${path}`, value);
      });
    return this.mock(
      {
        name: sheet.name,
        id: sheet.id,
        position: Math.max(0, this.sheets.indexOf(sheet)),
        visibility: sheet.visibility,
        delete: () =>
          this.op({ kind: "delete", sheet: sheet.name }, () => {
            if (this.sheets.filter((s) => s.visibility === "Visible").length <= 1 && sheet.visibility === "Visible") {
              throw Object.assign(new Error("InvalidOperation: cannot delete the last visible sheet"), { code: "InvalidOperation" });
            }
            this.sheets.splice(this.sheets.indexOf(sheet), 1);
          }),
        activate: () => this.op({ kind: "activate", sheet: sheet.name }, () => (this.activeSheet = sheet.name)),
        getRange: (address?: string) => this.rangeMock(sheet, address ? parseRect(address) : { row: 0, column: 0, rows: MAX_ROWS, columns: MAX_COLUMNS }),
        getRanges: (addresses: string) => this.rangeAreasMock(sheet, addresses),
        getUsedRange: () => this.rangeMock(sheet, this.usedRect(sheet)),
        freezePanes: {
          freezeAt: (range: { address: string } | string) =>
            this.op({ kind: "freeze", sheet: sheet.name }, () => (sheet.frozen = typeof range === "string" ? range : `at`)),
          freezeRows: (n: number) => this.op({ kind: "freeze", sheet: sheet.name }, () => (sheet.frozen = `rows:${n}`)),
          freezeColumns: (n: number) => this.op({ kind: "freeze", sheet: sheet.name }, () => (sheet.frozen = `columns:${n}`)),
        },
        pageLayout: {
          orientation: "Portrait",
          paperSize: "Letter",
          zoom: {},
          setPrintTitleRows: (rows: string) => this.op({ kind: "page", sheet: sheet.name }, () => sheet.properties.set("page|printTitleRows", rows)),
        },
        horizontalPageBreaks: {
          add: (range: string) => this.op({ kind: "page", sheet: sheet.name, address: range }, () => sheet.pageBreaks.push(range)),
        },
        charts: {
          add: (type: string, source: { __rect?: Rect }, _seriesBy: string) => {
            const chart = this.mock({
              title: { text: "" },
              plotVisibleOnly: true,
              setPosition: (start: string) => chart.__position.push(start),
            });
            chart.__position = [];
            this.op({ kind: "chart", sheet: sheet.name }, () => sheet.charts.push({ type, source: rectText(source.__rect!), mock: chart }));
            return chart;
          },
        },
      },
      set,
    );
  }

  private usedRect(sheet: FakeSheet): Rect {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    sheet.values.forEach((row, r) =>
      row?.forEach((value, c) => {
        if (value === "" || value === null || value === undefined) return;
        top = Math.min(top, r);
        bottom = Math.max(bottom, r);
        left = Math.min(left, c);
        right = Math.max(right, c);
      }),
    );
    return bottom < 0 ? { row: 0, column: 0, rows: 1, columns: 1 } : { row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 };
  }

  private readValues(sheet: FakeSheet, rect: Rect): CellValue[][] {
    const out: CellValue[][] = [];
    for (let r = 0; r < rect.rows; r++) {
      const row = sheet.values[rect.row + r] ?? [];
      const line: CellValue[] = [];
      for (let c = 0; c < rect.columns; c++) line.push(row[rect.column + c] ?? "");
      out.push(line);
    }
    return out;
  }

  /** Writes values the way Excel takes typed input: text-formatted cells keep strings as they are. */
  private writeValues(sheet: FakeSheet, rect: Rect, values: CellValue[][]): void {
    if (values.length !== rect.rows || values.some((row) => row.length !== rect.columns)) {
      throw Object.assign(new Error("InvalidArgument: values do not match the range size"), { code: "InvalidArgument" });
    }
    values.forEach((line, r) => {
      const row = (sheet.values[rect.row + r] ??= []);
      line.forEach((value, c) => {
        const address = cellAddress(rect.row + r, rect.column + c);
        const format = sheet.numberFormats[rect.row + r]?.[rect.column + c] ?? "General";
        sheet.formulas.delete(address);
        if (value === null) throw Object.assign(new Error("InvalidArgument: null in values"), { code: "InvalidArgument" });
        if (typeof value === "string" && format !== "@" && value.trim() !== "" && Number.isFinite(Number(value))) {
          row[rect.column + c] = Number(value);
        } else if (typeof value === "string" && format !== "@" && /^[=+\-@]./.test(value)) {
          sheet.formulas.set(address, value);
          row[rect.column + c] = "#NAME?";
        } else row[rect.column + c] = value;
      });
    });
  }

  private writeFormats(sheet: FakeSheet, rect: Rect, formats: string[][] | string): void {
    for (let r = 0; r < rect.rows; r++) {
      const row = (sheet.numberFormats[rect.row + r] ??= []);
      for (let c = 0; c < rect.columns; c++) row[rect.column + c] = typeof formats === "string" ? formats : formats[r][c];
    }
  }

  private rangeMock(sheet: FakeSheet, rect: Rect): any {
    const address = rectText(rect);
    const set = (path: string, value: unknown) =>
      this.op({ kind: path, sheet: sheet.name, address }, () => {
        if (path === "values") this.writeValues(sheet, rect, value as CellValue[][]);
        else if (path === "numberFormat") this.writeFormats(sheet, rect, value as string[][]);
        else sheet.properties.set(`${address}|${path}`, value);
      });
    const range = this.mock(
      {
        address: `${sheet.name}!${address}`,
        rowCount: rect.rows,
        columnCount: rect.columns,
        format: {
          font: { bold: false, size: 11 },
          fill: { color: "" },
          columnWidth: 48,
          horizontalAlignment: "General",
          verticalAlignment: "Bottom",
          wrapText: false,
          borders: { getItem: (edge: string) => this.mock({ style: "None" }, (_p, v) => sheet.properties.set(`${address}|border.${edge}`, v)) },
        },
        getRow: (i: number) => this.rangeMock(sheet, { ...rect, row: rect.row + i, rows: 1 }),
        getResizedRange: (dr: number, dc: number) =>
          this.rangeMock(sheet, { ...rect, rows: rect.rows + dr, columns: rect.columns + dc }),
        getMergedAreasOrNullObject: () => {
          const inside = sheet.merges.filter((m) => overlaps(m, rect));
          // Office fills isNullObject at sync without a load.
          return this.mock({ address: inside.map((m) => `${sheet.name}!${rectText(m)}`).join(",") }, undefined, {}, { isNullObject: inside.length === 0 });
        },
        merge: () =>
          this.op({ kind: "merge", sheet: sheet.name, address }, () => {
            if (sheet.merges.some((m) => overlaps(m, rect))) {
              throw Object.assign(new Error(`InvalidOperation: ${address} overlaps a merged area`), { code: "InvalidOperation" });
            }
            sheet.merges.push(rect);
          }),
        select: () => this.op({ kind: "select", sheet: sheet.name, address }, () => (this.selection = { sheet: sheet.name, cell: address })),
      },
      set,
      { values: () => this.readValues(sheet, rect) },
      {
        __rect: rect,
        conditionalFormats: this.conditionalFormatsMock(sheet, rect, address),
        dataValidation: this.mock(
          { type: sheet.validations.has(address) ? "List" : "None", clear: () => this.op({ kind: "validation", sheet: sheet.name }, () => sheet.validations.delete(address)) },
          (path, value) => this.op({ kind: "validation", sheet: sheet.name }, () => {
            const entry = sheet.validations.get(address) ?? {};
            (entry as Record<string, unknown>)[path] = value;
            sheet.validations.set(address, entry);
          }),
        ),
      },

    );
    return range;
  }

  private rangeAreasMock(sheet: FakeSheet, addresses: string): any {
    return this.mock({ address: addresses }, undefined, {}, { conditionalFormats: this.conditionalFormatsMock(sheet, null, addresses) });
  }

  private conditionalFormatsMock(sheet: FakeSheet, rect: Rect | null, address: string): unknown {
    const collection = {
      items: [] as unknown[],
      add: (type: string) => {
        const format = this.mock({ type, custom: { rule: { formula: "" }, format: { fill: { color: "" } } } });
        this.op({ kind: "conditionalFormat", sheet: sheet.name, address }, () =>
          sheet.conditionalFormats.push({ type, ranges: address, formula: () => format.custom.rule.formula, fill: () => format.custom.format.fill.color }),
        );
        return format;
      },
      load: () => {
        const inside = sheet.conditionalFormats.filter(
          (cf) => rect === null || cf.ranges.split(",").some((a) => overlaps(parseRect(a), rect)),
        );
        collection.items = inside.map((cf) => {
          const item = this.mock({
            type: cf.type,
            custom: { rule: { formula: cf.formula() } },
            delete: () =>
              this.op({ kind: "deleteConditionalFormat", sheet: sheet.name }, () =>
                sheet.conditionalFormats.splice(sheet.conditionalFormats.indexOf(cf), 1),
              ),
          });
          item.load("type");
          return item;
        });
      },
    };
    return collection;
  }
}
