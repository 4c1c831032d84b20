import { fileURLToPath } from "node:url";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import {
  ArraySize,
  CellError,
  CellValueDetailedType,
  DetailedCellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type ImplementedFunctions,
} from "hyperformula";
import { beforeAll, describe, expect, it } from "vitest";
import { parseInfoWorkbook } from "../../src/engine/analyze";
import { quotaTarget, tierOf, vetoStreak } from "../../src/engine/assessments/tiers";
import { bandOf } from "../../src/engine/bands";
import type { Grid } from "../../src/engine/cells";
import { parsePeriod } from "../../src/engine/dates";
import { wechatActivity } from "../../src/engine/presets/bands";
import { chaoyangInfo } from "../../src/engine/presets/chaoyang-info";
import { hunanWmhRubric } from "../../src/engine/presets/hunan-wmh";
import { rankOf } from "../../src/engine/rank";
import { scoreInfo } from "../../src/engine/score";
import * as wrappers from "../../src/functions/functions";
import { FunctionError, type ErrorCode } from "../../src/functions/host";
import { buildRegister, buildRoster, CY, TJH } from "./fixtures";

/**
 * The LEAGUE.* functions run as formulas in a real formula engine (HyperFormula, test-only:
 * it is GPL and never ships). The plugin is built from the generated metadata, as Excel builds
 * its functions from functions.json: scalar parameters take cell values, matrix parameters take
 * ranges, and the wrappers receive what the engine hands over: real ranges, real dates, blanks.
 */

const ERROR_TYPES: Record<ErrorCode, ErrorType> = {
  "#VALUE!": ErrorType.VALUE,
  "#N/A": ErrorType.NA,
  "#NUM!": ErrorType.NUM,
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#REF!": ErrorType.REF,
  "#NAME?": ErrorType.NAME,
  "#NULL!": ErrorType.ERROR,
};
const ERROR_CODES = Object.fromEntries(Object.entries(ERROR_TYPES).map(([code, type]) => [type, code])) as Record<string, ErrorCode>;

/** A HyperFormula value as Excel would pass it: blanks as null, dates as serials, errors as errors. */
function toExcel(value: unknown): unknown {
  if (value === EmptyValue || value === undefined) return null;
  if (value instanceof CellError) return new FunctionError(ERROR_CODES[value.type] ?? "#VALUE!", value.message ?? "");
  if (value instanceof SimpleRangeValue) return value.data.map((row) => row.map(toExcel));
  // Dates, times and currencies are numbers with a format attached.
  if (typeof value === "object" && value !== null && typeof (value as { val?: unknown }).val === "number") return (value as { val: number }).val;
  return value;
}

function fromExcel(result: unknown): unknown {
  if (Array.isArray(result)) return SimpleRangeValue.onlyValues(result as never);
  return result;
}

interface Metadata {
  functions: { id: string; parameters: { name: string; dimensionality?: string; optional?: boolean }[]; result?: { dimensionality?: string } }[];
}

/** Spill sizes, which HyperFormula needs before it evaluates: from the function and its range arguments. */
function spillSize(id: string, args: { type: string; start?: { row: number }; end?: { row: number } }[]): ArraySize {
  if (id === "SCORE_BREAKDOWN") return new ArraySize(5, 1);
  if (id === "SCORES") {
    const roster = args[1];
    // One row per roster row: the header becomes the table's header, each unit a row.
    return roster?.start && roster.end ? new ArraySize(7, roster.end.row - roster.start.row + 1) : ArraySize.error();
  }
  throw new Error(`no spill size for ${id}`);
}

interface PluginInternals {
  runFunction(args: never[], state: never, metadata: unknown, implementation: (...args: unknown[]) => unknown): unknown;
  metadata(formulaId: string): unknown;
}

async function leaguePlugin() {
  const source = fileURLToPath(new URL("../../src/functions/functions.ts", import.meta.url));
  const generated = await generateCustomFunctionsMetadata(source);
  const metadata = JSON.parse(generated.metadataJson) as Metadata;
  const functionName = new Map(generated.associate.map((a) => [a.id, a.functionName]));

  class LeaguePlugin extends FunctionPlugin {}
  const implemented: ImplementedFunctions = {};
  const translations: Record<string, string> = {};
  for (const fn of metadata.functions) {
    // HyperFormula evaluates synchronously; UNIT_CODE returns a promise (it loads its dictionary).
    if (fn.id === "UNIT_CODE") continue;
    const wrapper = (wrappers as Record<string, (...args: unknown[]) => unknown>)[functionName.get(fn.id)!];
    const formulaId = `LEAGUE.${fn.id}`;
    const method = `league_${fn.id}`;
    const spills = fn.result?.dimensionality === "matrix";
    implemented[formulaId] = {
      method,
      parameters: fn.parameters.map((p) => ({
        // SCALAR hands error values to the function, so the wrappers' own propagation is tested.
        argumentType: p.dimensionality === "matrix" ? FunctionArgumentType.RANGE : FunctionArgumentType.SCALAR,
        optionalArg: p.optional,
      })),
      ...(spills ? { sizeOfResultArrayMethod: `${method}_size`, vectorizationForbidden: true } : {}),
    };
    translations[formulaId] = formulaId;
    Object.assign(LeaguePlugin.prototype, {
      [method](this: FunctionPlugin, ast: { args: never[] }, state: never) {
        // runFunction and metadata are protected: this method is installed on the subclass.
        const plugin = this as unknown as PluginInternals;
        return plugin.runFunction(ast.args, state, plugin.metadata(formulaId), (...args: unknown[]) => {
          try {
            return fromExcel(wrapper(...args.map(toExcel)));
          } catch (error) {
            if (error instanceof FunctionError) return new CellError(ERROR_TYPES[error.code], error.message);
            throw error;
          }
        });
      },
      ...(spills ? { [`${method}_size`]: (ast: { args: never[] }) => spillSize(fn.id, ast.args) } : {}),
    });
  }
  (LeaguePlugin as unknown as { implementedFunctions: ImplementedFunctions }).implementedFunctions = implemented;
  return { plugin: LeaguePlugin, translations };
}

/** The register with dates as ISO text, which HyperFormula reads as real dates. */
function registerSheet(register: Grid): (string | number | null)[][] {
  return register.map((row, r) =>
    row.map((cell, c) => {
      if (r > 0 && c === 1 && typeof cell === "number") {
        const d = new Date(Date.UTC(1899, 11, 30) + cell * 86_400_000);
        return d.toISOString().slice(0, 10);
      }
      return cell === "" ? null : (cell as string | number);
    }),
  );
}

const register = buildRegister();
const roster = buildRoster();
const lastRegisterRow = register.length;
const REG = `Register!$A$1:$F$${lastRegisterRow}`;

/**
 * The assessment functions' sheet (RUBRICS.md §4–§5). A: term averages with a blank row, B: each
 * one's tier. E–G: one city's spot checks in date order (real dates), an empty row between
 * them, each day's level banded from its posts; H: the veto. Row 8: checks along a row.
 * E10:G12: base quotas and their scale targets.
 */
const AVERAGES = [95, 90, 85, 80, 80, null, 70, 60, 50, 40, 30];
const SPOT_CHECKS: ([string, number] | null)[] = [["2013-05-02", 12], ["2013-05-20", 0], null, ["2013-06-05", 2], ["2013-06-20", 1], ["2013-07-01", 7]];
const QUOTAS: [string, number | string][] = [["长沙", 10], ["衡阳", 7], ["某市", "十"]];

function assessmentSheet(): unknown[][] {
  const rows: unknown[][] = Array.from({ length: 12 }, () => Array(10).fill(null));
  AVERAGES.forEach((average, i) => {
    rows[i][0] = average;
    rows[i][1] = `=LEAGUE.TIER(A${i + 1}, A$1:A$11)`;
  });
  rows[0][2] = "=LEAGUE.TIER(A1, A$1:A$11, 11)";
  rows[1][2] = "=LEAGUE.TIER(A4, A$1:A$11, 2)";
  rows[2][2] = "=LEAGUE.TIER(A1, A$1:A$11, 1/0)";
  SPOT_CHECKS.forEach((check, i) => {
    if (check) rows[i].splice(4, 3, check[0], check[1], `=LEAGUE.BAND(F${i + 1}, "wechat-activity")`);
  });
  rows[0][7] = "=LEAGUE.VETO_STREAK(G1:G6)";
  rows[1][7] = '=LEAGUE.VETO_STREAK(G1:G6, "差", 4)';
  rows[2][7] = "=LEAGUE.VETO_STREAK(E1:G6)";
  rows[7].splice(4, 6, "差", null, "差", "差", "优秀", "=LEAGUE.VETO_STREAK(E8:I8)");
  QUOTAS.forEach(([unit, base], i) => rows[9 + i].splice(4, 3, unit, base, `=LEAGUE.QUOTA_TARGET(F${10 + i})`));
  return rows;
}

let hf: HyperFormula;
let sheet: number;

beforeAll(async () => {
  const { plugin, translations } = await leaguePlugin();
  HyperFormula.registerFunctionPlugin(plugin as never, { enGB: translations });
  const scoresRow = (unit: string, row: number) => [
    unit,
    `=LEAGUE.SCORE_UNIT(A${row}, ${REG}, "2013")`,
    `=LEAGUE.RANK(B${row}, B$2:B$4, "dense")`,
    `=LEAGUE.RANK_IN_GROUP(B${row}, B$2:B$4, E${row}, E$2:E$4, "competition")`,
    null,
  ];
  hf = HyperFormula.buildFromSheets(
    {
      Register: registerSheet(register),
      Roster: roster as never,
      Scores: [
        ["单位", "总分", "排名", "组内排名", "系统"],
        scoresRow(TJH, 2),
        scoresRow(CY, 3),
        scoresRow("工商分局团委", 4),
        [],
        // Row 6: one unit's breakdown, spilled to the right.
        [`=LEAGUE.SCORE_BREAKDOWN("${CY}", ${REG}, 2013)`],
        // Row 7: the whole table, spilled below.
        [`=LEAGUE.SCORES(${REG}, Roster!A1:B4)`],
      ],
      Rules: [
        [4, 4, 0, 4, 4, 4, 4, 3, 3, 3, 4, 3, "=LEAGUE.BASE_POINTS(A1:L1)"],
        [90, 80, 70, null, "=LEAGUE.WEIGHTED(A2:C2)", "=LEAGUE.WEIGHTED(A2:D2, {0.25,0.25,0.25,0.25})"],
        [8.95, '=LEAGUE.GRADE(A3)', '=LEAGUE.GRADE(85, "dongguan-annual")', "=LEAGUE.GRADE(A3, F3:G5)", null, 0, "差"],
        [0.85, '=LEAGUE.BAND(A4, "wechat-coverage")', '=LEAGUE.BAND(7, "wechat-activity")', '=LEAGUE.BAND(85, "wechat-coverage")', null, 6, "中"],
        ["综合类", "团区委网站、北京团讯", "=LEAGUE.ITEM_POINTS(A5, B5)", "=LEAGUE.ITEM_POINTS(A5)", "=LEAGUE.ITEM_POINTS(A5, 1/0)", 9, "好"],
        ["同一段文字", "=LEAGUE.SIMILARITY(A6, A6)", '=LEAGUE.SIMILARITY(A6, "")', "=LEAGUE.RANK(A7, B7:D7)", null],
        [null, 1, 2, 3, "=LEAGUE.SCORE_UNIT(\"无此单位\", " + REG + ")", "=LEAGUE.SCORE_UNIT(A6, A6:B6)"],
      ],
      Assess: assessmentSheet() as never,
    },
    { licenseKey: "gpl-v3", dateFormats: ["YYYY-MM-DD"] },
  );
  sheet = hf.getSheetId("Scores")!;
  // Fill in the systems so the group ranking has groups.
  hf.setCellContents({ sheet, row: 1, col: 4 }, [["街道系统"], ["地区系统"], ["街道系统"]]);
});

const value = (sheetName: string, a1: string) => hf.getCellValue(hf.simpleCellAddressFromString(a1, hf.getSheetId(sheetName)!)!);

/** The engine's own scores for the same data, computed without any formula. */
function engineScores(period: string) {
  const read = parseInfoWorkbook(
    [
      { name: "Register", originRow: 0, originColumn: 0, values: register },
      { name: "Roster", originRow: 0, originColumn: 0, values: roster },
    ],
    chaoyangInfo,
  );
  if (!read.ok) throw new Error("fixture does not parse");
  const { roster: units, items, penalties } = read.parsed;
  return scoreInfo({ units: units.units, items, penalties }, chaoyangInfo, parsePeriod(period)!);
}

describe("LEAGUE.* as HyperFormula formulas", () => {
  it("reads the register's dates as real dates, not text", () => {
    const detailed = hf.getCellValueDetailedType(hf.simpleCellAddressFromString("Register!B3", hf.getSheetId("Register")!)!);
    expect(detailed).toBe(CellValueDetailedType.NUMBER_DATE);
  });

  it("scores each unit as the engine does: =LEAGUE.SCORE_UNIT(A2, Register!A1:F…, \"2013\")", () => {
    const expected = engineScores("2013");
    expect(value("Scores", "B2")).toBe(expected[0].total);
    expect(value("Scores", "B3")).toBe(expected[1].total);
    expect([value("Scores", "B2"), value("Scores", "B3")]).toEqual([12, 19]);
  });

  it("gives #N/A with its Chinese message for a unit the register does not know", () => {
    const error = value("Scores", "B4") as DetailedCellError;
    expect(error).toBeInstanceOf(Object);
    expect(error.type).toBe(ErrorType.NA);
    expect(error.message).toBe("登记表中没有单位「工商分局团委」");
  });

  it("passes on an error among the values of =LEAGUE.RANK(B2, B$2:B$4, \"dense\"), as Excel's RANK does", () => {
    // The third unit's score is #N/A.
    expect((value("Scores", "C2") as DetailedCellError).type).toBe(ErrorType.NA);
  });

  it("spills SCORE_BREAKDOWN and SCORES, matching the engine", () => {
    const expected = engineScores("2013");
    const cy = expected[1];
    expect(["A6", "B6", "C6", "D6", "E6"].map((a) => value("Scores", a))).toEqual([cy.base, cy.bonus, cy.penalty, cy.total, cy.awardEligible]);
    const table = ["A", "B", "C", "D", "E", "F", "G"].map((col) => [7, 8, 9, 10].map((row) => value("Scores", `${col}${row}`)));
    expect(table[0]).toEqual(["单位", TJH, CY, "工商分局团委"]);
    expect(table[5]).toEqual(["总分", ...expected.map((s) => s.total)]);
    expect(table[6]).toEqual(["评优资格", ...expected.map((s) => s.awardEligible)]);
  });

  it("evaluates the rule functions on cell values and ranges", () => {
    expect(value("Rules", "M1")).toBe(12);
    expect(value("Rules", "E2")).toBe(81);
    expect((value("Rules", "F2") as DetailedCellError).type).toBe(ErrorType.NA); // D2 is blank: incomplete
    expect((value("Rules", "F2") as DetailedCellError).message).toBe("缺少第 4 项得分：总分不完整，不按 0 分计");
    expect([value("Rules", "B3"), value("Rules", "C3"), value("Rules", "D3")]).toEqual(["良好", "较好", "中"]);
    expect([value("Rules", "B4"), value("Rules", "C4")]).toEqual([0.5, "良好"]);
    expect((value("Rules", "D4") as DetailedCellError).type).toBe(ErrorType.VALUE);
    expect([value("Rules", "C5"), value("Rules", "D5")]).toEqual([8, 2]);
    expect((value("Rules", "E5") as DetailedCellError).type).toBe(ErrorType.DIV_BY_ZERO);
    expect(value("Rules", "B6")).toBe(1);
    expect((value("Rules", "C6") as DetailedCellError).message).toBe("第二段文本为空");
    expect((value("Rules", "D6") as DetailedCellError).type).toBe(ErrorType.NA); // blank value: not ranked
    expect((value("Rules", "E7") as DetailedCellError).type).toBe(ErrorType.NA);
    expect((value("Rules", "F7") as DetailedCellError).message).toMatch(/登记表缺少表头/);
  });

  it("tiers each average by rank position as the engine does: =LEAGUE.TIER(A1, A$1:A$11)", () => {
    const values = AVERAGES.filter((a): a is number => a !== null);
    AVERAGES.forEach((average, i) => {
      if (average !== null) expect(value("Assess", `B${i + 1}`), `B${i + 1}`).toBe(tierOf(average, values, hunanWmhRubric.tiers.length));
    });
    expect(AVERAGES.map((_, i) => value("Assess", `B${i + 1}`)).filter((t) => typeof t === "number")).toEqual([1, 1, 2, 2, 2, 3, 4, 4, 5, 5]);
    expect((value("Assess", "B6") as DetailedCellError).type).toBe(ErrorType.NA); // the blank average
    expect((value("Assess", "C1") as DetailedCellError).message).toBe("档数 11 多于排名区域中的数值个数 10");
    expect(value("Assess", "C2")).toBe(tierOf(80, values, 2));
    expect((value("Assess", "C3") as DetailedCellError).type).toBe(ErrorType.DIV_BY_ZERO);
  });

  it("finds the 3-差 veto in spot checks by date, across an empty row: =LEAGUE.VETO_STREAK(G1:G6)", () => {
    const assess = hf.getSheetId("Assess")!;
    expect(hf.getCellValueDetailedType({ sheet: assess, row: 0, col: 4 })).toBe(CellValueDetailedType.NUMBER_DATE);
    const dates = SPOT_CHECKS.map((_, i) => value("Assess", `E${i + 1}`)).filter((d): d is number => typeof d === "number");
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
    const levels = SPOT_CHECKS.map((check) => (check ? bandOf(check[1], wechatActivity) : null));
    expect(SPOT_CHECKS.map((_, i) => value("Assess", `G${i + 1}`) ?? null)).toEqual(levels);
    expect(value("Assess", "H1")).toBe(vetoStreak(levels));
    expect(value("Assess", "H1")).toBe(true);
    expect(value("Assess", "H2")).toBe(false);
    expect((value("Assess", "H3") as DetailedCellError).message).toBe("抽查等次应为一行或一列");
    expect(value("Assess", "J8")).toBe(true);
  });

  it("gives each base quota its scale target: =LEAGUE.QUOTA_TARGET(F10), 长沙 10 → 100", () => {
    expect(value("Assess", "G10")).toBe(100);
    expect(value("Assess", "G11")).toBe(quotaTarget(7, hunanWmhRubric.quotaMultiplier));
    expect((value("Assess", "G12") as DetailedCellError).type).toBe(ErrorType.VALUE);
    expect((value("Assess", "G12") as DetailedCellError).message).toBe("基础名额应为数字，现为「十」");
  });

  it("recomputes when the register changes, through the content cache", () => {
    const registerId = hf.getSheetId("Register")!;
    // Drop the 重复信息 case: 常营 gets its 2 points back.
    const violationRow = register.findIndex((row) => row[5] === "重复信息");
    hf.setCellContents({ sheet: registerId, row: violationRow, col: 5 }, null);
    expect(value("Scores", "B3")).toBe(21);
    expect(value("Scores", "D6")).toBe(21);
    hf.setCellContents({ sheet: registerId, row: violationRow, col: 5 }, "重复信息");
    expect(value("Scores", "B3")).toBe(19);
  });

  it("ranks within groups and overall once every unit has a score", () => {
    const scoresId = hf.getSheetId("Scores")!;
    hf.setCellContents({ sheet: scoresId, row: 3, col: 1 }, 19);
    expect([value("Scores", "C2"), value("Scores", "C3"), value("Scores", "C4")]).toEqual([
      rankOf(12, [12, 19, 19], "dense"),
      rankOf(19, [12, 19, 19], "dense"),
      1,
    ]);
    expect([value("Scores", "C2"), value("Scores", "C3")]).toEqual([2, 1]);
    // 街道系统: 团结湖 12 and 工商分局 19 (competition); 地区系统: 常营 alone.
    expect([value("Scores", "D2"), value("Scores", "D3"), value("Scores", "D4")]).toEqual([2, 1, 1]);
  });
});
