/**
 * Workbooks for the ranking-sheet tests, built from the fixtures in test/fixtures/ranking:
 * the seed-000 published table (附件1) and small JSON scenarios. Also reads a SheetSpec back
 * as a grid, the way a port would lay its blocks out.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { analyzeInfo, type InfoAnalysis } from "../../../src/engine/analyze";
import type { CellValue } from "../../../src/engine/cells";
import { chaoyangInfo } from "../../../src/engine/presets/chaoyang-info";
import type { InfoRubric, RankMethod } from "../../../src/engine/rubric/info-rubric";
import type { SheetData } from "../../../src/engine/sheet";
import type { SheetSpec, SpecValue } from "../../../src/engine/layout/sheet-spec";
import type { RankingSheetOptions } from "../../../src/engine/layout/ranking-sheets";

export const FIXTURES = join(__dirname, "../../fixtures/ranking");

export function sheet(name: string, values: CellValue[][]): SheetData {
  return { name, originRow: 0, originColumn: 0, values };
}

/** Analyses sheets, failing the test (not returning issues) when the workbook cannot be read. */
export function analyse(sheets: SheetData[], options: { period?: string; method?: RankMethod; rubric?: InfoRubric } = {}): InfoAnalysis {
  const result = analyzeInfo(sheets, { rubric: options.rubric ?? chaoyangInfo, period: options.period, method: options.method });
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join("; "));
  return result.analysis;
}

// ---------------------------------------------------------------------------------------------
// Seed 000 附件1

export interface PublishedRow {
  /** The printed rank, or null where the original left the cell to the merged rank above. */
  rank: number | null;
  unit: string;
}

/** 附件1 as published: systems in order, each with its rows in printed order. */
export function readPublished(): { system: string; rows: PublishedRow[] }[] {
  const text = readFileSync(join(FIXTURES, "seed-000-published.tsv"), "utf8");
  const systems: { system: string; rows: PublishedRow[] }[] = [];
  for (const line of text.split("\n")) {
    if (line.startsWith("#") || line.trim() === "") continue;
    const heading = /^\[(.+)\]$/.exec(line);
    if (heading) {
      systems.push({ system: heading[1], rows: [] });
      continue;
    }
    const [rank, unit] = line.split("\t");
    systems[systems.length - 1].rows.push({ rank: rank ? Number(rank) : null, unit });
  }
  return systems;
}

/**
 * A 2013 workbook whose scores reproduce 附件1: each unit sends (last rank − its rank)
 * comprehensive items, at most two a month so no base points interfere, and the bottom tie
 * group sends nothing. The roster lists each system's units in reverse, so the published
 * order has to come from the ranking, not from the roster.
 */
export function seed000Sheets(): SheetData[] {
  const roster: CellValue[][] = [["单位名称", "系统"]];
  const register: CellValue[][] = [["报送单位", "报送日期", "信息类型", "标题"]];
  for (const { system, rows } of readPublished()) {
    let rank = 0;
    const ranks = rows.map((row) => (rank = row.rank ?? rank));
    const last = Math.max(...ranks);
    for (const row of [...rows].reverse()) roster.push([row.unit, system]);
    rows.forEach((row, i) => {
      for (let n = 0; n < last - ranks[i]; n++) {
        register.push([row.unit, `2013-${String((n % 12) + 1).padStart(2, "0")}-${10 + Math.floor(n / 12)}`, "综合类", `${row.unit}经验材料${n + 1}`]);
      }
    });
  }
  return [sheet("单位名单", roster), sheet("信息报送", register)];
}

// ---------------------------------------------------------------------------------------------
// JSON scenarios

export interface ScenarioCase {
  name: string;
  period?: string;
  method?: RankMethod;
  options: RankingSheetOptions;
  expect: {
    title?: string;
    sheetNames?: string[];
    /** Each table by its heading: rows as printed (rank cell, name, score, extras, system). */
    tables?: Record<string, SpecValue[][]>;
    /** Tie merges of the rank column per table: [first data row in the table, rows]. */
    rankMerges?: Record<string, [number, number][]>;
    footnote?: string[];
  };
}

export interface Scenario {
  file: string;
  description: string;
  /** Changes to the chaoyang-info preset, e.g. a veto line. */
  rubric?: { vetoLine?: number };
  workbook: Record<string, CellValue[][]>;
  cases: ScenarioCase[];
}

export function readScenarios(): Scenario[] {
  return readdirSync(FIXTURES)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => ({ file, ...JSON.parse(readFileSync(join(FIXTURES, file), "utf8")) }));
}

export function scenarioSheets(scenario: Scenario): SheetData[] {
  return Object.entries(scenario.workbook).map(([name, values]) => sheet(name, values));
}

export function scenarioRubric(scenario: Scenario): InfoRubric {
  const vetoLine = scenario.rubric?.vetoLine;
  return vetoLine === undefined ? chaoyangInfo : { ...chaoyangInfo, assessment: { ...chaoyangInfo.assessment, vetoLine } };
}

// ---------------------------------------------------------------------------------------------
// Reading a spec back

/** The spec's cells as one grid (null where nothing is written). */
export function specGrid(spec: SheetSpec): SpecValue[][] {
  const grid: SpecValue[][] = [];
  for (const block of spec.blocks) {
    block.values.forEach((line, r) => {
      const row = (grid[block.row + r] ??= []);
      line.forEach((value, c) => (row[block.column + c] = value));
    });
  }
  return Array.from(grid, (row) => Array.from(row ?? [], (value) => value ?? null));
}

export interface TableAt {
  /** Row of the section heading, or of the shared header when there is none. */
  headingRow: number;
  /** The sheet's shared header row (row 3, under the title and the method line). */
  header: SpecValue[];
  /** First data row of the table. */
  firstRow: number;
  rows: SpecValue[][];
}

/** The shared header row of a ranking sheet. */
export const HEADER_ROW = 2;

/**
 * The rows of a section: after its heading in column A (or right after the header when
 * `heading` is null), up to the next row without a unit name.
 */
export function tableAt(grid: SpecValue[][], heading: string | null): TableAt {
  const headingRow = heading === null ? HEADER_ROW : grid.findIndex((row, r) => r > HEADER_ROW && row?.[0] === heading && row[1] == null);
  if (headingRow < 0) throw new Error(`no table headed ${heading}`);
  const header = grid[HEADER_ROW];
  const rows: SpecValue[][] = [];
  for (let r = headingRow + 1; r < grid.length && (grid[r]?.[1] ?? null) !== null; r++) {
    rows.push(header.map((_, c) => grid[r][c] ?? null));
  }
  return { headingRow, header, firstRow: headingRow + 1, rows };
}
