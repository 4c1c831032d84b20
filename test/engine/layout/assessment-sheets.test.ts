import { describe, expect, it } from "vitest";
import { assessWorkbook, type AssessmentResult } from "../../../src/engine/assessments";
import { assessmentPeriodLabel, assessmentTitle, buildAssessmentSheets, type AssessmentSheetOptions } from "../../../src/engine/layout/assessment-sheets";
import { buildRankingSheets } from "../../../src/engine/layout/ranking-sheets";
import type { SheetSpec } from "../../../src/engine/layout/sheet-spec";
import { printedWidth } from "../../../src/engine/layout/text-width";
import { findPreset, type Rubric } from "../../../src/engine/presets";
import { dongguanAnnualRubric } from "../../../src/engine/presets/dongguan-annual";
import { countyInfo } from "../../../src/engine/presets/county-info";
import { fixtureOption, fixtureSheets, presetFixture, readPresetFixtures } from "../../support/preset-fixtures";
import { sheet } from "../../support/workbook";
import { analyse, HEADER_ROW, specGrid, tableAt } from "./ranking-support";

/** A preset's fixture workbook, assessed with the fixture's own options. */
function assessFixture(id: string): { result: AssessmentResult; rubric: Rubric } {
  const fixture = presetFixture(id);
  const rubric = findPreset(id)!;
  const vetoLine = fixtureOption(fixture, "veto-line");
  const result = assessWorkbook(fixtureSheets(fixture), rubric, {
    period: fixtureOption(fixture, "period"),
    ...(vetoLine !== undefined ? { vetoLine: Number(vetoLine) } : {}),
  });
  return { result, rubric };
}

const MERGE: AssessmentSheetOptions = { organisation: "", ties: "merge" };

function build(id: string, options: AssessmentSheetOptions = MERGE): SheetSpec[] {
  const { result, rubric } = assessFixture(id);
  return buildAssessmentSheets(result, rubric, options);
}

/** Lines of the ※ footnote under the tables. */
function footnote(spec: SheetSpec): string[] {
  const grid = specGrid(spec);
  const start = grid.findIndex((row) => typeof row?.[0] === "string" && row[0].startsWith("※"));
  return start < 0 ? [] : grid.slice(start).map((row) => String(row[0]));
}

describe("dongguan-annual: grades, incomplete units last, ineligible units marked", () => {
  const [ranking, detail, chart] = build("dongguan-annual");

  it("publishes one table (no systems) with 等次 after 总分 and the unfinished unit unranked at the bottom", () => {
    const grid = specGrid(ranking);
    expect(grid[0]).toEqual(["2017年东莞共青团年度工作考核排名"]);
    expect(grid[1][0]).toContain("未完成考评的单位不排名");
    const table = tableAt(grid, null);
    expect(table.header).toEqual(["排名", "单位名称", "总分", "等次"]);
    expect(table.rows).toEqual([
      [1, "市供电局团委※", 93.1, "好"],
      [2, "虎门镇团委", 86.06, "较好"],
      [3, "市水务集团团委", 85, "较好"],
      [4, "莞城街道团工委", 81, "较好"],
      [5, "塘厦镇团委※", 55.5, "差"],
      ["—", "长安镇团委", "未完成", "—"],
    ]);
  });

  it("explains each mark in the footnote", () => {
    expect(footnote(ranking)).toEqual([
      "※ 无评优资格或受一票否决的单位及原因：",
      "　市供电局团委：成立不满 1 年（2017-03-01 成立）",
      "　塘厦镇团委：材料逾期报送（截止 2018-01-26 18:00）",
    ]);
  });

  it("writes the three sources with their weights on the detail sheet, 缺 where one is blank", () => {
    const grid = specGrid(detail);
    expect(grid[HEADER_ROW + 1]).toEqual(["单位", "各方得分", null, null, "总分", "等次", "评优资格"]);
    expect(grid[HEADER_ROW + 2].slice(1, 4)).toEqual(["党政评价（30%）", "团内考核（50%）", "青年评议（20%）"]);
    const rows = grid.slice(HEADER_ROW + 3);
    expect(rows.find((r) => r[0] === "虎门镇团委")).toEqual(["虎门镇团委", 88.35, 91.1, 70, 86.06, "较好", "有"]);
    expect(rows.find((r) => r[0] === "长安镇团委")!.slice(1, 5)).toEqual([95, 95, "缺", "未完成"]);
    expect(detail.merges).toContainEqual({ row: HEADER_ROW + 1, column: 1, rows: 1, columns: 3 });
  });

  it("charts only the units that have a total", () => {
    expect(chart.charts![0].categories).toEqual(["市供电局团委", "虎门镇团委", "市水务集团团委", "莞城街道团工委", "塘厦镇团委"]);
  });

  it("has no 总排名 sheet when the units have no systems: the publication sheet is already one table", () => {
    expect(build("dongguan-annual").map((s) => s.name)).toEqual(["2017年排名", "2017年得分明细", "2017年排名图"]);
  });
});

describe("hunan-wmh: tiers and quota changes", () => {
  it("shows 档次 and 名额调整 and merges the shared rank of a tie", () => {
    const [ranking] = build("hunan-wmh");
    const grid = specGrid(ranking);
    expect(grid[0]).toEqual(["2015—2016年湖南青年文明号活动管理工作考评排名"]);
    const table = tableAt(grid, null);
    expect(table.header).toEqual(["排名", "单位名称", "总分", "档次", "名额调整"]);
    expect(table.rows).toEqual([
      [1, "长沙", 88.5, 1, "+20%"],
      [2, "衡阳", 81, 2, "+10%"],
      [null, "湘潭", 81, 2, "+10%"],
      [3, "株洲", 76, 4, "−10%"],
      [4, "邵阳", 61, 5, "−20%"],
      ["—", "岳阳", "未完成", "—", "—"],
    ]);
    expect(ranking.merges).toContainEqual({ row: table.firstRow + 1, column: 0, rows: 2, columns: 1 });
    expect(footnote(ranking)).toEqual([]);
  });

  it("labels the tie in the label style and ranks by competition when asked", () => {
    const [ranking] = build("hunan-wmh", { organisation: "共青团湖南省委", ties: "label", method: "competition" });
    const grid = specGrid(ranking);
    expect(grid[0]).toEqual(["共青团湖南省委2015—2016年湖南青年文明号活动管理工作考评排名"]);
    expect(tableAt(grid, null).rows.map((r) => r[0])).toEqual([1, "并列第2", "并列第2", 4, 5, "—"]);
  });

  it("puts the term's two evaluations on the detail sheet", () => {
    const grid = specGrid(build("hunan-wmh")[1]);
    expect(grid[HEADER_ROW + 2].slice(1, 3)).toEqual(["2015年", "2016年"]);
    const rows = grid.slice(HEADER_ROW + 3);
    expect(rows.find((r) => r[0] === "长沙")!.slice(0, 6)).toEqual(["长沙", 87, 90, 10, 100, 88.5]);
    expect(rows.find((r) => r[0] === "岳阳")!.slice(1, 3)).toEqual(["缺", 89]);
  });
});

describe("hainan-wechat: the spot-check veto", () => {
  const [ranking, detail] = build("hainan-wechat");

  it("marks the vetoed unit though it keeps its eligibility, and the unit below the award line", () => {
    const table = tableAt(specGrid(ranking), null);
    expect(table.rows).toEqual([
      [1, "海口市团委※", 9, "良好"],
      [2, "三亚市团委", 8.95, "良好"],
      [3, "儋州市团委", 6, "合格"],
      [4, "琼海市团委※", 5.9, "不合格"],
    ]);
    expect(footnote(ranking).slice(1)).toEqual([
      "　海口市团委：一票否决：连续 3 次抽查为“差”，等次最高为良好",
      "　琼海市团委：总分低于 6 分，通报批评，负责人不参与当年评优",
    ]);
  });

  it("breaks each total into its sections, with items outside the rubric as 其他项目, adding up to the total", () => {
    const grid = specGrid(detail);
    const headers = grid[HEADER_ROW + 2];
    const parts = [1, 2, 3, 4];
    expect(parts.map((c) => headers[c])).toEqual(["落实全省微信工作（3）", "微信群情况（2.5）", "微信群管理、监督运营情况（3）", "其他项目"]);
    const total = grid[HEADER_ROW + 1].indexOf("总分");
    for (const row of grid.slice(HEADER_ROW + 3)) {
      const cents = parts.reduce((sum, c) => sum + Math.round((row[c] as number) * 100), 0);
      expect(cents).toBe(Math.round((row[total] as number) * 100));
    }
  });
});

describe("county-info: per-system tables from the roster, and 总排名", () => {
  const sheets = build("county-info");

  it("publishes a table per system with the weighted share, vetoed units marked", () => {
    expect(sheets.map((s) => s.name)).toEqual(["2013年排名", "2013年总排名", "2013年得分明细", "2013年排名图"]);
    const grid = specGrid(sheets[0]);
    expect(grid[0]).toEqual(["各系统2013年县级信息工作排名"]);
    expect(tableAt(grid, "地区系统").rows).toEqual([[1, "常营地区※", 9, 1.8]]);
    expect(footnote(sheets[0])).toContain("　工商分局：一票否决：年度信息积分低于 10 分");
    expect(tableAt(specGrid(sheets[1]), null).header).toEqual(["排名", "单位名称", "系统", "总分", "折合年度考核分"]);
  });

  it("prints like the information-work sheets: same print setup, frozen header and widths rule", () => {
    const fixture = presetFixture("county-info");
    const info = buildRankingSheets(analyse(fixtureSheets(fixture), { period: "2013", rubric: countyInfo }), { organisation: "", ties: "merge" });
    expect(sheets[0].page).toEqual(info[0].page);
    expect(sheets[0].freeze).toEqual(info[0].freeze);
    expect(sheets[2].page).toEqual(info[2].page);
    expect(sheets[0].ownerKey).toBe("ranking:county-info:2013");
  });
});

describe("systems given in the assessment table", () => {
  const result = assessWorkbook(
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

  it("gives each system its table under 各系统 in the title, and an overall table with systems", () => {
    const [ranking, overall] = buildAssessmentSheets(result, dongguanAnnualRubric, { organisation: "东莞共青团", ties: "repeat" });
    const grid = specGrid(ranking);
    expect(grid[0]).toEqual(["东莞共青团各系统2017年东莞共青团年度工作考核排名"]);
    expect(tableAt(grid, "镇街").rows).toEqual([[1, "丁镇团委", 80, "较好"], [1, "甲镇团委", 80, "较好"], ["—", "丙镇团委", "未完成", "—"]]);
    expect(tableAt(grid, "厂局").rows).toEqual([[1, "乙局团委", 90, "好"]]);
    expect(tableAt(specGrid(overall), null).rows.map((r) => r.slice(0, 3))).toEqual([
      [1, "乙局团委", "厂局"],
      [2, "丁镇团委", "镇街"],
      [2, "甲镇团委", "镇街"],
      ["—", "丙镇团委", "镇街"],
    ]);
  });
});

describe("every preset", () => {
  for (const fixture of readPresetFixtures()) {
    it(`${fixture.expected.rubric}: lists every unit once, ranked ones before unranked, in the order of the ranks`, () => {
      const { result } = assessFixture(fixture.expected.rubric);
      const [ranking] = build(fixture.expected.rubric, { organisation: "", ties: "repeat" });
      const grid = specGrid(ranking);
      // The table runs from under the header to the first blank row; headings have no name cell.
      const end = grid.findIndex((row, r) => r > HEADER_ROW && row.every((v) => v === null));
      const rows = grid.slice(HEADER_ROW + 1, end < 0 ? undefined : end).filter((row) => row[1] != null);
      const names = rows.map((r) => String(r[1]).replace(/※$/, ""));
      expect([...names].sort()).toEqual(result.units.map((u) => u.unit).sort());
      const ranks = rows.map((r) => r[0]);
      const firstUnranked = ranks.indexOf("—");
      const ranked = (firstUnranked < 0 ? ranks : ranks.slice(0, firstUnranked)) as number[];
      expect(ranked).toEqual([...ranked].sort((a, b) => a - b));
      if (firstUnranked >= 0) expect(ranks.slice(firstUnranked).every((r) => r === "—")).toBe(true);
    });
  }

  it("refuses a result laid out with another rubric's definition: that is a programming error", () => {
    const { result } = assessFixture("hunan-wmh");
    expect(() => buildAssessmentSheets(result, dongguanAnnualRubric, MERGE)).toThrow(/hunan-wmh/);
  });
});

describe("titles and period labels", () => {
  it.each([
    ["2017", "2017年"],
    ["2013Q2", "2013年第二季度"],
    ["2015-2016", "2015—2016年"],
    ["", ""],
  ])("%s → %s", (key, label) => expect(assessmentPeriodLabel(key)).toBe(label));

  it("drops the parenthetical note of a rubric name and 各系统 without systems", () => {
    expect(assessmentTitle("某县团委", "2013", countyInfo, true)).toBe("某县团委各系统2013年县级信息工作排名");
    expect(assessmentTitle("", "2017", dongguanAnnualRubric, false)).toBe("2017年东莞共青团年度工作考核排名");
  });
});

describe("titles fit the width of their table", () => {
  const tableWidth = (spec: SheetSpec) => spec.columnWidths!.reduce((sum, w) => sum + w, 0);
  const titleOf = (spec: SheetSpec) => spec.blocks.find((b) => b.row === 0 && b.column === 0)!;

  it("prints every preset's ranking and detail titles and method lines within the table, shrinking only as far as needed", () => {
    for (const id of ["county-info", "dongguan-annual", "hainan-wechat", "hunan-wmh"]) {
      for (const spec of build(id).filter((s) => s.columnWidths)) {
        const title = titleOf(spec);
        const text = String(title.values[0][0]);
        const size = title.style!.size!;
        expect(printedWidth(text, size, true), `${id} ${spec.name}`).toBeLessThanOrEqual(tableWidth(spec));
        // Never smaller than needed: one point more would not fit, unless it is already 16.
        if (size < 16) expect(printedWidth(text, size + 1, true), `${id} ${spec.name}`).toBeGreaterThan(tableWidth(spec) - 1);
        const line = spec.blocks.find((b) => b.row === 1 && b.column === 0)!;
        expect(printedWidth(String(line.values[0][0]), line.style!.size!), `${id} ${spec.name} method line`).toBeLessThanOrEqual(tableWidth(spec));
      }
    }
    const [hunan] = build("hunan-wmh");
    expect(titleOf(hunan).values[0][0]).toBe("2015—2016年湖南青年文明号活动管理工作考评排名");
  });

  it("widens the table when a title does not fit even at its smallest size", () => {
    const long = "某某某某某某某某某某某某某某某某某某某某某某某某共青团委员会";
    const [ranking] = build("hunan-wmh", { ...MERGE, organisation: long });
    const title = titleOf(ranking);
    expect(title.style!.size).toBe(11);
    expect(printedWidth(String(title.values[0][0]), 11, true)).toBeLessThanOrEqual(tableWidth(ranking));
  });
});
