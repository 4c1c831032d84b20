import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { InfoAnalysis } from "../../../src/engine/analyze";
import { rankScores } from "../../../src/engine/analyze";
import type { MergeRange, SheetSpec } from "../../../src/engine/layout/sheet-spec";
import {
  buildRankingSheets,
  EXTRA_COLUMNS,
  INELIGIBLE_MARK,
  rankCells,
  rankingSheetName,
  shortChannelLabels,
  TIE_STYLES,
  type RankingSheetOptions,
} from "../../../src/engine/layout/ranking-sheets";
import { displayWidth } from "../../../src/engine/layout/text-width";
import { chaoyangInfo } from "../../../src/engine/presets/chaoyang-info";
import type { UnitScore } from "../../../src/engine/score";
import {
  analyse,
  readPublished,
  readScenarios,
  scenarioRubric,
  scenarioSheets,
  seed000Sheets,
  specGrid,
  tableAt,
} from "./ranking-support";

const ORG = "朝阳共青团";

function mergesInColumn(spec: SheetSpec, column: number, fromRow: number, toRow: number): MergeRange[] {
  return (spec.merges ?? []).filter((m) => m.column === column && m.columns === 1 && m.row >= fromRow && m.row < toRow);
}

describe("the seed-000 shape (附件1)", () => {
  const analysis = analyse(seed000Sheets(), { period: "2013" });
  const [ranking, overall] = buildRankingSheets(analysis, { organisation: ORG, ties: "merge", chart: "none", detail: false });
  const grid = specGrid(ranking);

  it("titles the sheet as the office did, merged across the table", () => {
    expect(grid[0][0]).toBe("朝阳共青团各系统2013年信息上报排名");
    expect(ranking.merges).toContainEqual({ row: 0, column: 0, rows: 1, columns: 3 });
    expect(ranking.name).toBe("2013年排名");
    expect(ranking.ownerKey).toBe("ranking:chaoyang-info:2013");
  });

  it.each(readPublished().map((p) => [p.system, p.rows] as const))("prints %s exactly as published", (system, published) => {
    const table = tableAt(grid, system);
    expect(table.header).toEqual(["排名", "单位名称", "得分"]);
    expect(table.rows.map((row) => [row[0], row[1]])).toEqual(published.map((p) => [p.rank, p.unit]));
  });

  it("prints the 33-unit tie of 青工系统 once, at rank 18, merged down the group in zh-CN order", () => {
    const table = tableAt(grid, "青工系统");
    const first = table.firstRow;
    const tieStart = table.rows.findIndex((row) => row[0] === 18);
    expect(table.rows.slice(tieStart).map((row) => row[2])).toEqual(Array(33).fill(0));
    expect(mergesInColumn(ranking, 0, first, first + table.rows.length)).toEqual([{ row: first + tieStart, column: 0, rows: 33, columns: 1 }]);
    const names = table.rows.slice(tieStart).map((row) => String(row[1]));
    expect(names).toEqual([...names].sort(new Intl.Collator("zh-CN").compare));
  });

  it("merges the two-unit tie at the bottom of 地区系统", () => {
    const table = tableAt(grid, "地区系统");
    const first = table.firstRow;
    expect(mergesInColumn(ranking, 0, first, first + table.rows.length)).toEqual([{ row: first + 17, column: 0, rows: 2, columns: 1 }]);
  });

  it("lists every roster unit once per system table and once overall", () => {
    const units = analysis.roster.units.map((u) => u.name).sort();
    const inSystems = analysis.roster.systems.flatMap((s) => tableAt(grid, s).rows.map((row) => String(row[1])));
    expect(inSystems.sort()).toEqual(units);
    expect(tableAt(specGrid(overall), null).rows.map((row) => String(row[1])).sort()).toEqual(units);
    expect(overall.name).toBe("2013年总排名");
    expect(specGrid(overall)[0][0]).toBe("朝阳共青团2013年信息上报总排名");
  });

  it.each([
    ["publication", ranking],
    ["overall", overall],
  ])("%s sheet is print-ready: A4 portrait, one page wide, title and header repeated and frozen, bordered", (_name, spec) => {
    expect(spec.page).toEqual({ paperSize: "A4", orientation: "portrait", fitToWidth: true, printTitleRows: { first: 0, last: 2 } });
    expect(spec.freeze).toEqual({ rows: 3, columns: 0 });
    expect(specGrid(spec)[2].slice(0, 2)).toEqual(["排名", "单位名称"]);
    // Every cell of the table, from the header to the last unit, has a border.
    const tableEnd = 3 + analysis.roster.units.length + (spec === ranking ? analysis.roster.systems.length : 0);
    const bordered = new Set<string>();
    for (const b of spec.blocks.filter((b) => b.style?.border)) {
      b.values.forEach((line, r) => line.forEach((_, c) => bordered.add(`${b.row + r}:${b.column + c}`)));
    }
    for (let r = 2; r < tableEnd; r++) {
      for (let c = 0; c < (spec.columnWidths?.length ?? 0); c++) {
        const merged = spec.merges?.some((m) => r >= m.row && r < m.row + m.rows && c >= m.column && c < m.column + m.columns);
        expect(bordered.has(`${r}:${c}`) || merged, `${r}:${c}`).toBe(true);
      }
    }
  });

  it("fits column B to the widest name, counting each Chinese character twice", () => {
    const widest = Math.max(...analysis.roster.units.map((u) => displayWidth(u.name)));
    expect(widest).toBe(displayWidth("朝阳区温榆河生态走廊建设管理委员会办公室团支部"));
    expect(ranking.columnWidths?.[1]).toBe(widest + 2);
    expect(ranking.columnWidths).toHaveLength(3);
  });
});

describe.each(readScenarios().map((s) => [s.file, s] as const))("scenario %s", (_file, scenario) => {
  it.each(scenario.cases.map((c) => [c.name, c] as const))("%s", (_name, testCase) => {
    const analysis = analyse(scenarioSheets(scenario), { period: testCase.period, method: testCase.method, rubric: scenarioRubric(scenario) });
    const sheets = buildRankingSheets(analysis, testCase.options);
    const [ranking] = sheets;
    const grid = specGrid(ranking);
    const { expect: wanted } = testCase;
    // 总排名 is the table of the overall sheet; every other heading is a system's section.
    const section = (heading: string) => {
      const spec = heading === "总排名" ? sheets.find((s) => s.ownerKey.startsWith("ranking-overall:"))! : ranking;
      return { spec, table: tableAt(specGrid(spec), heading === "总排名" ? null : heading) };
    };
    if (wanted.title) expect(grid[0][0]).toBe(wanted.title);
    if (wanted.sheetNames) expect(sheets.map((s) => s.name)).toEqual(wanted.sheetNames);
    for (const [heading, rows] of Object.entries(wanted.tables ?? {})) {
      expect(section(heading).table.rows, heading).toEqual(rows);
    }
    for (const [heading, merges] of Object.entries(wanted.rankMerges ?? {})) {
      const { spec, table } = section(heading);
      const first = table.firstRow;
      const found = mergesInColumn(spec, 0, first, first + table.rows.length).map((m) => [m.row - first, m.rows]);
      expect(found, heading).toEqual(merges);
    }
    if (wanted.footnote) {
      const start = grid.findIndex((row) => row?.[0] === wanted.footnote![0]);
      expect(grid.slice(start, start + wanted.footnote.length).map((row) => row[0])).toEqual(wanted.footnote);
    }
    const width = Math.max(...ranking.blocks.flatMap((b) => b.values.map((v) => b.column + v.length)));
    expect(ranking.merges).toContainEqual({ row: 0, column: 0, rows: 1, columns: width });
  });
});

describe("text from the workbook stays text", () => {
  it("writes formula-looking unit names as the exact strings, never as anything else", () => {
    const ties = readScenarios().find((s) => s.file === "ties.json")!;
    const analysis = analyse(scenarioSheets(ties));
    const cells = buildRankingSheets(analysis, { organisation: "=HYPERLINK(1)", ties: "merge" }).flatMap((spec) => specGrid(spec).flat());
    for (const name of ["=1+2团委", "@SUM(1)团委"]) expect(cells).toContain(name);
    expect(cells).toContain("=HYPERLINK(1)各系统2013年信息上报排名");
    // The spec has no formula channel at all: every cell is a plain string, number or blank.
    expect(cells.every((v) => v === null || typeof v === "string" || typeof v === "number")).toBe(true);
  });
});

describe("the detail sheet 得分明细", () => {
  const cases: [string, InfoAnalysis][] = [
    ["seed 000", analyse(seed000Sheets(), { period: "2013" })],
    ...readScenarios().map((s) => [s.file, analyse(scenarioSheets(s), { rubric: scenarioRubric(s) })] as [string, InfoAnalysis]),
  ];

  it.each(cases)("%s: every unit's columns add up to its total", (_name, analysis) => {
    const [, detail] = buildRankingSheets(analysis, { organisation: ORG, ties: "merge", overall: false });
    const grid = specGrid(detail);
    const header = grid[4].map((value, c) => value ?? grid[3][c]);
    const col = (name: string) => header.indexOf(name);
    const channels = shortChannelLabels(analysis.rubric.channels).map(col);
    expect(channels.every((c) => c >= 0)).toBe(true);
    const rows = grid.slice(5);
    expect(rows).toHaveLength(analysis.roster.units.length);
    for (const row of rows) {
      const bonus = channels.reduce((sum, c) => sum + Number(row[c]), 0) + Number(row[col("综合类加分")]);
      expect(bonus).toBeCloseTo(Number(row[col("加分合计")]), 9);
      expect(Number(row[col("基础分")]) + bonus - Number(row[col("扣分")])).toBeCloseTo(Number(row[col("总分")]), 9);
      const months = header.flatMap((h, c) => (/^\d+月$/.test(String(h)) ? [Number(row[c])] : []));
      expect(months.reduce((a, b) => a + b, 0)).toBe(row[col("条数合计")]);
      const score = analysis.scores.find((s) => s.unit === row[0])!;
      expect(row[col("总分")]).toBe(score.total);
    }
  });

  it("gives the eligibility and the penalty reasons in words", () => {
    const eligibility = readScenarios().find((s) => s.file === "eligibility.json")!;
    const analysis = analyse(scenarioSheets(eligibility), { rubric: scenarioRubric(eligibility) });
    const [, detail] = buildRankingSheets(analysis, { organisation: ORG, ties: "merge", overall: false });
    const grid = specGrid(detail);
    const row = (unit: string) => grid.find((r) => r[0] === unit)!;
    const header = grid[3];
    expect(row("双井街道团工委")[header.indexOf("评优资格")]).toBe("有");
    expect(row("常营地区团委")[header.indexOf("扣分原因")]).toBe("重复信息 2 次（−4）");
    expect(row("常营地区团委")[header.indexOf("评优资格")]).toBe("无（扣分：重复信息 2 次）");
    expect(row("管庄地区团委")[header.indexOf("评优资格")]).toBe("无（一票否决：年度信息积分低于 1 分）");
    expect(detail.freeze).toEqual({ rows: 5, columns: 1 });
    expect(detail.page?.orientation).toBe("landscape");
  });

  it("has a column per month of the period", () => {
    const periods = readScenarios().find((s) => s.file === "periods.json")!;
    const quarter = analyse(scenarioSheets(periods), { period: "2013Q1" });
    const grid = specGrid(buildRankingSheets(quarter, { organisation: ORG, ties: "merge", overall: false })[1]);
    expect(grid[4].filter((h) => /月$/.test(String(h)))).toEqual(["1月", "2月", "3月"]);
    expect(grid[3]).toContain("各月报送条数");
  });
});

describe("the chart sheet", () => {
  const analysis = analyse(seed000Sheets(), { period: "2013" });

  it("combined: one bar chart of every unit, one series per system, blank outside the system", () => {
    const chartSheet = buildRankingSheets(analysis, { organisation: ORG, ties: "merge", chart: "combined" })[3];
    expect(chartSheet.ownerKey).toBe("ranking-chart:chaoyang-info:2013");
    expect(chartSheet.charts).toHaveLength(1);
    const [chart] = chartSheet.charts!;
    expect(chart.kind).toBe("bar");
    expect(chart.categories).toHaveLength(93);
    expect(chart.series.map((s) => s.name)).toEqual(["街道系统", "地区系统", "青工系统"]);
    for (const series of chart.series) {
      const units = analysis.scores.filter((s) => s.system === series.name);
      const plotted = series.values.flatMap((v, i) => (v === null ? [] : [[chart.categories[i], v]]));
      expect(plotted.sort()).toEqual(units.map((u) => [u.unit, u.total]).sort());
    }
  });

  it("per-system: one chart per system, stacked without overlapping", () => {
    const chartSheet = buildRankingSheets(analysis, { organisation: ORG, ties: "merge", chart: "per-system" })[3];
    const charts = chartSheet.charts!;
    expect(charts.map((c) => c.series[0].name)).toEqual(["街道系统", "地区系统", "青工系统"]);
    expect(charts[2].categories[0]).toBe("北京市朝阳区团教工委");
    for (let i = 1; i < charts.length; i++) expect(charts[i].anchorRow).toBeGreaterThanOrEqual(charts[i - 1].anchorRow + charts[i - 1].rows!);
  });

  it("none: no chart sheet", () => {
    expect(buildRankingSheets(analysis, { organisation: ORG, ties: "merge", chart: "none" }).map((s) => s.name)).toEqual(["2013年排名", "2013年总排名", "2013年得分明细"]);
  });
});

describe("shortChannelLabels", () => {
  it("uses the first alias when shorter and unique, else the full name", () => {
    expect(shortChannelLabels(chaoyangInfo.channels)).toEqual(["团区委网站", "朝阳团讯", "朝阳新闻", "北京朝阳", "团市委网站", "北京团讯", "工作研究"]);
    const clash = [
      { ...chaoyangInfo.channels[0], aliases: ["网站"] },
      { ...chaoyangInfo.channels[4], aliases: ["网站"] },
      { ...chaoyangInfo.channels[1], aliases: [] },
    ];
    expect(shortChannelLabels(clash)).toEqual(["团区委网站“基层信息”", "团市委网站“基层信息”", "《朝阳团讯》"]);
  });
});

describe("rankCells", () => {
  const ranked = (ranks: (number | null)[]) =>
    ranks.map((rank, i) => {
      const tieSize = ranks.filter((r) => r === rank && r !== null).length || 1;
      return { row: i, rank, tied: tieSize > 1, tieSize };
    });

  it.each([
    ["merge", [[1], [2], [null], [3]], [{ start: 1, size: 2 }]],
    ["repeat", [[1], [2], [2], [3]], []],
    ["label", [[1], ["并列第2"], ["并列第2"], [3]], []],
  ] as const)("%s", (style, values, merged) => {
    expect(rankCells(ranked([1, 2, 2, 3]), style)).toEqual({ values, merged });
  });

  it("leaves unranked rows blank", () => {
    expect(rankCells(ranked([1, null]), "label").values).toEqual([[1], [null]]);
  });
});

describe("rankingSheetName", () => {
  it.each([
    ["2013年排名", "2013年排名"],
    ["2013/Q1:排名", "2013_Q1_排名"],
    ["[草稿]*排名?\\", "_草稿__排名__"],
    ["'引号'", "引号"],
    ["   ", "排名"],
    ["朝阳共青团各系统二〇一三年第一季度信息上报排名及得分明细表（修订稿）", "朝阳共青团各系统二〇一三年第一季度信息上报排名及得分明细表（修"],
  ])("%s → %s", (wanted, safe) => {
    const name = rankingSheetName(wanted);
    expect(name).toBe(safe);
    expect(Array.from(name).length).toBeLessThanOrEqual(31);
    expect(name).not.toMatch(/[[\]:*?/\\]/);
  });

  it("names the sheets from the options when given", () => {
    const analysis = analyse(seed000Sheets(), { period: "2013" });
    const names = buildRankingSheets(analysis, { organisation: ORG, ties: "merge", names: { ranking: "排名:最终", detail: "明细" } }).map((s) => s.name);
    expect(names).toEqual(["排名_最终", "2013年总排名", "明细", "2013年排名图"]);
  });
});

// ---------------------------------------------------------------------------------------------
// Property: for any scores, any tie style and any columns, merges never overlap, stay inside
// the table, and every unit appears once per table.

function overlaps(a: MergeRange, b: MergeRange): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.column < b.column + b.columns && b.column < a.column + a.columns;
}

const SYSTEMS = ["街道系统", "地区系统", "青工系统"];
const unitsArb = fc.uniqueArray(
  fc.record({ name: fc.string({ unit: fc.constantFrom(..."安北朝大东京团委支部=+@-1"), minLength: 1, maxLength: 8 }), system: fc.constantFrom(...SYSTEMS), total: fc.integer({ min: 0, max: 6 }) }),
  { selector: (u) => u.name, minLength: 1, maxLength: 40 },
);

function syntheticAnalysis(units: { name: string; system: string; total: number }[], method: "dense" | "competition"): InfoAnalysis {
  const base = analyse(seed000Sheets(), { period: "2013" });
  const scores: UnitScore[] = units.map((u, index) => ({
    ...base.scores[0],
    unit: u.name,
    system: u.system,
    index,
    total: u.total,
    bonus: u.total,
    base: 0,
    penalty: 0,
    awardEligible: u.total !== 3,
    ineligibleReasons: u.total === 3 ? ["扣分：重复信息"] : [],
  }));
  const systems = SYSTEMS.filter((s) => units.some((u) => u.system === s));
  return { ...base, scores, roster: { units: units.map((u, index) => ({ name: u.name, system: u.system, index })), systems }, ranking: rankScores(scores, systems, method) };
}

describe("layout properties", () => {
  it("merges never overlap and stay inside the written area; every unit is listed", () => {
    fc.assert(
      fc.property(
        unitsArb,
        fc.constantFrom(...TIE_STYLES),
        fc.subarray([...EXTRA_COLUMNS]),
        fc.boolean(),
        fc.constantFrom("dense" as const, "competition" as const),
        (units, ties, extraColumns, overall, method) => {
          const analysis = syntheticAnalysis(units, method);
          const options: RankingSheetOptions = { organisation: ORG, ties, extraColumns, overall, chart: "none" };
          for (const spec of buildRankingSheets(analysis, options)) {
            const grid = specGrid(spec);
            const width = Math.max(...grid.map((row) => row.length));
            const merges = spec.merges ?? [];
            merges.forEach((m, i) => {
              expect(m.rows >= 1 && m.columns >= 1 && m.rows * m.columns > 1).toBe(true);
              expect(m.row >= 0 && m.column >= 0 && m.row + m.rows <= grid.length && m.column + m.columns <= width).toBe(true);
              for (const other of merges.slice(i + 1)) expect(overlaps(m, other)).toBe(false);
              // Only the top-left cell of a merge carries a value.
              for (let r = m.row; r < m.row + m.rows; r++)
                for (let c = m.column; c < m.column + m.columns; c++) if (r !== m.row || c !== m.column) expect(grid[r]?.[c] ?? null).toBeNull();
            });
            expect(spec.columnWidths?.length ?? width).toBe(width);
          }
          const grid = specGrid(buildRankingSheets(analysis, options)[0]);
          const listed = (heading: string) => tableAt(grid, heading).rows.map((row) => String(row[1]).replace(INELIGIBLE_MARK, ""));
          for (const system of analysis.roster.systems) {
            expect(listed(system).sort()).toEqual(units.filter((u) => u.system === system).map((u) => u.name).sort());
          }
          if (overall) {
            const overallGrid = specGrid(buildRankingSheets(analysis, options)[1]);
            expect(tableAt(overallGrid, null).rows.map((row) => String(row[1]).replace(INELIGIBLE_MARK, "")).sort()).toEqual(units.map((u) => u.name).sort());
          }
        },
      ),
      { numRuns: 80 },
    );
  });
});
