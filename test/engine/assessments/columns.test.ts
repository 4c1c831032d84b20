import { describe, expect, it } from "vitest";
import { formatAdjustment, rankResult, resultColumns } from "../../../src/engine/assessments/columns";
import { assessWeighted } from "../../../src/engine/assessments/dongguan";
import { assessTiered } from "../../../src/engine/assessments/hunan";
import { dongguanAnnualRubric } from "../../../src/engine/presets/dongguan-annual";
import { hunanWmhRubric } from "../../../src/engine/presets/hunan-wmh";
import { sheet } from "./support";

const dongguan = assessWeighted(
  [
    sheet("考核", [
      ["单位", "系统", "党政评价", "团内考核", "青年评议"],
      ["甲镇团委", "镇街", 80, 80, 80],
      ["乙局团委", "厂局", 90, 90, 90],
      ["丙镇团委", "镇街", 80, 80, null],
      ["丁镇团委", "镇街", 80, 80, 80],
    ]),
  ],
  dongguanAnnualRubric,
  { period: "2017" },
);

describe("result columns for the ranking layout", () => {
  it("shows grades for a graded preset and tiers with quota changes for hunan-wmh", () => {
    expect(resultColumns(dongguan).map((c) => c.header)).toEqual(["总分", "等次", "评优资格"]);
    const hunan = assessTiered([sheet("考评", [["单位", "年度", "机制规范", "基础工作", "创建规模", "品牌建设", "其他"], ["长沙", 2015, 9, 18, 25, 27, 8], ["长沙", 2016, 9, 18, 25, 27, 8]])], hunanWmhRubric);
    const columns = resultColumns(hunan);
    expect(columns.map((c) => c.header)).toEqual(["总分", "档次", "名额调整", "评优资格"]);
    expect(columns.map((c) => c.value(hunan.units[0]))).toEqual([87, 1, "+20%", "有"]);
  });

  it("writes an incomplete unit's total as 未完成 and quota changes with signs", () => {
    const incomplete = dongguan.units.find((u) => u.unit === "丙镇团委")!;
    expect(resultColumns(dongguan).map((c) => c.value(incomplete))).toEqual(["未完成", "—", "有"]);
    expect([0.2, 0.1, 0, -0.1, -0.2].map(formatAdjustment)).toEqual(["+20%", "+10%", "0", "−10%", "−20%"]);
  });
});

describe("rankResult", () => {
  it("ranks overall and per system, ties sharing a rank in pinyin order, incomplete units last", () => {
    const ranking = rankResult(dongguan, "dense");
    expect(ranking.overall.map((r) => [r.rank, r.row.unit])).toEqual([[1, "乙局团委"], [2, "丁镇团委"], [2, "甲镇团委"], [null, "丙镇团委"]]);
    expect(ranking.systems.map((s) => [s.system, s.rows.map((r) => r.rank)])).toEqual([["镇街", [1, 1, null]], ["厂局", [1]]]);
  });
});
