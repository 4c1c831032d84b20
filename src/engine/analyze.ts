import { cellText } from "./cells";
import { parsePeriod, type Period } from "./dates";
import type { Issue } from "./issues";
import { MESSAGES } from "./messages";
import { UnitMatcher } from "./names";
import { casesFromRegister, parsePenalties, type PenaltyCase } from "./penalties";
import { rank, type Ranked } from "./rank";
import { parseRegister, type RegisterItem } from "./register";
import { parseRoster, type Roster, type RosterUnit } from "./roster";
import type { InfoRubric, RankMethod } from "./rubric/info-rubric";
import { scoreInfo, type UnitScore } from "./score";
import type { SheetData } from "./sheet";
import { findTable, type ColumnOverride, type TableKind, type TableMatch } from "./tables";

/**
 * The whole information-work job on a workbook's sheets: find the tables, parse them, score
 * every roster unit for the period and rank them overall and per system. Every host (the CLI,
 * the task pane, the benchmarks) goes through here.
 */

/** A user's correction of where a table is: its sheet, header row or column mapping. */
export interface TableChoice {
  sheet?: string;
  headerRow?: number;
  columns?: ColumnOverride;
}

export type TableChoices = Partial<Record<TableKind, TableChoice>>;

export interface LocatedTables {
  roster?: TableMatch;
  register?: TableMatch;
  penalties?: TableMatch;
}

/**
 * Finds each table by its headers on any sheet; a choice pins the sheet (and optionally the
 * header row and columns). The first sheet that fits wins.
 */
export function locateTables(sheets: readonly SheetData[], choices: TableChoices = {}): LocatedTables {
  const located: LocatedTables = {};
  for (const kind of ["register", "roster", "penalties"] as const) {
    const choice = choices[kind];
    const candidates = choice?.sheet ? sheets.filter((s) => s.name === choice.sheet) : sheets;
    for (const sheet of candidates) {
      const match = findTable(sheet.name, sheet.values, kind, choice);
      if (match) {
        located[kind] = match;
        break;
      }
    }
  }
  return located;
}

export interface InfoRanking {
  method: RankMethod;
  overall: Ranked<UnitScore>[];
  /** Systems in roster order. */
  systems: { system: string; rows: Ranked<UnitScore>[] }[];
}

/** Ranks scores overall and within each system, systems in roster order. */
export function rankScores(scores: readonly UnitScore[], systems: readonly string[], method: RankMethod): InfoRanking {
  const options = { value: (s: UnitScore) => s.total, name: (s: UnitScore) => s.unit, method };
  return {
    method,
    overall: rank(scores, options),
    systems: systems.map((system) => ({ system, rows: rank(scores.filter((s) => s.system === system), options) })),
  };
}

export interface InfoAnalysis {
  rubric: InfoRubric;
  period: Period;
  /** "given" when the caller named the period, "latest" when the latest year present was chosen. */
  periodSource: "given" | "latest";
  tables: LocatedTables;
  roster: Roster;
  items: RegisterItem[];
  penalties: PenaltyCase[];
  /** Non-blank register rows. */
  registerRows: number;
  scores: UnitScore[];
  ranking: InfoRanking;
  /** Row-level problems found while reading; scoring goes on without those rows. */
  issues: Issue[];
}

export type AnalyzeResult = { ok: true; analysis: InfoAnalysis } | { ok: false; issues: Issue[] };

export interface AnalyzeOptions {
  rubric: InfoRubric;
  /** "2013", "2013Q1" or "2013-03"; when absent, the latest year in the register. */
  period?: string;
  method?: RankMethod;
  choices?: TableChoices;
}

/** The workbook's tables, found and read, before any period is chosen or anything scored. */
export interface ParsedInfoWorkbook {
  tables: LocatedTables & { roster: TableMatch; register: TableMatch };
  roster: Roster;
  /** Matches raw names to roster units; its per-name cache is shared by later checks. */
  matcher: UnitMatcher<RosterUnit>;
  items: RegisterItem[];
  penalties: PenaltyCase[];
  /** Non-blank register rows. */
  registerRows: number;
  /** Row-level problems found while reading. */
  issues: Issue[];
}

export type ParseWorkbookResult = { ok: true; parsed: ParsedInfoWorkbook } | { ok: false; issues: Issue[] };

function fatalIssue(rule: string, message: string): { ok: false; issues: Issue[] } {
  return { ok: false, issues: [{ rule, severity: "error", message }] };
}

/**
 * Finds and reads the roster, the register and the optional penalty table: the step that
 * scoring and validation share. Only a workbook without a roster or a register fails.
 * @example
 * const result = parseInfoWorkbook(sheets, chaoyangInfo);
 * result.ok && result.parsed.tables.register.sheet // "信息报送"
 */
export function parseInfoWorkbook(sheets: readonly SheetData[], rubric: InfoRubric, choices?: TableChoices): ParseWorkbookResult {
  const tables = locateTables(sheets, choices);
  if (!tables.roster) return fatalIssue("no-roster", MESSAGES.noTable("单位名单（需有“单位”“系统”列）"));
  if (!tables.register) return fatalIssue("no-register", MESSAGES.noTable("信息报送登记表（需有“单位”“日期”“类型”列）"));

  const sheetOf = (match: TableMatch) => sheets.find((s) => s.name === match.sheet)!;
  const { roster, issues: rosterIssues } = parseRoster(sheetOf(tables.roster), tables.roster);
  const matcher = new UnitMatcher<RosterUnit>(roster.units);
  const register = parseRegister(sheetOf(tables.register), tables.register, matcher, rubric);
  const penaltyTable = tables.penalties ? parsePenalties(sheetOf(tables.penalties), tables.penalties, matcher, rubric) : { cases: [], issues: [] };
  return {
    ok: true,
    parsed: {
      tables: { ...tables, roster: tables.roster, register: tables.register },
      roster,
      matcher,
      items: register.items,
      penalties: [...penaltyTable.cases, ...casesFromRegister(register.items, tables.register.sheet)],
      registerRows: register.rows,
      issues: [...rosterIssues, ...register.issues, ...penaltyTable.issues],
    },
  };
}

/**
 * The period to work on: the caller's, or the latest year in the register. An unreadable
 * period, or a register with no readable date, gives an issue instead.
 * @example resolvePeriod("2013Q1", items) // { ok: true, period: { kind: "quarter", … }, source: "given" }
 */
export function resolvePeriod(
  requested: string | undefined,
  items: readonly RegisterItem[],
): { ok: true; period: Period; source: "given" | "latest" } | { ok: false; issues: Issue[] } {
  if (requested !== undefined && requested !== "") {
    const period = parsePeriod(requested);
    if (!period) return fatalIssue("bad-period", `期间「${cellText(requested)}」无法识别，应为 2013、2013Q1 或 2013-03`);
    return { ok: true, period, source: "given" };
  }
  const period = latestYear(items);
  if (!period) return fatalIssue("no-period", "登记表中没有可识别日期的信息，无法确定期间，请指定期间");
  return { ok: true, period, source: "latest" };
}

/** Reads, scores and ranks. A workbook it cannot work on gives issues, never an exception. */
export function analyzeInfo(sheets: readonly SheetData[], options: AnalyzeOptions): AnalyzeResult {
  const read = parseInfoWorkbook(sheets, options.rubric, options.choices);
  if (!read.ok) return read;
  const { tables, roster, items, penalties, registerRows, issues } = read.parsed;
  const resolved = resolvePeriod(options.period, items);
  if (!resolved.ok) return resolved;
  const { period } = resolved;

  const scores = scoreInfo({ units: roster.units, items, penalties }, options.rubric, period);
  return {
    ok: true,
    analysis: {
      rubric: options.rubric,
      period,
      periodSource: resolved.source,
      tables,
      roster,
      items,
      penalties,
      registerRows,
      scores,
      ranking: rankScores(scores, roster.systems, options.method ?? options.rubric.rankMethod),
      issues,
    },
  };
}

/** The latest year among the items' report dates. */
export function latestYear(items: readonly RegisterItem[]): Period | null {
  let year = 0;
  for (const item of items) if (item.date.year > year) year = item.date.year;
  return year ? parsePeriod(String(year)) : null;
}
