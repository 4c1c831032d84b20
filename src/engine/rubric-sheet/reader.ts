import type { Band, BandTable } from "../bands";
import { cellText } from "../cells";
import type { Issue } from "../issues";
import type { Rubric } from "../presets";
import type { SheetData } from "../sheet";
import { compactKey } from "../text";
import { decodeValue, findSections, sectionTitle, sheetIssue, SHEET_MARK, type FoundSection, type ParamDef, type TableDef } from "./format";
import {
  BAND_ROLES,
  BAND_TABLES,
  BANDS,
  BASIC_PARAMS,
  BASIC_TITLE,
  CODECS,
  KIND_LABELS,
  PARAMS_TITLE,
  RANK_METHOD_LABELS,
  type BandRole,
  type DecodeContext,
  type KindCodec,
  type RowRead,
} from "./schema";

export interface RubricSheetRead {
  /** The rubric, only when the sheet has no errors: a bad cell never falls back to a default. */
  rubric?: Rubric;
  /** Every problem, each at its cell. */
  issues: Issue[];
}

/** True when the sheet is marked as a rubric sheet in A1. */
export function isRubricSheet(sheet: SheetData): boolean {
  return cellText(sheet.values[0]?.[0]) === SHEET_MARK;
}

/**
 * Reads a rubric sheet back (RUBRICS.md §7). Every cell that does not fit (a negative weight,
 * weights not adding up to 100%, overlapping or gapped bands, an unknown type, a missing
 * section) is an error at its address, and then no rubric is returned.
 * @example sheetToRubric(sheetData(rubricToSheet(dongguanAnnualRubric))).rubric // equal to dongguanAnnualRubric
 */
export function sheetToRubric(sheet: SheetData): RubricSheetRead {
  const issues: Issue[] = [];
  const error = (gridRow: number, gridColumn: number, message: string, rule = "bad-rubric-cell") => issues.push(sheetIssue(sheet, gridRow, gridColumn, rule, message));
  const sections = findSections(sheet, issues);
  const sectionError = (title: string, message: string) => {
    const found = sections.get(title);
    error(found?.titleRow ?? 0, 0, message, "bad-rubric-section");
  };
  const need = (title: string): FoundSection | null => {
    const found = sections.get(title);
    if (!found) error(0, 0, `规则表缺少${sectionTitle(title)}部分`, "missing-rubric-section");
    return found ?? null;
  };

  const basicSection = need(BASIC_TITLE);
  if (!basicSection) return { issues };
  const basic = readParams(sheet, basicSection, BASIC_PARAMS, error);
  const kind = labelKey(KIND_LABELS, basic.values.kind);
  if (basic.values.kind !== undefined && !kind) {
    error(basic.rowOf.kind, 1, `未知的规则类型「${basic.values.kind}」，应为${Object.values(KIND_LABELS).join("、")}之一`, "unknown-type");
  }
  const rankMethod = labelKey(RANK_METHOD_LABELS, basic.values.rankMethod);
  if (basic.values.rankMethod !== undefined && !rankMethod) {
    error(basic.rowOf.rankMethod, 1, `未知的排名方式「${basic.values.rankMethod}」，应为${Object.values(RANK_METHOD_LABELS).join("或")}`, "unknown-type");
  }
  if (!kind || !rankMethod || basic.values.id === undefined || basic.values.name === undefined) return { issues };

  const codec = CODECS[kind] as KindCodec<Rubric>;
  const paramSection = codec.params.length > 0 ? need(PARAMS_TITLE) : null;
  const paramRead = paramSection ? readParams(sheet, paramSection, codec.params, error) : { values: {}, rowOf: {} as Record<string, number> };
  const params = paramRead.values;
  const tables: Record<string, RowRead[]> = {};
  for (const def of codec.tables) {
    const section = need(def.title);
    tables[def.title] = section ? readTable(sheet, section, def, error) : [];
  }
  const bands = codec.requiredBands.length > 0 || sections.has(BAND_TABLES.title) ? readBands(sheet, need, error) : {};
  for (const role of codec.requiredBands) {
    const count = bands[role]?.length ?? 0;
    if (count !== 1) sectionError(BAND_TABLES.title, count === 0 ? `缺少用途为「${role}」的分档表` : `用途为「${role}」的分档表有 ${count} 张，应只有一张`);
  }
  const paramError = (key: string, message: string) => error(paramRead.rowOf[key] ?? paramSection?.titleRow ?? 0, key in paramRead.rowOf ? 1 : 0, message);
  const ctx: DecodeContext = { params, tables, bands, error: (r, c, m) => error(r, c, m), paramError, sectionError };
  const rubric = codec.build({ id: basic.values.id as string, name: basic.values.name as string, rankMethod }, ctx);
  if (issues.some((i) => i.severity === "error") || !rubric) return { issues };
  return { rubric, issues };
}

type ErrorAt = (gridRow: number, gridColumn: number, message: string, rule?: string) => void;

/** The key whose label (or the key itself) the text is. */
function labelKey<K extends string>(labels: Record<K, string>, value: unknown): K | null {
  if (typeof value !== "string") return null;
  for (const [key, label] of Object.entries(labels) as [K, string][]) if (value === label || value === key) return key;
  return null;
}

/** Label–value rows: each known label once, every label present. */
function readParams(sheet: SheetData, section: FoundSection, defs: ParamDef[], error: ErrorAt) {
  const values: Record<string, unknown> = {};
  const rowOf: Record<string, number> = {};
  for (const r of section.dataRows) {
    const label = cellText(sheet.values[r][0]);
    const def = defs.find((d) => compactKey(d.label) === compactKey(label));
    if (!def) {
      error(r, 0, `${sectionTitle(section.title)}中的项目「${label}」不是规则的设置项（应为：${defs.map((d) => d.label).join("、")}）`, "unknown-type");
      continue;
    }
    if (def.key in rowOf) {
      error(r, 0, `项目「${label}」重复`);
      continue;
    }
    rowOf[def.key] = r;
    const decoded = decodeValue(def.type, sheet.values[r][1], def.label);
    if (decoded.ok) values[def.key] = decoded.value;
    else error(r, 1, decoded.message);
  }
  for (const def of defs) if (!(def.key in rowOf)) error(section.titleRow, 0, `${sectionTitle(section.title)}缺少项目「${def.label}」`, "missing-rubric-setting");
  return { values, rowOf };
}

/** A table's rows, columns found by header; rows with a bad cell are reported and left out. */
function readTable(sheet: SheetData, section: FoundSection, def: TableDef, error: ErrorAt): RowRead[] {
  const header = sheet.values[section.headerRow] ?? [];
  const columns = new Map<string, number>();
  for (const column of def.columns) {
    const index = header.findIndex((cell) => compactKey(cellText(cell)) === compactKey(column.header));
    if (index < 0) error(section.headerRow, 0, `${sectionTitle(def.title)}缺少“${column.header}”列`, "missing-rubric-column");
    else columns.set(column.key, index);
  }
  if (columns.size < def.columns.length) return [];
  const rows: RowRead[] = [];
  for (const r of section.dataRows) {
    const values: Record<string, unknown> = {};
    let ok = true;
    for (const column of def.columns) {
      const decoded = decodeValue(column.type, sheet.values[r][columns.get(column.key)!], column.header);
      if (decoded.ok) values[column.key] = decoded.value;
      else {
        error(r, columns.get(column.key)!, decoded.message);
        ok = false;
      }
    }
    if (ok) rows.push({ values, gridRow: r, column: (key) => columns.get(key)! });
  }
  if (def.unique) {
    const key = def.unique;
    const header = def.columns.find((c) => c.key === key)!.header;
    rows.forEach((row, i) => {
      if (rows.slice(0, i).some((earlier) => earlier.values[key] === row.values[key])) {
        error(row.gridRow, row.column(key), `${sectionTitle(def.title)}中${header}「${row.values[key]}」重复`, "duplicate-rubric-entry");
      }
    });
  }
  return rows;
}

/**
 * The band tables, by role. Each band's upper bound must be the lower bound of the band above:
 * a larger one overlaps it, a smaller one leaves a gap. Both are errors at the cell.
 */
function readBands(sheet: SheetData, need: (title: string) => FoundSection | null, error: ErrorAt): Record<string, BandTable<string | number>[]> {
  const tableSection = need(BAND_TABLES.title);
  const bandSection = need(BANDS.title);
  if (!tableSection || !bandSection) return {};
  const defs = readTable(sheet, tableSection, BAND_TABLES, error);
  const rows = readTable(sheet, bandSection, BANDS, error);
  const result: Record<string, BandTable<string | number>[]> = {};
  for (const row of rows) {
    if (!defs.some((d) => d.values.id === row.values.table)) error(row.gridRow, row.column("table"), `分档表编号「${row.values.table}」不在${sectionTitle(BAND_TABLES.title)}中`);
  }
  for (const def of defs) {
    const role = def.values.role as string;
    if (!(BAND_ROLES as readonly string[]).includes(role)) {
      error(def.gridRow, def.column("role"), `未知的分档用途「${role}」，应为${BAND_ROLES.join("、")}之一`, "unknown-type");
      continue;
    }
    const own = rows.filter((row) => row.values.table === def.values.id);
    const table = bandTable(def, own, role as BandRole, error);
    if (table) (result[role] ??= []).push(table);
  }
  return result;
}

function bandTable(def: RowRead, rows: RowRead[], role: BandRole, error: ErrorAt): BandTable<string | number> | null {
  const id = def.values.id as string;
  const min = def.values.min as number | null;
  const max = def.values.max as number | null;
  const at = (row: RowRead, key: string, message: string, rule = "bad-band") => error(row.gridRow, row.column(key), message, rule);
  if (rows.length === 0) {
    error(def.gridRow, def.column("id"), `分档表「${id}」没有任何档次`, "bad-band");
    return null;
  }
  const value = (row: RowRead): string | number | null => {
    const v = row.values.value as string | number;
    if (role === "计分") {
      const n = typeof v === "number" ? v : Number(v);
      if (!Number.isFinite(n)) at(row, "value", `计分分档的档次应为分值，而不是「${v}」`);
      return Number.isFinite(n) ? n : null;
    }
    return String(v);
  };
  const bands: Band<string | number>[] = [];
  let below: string | number | null = null;
  let previous: number | null = null;
  rows.forEach((row, i) => {
    const lower = row.values.lower as number | null;
    const upper = row.values.upper as number | null;
    const v = value(row);
    if (below !== null) at(row, "lower", `「${below}」（下限为空的最低档）之后不能再有档次`);
    if (previous === null) {
      if (upper !== null && upper !== max) at(row, "upper", `最高一档的上限应留空${max === null ? "" : `或为 ${max}`}，否则其上留有空档`);
    } else if (upper === null) at(row, "upper", `上限为空：应为上一档的下限 ${previous}`);
    else if (upper > previous) at(row, "upper", `与上一档重叠：上限 ${upper} 高于上一档的下限 ${previous}`, "overlapping-bands");
    else if (upper < previous) at(row, "upper", `与上一档之间有空档：上限 ${upper} 低于上一档的下限 ${previous}`, "gapped-bands");
    if (lower === null) {
      if (i === 0) at(row, "lower", "只有最低一档的下限可以留空");
      below = v;
      return;
    }
    if (upper !== null && lower >= upper) at(row, "lower", `下限 ${lower} 不低于上限 ${upper}`, "overlapping-bands");
    if (v !== null) bands.push({ atLeast: lower, value: v });
    previous = lower;
  });
  if (bands.length === 0) error(def.gridRow, def.column("id"), `分档表「${id}」至少需要一档有下限`, "bad-band");
  const table: BandTable<string | number> = { id, name: def.values.name as string, measure: def.values.measure as string, bands, below };
  if (min !== null || max !== null) table.domain = { min: min ?? Number.NEGATIVE_INFINITY, max: max ?? Number.POSITIVE_INFINITY };
  return table;
}


/** A rubric sheet found in a workbook, read. */
export interface FoundRubricSheet extends RubricSheetRead {
  sheet: string;
  /** The 规则编号 written on the sheet, even when other cells have errors. */
  id: string | null;
}

/**
 * Every rubric sheet among the sheets, read: what a rubric picker offers next to the presets.
 * @example readRubricSheets(sheets).map((s) => [s.sheet, s.id, !!s.rubric]) // [["评分规则-hunan-wmh", "hunan-wmh", true]]
 */
export function readRubricSheets(sheets: readonly SheetData[]): FoundRubricSheet[] {
  return sheets.filter(isRubricSheet).map((sheet) => {
    const read = sheetToRubric(sheet);
    const idRow = sheet.values.find((row) => cellText(row?.[0]) === BASIC_PARAMS[0].label);
    return { sheet: sheet.name, id: read.rubric?.id ?? (cellText(idRow?.[1]) || null), ...read };
  });
}
