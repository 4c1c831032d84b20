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

describe("hunan-wmh: 活动覆盖领域 is not assessed for industry units (RUBRICS §5)", () => {
  const header = [...HEADER, "单位类别", "活动覆盖领域"];
  /** The office has split 创建规模's 30 as 10 for 活动覆盖领域 and 20 for 基层创建规模. */
  const withMaxima = (mode: "exclude" | "renormalise") => ({
    ...hunanWmhRubric,
    items: hunanWmhRubric.items.map((item) => ({ ...item, max: item.label === "活动覆盖领域" ? 10 : 20 })),
    notAssessed: mode,
  });
  // 长沙 87 of 100 (city); 衡阳 75 of 100 (city); 电力 72 of 90 (industry, scale 18 of 20).
  const rows: CellValue[][] = [
    ["长沙", 2015, 9, 18, 25, 27, 8, "市州", 8],
    ["长沙", 2016, 9, 18, 25, 27, 8, "市州", 8],
    ["衡阳", 2015, 8, 15, 22, 24, 6, "市州", 7],
    ["衡阳", 2016, 8, 15, 22, 24, 6, "市州", 7],
    ["电力", 2015, 8, 16, 18, 24, 6, "行业", null],
    ["电力", 2016, 8, 16, 23, 24, 6, "行业", 5],
  ];
  const assessWith = (rubric: typeof hunanWmhRubric, data = rows, head = header) => assessTiered([sheet("考评", [head, ...data])], rubric);

  it("by default excludes it: the industry unit's total is out of 90 and ranked as it stands", () => {
    const result = assessWith(withMaxima("exclude"));
    expect(result.units.map((u) => [u.unit, u.total, u.maxTotal, u.rank])).toEqual([
      ["长沙", 87, 100, 1],
      ["衡阳", 75, 100, 2],
      ["电力", 72, 90, 3],
    ]);
    expect(result.units[2]).toMatchObject({ unitKind: "行业", notAssessed: ["活动覆盖领域"] });
    // Points written for the item in 2016 are taken off 创建规模: 23 − 5 = 18, so both years are 72.
    expect(result.units[2].evaluations).toEqual([{ year: 2015, total: 72 }, { year: 2016, total: 72 }]);
    expect(result.issues).toEqual([expect.objectContaining({ rule: "item-not-assessed", severity: "warning", cell: "I7" })]);
  });

  it("renormalises when the office chooses so: 72 of 90 becomes 80 of 100 and ranks above 75", () => {
    const result = assessWith(withMaxima("renormalise"));
    expect(result.units.map((u) => [u.unit, u.total, u.maxTotal, u.rank])).toEqual([
      ["长沙", 87, 100, 1],
      ["衡阳", 75, 100, 3],
      ["电力", 80, 100, 2],
    ]);
  });

  it("checks an industry unit's 创建规模 against the reduced maximum of 20", () => {
    const data: CellValue[][] = [["电力", 2015, 8, 16, 22, 24, 6, "行业", null], ["电力", 2016, 8, 16, 20, 24, 6, "行业", null]];
    const issues = assessWith(withMaxima("exclude"), data).issues;
    expect(issues).toEqual([expect.objectContaining({ rule: "module-over-max", cell: "E2", message: "「创建规模」22 超过该模块满分 20（不考察的项目已扣除）" })]);
  });

  it("checks an assessed item against its set maximum", () => {
    const data: CellValue[][] = [["长沙", 2015, 9, 18, 25, 27, 8, "市州", 11], ["长沙", 2016, 9, 18, 25, 27, 8, "市州", 8]];
    expect(assessWith(withMaxima("exclude"), data).issues).toEqual([expect.objectContaining({ rule: "item-over-max", cell: "I2" })]);
  });

  it("cannot exclude it while the item's maximum is not set (the preset's default), and says so once", () => {
    const result = assessWith(hunanWmhRubric);
    expect(result.units[2]).toMatchObject({ unit: "电力", total: 74.5, maxTotal: 100, notAssessed: [] });
    expect(result.issues).toEqual([expect.objectContaining({ rule: "item-max-not-set", severity: "info", cell: "H6" })]);
  });

  it("takes the unit's kind from its 系统 column when there is no 单位类别 column", () => {
    const head = [...HEADER, "系统"];
    const data = rows.map((row) => row.slice(0, 8));
    const result = assessWith(withMaxima("exclude"), data, head);
    expect(result.units[2]).toMatchObject({ unit: "电力", system: "行业", total: 74.5, maxTotal: 90 });
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
