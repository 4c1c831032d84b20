import { describe, expect, it } from "vitest";
import { assessWeighted } from "../../../src/engine/assessments/dongguan";
import { dongguanAnnualRubric } from "../../../src/engine/presets/dongguan-annual";
import { sheet } from "./support";

const HEADER = ["单位", "党政评价", "团内考核", "青年评议", "团内考核评语", "成立日期", "材料报送时间"];

function assess(rows: (string | number | null)[][], period = "2017") {
  return assessWeighted([sheet("年度考核", [HEADER, ...rows])], dongguanAnnualRubric, { period });
}

describe("dongguan-annual: weighted total and grade (RUBRICS §3)", () => {
  it("weights 党政评价 30%, 团内考核 50%, 青年评议 20%: 90/80/70 gives 81, 较好", () => {
    const [unit] = assess([["莞城街道团工委", 90, 80, 70, "", "", ""]]).units;
    expect(unit).toMatchObject({ total: 81, grade: "较好", complete: true, awardEligible: true, rank: 1 });
  });

  it("rounds the total to 2 decimals half away from zero, in exact decimals", () => {
    // 26.505 + 45.55 + 14 = 86.055 exactly; binary floating point would give 86.05499…
    const [unit] = assess([["虎门镇团委", 88.35, 91.1, 70, "", "", ""]]).units;
    expect(unit.total).toBe(86.06);
  });

  it("grades on the default lines ≥90 好, ≥80 较好, ≥60 一般, else 差", () => {
    const units = assess([
      ["甲镇团委", 90, 90, 90, "", "", ""],
      ["乙镇团委", 89.99, 89.99, 89.99, "", "", ""],
      ["丙镇团委", 60, 60, 60, "", "", ""],
      ["丁镇团委", 59.99, 59.99, 59.99, "", "", ""],
    ]).units;
    expect(units.map((u) => [u.total, u.grade])).toEqual([[90, "好"], [89.99, "较好"], [60, "一般"], [59.99, "差"]]);
  });

  it("leaves a unit with a blank source incomplete, ungraded and unranked, never scored as 0", () => {
    const result = assess([
      ["长安镇团委", 95, 95, null, "", "", ""],
      ["塘厦镇团委", 70, 70, 70, "", "", ""],
    ]);
    expect(result.units[0]).toMatchObject({ complete: false, total: null, grade: null, rank: null });
    expect(result.units[1]).toMatchObject({ complete: true, total: 70, rank: 1 });
    expect(result.issues).toContainEqual(expect.objectContaining({ rule: "incomplete", cell: "D2" }));
  });

  it("ranks by total with ties sharing a rank", () => {
    const units = assess([
      ["甲镇团委", 80, 80, 80, "", "", ""],
      ["乙镇团委", 90, 90, 90, "", "", ""],
      ["丙镇团委", 80, 80, 80, "", "", ""],
      ["丁镇团委", 70, 70, 70, "", "", ""],
    ]).units;
    expect(units.map((u) => u.rank)).toEqual([2, 1, 2, 3]);
  });
});

describe("dongguan-annual: award eligibility", () => {
  it("takes materials after 2018-01-26 18:00 out of the awards, leaving the score alone", () => {
    const late = assess([
      ["甲镇团委", 90, 90, 90, "", "", "2018-01-26 18:30"],
      ["乙镇团委", 90, 90, 90, "", "", "2018-01-26 17:59"],
      ["丙镇团委", 90, 90, 90, "", "", 43126.75], // serial for 2018-01-26 18:00 exactly
      ["丁镇团委", 90, 90, 90, "", "", "2018年1月26日"], // the day alone: nothing shows it was late
      ["戊镇团委", 90, 90, 90, "", "", "2018-01-27"],
    ]);
    expect(late.units.map((u) => u.awardEligible)).toEqual([false, true, true, true, false]);
    expect(late.units[0]).toMatchObject({ total: 90, grade: "好" });
    expect(late.units[0].ineligibleReasons[0]).toContain("逾期");
    expect(late.issues.filter((i) => i.rule === "late-submission").map((i) => i.cell)).toEqual(["G2", "G6"]);
  });

  it("takes a 厂局团委 founded less than a year before the period ends out of the awards, but not a 镇 or 街道 团委", () => {
    const units = assess([
      ["市供电局团委", 90, 90, 90, "", "2017-03-01", ""],
      ["市水务集团团委", 90, 90, 90, "", "2016-12-31", ""],
      ["新开镇团委", 90, 90, 90, "", "2017-06-01", ""],
    ]).units;
    expect(units.map((u) => u.awardEligible)).toEqual([false, true, true]);
    expect(units[0].ineligibleReasons[0]).toContain("成立不满 1 年");
  });

  it("warns about a 团内考核 comment over 200 characters, at its cell", () => {
    const result = assess([["甲镇团委", 90, 90, 90, "评".repeat(201), "", ""], ["乙镇团委", 90, 90, 90, "评".repeat(200), "", ""]]);
    const warnings = result.issues.filter((i) => i.rule === "comment-too-long");
    expect(warnings).toEqual([expect.objectContaining({ severity: "warning", sheet: "年度考核", cell: "E2" })]);
  });

  it("reports a score above 100 and a text score at their cells", () => {
    const result = assess([["甲镇团委", 101, "优", 90, "", "", ""]]);
    expect(result.issues).toContainEqual(expect.objectContaining({ rule: "score-out-of-range", cell: "B2" }));
    expect(result.issues).toContainEqual(expect.objectContaining({ rule: "bad-number", cell: "C2" }));
    expect(result.units[0].complete).toBe(false);
  });

  it("defaults the period to the year before the deadline, and reports a table it cannot find", () => {
    expect(assessWeighted([sheet("表", [HEADER, ["甲镇团委", 1, 1, 1]])], dongguanAnnualRubric).period).toBe("2017");
    const missing = assessWeighted([sheet("表", [["单位", "得分"]])], dongguanAnnualRubric);
    expect(missing.issues[0]).toMatchObject({ rule: "no-table", severity: "error" });
  });
});
