import { cellText, isBlank, type Grid } from "./cells";
import { compactKey } from "./text";

/**
 * Finding tables in sheets by their headers, the way staff lay them out: a header row
 * somewhere near the top, columns in any order, headers written many ways.
 */

export type Field =
  | "unit" | "date" | "type" | "title" | "length" | "body" | "adoptions" | "eventDate" | "violation"
  | "system" | "code" | "founded" | "reason" | "note";

/** Accepted headers per field. Matching ignores spaces, case and full/half width. */
export const FIELD_HEADERS: Record<Field, readonly string[]> = {
  unit: ["单位", "单位名称", "报送单位", "团组织", "基层团组织", "unit"],
  date: ["日期", "报送日期", "报送时间", "上报日期", "date"],
  type: ["类型", "信息类型", "信息种类", "类别", "type"],
  title: ["标题", "信息标题", "题目", "title"],
  length: ["字数", "length"],
  body: ["正文", "内容", "信息内容", "body"],
  adoptions: ["采用情况", "采用渠道", "录用情况", "采用", "adopted"],
  eventDate: ["活动日期", "事件日期"],
  violation: ["违规情况", "扣分原因"],
  system: ["系统", "所属系统", "分类", "system"],
  code: ["代码", "登录名", "简称代码", "code"],
  founded: ["成立日期", "成立时间", "founded"],
  reason: ["原因", "扣分原因", "违规情况", "reason"],
  note: ["备注", "说明", "note"],
};

export type TableKind = "register" | "roster" | "penalties";

interface TableShape {
  required: readonly Field[];
  optional: readonly Field[];
  /** A field whose presence means the table is something else. */
  excludes: readonly Field[];
}

export const TABLE_SHAPES: Record<TableKind, TableShape> = {
  register: {
    required: ["unit", "date", "type"],
    optional: ["title", "length", "body", "adoptions", "eventDate", "violation"],
    excludes: [],
  },
  roster: { required: ["unit", "system"], optional: ["code", "founded"], excludes: ["date", "type"] },
  penalties: { required: ["unit", "date", "reason"], optional: ["note"], excludes: ["type"] },
};

export type ColumnMap = Partial<Record<Field, number>>;

/**
 * A user's correction of a detected mapping: a column per field, or `null` for "this field has
 * no column here", so that a wrongly detected optional field can be removed. Required fields
 * cannot be removed: a `null` for one is ignored.
 */
export type ColumnOverride = Partial<Record<Field, number | null>>;

/** Where a table sits in a sheet's grid. Row indexes are into the grid, not the sheet. */
export interface TableMatch {
  kind: TableKind;
  sheet: string;
  headerRow: number;
  columns: ColumnMap;
  /** Grid rows holding data: headerRow + 1 up to the grid's end. */
  firstDataRow: number;
  endRow: number;
}

/** How far down a sheet to look for the header row: titles and notes sit above it. */
const HEADER_SEARCH_ROWS = 30;

const headerLookup: Map<string, Field[]> = (() => {
  const map = new Map<string, Field[]>();
  for (const [field, headers] of Object.entries(FIELD_HEADERS) as [Field, readonly string[]][]) {
    for (const header of headers) {
      const key = compactKey(header);
      map.set(key, [...(map.get(key) ?? []), field]);
    }
  }
  return map;
})();

/**
 * The fields a header cell may name. Notes in brackets are ignored: 字数（字） is 字数.
 * @example fieldsOfHeader("报送 日期") // ["date"]
 */
export function fieldsOfHeader(value: unknown): Field[] {
  if (typeof value !== "string") return [];
  // Asked of every row's unit cell (repeated-header check), so answers are kept per text.
  let fields = headerAnswers.get(value);
  if (!fields) {
    fields = headerLookup.get(compactKey(value).replace(/\(.*?\)|\*|:|：/g, "")) ?? [];
    if (headerAnswers.size >= 10_000) headerAnswers.clear();
    headerAnswers.set(value, fields);
  }
  return fields;
}

const headerAnswers = new Map<string, Field[]>();

/** Maps a candidate header row to columns for one table kind; the first column wins a field. */
export function mapHeaderRow(row: readonly unknown[], kind: TableKind): ColumnMap {
  const shape = TABLE_SHAPES[kind];
  const wanted = new Set<Field>([...shape.required, ...shape.optional, ...shape.excludes]);
  const columns: ColumnMap = {};
  row.forEach((cell, column) => {
    for (const field of fieldsOfHeader(cell)) {
      if (wanted.has(field) && columns[field] === undefined) {
        columns[field] = column;
        break;
      }
    }
  });
  return columns;
}

function fits(columns: ColumnMap, kind: TableKind): boolean {
  const shape = TABLE_SHAPES[kind];
  return shape.required.every((f) => columns[f] !== undefined) && shape.excludes.every((f) => columns[f] === undefined);
}

/**
 * Finds a table of the given kind in a grid, or null. `columns` overrides the detected mapping
 * (the task pane's dropdown corrections; `null` removes an optional field); `headerRow` pins
 * the header row.
 * @example
 * findTable("登记", [["单位", "日期", "类型", "标题"]], "register", { columns: { title: null } })?.columns
 * // { unit: 0, date: 1, type: 2 }
 */
export function findTable(
  sheet: string,
  grid: Grid,
  kind: TableKind,
  override?: { headerRow?: number; columns?: ColumnOverride },
): TableMatch | null {
  const limit = Math.min(grid.length, HEADER_SEARCH_ROWS);
  const candidates = override?.headerRow !== undefined ? [override.headerRow] : Array.from({ length: limit }, (_, i) => i);
  for (const headerRow of candidates) {
    const row = grid[headerRow];
    if (!row) continue;
    const detected = mapHeaderRow(row, kind);
    const shape = TABLE_SHAPES[kind];
    // Exclusion applies to what the headers say, before the user's corrections.
    if (!shape.excludes.every((f) => detected[f] === undefined)) continue;
    const columns = withOverride(stripExcluded(detected, kind), override?.columns, shape.required);
    if (!shape.required.every((f) => columns[f] !== undefined)) continue;
    return { kind, sheet, headerRow, columns, firstDataRow: headerRow + 1, endRow: grid.length };
  }
  return null;
}

/** The detected columns with the user's corrections laid over them. */
function withOverride(detected: ColumnMap, override: ColumnOverride | undefined, required: readonly Field[]): ColumnMap {
  const columns = { ...detected };
  for (const [field, column] of Object.entries(override ?? {}) as [Field, number | null | undefined][]) {
    if (column === undefined) continue;
    if (column !== null) columns[field] = column;
    else if (!required.includes(field)) delete columns[field];
  }
  return columns;
}

function stripExcluded(columns: ColumnMap, kind: TableKind): ColumnMap {
  const result = { ...columns };
  for (const f of TABLE_SHAPES[kind].excludes) delete result[f];
  return result;
}

/** Longest unit header, with room for spaces and notes: a longer cell cannot be one. */
const MAX_UNIT_HEADER_LENGTH = 12;
const UNIT_HEADER_CHARACTERS = /[单位组织uＵｕU]/;

/**
 * True when a data row is this table's header again (pasted twice). Called on every row, so it
 * first asks the cheap question: is the unit cell a unit header at all?
 */
export function isRepeatedHeader(row: readonly unknown[], table: Pick<TableMatch, "kind" | "columns">): boolean {
  const unitCell = table.columns.unit === undefined ? undefined : row[table.columns.unit];
  if (typeof unitCell !== "string" || unitCell.length > MAX_UNIT_HEADER_LENGTH) return false;
  // Every unit header has one of these characters; almost no unit name does.
  if (!UNIT_HEADER_CHARACTERS.test(unitCell) || !fieldsOfHeader(unitCell).includes("unit")) return false;
  return fits(mapHeaderRow(row, table.kind), table.kind);
}

/** True when every cell of the row is blank. */
export function isBlankRow(row: readonly unknown[] | undefined): boolean {
  if (!row) return true;
  // A plain loop: this runs on every row of every table.
  for (let i = 0; i < row.length; i++) if (!isBlank(row[i] as never)) return false;
  return true;
}

/** The cell's trimmed text for a field of a table row, "" when the column is absent. */
export function fieldText(row: readonly unknown[], match: TableMatch, field: Field): string {
  const column = match.columns[field];
  return column === undefined ? "" : cellText(row[column] as never);
}
