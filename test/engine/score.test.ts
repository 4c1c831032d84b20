import { describe, expect, it } from "vitest";
import { analyzeInfo } from "../../src/engine/analyze";
import { chaoyangInfo } from "../../src/engine/presets/chaoyang-info";
import type { InfoRubric } from "../../src/engine/rubric/info-rubric";
import { basePoints, itemBonus } from "../../src/engine/score";
import { monthItems, registerSheet, rosterSheet, sheet, type ItemSpec } from "../support/workbook";

const channel = (id: string) => chaoyangInfo.channels.find((c) => c.id === id)!;

function scoreOf(items: ItemSpec[], period: string, options: { rubric?: InfoRubric; penalties?: unknown[][] } = {}) {
  const sheets = [rosterSheet([["甲街道团工委", "街道系统"], ["乙地区团委", "地区系统"]]), registerSheet(items)];
  if (options.penalties) sheets.push(sheet("扣分记录", [["单位", "日期", "原因"], ...(options.penalties as never[][])]));
  const result = analyzeInfo(sheets, { rubric: options.rubric ?? chaoyangInfo, period });
  if (!result.ok) throw new Error(result.issues[0].message);
  return result.analysis;
}

describe("base points (RUBRICS.md §1)", () => {
  it("a month with at least 3 items scores 1, fewer scores 0", () => {
    expect(basePoints([3], chaoyangInfo)).toBe(1);
    expect(basePoints([2], chaoyangInfo)).toBe(0);
  });

  it("40 items in the year with none in March score 12", () => {
    const counts = [4, 4, 0, 4, 4, 4, 4, 4, 4, 4, 2, 2];
    expect(counts.reduce((a, b) => a + b)).toBe(40);
    expect(basePoints(counts, chaoyangInfo)).toBe(12);
  });

  it("35 items spread so that 10 months have 3 or more score 10", () => {
    const counts = [3, 3, 3, 3, 3, 3, 3, 3, 3, 5, 2, 1];
    expect(counts.reduce((a, b) => a + b)).toBe(35);
    expect(basePoints(counts, chaoyangInfo)).toBe(10);
  });

  it("a quarter scores the number of its months with at least 3 items, with no 36-style rule", () => {
    expect(basePoints([5, 3, 2], chaoyangInfo)).toBe(2);
    expect(basePoints([30, 0, 0], chaoyangInfo)).toBe(1);
  });

  it("follows the report date through the workbook, for year, quarter and month", () => {
    const items = [...monthItems("甲街道团工委", 2013, 1, 3), ...monthItems("甲街道团工委", 2013, 2, 2), ...monthItems("甲街道团工委", 2013, 4, 3)];
    expect(scoreOf(items, "2013").scores[0].base).toBe(2);
    expect(scoreOf(items, "2013Q1").scores[0].base).toBe(1);
    expect(scoreOf(items, "2013Q2").scores[0].base).toBe(1);
    expect(scoreOf(items, "2013-02").scores[0].base).toBe(0);
  });
});

describe("bonus points", () => {
  it("every comprehensive item earns +2, adopted or not", () => {
    expect(itemBonus("comprehensive", [], chaoyangInfo)).toBe(2);
    expect(itemBonus("event", [], chaoyangInfo)).toBe(0);
  });

  it("adds every adopting channel (累计计算), by type", () => {
    expect(itemBonus("event", [channel("district-site"), channel("chaoyang-tuanxun")], chaoyangInfo)).toBe(4);
    expect(itemBonus("comprehensive", [channel("district-site"), channel("beijing-tuanxun"), channel("work-research")], chaoyangInfo)).toBe(2 + 3 + 3 + 3);
  });

  it("reads channel aliases and separators from the adoptions cell", () => {
    const a = scoreOf(
      [
        { unit: "甲街道团工委", date: "2013-05-01", type: "动态信息", adoptions: "团区委网站、朝阳团讯；北京朝阳" },
        { unit: "甲街道团工委", date: "2013-05-02", type: "调研", adoptions: "区团委网站/北京团讯\n工作研究" },
      ],
      "2013",
    );
    expect(a.scores[0].bonus).toBe(1 + 3 + 3 + (2 + 3 + 3 + 3));
    expect(a.issues).toEqual([]);
  });

  it("scores 0 for a channel that does not take the type, and flags it", () => {
    const a = scoreOf([{ unit: "甲街道团工委", date: "2013-05-01", type: "综合类", adoptions: "朝阳团讯" }], "2013");
    expect(a.scores[0].bonus).toBe(2);
    expect(a.issues.map((i) => [i.rule, i.cell])).toEqual([["channel-type-mismatch", "E2"]]);
  });

  it("flags a bare 基层信息 as ambiguous and does not guess", () => {
    const a = scoreOf([{ unit: "甲街道团工委", date: "2013-05-01", adoptions: "基层信息" }], "2013");
    expect(a.scores[0].bonus).toBe(0);
    expect(a.issues.map((i) => i.rule)).toEqual(["ambiguous-channel"]);
  });
});

describe("penalties and eligibility", () => {
  it("each verified case costs 2 and removes the year's award eligibility", () => {
    const items = monthItems("甲街道团工委", 2013, 1, 3);
    const a = scoreOf(items, "2013", { penalties: [["甲街道团工委", "2013-06-01", "重复信息"], ["甲街道团工委", "2013.7.1", "抄袭"]] });
    const unit = a.scores[0];
    expect([unit.base, unit.bonus, unit.penalty, unit.total]).toEqual([1, 0, 4, -3]);
    expect(unit.awardEligible).toBe(false);
    expect(unit.ineligibleReasons).toEqual(["扣分：重复信息", "扣分：抄袭信息"]);
    expect(a.scores[1].awardEligible).toBe(true);
  });

  it("a violation recorded on a submission row counts as a case", () => {
    const a = scoreOf([{ unit: "乙地区团委", date: "2013-03-01", violation: "重大信息漏报" }], "2013");
    expect(a.scores[1].penalty).toBe(2);
    expect(a.scores[1].awardEligible).toBe(false);
  });

  it("a case outside the quarter costs nothing in that quarter but still removes the year's eligibility", () => {
    const a = scoreOf(monthItems("甲街道团工委", 2013, 1, 3), "2013Q1", { penalties: [["甲街道团工委", "2013-09-01", "重复信息"]] });
    expect(a.scores[0].penalty).toBe(0);
    expect(a.scores[0].awardEligible).toBe(false);
  });
});

describe("totals, the one-fifth weight and the veto (RUBRICS.md §1–§2)", () => {
  it("total = base + bonus − penalty, and every roster unit is scored", () => {
    const a = scoreOf([...monthItems("甲街道团工委", 2013, 1, 3), { unit: "甲街道团工委", date: "2013-01-09", type: "综合类", adoptions: "北京团讯" }], "2013");
    expect(a.scores.map((s) => [s.unit, s.base, s.bonus, s.penalty, s.total])).toEqual([
      ["甲街道团工委", 1, 5, 0, 6],
      ["乙地区团委", 0, 0, 0, 0],
    ]);
    expect(a.scores[0].weightedShare).toBe(1.2);
  });

  it("applies no veto until the office sets a pass line", () => {
    expect(scoreOf([], "2013").scores.every((s) => !s.vetoed && s.awardEligible)).toBe(true);
  });

  it("vetoes a unit below the pass line for the year", () => {
    const rubric: InfoRubric = { ...chaoyangInfo, assessment: { share: 0.2, vetoLine: 5 } };
    const a = scoreOf(monthItems("甲街道团工委", 2013, 1, 3), "2013", { rubric });
    expect(a.scores[0]).toMatchObject({ total: 1, vetoed: true, awardEligible: false });
    expect(a.scores[0].ineligibleReasons).toEqual(["一票否决：年度信息积分低于 5 分"]);
    expect(scoreOf(monthItems("甲街道团工委", 2013, 1, 3), "2013Q1", { rubric }).scores[0].vetoed).toBe(false);
  });

  it("adds decimals exactly", () => {
    const rubric: InfoRubric = {
      ...chaoyangInfo,
      comprehensiveBonus: 0.1,
      channels: chaoyangInfo.channels.map((c) => ({ ...c, points: { event: 0.2, comprehensive: 0.2 } })),
    };
    const a = scoreOf([{ unit: "甲街道团工委", date: "2013-05-01", type: "综合类", adoptions: "团区委网站" }], "2013", { rubric });
    expect(a.scores[0].bonus).toBe(0.3);
  });
});
