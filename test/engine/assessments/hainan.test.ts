import { describe, expect, it } from "vitest";
import { assessItemized } from "../../../src/engine/assessments/hainan";
import type { CellValue } from "../../../src/engine/cells";
import type { ItemizedRubric } from "../../../src/engine/rubric/assessment-rubrics";
import { hainanWechatRubric } from "../../../src/engine/presets/hainan-wechat";
import { sheet } from "./support";

/** The preset with the parts the office adds for what the document lost: 2 points in 三, a section 四 of 1.5. */
const rubric: ItemizedRubric = {
  ...hainanWechatRubric,
  sections: [
    ...hainanWechatRubric.sections.map((s) =>
      s.id === "三" ? { ...s, items: [...s.items, { id: "3.3", label: "微信群活跃度", aliases: [], max: 2, min: 0 }] } : s,
    ),
    { id: "四", label: "其他", max: 1.5, items: [{ id: "4.1", label: "创新工作", aliases: [], max: 1.5, min: 0 }] },
  ],
};

const HEADER = ["单位", "考核项目", "自评得分", "考评得分"];
const ITEMS = ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "4.1"];

/** One row per item for a unit, assessed scores in item order; self-scores equal unless given. */
function unitRows(unit: string, assessed: number[], self: number[] = assessed): CellValue[][] {
  return assessed.map((score, i) => [unit, ITEMS[i], self[i], score]);
}

/** Assessed scores adding up to 9. */
const NINE = [1, 1, 1, 0.4, 0.8, 0.8, 0.5, 0.5, 0.5, 2, 0.5];

function assess(rows: CellValue[][], checks: CellValue[][] = [], r: ItemizedRubric = rubric) {
  const sheets = [sheet("考评表", [HEADER, ...rows])];
  if (checks.length) sheets.push(sheet("抽查", [["单位", "抽查日期", "发布条数"], ...checks]));
  return assessItemized(sheets, r, { period: "2013" });
}

describe("hainan-wechat: total and grade (RUBRICS §4)", () => {
  it("sums assessed points exactly and keeps the bands contiguous: 8.95 is 良好", () => {
    const [unit] = assess(unitRows("海口市团委", [1, 1, 0.95, 0.4, 0.8, 0.8, 0.5, 0.5, 0.5, 2, 0.5])).units;
    expect(unit).toMatchObject({ total: 8.95, grade: "良好", vetoed: false, awardEligible: true, complete: true });
    expect(unit.sections).toEqual([
      { id: "一", label: "落实全省微信工作", points: 2.95 },
      { id: "二", label: "微信群情况", points: 2.5 },
      { id: "三", label: "微信群管理、监督运营情况", points: 3 },
      { id: "四", label: "其他", points: 0.5 },
    ]);
  });

  it("adds tenths without binary drift: 0.1 + 0.2 … reaching 6 exactly is 合格, not 不合格", () => {
    const [unit] = assess(unitRows("三亚市团委", [1, 1, 0.1, 0.2, 0.8, 0.8, 0.5, 0.3, 0.3, 1, 0])).units;
    expect(unit.total).toBe(6);
    expect(unit.grade).toBe("合格");
    expect(unit.awardEligible).toBe(true);
  });

  it("grades ≥9 优秀, 7–8.99 良好, 6–6.99 合格, below 6 不合格 and removes awards below 6", () => {
    const units = assess([
      ...unitRows("甲市团委", NINE),
      ...unitRows("乙市团委", [1, 1, 1, 0.4, 0.8, 0.8, 0.5, 0.5, 0.5, 0.5, 0]),
      ...unitRows("丙市团委", [1, 1, 0.5, 0.4, 0.8, 0.5, 0.3, 0.5, 0.5, 0.4, 0]),
    ]).units;
    expect(units.map((u) => [u.total, u.grade, u.awardEligible])).toEqual([[9, "优秀", true], [7, "良好", true], [5.9, "不合格", false]]);
    expect(units[2].ineligibleReasons[0]).toContain("低于 6 分");
    expect(units.map((u) => u.rank)).toEqual([1, 2, 3]);
  });

  it("caps the grade at 良好 after 3 consecutive spot checks rated 差, by date within the unit", () => {
    const result = assess(
      [...unitRows("甲市团委", NINE), ...unitRows("乙市团委", NINE)],
      [
        // Out of sheet order: by date 甲 is 2, 1, 2 posts (差 ×3), then 10.
        ["甲市团委", "2013-03-20", 10],
        ["甲市团委", "2013-03-01", 2],
        ["乙市团委", "2013-03-01", 2],
        ["甲市团委", "2013-03-10", 2],
        ["甲市团委", "2013-03-05", 1],
        ["乙市团委", "2013-03-05", 1],
        ["乙市团委", "2013-03-07", 5],
        ["乙市团委", "2013-03-09", 0],
      ],
    );
    const [jia, yi] = result.units;
    expect(jia).toMatchObject({ total: 9, uncappedGrade: "优秀", grade: "良好", vetoed: true, awardEligible: true });
    expect(jia.spotChecks.map((c) => c.level)).toEqual(["差", "差", "差", "优秀"]);
    expect(yi).toMatchObject({ grade: "优秀", vetoed: false });
    expect(yi.spotChecks.map((c) => c.level)).toEqual(["差", "差", "一般", "差"]);
  });
});

describe("hainan-wechat: validation", () => {
  it("reports an item above its maximum at the cell, for the self-score and the assessed score", () => {
    const rows = unitRows("甲市团委", [1.2, 1, 1, 0.4, 0.8, 0.8, 0.5, 0.5, 0.5, 0.5], [1, 1, 1, 0.5, 0.8, 0.8, 0.5, 0.5, 0.5, 0.5]);
    const issues = assess(rows).issues.filter((i) => i.rule === "item-over-max");
    expect(issues.map((i) => i.cell)).toEqual(["D2", "C5"]);
  });

  it("reports a coverage item below its −0.2 floor", () => {
    const issues = assess(unitRows("甲市团委", [1, 1, 1, 0.4, -0.4, 0.8, 0.5, 0.5, 0.5, 0.5])).issues;
    expect(issues).toContainEqual(expect.objectContaining({ rule: "item-under-min", cell: "D6" }));
  });

  it("reports a section whose items add up to more than the section's maximum", () => {
    const tight: ItemizedRubric = { ...rubric, sections: rubric.sections.map((s) => (s.id === "二" ? { ...s, max: 2 } : s)) };
    const issues = assess(unitRows("甲市团委", [1, 1, 1, 0.4, 0.8, 0.8, 0.5, 0.5, 0.5, 0.5]), [], tight).issues;
    expect(issues.filter((i) => i.rule === "section-over-max").map((i) => i.message)).toEqual([
      "甲市团委「微信群情况」自评合计 2.5 超过该部分满分 2",
      "甲市团委「微信群情况」考评合计 2.5 超过该部分满分 2",
    ]);
  });

  it("warns when self-scores and assessed scores differ by more than 1 in total, not at exactly 1", () => {
    const assessed = [1, 1, 1, 0.4, 0.8, 0.8, 0.5, 0.5, 0.5, 0.5];
    const selfOver = [1, 1, 1, 0.4, 0.8, 0.8, 0.5, 0.5, 0.5, 1.5];
    expect(assess(unitRows("甲市团委", assessed, selfOver)).issues.filter((i) => i.rule === "self-assessed-gap")).toHaveLength(0);
    selfOver[8] = 0.5 + 0.01;
    const gap = assess(unitRows("甲市团委", assessed, selfOver)).issues.filter((i) => i.rule === "self-assessed-gap");
    expect(gap).toEqual([expect.objectContaining({ severity: "warning", unit: "甲市团委" })]);
  });

  it("counts an item the rubric does not know but warns, and finds items written with numbering", () => {
    const result = assess([
      ["甲市团委", "1、完善微信工作机制", 1, 1],
      ["甲市团委", "（二）公众平台开通情况（0.4分）", 0.4, 0.4],
      ["甲市团委", "微博工作", 1, 1],
    ]);
    expect(result.units[0].total).toBe(2.4);
    expect(result.issues.filter((i) => i.rule === "unknown-item").map((i) => i.cell)).toEqual(["B4"]);
  });

  it("leaves a unit with a blank assessed score incomplete and unranked", () => {
    const rows = unitRows("甲市团委", [1, 1, 1, 0.4, 0.8, 0.8, 0.5, 0.5, 0.5, 0.5]);
    rows[3][3] = "";
    const [unit] = assess(rows).units;
    expect(unit).toMatchObject({ complete: false, total: null, grade: null, rank: null, awardEligible: false });
  });

  it("reports a spot check of a unit not in the assessment table", () => {
    const result = assess(unitRows("海口市团委", [1, 1, 1, 0.4, 0.8, 0.8, 0.5, 0.5, 0.5, 0.5]), [["海囗市团委", "2013-03-01", 3]]);
    expect(result.issues).toContainEqual(expect.objectContaining({ rule: "unknown-unit", sheet: "抽查", cell: "A2" }));
  });
});

describe("hainan-wechat: publishing duty on weekly reports", () => {
  it("warns when a week's posts fall short of one a day per account and per group", () => {
    const sheets = [
      sheet("考评表", [HEADER, ...unitRows("海口市团委", NINE)]),
      sheet("周报", [
        ["单位", "周次", "公众平台发布条数", "微信群数", "微信群发布条数"],
        ["海口市团委", "第1周", 7, 3, 21],
        ["海口市团委", "第2周", 6, 3, 20],
        ["三亚市团委", "第3周", 7, 3, 21],
      ]),
    ];
    const issues = assessItemized(sheets, rubric).issues;
    expect(issues.filter((i) => i.rule === "publishing-duty").map((i) => [i.cell, i.message])).toEqual([
      ["C3", "海口市团委「第2周」公众平台发布 6 条，少于每天 1 条的要求（应至少 7 条）"],
      ["E3", "海口市团委「第2周」微信群发布 20 条，少于每天 1 条的要求（应至少 21 条）"],
    ]);
    expect(issues).toContainEqual(expect.objectContaining({ rule: "unknown-unit", sheet: "周报", cell: "A4" }));
  });
});

describe("hainan-wechat: the meetings item by its rule (RUBRICS §4: 0.2 for a written rule, 0.1 a meeting, at most 1)", () => {
  const header = [...HEADER, "书面制度", "会议次数"];
  /** NINE for one unit, with the meetings item's (1.3) assessed score and facts replaced. */
  function meetings(assessed: CellValue, written: CellValue, count: CellValue) {
    const rows = unitRows("海口市团委", NINE).map((row) => [...row, null, null]);
    rows[2] = ["海口市团委", "1.3", 1, assessed, written, count];
    return assessItemized([sheet("考评表", [header, ...rows])], rubric, { period: "2013" });
  }

  it("scores a blank 考评得分 by the rule in exact decimals: a written rule and 5 meetings give 0.7", () => {
    const result = meetings(null, "有", 5);
    expect(result.units[0]).toMatchObject({ total: 8.7, complete: true, grade: "良好" });
    expect(result.units[0].sections[0].points).toBe(2.7);
    expect(result.issues.filter((i) => i.rule === "incomplete")).toEqual([]);
    // 0.2 + 0.1 is 0.3, not 0.30000000000000004.
    expect(meetings(null, "是", 1).units[0].sections[0].points).toBe(2.3);
  });

  it("caps the item at its maximum of 1, and gives no written rule nothing for it", () => {
    expect(meetings(null, "有", 9).units[0].sections[0].points).toBe(3);
    expect(meetings(null, "无", 12).units[0].sections[0].points).toBe(3);
    expect(meetings(null, "否", 4).units[0].sections[0].points).toBe(2.4);
  });

  it("warns at the 考评得分 cell when an entered score disagrees with the rule, and keeps the entered score", () => {
    const result = meetings(0.8, "有", 5);
    expect(result.issues).toEqual([expect.objectContaining({ rule: "tally-mismatch", severity: "warning", cell: "D4" })]);
    expect(result.issues[0].message).toContain("应为 0.7 分");
    expect(result.units[0].total).toBe(8.8);
    expect(meetings(0.7, "有", 5).issues).toEqual([]);
  });

  it("reports a written-rule cell it cannot read, a half-filled pair, and facts on an item not scored by them", () => {
    expect(meetings(null, "大概有", 5).issues).toContainEqual(expect.objectContaining({ rule: "bad-value", severity: "error", cell: "E4" }));
    expect(meetings(0.7, "有", null).issues).toEqual([expect.objectContaining({ rule: "tally-incomplete", cell: "F4" })]);
    const rows = unitRows("海口市团委", NINE).map((row) => [...row, null, null]);
    rows[0][5] = 3;
    const result = assessItemized([sheet("考评表", [header, ...rows])], rubric, { period: "2013" });
    expect(result.issues).toEqual([expect.objectContaining({ rule: "tally-not-applicable", cell: "F2" })]);
  });
});
