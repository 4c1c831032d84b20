// Modules a single part needs are imported inside that part: while the project is being
// built, a piece that is missing makes only its own part "not available".
/**
 * The measurements, each run in a child process of `bench/run.ts`: a fresh process gives every
 * size its own peak-memory figure, and lets the runner stop a spreadsheet evaluation that runs
 * past its time limit. The runner bundles this file with esbuild first, so the engine runs as
 * it ships (tsx would add a name-keeping helper call to every closure the engine creates).
 *
 *   node dist/bench/tasks.cjs <task> '<json arguments>'
 *
 * prints one line of JSON: the task's result.
 */
import ExcelJS from "exceljs";
import { analyzeInfo, parseInfoWorkbook, rankScores } from "../src/engine/analyze";
import type { Grid } from "../src/engine/cells";
import { chaoyangInfo } from "../src/engine/presets/chaoyang-info";
import { parsePeriod } from "../src/engine/dates";
import { scoreInfo } from "../src/engine/score";
import { currentRss, peakRss, timeMedian } from "./lib/measure";
import { BENCH_YEAR, generateWorkload } from "./lib/workload";

const rubric = chaoyangInfo;
const period = String(BENCH_YEAR);
/** Validation runs "today": after the scored year, so no date is in the future. */
const TODAY = { year: BENCH_YEAR + 1, month: 1, day: 15 };

/** The floor: one pass that copies every row and reads every cell, as receiving the array costs. */
function copyGrid(grid: Grid): number {
  let cells = 0;
  for (const row of grid) {
    const copy = row.slice();
    for (const cell of copy) if (cell !== null && cell !== "") cells++;
  }
  return cells;
}

interface SizeArgs {
  units: number;
  rows: number;
  runs: number;
}

const tasks: Record<string, (args: never) => Promise<unknown>> = {
  /** Score and rank one size, against the floor; the phase decides what the peak memory is of. */
  async scale({ units, rows, runs, phase }: SizeArgs & { phase: "score" | "validate" }) {
    const workload = generateWorkload({ units, rows });
    const register = workload.sheets[1].values;
    const json = JSON.stringify(register);
    const rssBefore = currentRss();
    const copy = timeMedian(() => copyGrid(register), runs);
    const parse = timeMedian(() => JSON.parse(json) as Grid, runs);
    if (phase === "validate") {
      const { validateWorkbook } = await import("../src/engine/validate");
      const validate = timeMedian(() => validateWorkbook(workload.sheets, { rubric, period, today: TODAY }), runs);
      return {
        copyMs: copy.ms,
        parseMs: parse.ms,
        validateMs: validate.ms,
        validateCpuMs: validate.cpuMs,
        issues: validate.result.issues.length,
        rssBefore,
        peakRss: peakRss(),
      };
    }
    const analyze = timeMedian(() => analyzeInfo(workload.sheets, { rubric, period }), runs);
    const read = parseInfoWorkbook(workload.sheets, rubric);
    if (!read.ok) throw new Error("workload did not parse");
    const { roster, items, penalties } = read.parsed;
    const year = parsePeriod(period)!;
    const scoreRank = timeMedian(() => rankScores(scoreInfo({ units: roster.units, items, penalties }, rubric, year), roster.systems, "dense"), runs);
    return {
      copyMs: copy.ms,
      copyCpuMs: copy.cpuMs,
      parseMs: parse.ms,
      analyzeMs: analyze.ms,
      analyzeCpuMs: analyze.cpuMs,
      scoreRankMs: scoreRank.ms,
      rssBefore,
      peakRss: peakRss(),
    };
  },

  /** The native-formula workbook in HyperFormula against the engine, on the same data. */
  async formulas({ units, rows, runs }: SizeArgs) {
    const { disagreements, engineFigures, evaluateFormulas } = await import("./lib/formula-workbook");
    const workload = generateWorkload({ units, rows, spelling: "canonical" });
    // The engine first, on a line of its own: if the spreadsheet runs past its time limit and
    // this process is stopped, the runner still has the engine's time for the ratio's bound.
    const engine = timeMedian(() => engineFigures(workload), runs);
    process.stdout.write(JSON.stringify({ engineMs: engine.ms, engineCpuMs: engine.cpuMs }) + "\n");
    const start = performance.now();
    const formulas = evaluateFormulas(workload);
    const formulaMs = performance.now() - start;
    const problems = disagreements(engine.result, formulas);
    return { formulaMs, engineMs: engine.ms, engineCpuMs: engine.cpuMs, units: workload.units.length, disagreements: problems.slice(0, 20), disagreementCount: problems.length };
  },

  /** SCORE_UNIT called for many cells over one register: cached, uncached, and one SCORES. */
  async functions({ units, rows, calls, uncachedCalls }: { units: number; rows: number; calls: number; uncachedCalls: number }) {
    const { SCORE_UNIT, SCORES } = await import("../src/functions/definitions");
    const { bookCache } = await import("../src/functions/scoring-book");
    const workload = generateWorkload({ units, rows, spelling: "canonical" });
    const [roster, register] = workload.sheets.map((s) => s.values);
    const names = workload.units.map((u) => u.name);
    const callAll = (count: number, clear: boolean) => {
      let sum = 0;
      for (let i = 0; i < count; i++) {
        if (clear) bookCache.clear();
        sum += SCORE_UNIT(names[i % names.length], register, period) as number;
      }
      return sum;
    };
    bookCache.clear();
    const cached = timeMedian(() => callAll(calls, false), 3);
    const uncached = timeMedian(() => callAll(uncachedCalls, true), 3, 0);
    const scores = timeMedian(() => {
      bookCache.clear();
      return SCORES(register, roster, period) as unknown[][];
    }, 3);
    // Both forms must give the same totals (SCORES' 总分 is its sixth column).
    const totals = new Map(scores.result.slice(1).map((row) => [row[0] as string, row[5] as number]));
    const mismatches = names.slice(0, calls).filter((name) => SCORE_UNIT(name, register, period) !== totals.get(name)).length;
    return {
      cachedPerCallMs: cached.ms / calls,
      uncachedPerCallMs: uncached.ms / uncachedCalls,
      scoresMs: scores.ms,
      calls,
      mismatches,
    };
  },

  /** Writes a workload as an .xlsx file (setup for the CLI comparison, not measured). */
  async "write-xlsx"({ units, rows, path }: { units: number; rows: number; path: string }) {
    const workload = generateWorkload({ units, rows, spelling: "canonical" });
    const workbook = new ExcelJS.Workbook();
    for (const sheet of workload.sheets) {
      const ws = workbook.addWorksheet(sheet.name);
      for (const row of sheet.values) ws.addRow(row);
    }
    await workbook.xlsx.writeFile(path);
    return { path };
  },

  /** Syncs and payloads per user action through the Office.js port and the counting mock. */
  async "round-trips"({ rows }: { rows: number }) {
    const { OfficeWorkbook } = await import("../src/excel/office-workbook");
    const { FakeExcel } = await import("../test/excel/fake-excel");
    const { readAllSheets } = await import("../src/port/read-all");
    const { validateWorkbook } = await import("../src/engine/validate");
    const { buildRankingSheets } = await import("../src/engine/layout/ranking-sheets");
    const units = Math.max(10, Math.round(rows / 40));
    const workload = generateWorkload({ units, rows });
    const excel = new FakeExcel();
    for (const sheet of workload.sheets) excel.addSheet(sheet.name, sheet.values);
    const port = new OfficeWorkbook(excel.run, { settings: excel.settings, supports: () => true });
    const action = async (work: () => Promise<unknown>) => {
      excel.resetStats();
      await work();
      return { syncs: excel.syncCount, maxRequestBytes: excel.maxRequestBytes, maxResponseBytes: excel.maxResponseBytes };
    };
    // 校验: read the workbook, check it, mark the issues' cells in the highlight layer.
    const validate = await action(async () => {
      const sheets = await readAllSheets(port);
      const result = validateWorkbook(sheets, { rubric, period, today: TODAY });
      const targets = result.issues.filter((i) => i.sheet && i.cell).map((i) => ({ sheet: i.sheet!, cell: i.cell!, severity: i.severity }));
      await port.highlight(targets);
      return targets.length;
    });
    // 排名: read the workbook, score and rank, write the ranking sheets.
    const rank = await action(async () => {
      const sheets = await readAllSheets(port);
      const result = analyzeInfo(sheets, { rubric, period });
      if (!result.ok) throw new Error("rank: workload did not parse");
      await port.writeSheets(buildRankingSheets(result.analysis, { organisation: "朝阳共青团", ties: "merge" }));
    });
    return { rows, validate, rank };
  },
};

async function main(): Promise<void> {
  const [name, json = "{}"] = process.argv.slice(2);
  const task = tasks[name];
  if (!task) throw new Error(`unknown task ${name}; tasks: ${Object.keys(tasks).join(", ")}`);
  const result = await task(JSON.parse(json) as never);
  process.stdout.write(JSON.stringify(result) + "\n");
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
