import { describe, expect, it } from "vitest";
import { assessTiered, termOf } from "../../../src/engine/assessments/hunan";
import type { CellValue } from "../../../src/engine/cells";
import { hunanWmhRubric } from "../../../src/engine/presets/hunan-wmh";
import { sheet } from "./support";

const HEADER = ["单位", "年度", "机制规范", "基础工作", "创建规模", "品牌建设", "其他"];

function assess(rows: CellValue[][], period?: string, header = HEADER) {
  return assessTiered([sheet("考评", [header, ...rows])], hunanWmhRubric, { period });
}

/** Two evaluations whose module sums are a and b (all in 创建规模 beyond a fixed base of 50). */
function twoEvaluations(unit: string, a: number, b: number): CellValue[][] {
  return [
    [unit, 2015, 8, 16, a - 50, 20, 6],
    [unit, 2016, 8, 16, b - 50, 20, 6],
  ];
}

describe("hunan-wmh: term average, rank and tiers (RUBRICS §5)", () => {
  it("averages the unit's two evaluations in the term: 87 and 90 give 88.5", () => {
    const result = assess([
      ["长沙", 2015, 9, 18, 25, 27, 8],
      ["长沙", "2016年", 10, 17, 28, 26, 9],
    ]);
    expect(result.period).toBe("2015-2016");
    expect(result.units[0]).toMatchObject({ unit: "长沙", total: 88.5, complete: true, rank: 1, quotaBase: 10, quotaTarget: 100 });
    expect(result.units[0].evaluations).toEqual([{ year: 2015, total: 87 }, { year: 2016, total: 90 }]);
  });

  it("cuts ten units into five tiers of two by rank position, with +20%…−20% quota adjustments", () => {
    const totals = [95, 90, 85, 80, 75, 70, 65, 60, 55, 52];
    const names = ["长沙", "衡阳", "株洲", "湘潭", "邵阳", "岳阳", "常德", "张家界", "益阳", "郴州"];
    const units = assess(names.flatMap((n, i) => twoEvaluations(n, totals[i], totals[i]))).units;
    expect(units.map((u) => u.tier)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(units.map((u) => u.quotaAdjustment)).toEqual([0.2, 0.2, 0.1, 0.1, 0, 0, -0.1, -0.1, -0.2, -0.2]);
    expect(units.map((u) => u.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("gives tied units the better tier when the tie straddles a boundary", () => {
    const totals = [95, 90, 85, 80, 80, 70, 65, 60, 55, 52];
    const names = ["长沙", "衡阳", "株洲", "湘潭", "邵阳", "岳阳", "常德", "张家界", "益阳", "郴州"];
    const units = assess(names.flatMap((n, i) => twoEvaluations(n, totals[i], totals[i]))).units;
    expect(units.map((u) => u.tier)).toEqual([1, 1, 2, 2, 2, 3, 4, 4, 5, 5]);
    expect(units[3].rank).toBe(units[4].rank);
  });

  it("cuts by the office's tier count and shares: 4 tiers of 10%/40%/40%/10%, ties still sharing the better tier", () => {
    const rubric = {
      ...hunanWmhRubric,
      tiers: [
        { tier: 1, quotaAdjustment: 0.2, share: 0.1 },
        { tier: 2, quotaAdjustment: 0.1, share: 0.4 },
        { tier: 3, quotaAdjustment: -0.1, share: 0.4 },
        { tier: 4, quotaAdjustment: -0.2, share: 0.1 },
      ],
    };
    // Ten units: sizes 1, 4, 4, 1. The two 60s sit at positions 4 and 5, across the 2|3 line.
    const totals = [95, 90, 85, 80, 60, 60, 58, 55, 54, 52];
    const names = ["长沙", "衡阳", "株洲", "湘潭", "邵阳", "岳阳", "常德", "张家界", "益阳", "郴州"];
    const rows = names.flatMap((n, i) => twoEvaluations(n, totals[i], totals[i]));
    const units = assessTiered([sheet("考评", [HEADER, ...rows])], rubric).units;
    expect(units.map((u) => u.tier)).toEqual([1, 2, 2, 2, 2, 2, 3, 3, 3, 4]);
    expect(units.map((u) => u.quotaAdjustment)).toEqual([0.2, 0.1, 0.1, 0.1, 0.1, 0.1, -0.1, -0.1, -0.1, -0.2]);
  });

  it("leaves a unit with one evaluation in the term incomplete, untiered, and warns", () => {
    const result = assess([...twoEvaluations("长沙", 80, 90), ["衡阳", 2016, 10, 20, 30, 30, 10]]);
    expect(result.units[1]).toMatchObject({ unit: "衡阳", complete: false, total: null, rank: null, tier: null, quotaAdjustment: null });
    expect(result.issues).toContainEqual(expect.objectContaining({ rule: "too-few-evaluations", unit: "衡阳", period: "2015-2016" }));
  });

  it("ignores evaluations outside the chosen term", () => {
    const result = assess([["长沙", 2014, 10, 20, 30, 30, 10], ...twoEvaluations("长沙", 80, 90)], "2015-2016");
    expect(result.units[0].total).toBe(85);
    expect(assess([...twoEvaluations("长沙", 80, 90)], "2014-2015").issues[0].rule).toBe("bad-period");
  });
});

describe("hunan-wmh: validation", () => {
  it("reports a module above its maximum at its cell", () => {
    const issues = assess([["长沙", 2015, 11, 20, 30, 30, 10], ["长沙", 2016, 10, 20, 31, 30, -3]]).issues;
    expect(issues.filter((i) => i.rule === "module-over-max").map((i) => i.cell)).toEqual(["C2", "E3"]);
    expect(issues.filter((i) => i.rule === "module-under-min")).toHaveLength(0);
  });

  it("checks the evaluation month: November in odd years, September in even years", () => {
    const header = [...HEADER, "考评日期"];
    const issues = assess(
      [
        ["长沙", 2015, 9, 18, 25, 27, 8, "2015-11-12"],
        ["长沙", 2016, 9, 18, 25, 27, 8, "2016-11-03"],
        ["衡阳", 2015, 9, 18, 25, 27, 8, "9月"],
        ["衡阳", 2016, 9, 18, 25, 27, 8, "2016年9月20日"],
      ],
      undefined,
      header,
    ).issues.filter((i) => i.rule === "wrong-evaluation-month");
    expect(issues.map((i) => i.cell)).toEqual(["H3", "H4"]);
  });

  it("warns about a unit with no non-public collective, when the column exists", () => {
    const header = [...HEADER, "非公集体数"];
    const issues = assess([["长沙", 2015, 9, 18, 25, 27, 8, 0], ["长沙", 2016, 9, 18, 25, 27, 8, 2]], undefined, header).issues;
    expect(issues.filter((i) => i.rule === "missing-non-public").map((i) => i.cell)).toEqual(["H2"]);
  });

  it("warns when creating collectives fall short of base quota × 10", () => {
    const header = [...HEADER, "创建集体数"];
    const issues = assess([["长沙市团委", 2015, 9, 18, 25, 27, 8, 99], ["长沙市团委", 2016, 9, 18, 25, 27, 8, 100]], undefined, header).issues;
    expect(issues.filter((i) => i.rule === "below-scale-target").map((i) => i.cell)).toEqual(["H2"]);
  });

  it("reports the same unit and year twice", () => {
    const issues = assess([...twoEvaluations("长沙", 80, 90), ["长沙", 2016, 1, 1, 1, 1, 1]]).issues;
    expect(issues).toContainEqual(expect.objectContaining({ rule: "duplicate-evaluation", cell: "B4" }));
  });
});

describe("termOf", () => {
  it("puts a year in its two-year term starting in an odd year", () => {
    expect(termOf(2016, 2)).toEqual({ first: 2015, last: 2016, key: "2015-2016" });
    expect(termOf(2015, 2).key).toBe("2015-2016");
    expect(termOf(2017, 2).key).toBe("2017-2018");
    expect(termOf(2017, 1).key).toBe("2017");
  });
});
