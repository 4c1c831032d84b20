import { describe, expect, it } from "vitest";
import { cellAddress, type Grid } from "../../../src/engine/cells";
import type { SheetSpec } from "../../../src/engine/layout/sheet-spec";
import { PRESETS } from "../../../src/engine/presets";
import { isRubricSheet, readRubricSheets, sheetToRubric } from "../../../src/engine/rubric-sheet/reader";
import { rubricToSheet } from "../../../src/engine/rubric-sheet/writer";
import type { SheetData } from "../../../src/engine/sheet";

/** The grid a port would write for a spec, as the reader gets it back. */
function render(spec: SheetSpec): SheetData {
  const values: Grid = [];
  for (const block of spec.blocks) {
    block.values.forEach((row, r) => {
      const line = (values[block.row + r] ??= []);
      row.forEach((value, c) => (line[block.column + c] = value));
    });
  }
  for (let r = 0; r < values.length; r++) values[r] = Array.from(values[r] ?? [], (v) => v ?? null);
  return { name: spec.name, originRow: 0, originColumn: 0, values };
}

/** The grid position of the first cell holding exactly this value, below the given row if any. */
function find(sheet: SheetData, value: string | number, fromRow = 0): { row: number; column: number } {
  for (let r = fromRow; r < sheet.values.length; r++) {
    const c = (sheet.values[r] ?? []).findIndex((v) => v === value);
    if (c >= 0) return { row: r, column: c };
  }
  throw new Error(`no cell ${value}`);
}

function edit(id: string, change: (sheet: SheetData) => void) {
  const sheet = render(rubricToSheet(PRESETS[id]));
  change(sheet);
  return sheetToRubric(sheet);
}

describe("rubric sheets round-trip (RUBRICS §7)", () => {
  for (const [id, preset] of Object.entries(PRESETS)) {
    it(`writes ${id} as a sheet and reads back an equal rubric`, () => {
      const sheet = render(rubricToSheet(preset));
      expect(isRubricSheet(sheet)).toBe(true);
      const read = sheetToRubric(sheet);
      expect(read.issues).toEqual([]);
      expect(read.rubric).toEqual(preset);
    });
  }

  it("reads the office's edits: a veto line set on the county sheet", () => {
    const read = edit("county-info", (sheet) => {
      const { row } = find(sheet, "一票否决线");
      sheet.values[row][1] = 10;
    });
    expect(read.rubric?.kind === "info" && read.rubric.assessment).toEqual({ share: 0.2, vetoLine: 10 });
  });

  it("reads an item the office adds to the WeChat rubric", () => {
    const read = edit("hainan-wechat", (sheet) => {
      const { row } = find(sheet, "公众平台内容发布情况");
      sheet.values.splice(row + 1, 0, ["三", "3.3", "微信群活跃度", "活跃度、群活跃度", 2, 0]);
    });
    const section = read.rubric?.kind === "itemized" ? read.rubric.sections[2] : undefined;
    expect(section?.items.at(-1)).toEqual({ id: "3.3", label: "微信群活跃度", aliases: ["活跃度", "群活跃度"], max: 2, min: 0 });
  });
});

describe("bad rubric cells are errors at their address, never a fallback", () => {
  it("reports a negative weight at its cell, and weights not adding up to 100%", () => {
    let at = "";
    const read = edit("dongguan-annual", (sheet) => {
      const { row } = find(sheet, "党政评价");
      sheet.values[row][1] = -30;
      at = cellAddress(row, 1);
    });
    expect(read.rubric).toBeUndefined();
    expect(read.issues).toContainEqual(expect.objectContaining({ severity: "error", cell: at, message: "权重不能为负数：-30%" }));
    expect(read.issues).toContainEqual(expect.objectContaining({ rule: "bad-rubric-section", message: "权重之和应为 100%，现为 40%" }));
  });

  it("reports weights adding up to 90%", () => {
    const read = edit("dongguan-annual", (sheet) => {
      sheet.values[find(sheet, "青年评议").row][1] = 10;
    });
    expect(read.rubric).toBeUndefined();
    expect(read.issues.map((i) => i.message)).toEqual(["权重之和应为 100%，现为 90%"]);
  });

  it("reports overlapping and gapped bands at the upper-bound cell", () => {
    const overlap = edit("hainan-wechat", (sheet) => {
      const { row } = find(sheet, "良好", find(sheet, "【分档】").row);
      sheet.values[row][3] = 9.5;
    });
    expect(overlap.rubric).toBeUndefined();
    expect(overlap.issues).toEqual([expect.objectContaining({ rule: "overlapping-bands", message: "与上一档重叠：上限 9.5 高于上一档的下限 9" })]);

    let at = "";
    const gap = edit("dongguan-annual", (sheet) => {
      const { row } = find(sheet, "一般", find(sheet, "【分档】").row);
      sheet.values[row][3] = 75;
      at = cellAddress(row, 3);
    });
    expect(gap.issues).toEqual([expect.objectContaining({ rule: "gapped-bands", cell: at })]);
  });

  it("reports a band whose lower bound is not below its upper bound", () => {
    const read = edit("dongguan-annual", (sheet) => {
      const { row } = find(sheet, "较好", find(sheet, "【分档】").row);
      sheet.values[row][2] = 95;
    });
    expect(read.issues.map((i) => i.rule)).toContain("overlapping-bands");
    expect(read.rubric).toBeUndefined();
  });

  it("reports unknown types: a rubric kind, an item type code, a band use", () => {
    const kind = edit("hunan-wmh", (sheet) => {
      sheet.values[find(sheet, "分档考核").row][1] = "随便考核";
    });
    expect(kind.issues).toEqual([expect.objectContaining({ rule: "unknown-type", cell: "B7" })]);

    const itemType = edit("chaoyang-info", (sheet) => {
      const { row, column } = find(sheet, "comprehensive");
      sheet.values[row][column] = "special";
    });
    expect(itemType.issues.map((i) => i.message)).toEqual(["未知的信息类型代码「special」，应为 event 或 comprehensive", "缺少信息类型「comprehensive」"]);

    const role = edit("hainan-wechat", (sheet) => {
      const { row, column } = find(sheet, "抽查等次");
      sheet.values[row][column] = "活跃度";
    });
    expect(role.issues.map((i) => i.rule)).toEqual(["unknown-type", "bad-rubric-section"]);
  });

  it("reports a text where a number belongs, a blank channel point, a missing section and an unknown setting", () => {
    const read = edit("chaoyang-info", (sheet) => {
      sheet.values[find(sheet, "每月条数").row][1] = "三条";
      const channel = find(sheet, "《朝阳团讯》");
      sheet.values[channel.row][channel.column + 3] = "";
      sheet.values[find(sheet, "【扣分】").row][0] = "扣分";
      sheet.values[find(sheet, "及时报送天数").row][0] = "报送天数";
    });
    expect(read.rubric).toBeUndefined();
    expect(read.issues.map((i) => i.message)).toEqual(
      expect.arrayContaining([
        "每月条数「三条」不是数字",
        "综合类分值为空：填写分值，或填 — 表示不采用该类型",
        "规则表缺少【扣分】部分",
        expect.stringContaining("项目「报送天数」不是规则的设置项"),
        "【参数】缺少项目「及时报送天数」",
      ]),
    );
    expect(read.issues.every((i) => i.severity === "error" && /^[A-Z]+\d+$/.test(i.cell ?? ""))).toBe(true);
  });
});

describe("hunan-wmh tiers on the sheet (RUBRICS §5: 4–5 tiers, office-set sizes and ratios)", () => {
  /** The 档次 table's data rows and the column of each header. */
  function tierRows(sheet: SheetData) {
    const title = find(sheet, "【档次】").row;
    const header = sheet.values[title + 1];
    const rows = [1, 2, 3, 4, 5].map((tier) => find(sheet, tier, title + 2).row);
    return { rows, share: header.indexOf("单位比例(%)"), ratio: header.indexOf("名额调整(%)") };
  }

  it("reads 4 tiers with explicit shares, and blank shares as near-equal", () => {
    const read = edit("hunan-wmh", (sheet) => {
      const { rows, share, ratio } = tierRows(sheet);
      [15, 35, 35, 15].forEach((percent, i) => (sheet.values[rows[i]][share] = percent));
      [20, 5, -5, -20].forEach((percent, i) => (sheet.values[rows[i]][ratio] = percent));
      sheet.values.splice(rows[4], 1);
    });
    expect(read.issues).toEqual([]);
    expect(read.rubric?.kind === "tiered" && read.rubric.tiers).toEqual([
      { tier: 1, quotaAdjustment: 0.2, share: 0.15 },
      { tier: 2, quotaAdjustment: 0.05, share: 0.35 },
      { tier: 3, quotaAdjustment: -0.05, share: 0.35 },
      { tier: 4, quotaAdjustment: -0.2, share: 0.15 },
    ]);
  });

  it("reports 3 tiers, shares not adding up to 100%, a blank share among given ones, and a blank ratio", () => {
    const three = edit("hunan-wmh", (sheet) => {
      const { rows } = tierRows(sheet);
      sheet.values.splice(rows[3], 2);
    });
    expect(three.rubric).toBeUndefined();
    expect(three.issues).toEqual([expect.objectContaining({ rule: "bad-rubric-section", message: "应分为 4–5 个档次，现为 3 个" })]);

    const ninety = edit("hunan-wmh", (sheet) => {
      const { rows, share } = tierRows(sheet);
      rows.forEach((row) => (sheet.values[row][share] = 18));
    });
    expect(ninety.issues.map((i) => i.message)).toEqual(["各档单位比例之和应为 100%，现为 90%"]);

    let blankShare = "";
    let blankRatio = "";
    const blanks = edit("hunan-wmh", (sheet) => {
      const { rows, share, ratio } = tierRows(sheet);
      rows.forEach((row) => (sheet.values[row][share] = 25));
      sheet.values[rows[4]][share] = null;
      sheet.values[rows[2]][ratio] = null;
      blankShare = cellAddress(rows[4], share);
      blankRatio = cellAddress(rows[2], ratio);
    });
    expect(blanks.rubric).toBeUndefined();
    expect(blanks.issues.map((i) => i.cell)).toEqual(expect.arrayContaining([blankShare, blankRatio]));
    expect(blanks.issues.find((i) => i.cell === blankRatio)?.message).toBe("名额调整(%)为空");
  });
});

describe("hunan-wmh item maxima and the industry exclusion on the sheet (RUBRICS §5)", () => {
  it("reads the office's item maxima and the renormalise choice", () => {
    const read = edit("hunan-wmh", (sheet) => {
      const title = find(sheet, "【模块项目】").row;
      sheet.values[find(sheet, "活动覆盖领域", title).row][2] = 10;
      sheet.values[find(sheet, "基层创建规模", title).row][2] = 20;
      sheet.values[find(sheet, "不考察项目的处理").row][1] = "折算为满分";
    });
    expect(read.issues).toEqual([]);
    expect(read.rubric?.kind === "tiered" && [read.rubric.items.map((i) => i.max), read.rubric.notAssessed]).toEqual([[10, 20], "renormalise"]);
  });

  it("reports item maxima over their module's, and an unknown choice at its cell", () => {
    let over = "";
    let choice = "";
    const read = edit("hunan-wmh", (sheet) => {
      const title = find(sheet, "【模块项目】").row;
      sheet.values[find(sheet, "活动覆盖领域", title).row][2] = 15;
      const row = find(sheet, "基层创建规模", title).row;
      sheet.values[row][2] = 20;
      over = cellAddress(row, 2);
      const mode = find(sheet, "不考察项目的处理").row;
      sheet.values[mode][1] = "不管";
      choice = cellAddress(mode, 1);
    });
    expect(read.rubric).toBeUndefined();
    expect(read.issues.map((i) => [i.cell, i.message])).toEqual([
      [choice, "未知的处理方式「不管」，应为“扣除该项满分”或“折算为满分”"],
      [over, "「创建规模」各项目满分合计 35 超过该模块满分 30"],
    ]);
  });
});

describe("hainan-wechat meetings item on the sheet (RUBRICS §4)", () => {
  it("reads the office's rule points, and reports one of the pair left blank at its cell", () => {
    const changed = edit("hainan-wechat", (sheet) => {
      const { row } = find(sheet, "建立微信工作例会制度");
      const header = sheet.values[find(sheet, "【考核项目】").row + 1];
      sheet.values[row][header.indexOf("每次会议得分")] = 0.2;
    });
    const item = changed.rubric?.kind === "itemized" ? changed.rubric.sections[0].items[2] : undefined;
    expect(item?.tally).toEqual({ rulePoints: 0.2, perCount: 0.2 });

    let at = "";
    const half = edit("hainan-wechat", (sheet) => {
      const { row } = find(sheet, "建立微信工作例会制度");
      const column = sheet.values[find(sheet, "【考核项目】").row + 1].indexOf("有书面制度得分");
      sheet.values[row][column] = null;
      at = cellAddress(row, column);
    });
    expect(half.rubric).toBeUndefined();
    expect(half.issues).toEqual([expect.objectContaining({ cell: at, message: expect.stringContaining("都要填写") })]);
  });
});

describe("entries that must be unique", () => {
  it("reports a channel id or an item id used twice, at the second cell", () => {
    let at = "";
    const read = edit("hainan-wechat", (sheet) => {
      const { row, column } = find(sheet, "1.2");
      sheet.values[row][column] = "1.1";
      at = cellAddress(row, column);
    });
    expect(read.rubric).toBeUndefined();
    expect(read.issues).toEqual([expect.objectContaining({ rule: "duplicate-rubric-entry", cell: at, message: "【考核项目】中编号「1.1」重复" })]);
  });

  it("reports a band table with nothing but its lowest band", () => {
    const read = edit("dongguan-annual", (sheet) => {
      const start = find(sheet, "【分档】").row;
      for (const grade of ["好", "较好", "一般"]) sheet.values.splice(find(sheet, grade, start).row, 1);
      sheet.values[find(sheet, "差", start).row][3] = null;
    });
    expect(read.issues.map((i) => i.message)).toContain("分档表「dongguan-annual」至少需要一档有下限");
  });
});

describe("readRubricSheets", () => {
  it("finds the rubric sheets among a workbook's sheets, with the id even when a cell is bad", () => {
    const good = render(rubricToSheet(PRESETS["hunan-wmh"]));
    const bad = render(rubricToSheet(PRESETS["dongguan-annual"]));
    bad.values[find(bad, "党政评价").row][1] = -30;
    const other: SheetData = { name: "考评", originRow: 0, originColumn: 0, values: [["单位", "年度"]] };
    const found = readRubricSheets([other, good, bad]);
    expect(found.map((f) => [f.sheet, f.id, f.rubric?.id ?? null])).toEqual([
      ["评分规则-hunan-wmh", "hunan-wmh", "hunan-wmh"],
      ["评分规则-dongguan-annual", "dongguan-annual", null],
    ]);
  });
});
