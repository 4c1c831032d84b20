/**
 * Today's way: the workbook of native formulas an office keeps to score its units, built over
 * the same data the engine reads, and evaluated by HyperFormula (a real spreadsheet engine).
 *
 * The formulas encode RUBRICS.md §1 as an office writes it, with helper columns:
 * - 登记表 (register): per row, YEAR and MONTH of the report date, and the item's points: +2
 *   for a comprehensive item, plus every adopting channel found in the cell by SEARCH over the
 *   渠道 (channel) table, at that channel's points for the item's type (blank: 0, the channel
 *   does not take that type).
 * - 积分 (scores): per unit, one COUNTIFS per month; base = 12 when the year has ≥ 36 items,
 *   otherwise the number of months with ≥ 3; bonus = SUMPRODUCT of the points column over the
 *   unit's rows of the year; penalty = 2 per recorded violation (COUNTIFS on a non-blank
 *   违规情况); total; then 中国式排名 overall with SUMPRODUCT((range>x)/COUNTIF(range,range))+1,
 *   and within the unit's system with the COUNTIFS form of the same.
 *
 * HyperFormula is GPL-licensed and only ever runs here, in the benchmarks and their tests.
 */
import { HyperFormula } from "hyperformula";
import { analyzeInfo } from "../../src/engine/analyze";
import type { CellValue } from "../../src/engine/cells";
import { chaoyangInfo } from "../../src/engine/presets/chaoyang-info";
import { BENCH_YEAR, CANONICAL_CHANNELS, COLUMN, TYPE_LABELS, type Workload } from "./workload";

type Cell = string | number | null;

const REGISTER = "登记表";
const CHANNELS = "渠道";
const SCORES = "积分";
const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/** Column letters of the 积分 sheet's result columns. */
const SCORE_COLUMNS = { total: 18, rank: 19, systemRank: 20 } as const; // S, T, U

/** One unit's published figures. */
export interface UnitFigures {
  total: number;
  rank: number;
  systemRank: number;
}

function letters(column: number): string {
  let text = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) text = String.fromCharCode(65 + ((n - 1) % 26)) + text;
  return text;
}

/** Blank cells as empty cells, not "", so COUNTIFS(…, "<>") counts only real entries. */
function cell(value: CellValue): Cell {
  return value === "" || value === undefined || value === null || typeof value === "boolean" ? null : value;
}

/**
 * The office's formula workbook over a workload written with canonical spellings.
 * @example Object.keys(formulaSheets(generateWorkload({ units: 3, rows: 50, spelling: "canonical" }))) // ["渠道", "登记表", "积分"]
 */
export function formulaSheets(workload: Workload): Record<string, Cell[][]> {
  const registerGrid = workload.sheets[1].values;
  const n = registerGrid.length; // last data row on the sheet (header is row 1)
  const m = workload.units.length + 1;
  const col = (letter: string) => `'${REGISTER}'!$${letter}$2:$${letter}$${n}`;
  const comprehensive = TYPE_LABELS.comprehensive;

  const channels: Cell[][] = [
    ["渠道", TYPE_LABELS.event, comprehensive],
    ...CANONICAL_CHANNELS.map((c) => [c.name, c.event, c.comprehensive]),
  ];
  const lastChannel = channels.length;
  const channelNames = `'${CHANNELS}'!$A$2:$A$${lastChannel}`;
  const eventPoints = `'${CHANNELS}'!$B$2:$B$${lastChannel}`;
  const comprehensivePoints = `'${CHANNELS}'!$C$2:$C$${lastChannel}`;

  const register: Cell[][] = [["单位", "报送日期", "信息类型", "采用情况", "违规情况", "年", "月", "得分"]];
  for (let r = 1; r < n; r++) {
    const row = registerGrid[r];
    const at = r + 1;
    register.push([
      cell(row[COLUMN.unit]),
      cell(row[COLUMN.date]),
      cell(row[COLUMN.type]),
      cell(row[COLUMN.adoptions]),
      cell(row[COLUMN.violation]),
      `=YEAR(B${at})`,
      `=MONTH(B${at})`,
      `=IF(C${at}="${comprehensive}",2,0)+SUMPRODUCT(ISNUMBER(SEARCH(${channelNames},D${at}))*IF(C${at}="${comprehensive}",${comprehensivePoints},${eventPoints}))`,
    ]);
  }

  const scores: Cell[][] = [["单位", "系统", ...MONTHS.map((month) => `${month}月`), "全年条数", "基础分", "加分", "扣分", "总分", "总排名", "系统内排名"]];
  workload.units.forEach((unit, i) => {
    const at = i + 2;
    const [first, last] = [letters(2), letters(13)]; // C…N: the twelve months
    scores.push([
      unit.name,
      unit.system,
      ...MONTHS.map((month) => `=COUNTIFS(${col("A")},$A${at},${col("F")},${BENCH_YEAR},${col("G")},${month})`),
      `=SUM(${first}${at}:${last}${at})`,
      `=IF(O${at}>=36,12,COUNTIF(${first}${at}:${last}${at},">=3"))`,
      `=SUMPRODUCT((${col("A")}=$A${at})*(${col("F")}=${BENCH_YEAR}),${col("H")})`,
      `=2*COUNTIFS(${col("A")},$A${at},${col("F")},${BENCH_YEAR},${col("E")},"<>")`,
      `=P${at}+Q${at}-R${at}`,
      `=SUMPRODUCT(($S$2:$S$${m}>S${at})/COUNTIF($S$2:$S$${m},$S$2:$S$${m}))+1`,
      `=SUMPRODUCT(($B$2:$B$${m}=B${at})*($S$2:$S$${m}>S${at})/COUNTIFS($B$2:$B$${m},$B$2:$B$${m},$S$2:$S$${m},$S$2:$S$${m}))+1`,
    ]);
  });
  return { [CHANNELS]: channels, [REGISTER]: register, [SCORES]: scores };
}

/** Evaluates the formula workbook and reads every unit's total and ranks. */
export function evaluateFormulas(workload: Workload): Map<string, UnitFigures | string> {
  // Excel's own sheet size, not HyperFormula's default of 40,000 rows.
  const hf = HyperFormula.buildFromSheets(formulaSheets(workload), { licenseKey: "gpl-v3", useArrayArithmetic: true, maxRows: 1_048_576 });
  try {
    const values = hf.getSheetValues(hf.getSheetId(SCORES)!);
    const figures = new Map<string, UnitFigures | string>();
    workload.units.forEach((unit, i) => {
      const row = values[i + 1];
      const [total, rank, systemRank] = [row[SCORE_COLUMNS.total], row[SCORE_COLUMNS.rank], row[SCORE_COLUMNS.systemRank]];
      if (typeof total !== "number" || typeof rank !== "number" || typeof systemRank !== "number") {
        figures.set(unit.name, `formula error: ${JSON.stringify([total, rank, systemRank])}`);
        return;
      }
      // The rank formula sums fractions 1/k; a tie group of k adds up to 1 only up to rounding.
      const whole = (x: number) => (Math.abs(x - Math.round(x)) < 1e-6 ? Math.round(x) : x);
      figures.set(unit.name, { total, rank: whole(rank), systemRank: whole(systemRank) });
    });
    return figures;
  } finally {
    hf.destroy();
  }
}

/** The engine's figures for the same workload: dense rank overall and within each system. */
export function engineFigures(workload: Workload): Map<string, UnitFigures> {
  const result = analyzeInfo(workload.sheets, { rubric: chaoyangInfo, period: String(BENCH_YEAR), method: "dense" });
  if (!result.ok) throw new Error(`engine could not run: ${result.issues[0]?.message}`);
  const figures = new Map<string, UnitFigures>();
  for (const ranked of result.analysis.ranking.overall) {
    figures.set(ranked.row.unit, { total: ranked.row.total, rank: ranked.rank!, systemRank: 0 });
  }
  for (const { rows } of result.analysis.ranking.systems) {
    for (const ranked of rows) figures.get(ranked.row.unit)!.systemRank = ranked.rank!;
  }
  return figures;
}

/** Every unit where the two disagree on total, rank or rank in system, in words. */
export function disagreements(engine: Map<string, UnitFigures>, formulas: Map<string, UnitFigures | string>): string[] {
  const problems: string[] = [];
  for (const [unit, ours] of engine) {
    const theirs = formulas.get(unit);
    if (theirs === undefined) problems.push(`${unit}: missing from the formula workbook`);
    else if (typeof theirs === "string") problems.push(`${unit}: ${theirs}`);
    else if (theirs.total !== ours.total || theirs.rank !== ours.rank || theirs.systemRank !== ours.systemRank) {
      problems.push(`${unit}: engine ${JSON.stringify(ours)}, formulas ${JSON.stringify(theirs)}`);
    }
  }
  if (formulas.size !== engine.size) problems.push(`unit count: engine ${engine.size}, formulas ${formulas.size}`);
  return problems;
}
