import { cellAddress, cellText, isBlank, type CellValue } from "../cells";
import type { Issue } from "../issues";
import type { SpecValue } from "../layout/sheet-spec";
import type { SheetData } from "../sheet";
import { foldDigits } from "../text";

/**
 * The rubric sheet's format (RUBRICS.md §7), shared by the writer and the reader so the two
 * cannot drift apart. A rubric sheet is a column of sections. Each section is a title row
 * (【渠道】), a header row, data rows, and a blank row. Every section is described once here,
 * as columns with a value type; the writer encodes values with it and the reader decodes and
 * checks them, reporting each bad cell at its address.
 */

/** The text in A1 that marks a sheet as a rubric sheet. */
export const SHEET_MARK = "评分规则表";
export const SHEET_NOTE = "可直接修改下列各表的数值与名称；请保留【】标题行和表头。Edit values freely; keep the 【】 titles and header rows.";

/** How a value is written in a cell and read back. */
export type ValueType =
  /** Required text. */
  | "text"
  /** A required number. */
  | "number"
  /** A number, or blank for none (null). */
  | "optionalNumber"
  /** A share written as a percentage: 0.2 is written 20. */
  | "percent"
  /** A percentage, or blank for none (null). */
  | "optionalPercent"
  /** Several texts in one cell, separated by 、. Blank is an empty list. */
  | "list"
  /** 是 or 否. */
  | "bool"
  /** Points, or — when the channel does not take that type (null). */
  | "points"
  /** A band's value: text, or a number for point bands. */
  | "value"
  /** Text, or blank for none (null). */
  | "optionalText";

export interface ColumnDef {
  key: string;
  header: string;
  type: ValueType;
}

/** A table section: a title and its columns. */
export interface TableDef {
  title: string;
  columns: ColumnDef[];
  /** A column whose values must differ from row to row (an id, a name used as a header). */
  unique?: string;
}

/** A key–value section row: one setting. */
export interface ParamDef {
  key: string;
  label: string;
  type: ValueType;
  note?: string;
}

export const PARAM_HEADER = ["项目", "值", "说明"];

/** The dash written for "not taken": a channel that does not take a type. */
export const NOT_TAKEN = "—";
const NOT_TAKEN_FORMS = new Set(["—", "-", "–", "－", "不采用", "无"]);

const LIST_SEPARATORS = /[、，,;；/\n\r]+/;

const sharePercent = (share: number) => Math.round(share * 1e6) / 1e4;
const percentShare = (percent: number) => Math.round(percent * 1e4) / 1e6;

/** A value as the writer puts it in a cell. */
export function encodeValue(type: ValueType, value: unknown): SpecValue {
  switch (type) {
    case "percent":
      return sharePercent(value as number);
    case "optionalPercent":
      return value === null ? "" : sharePercent(value as number);
    case "list":
      return (value as string[]).join("、");
    case "bool":
      return value ? "是" : "否";
    case "points":
      return value === null ? NOT_TAKEN : (value as number);
    case "optionalNumber":
    case "optionalText":
      return value === null || value === undefined ? "" : (value as SpecValue);
    default:
      return value as SpecValue;
  }
}

function readNumber(value: CellValue): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  const text = foldDigits(cellText(value)).replace(/[−–]/g, "-").replace(/%$/, "");
  if (text === "" || !/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return null;
  return Number(text);
}

export type Decoded = { ok: true; value: unknown } | { ok: false; message: string };

/** A cell read back by its type; a cell that does not fit is a message for the caller to place. */
export function decodeValue(type: ValueType, cell: CellValue, header: string): Decoded {
  const text = cellText(cell);
  const blank = isBlank(cell);
  const number = () => {
    const n = readNumber(cell);
    return n === null ? { ok: false as const, message: blank ? `${header}为空` : `${header}「${text}」不是数字` } : { ok: true as const, value: n };
  };
  switch (type) {
    case "text":
      return blank ? { ok: false, message: `${header}为空` } : { ok: true, value: text };
    case "optionalText":
      return { ok: true, value: blank ? null : text };
    case "number":
      return number();
    case "optionalNumber":
      return blank ? { ok: true, value: null } : number();
    case "percent":
    case "optionalPercent": {
      if (type === "optionalPercent" && blank) return { ok: true, value: null };
      const n = number();
      return n.ok ? { ok: true, value: percentShare(n.value) } : n;
    }
    case "list":
      return { ok: true, value: text.split(LIST_SEPARATORS).map((s) => s.trim()).filter(Boolean) };
    case "bool":
      if (text === "是" || text.toLowerCase() === "true") return { ok: true, value: true };
      if (text === "否" || text.toLowerCase() === "false") return { ok: true, value: false };
      return { ok: false, message: `${header}应为“是”或“否”，而不是「${text}」` };
    case "points":
      if (NOT_TAKEN_FORMS.has(text)) return { ok: true, value: null };
      if (blank) return { ok: false, message: `${header}为空：填写分值，或填 ${NOT_TAKEN} 表示不采用该类型` };
      return number();
    case "value": {
      if (blank) return { ok: false, message: `${header}为空` };
      return { ok: true, value: typeof cell === "number" ? cell : text };
    }
  }
}

/** A section title as written in column A. */
export function sectionTitle(title: string): string {
  return `【${title}】`;
}

/** A section found on a sheet: grid rows of its header and data. */
export interface FoundSection {
  title: string;
  titleRow: number;
  headerRow: number;
  /** Grid rows of the data, up to the first blank row or the next section. */
  dataRows: number[];
}

/** The sections of a sheet by title, in sheet order. A title seen twice is reported. */
export function findSections(sheet: SheetData, issues: Issue[]): Map<string, FoundSection> {
  const sections = new Map<string, FoundSection>();
  const values = sheet.values;
  for (let r = 0; r < values.length; r++) {
    const match = /^【(.+)】$/.exec(cellText(values[r]?.[0]));
    if (!match) continue;
    const title = match[1].trim();
    const dataRows: number[] = [];
    let next = r + 2;
    for (; next < values.length; next++) {
      const row = values[next] ?? [];
      if (row.every((cell) => isBlank(cell)) || /^【.+】$/.test(cellText(row[0]))) break;
      dataRows.push(next);
    }
    if (sections.has(title)) {
      issues.push(sheetIssue(sheet, r, 0, "duplicate-section", `规则表中「${title}」出现了两次`));
      continue;
    }
    sections.set(title, { title, titleRow: r, headerRow: r + 1, dataRows });
    r = next - 1;
  }
  return sections;
}

/** An error at a grid cell of the rubric sheet. */
export function sheetIssue(sheet: SheetData, gridRow: number, gridColumn: number, rule: string, message: string): Issue {
  const row = sheet.originRow + gridRow;
  return { rule, severity: "error", sheet: sheet.name, cell: cellAddress(row, sheet.originColumn + gridColumn), row: row + 1, message };
}
