import { describe, expect, it } from "vitest";
import { assessCounty } from "../../../src/engine/assessments/county";
import type { CellValue } from "../../../src/engine/cells";
import { countyInfo } from "../../../src/engine/presets/county-info";
import { sheet } from "./support";

/** 团结湖街道 sends 3 event items every month of 2013 (base 12); 常营地区 3 in March only (base 1) plus a comprehensive item. */
function workbook() {
  const register: CellValue[][] = [["单位", "报送日期", "信息类型", "采用情况"]];
  for (let month = 1; month <= 12; month++) for (let i = 0; i < 3; i++) register.push(["团结湖街道", `2013-${month}-${i + 1}`, "事件类", ""]);
  register.push(["常营地区", "2013-3-1", "事件类", ""], ["常营地区", "2013-3-2", "事件类", ""], ["常营地区", "2013-3-3", "综合类", "北京团讯"]);
  return [sheet("单位名单", [["单位", "系统"], ["团结湖街道", "街道系统"], ["常营地区", "地区系统"]]), sheet("信息报送", register)];
}

describe("county-info (RUBRICS §2)", () => {
  it("weighs the information total at one fifth of the annual assessment", () => {
    const result = assessCounty(workbook(), countyInfo, { period: "2013" });
    expect(result.units.map((u) => [u.unit, u.total, u.weightedShare, u.vetoed])).toEqual([
      ["团结湖街道", 12, 2.4, false],
      ["常营地区", 6, 1.2, false],
    ]);
    expect(result.units.map((u) => u.rank)).toEqual([1, 2]);
  });

  it("applies no veto until the office sets a pass line, then removes every award below it", () => {
    const result = assessCounty(workbook(), countyInfo, { period: "2013", vetoLine: 10 });
    expect(result.units.map((u) => [u.vetoed, u.awardEligible])).toEqual([[false, true], [true, false]]);
    expect(result.units[1].ineligibleReasons).toEqual(["一票否决：年度信息积分低于 10 分"]);
  });

  it("vetoes only on the year's total, never on a quarter", () => {
    const result = assessCounty(workbook(), countyInfo, { period: "2013Q1", vetoLine: 10 });
    expect(result.units.every((u) => !u.vetoed)).toBe(true);
  });

  it("takes another share of the assessment", () => {
    const result = assessCounty(workbook(), countyInfo, { period: "2013", share: 0.25 });
    expect(result.units[0].weightedShare).toBe(3);
  });
});
