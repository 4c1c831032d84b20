import { afterEach, describe, expect, it } from "vitest";
import fc from "fast-check";
import { FunctionError, toHostError } from "../../src/functions/host";
import { band, grade, rank, rankInGroup, similarity, unitCode, weighted } from "../../src/functions/functions";
import { asyncErrorOf, column, errorOf } from "./fixtures";

describe("LEAGUE.RANK", () => {
  const values = column(95, 90, 90, 80, "", "缺考");

  it("ranks dense by default (中国式: 1, 2, 2, 3) and as RANK.EQ with competition (1, 2, 2, 4)", () => {
    expect([95, 90, 80].map((v) => rank(v, values))).toEqual([1, 2, 3]);
    expect([95, 90, 80].map((v) => rank(v, values, "competition"))).toEqual([1, 2, 4]);
    expect(rank(80, values, "中国式排名")).toBe(3);
    expect(rank(80, values, "RANK.EQ")).toBe(4);
  });

  it("ranks lowest first with order 1", () => {
    expect(rank(80, values, "dense", 1)).toBe(1);
    expect(rank(95, values, "competition", 1)).toBe(4);
  });

  it("matches RANK.EQ for competition on any values", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 30 }), fc.nat(), (list, pick) => {
        const value = list[pick % list.length];
        const rankEq = 1 + list.filter((v) => v > value).length;
        expect(rank(value, [list], "competition")).toBe(rankEq);
        expect(rank(value, [list])).toBe(1 + new Set(list.filter((v) => v > value)).size);
      }),
    );
  });

  it("gives #N/A for a blank value (not ranked until complete) or one not among the values", () => {
    expect(errorOf(() => rank("", values))).toEqual({ code: "#N/A", message: "数值为空，暂不计算" });
    expect(errorOf(() => rank(85, values))).toEqual({ code: "#N/A", message: "85 不在排名区域中" });
  });

  it("gives #VALUE! for a wrong method, order or value", () => {
    expect(errorOf(() => rank(90, values, "olympic")).message).toBe("排名方式「olympic」无效，应为 dense、competition、中国式、中国式排名、rank.eq 之一");
    expect(errorOf(() => rank(90, values, "dense", 2)).code).toBe("#VALUE!");
    expect(errorOf(() => rank("九十", values)).code).toBe("#VALUE!");
    expect(errorOf(() => rank(true, values)).code).toBe("#VALUE!");
  });

  it("passes on an error in the value or the values", () => {
    expect(errorOf(() => rank(new FunctionError("#DIV/0!", ""), values)).code).toBe("#DIV/0!");
    expect(errorOf(() => rank(90, [[90], [new FunctionError("#REF!", "")]])).code).toBe("#REF!");
  });
});

describe("LEAGUE.RANK_IN_GROUP", () => {
  const values = column(30, 25, 25, 40, 20, 25);
  const groups = column("街道系统", "街道系统", "地区系统", "地区系统", "街道系统", "街道系统");

  it("ranks only within the rows of the same group (分组排名)", () => {
    expect(rankInGroup(25, values, "街道系统", groups)).toBe(2);
    expect(rankInGroup(20, values, "街道系统", groups)).toBe(3);
    expect(rankInGroup(20, values, "街道系统", groups, "competition")).toBe(4);
    expect(rankInGroup(25, values, "地区系统", groups)).toBe(2);
    expect(rankInGroup(40, values, "地区系统", groups, "dense", 1)).toBe(2);
  });

  it("skips blank values in the group", () => {
    expect(rankInGroup(20, column(30, "", 20), "甲", column("甲", "甲", "甲"))).toBe(2);
  });

  it("gives #N/A for an unknown group or a value not in the group, #VALUE! for mismatched ranges", () => {
    expect(errorOf(() => rankInGroup(25, values, "青工系统", groups))).toEqual({ code: "#N/A", message: "分组「青工系统」在分组区域中没有数值" });
    expect(errorOf(() => rankInGroup(40, values, "街道系统", groups)).code).toBe("#N/A");
    expect(errorOf(() => rankInGroup(25, values, "街道系统", groups.slice(1))).message).toBe("排名区域与分组区域的单元格数不一致");
    expect(errorOf(() => rankInGroup(25, values, "", groups)).message).toBe("分组为空");
  });

  it("passes on an error in the groups", () => {
    expect(errorOf(() => rankInGroup(25, values, "街道系统", [[new FunctionError("#NAME?", "")]])).code).toBe("#NAME?");
  });
});

describe("LEAGUE.GRADE", () => {
  it("grades the hainan-wechat total by default (RUBRICS §4): contiguous bands, 8.95 is 良好", () => {
    expect([10, 9, 8.95, 7, 6.99, 6, 5.99, 0].map((s) => grade(s))).toEqual(["优秀", "优秀", "良好", "良好", "合格", "合格", "不合格", "不合格"]);
  });

  it("bands in exact decimals: a sum that lands just under 9 in binary still reaches 9", () => {
    let total = 0;
    for (let i = 0; i < 90; i++) total += 0.1;
    expect(total).toBeLessThan(9);
    expect(grade(total, [["hainan-wechat"]])).toBe("优秀");
  });

  it("uses the default scale when the scale is a blank cell", () => {
    expect(grade(8.95, [[null]])).toBe("良好");
    expect(grade(8.95, [[""]])).toBe("良好");
  });

  it("grades dongguan-annual (RUBRICS §3 defaults: 90 / 80 / 60)", () => {
    expect([100, 90, 89.99, 80, 60, 59.9].map((s) => grade(s, [["dongguan-annual"]]))).toEqual(["好", "好", "较好", "较好", "一般", "差"]);
  });

  it("grades by a two-column range of thresholds and labels, in any order, with a header", () => {
    const scale = [["分数线", "等次"], [60, "及格"], [85, "优"], [""], [70, "中"]];
    expect(grade(85, scale)).toBe("优");
    expect(grade(84.99, scale)).toBe("中");
    expect(grade(60, scale)).toBe("及格");
    expect(errorOf(() => grade(59, scale))).toEqual({ code: "#N/A", message: "59 低于分档表的最低分数线" });
  });

  it("gives #VALUE! for an overlapping or broken range, an unknown preset, or a score off the scale", () => {
    expect(errorOf(() => grade(80, [[60, "甲"], [60, "乙"]])).message).toBe("分档表中分数线 60 出现了两次，档次重叠");
    expect(errorOf(() => grade(80, [[60, "甲"], ["七十", "乙"]])).message).toMatch(/不是数字/);
    expect(errorOf(() => grade(80, [["nanjing"]])).message).toMatch(/^分档「nanjing」无效/);
    expect(errorOf(() => grade(11, [["hainan-wechat"]]))).toEqual({ code: "#VALUE!", message: "分数应在 0 到 10 之间" });
    expect(errorOf(() => grade("优", [["hainan-wechat"]])).code).toBe("#VALUE!");
  });

  it("gives #N/A for a blank score (incomplete, not 不合格) and passes errors on", () => {
    expect(errorOf(() => grade("")).code).toBe("#N/A");
    expect(errorOf(() => grade(new FunctionError("#DIV/0!", ""))).code).toBe("#DIV/0!");
  });
});

describe("LEAGUE.WEIGHTED", () => {
  it("weights 党政评价 30%, 团内考核 50%, 青年评议 20% by default (RUBRICS §3)", () => {
    expect(weighted([[90, 80, 70]])).toBe(81);
    expect(weighted([[85.5, 92, 78]])).toBe(87.25);
    expect(weighted(column(100, 100, 100), [["dongguan-annual"]])).toBe(100);
  });

  it("takes weights as shares or percentages, in exact decimals", () => {
    expect(weighted([[0.1, 0.2]], [[50, 50]])).toBe(0.15);
    expect(weighted([[80, 90]], [[0.7, 0.3]])).toBe(83);
  });

  it("gives #N/A for a blank component: the total is incomplete, not a zero", () => {
    expect(errorOf(() => weighted([[90, 80, ""]]))).toEqual({ code: "#N/A", message: "缺少青年评议得分：总分不完整，不按 0 分计" });
    expect(errorOf(() => weighted([[null, 80]], [[50, 50]])).message).toBe("缺少第 1 项得分：总分不完整，不按 0 分计");
  });

  it("gives #VALUE! for weights that do not add up to 100%, negative weights, text, or a size mismatch", () => {
    expect(errorOf(() => weighted([[90, 80]], [[50, 40]])).message).toBe("权重之和应为 100%，现为 90");
    expect(errorOf(() => weighted([[90, 80]], [[120, -20]])).message).toBe("权重不能为负数");
    expect(errorOf(() => weighted([[90, "良"]])).message).toBe("各项得分应为数字，现为「良」");
    expect(errorOf(() => weighted([[90, 80]])).message).toBe("各项得分与权重的单元格数不一致");
    expect(errorOf(() => weighted([[90, 80]], [[50, ""]])).message).toBe("权重为空");
  });

  it("passes on an error among the scores", () => {
    expect(errorOf(() => weighted([[90, new FunctionError("#VALUE!", "上游"), 70]]))).toEqual({ code: "#VALUE!", message: "上游" });
  });
});

describe("LEAGUE.BAND", () => {
  it("bands a spot check's posts a day (RUBRICS §4: ≥10 优秀, 6–9 良好, 3–5 一般, <3 差)", () => {
    expect([12, 10, 9, 6, 5, 3, 2, 0].map((n) => band(n, "wechat-activity"))).toEqual(["优秀", "优秀", "良好", "良好", "一般", "一般", "差", "差"]);
  });

  it("gives points for member coverage (≥90% 0.8, 80–89% 0.5, 70–79% 0.2, <70% −0.2)", () => {
    expect([1, 0.9, 0.899, 0.8, 0.7, 0.69].map((s) => band(s, "wechat-coverage"))).toEqual([0.8, 0.8, 0.5, 0.5, 0.2, -0.2]);
  });

  it("gives points for organisation coverage (≥80% 0.5, 60–79% 0.3, <60% 0)", () => {
    expect([0.8, 0.79, 0.6, 0.59].map((s) => band(s, "wechat-org-coverage"))).toEqual([0.5, 0.3, 0.3, 0]);
  });

  it("gives #VALUE! for a share outside 0–1 (85 instead of 85%), an unknown or missing scale", () => {
    expect(errorOf(() => band(85, "wechat-coverage"))).toEqual({ code: "#VALUE!", message: "数值应在 0 到 1 之间" });
    expect(errorOf(() => band(-1, "wechat-activity")).code).toBe("#VALUE!");
    expect(errorOf(() => band(5, "weibo")).message).toMatch(/^分档「weibo」无效/);
    expect(errorOf(() => band(5, "")).code).toBe("#VALUE!");
  });

  it("gives #N/A for a blank value and passes errors on", () => {
    expect(errorOf(() => band(null, "wechat-activity")).code).toBe("#N/A");
    expect(errorOf(() => band(new FunctionError("#NUM!", ""), "wechat-activity")).code).toBe("#NUM!");
  });
});

describe("LEAGUE.SIMILARITY", () => {
  const passage = "为深入学习贯彻党的十八大精神，团结湖街道团工委于三月七日组织辖区青年开展学雷锋志愿服务活动，清理小广告，慰问孤寡老人。";

  it("is 1 for identical texts and high when a passage was copied", () => {
    expect(similarity(passage, passage)).toBe(1);
    const copied = `本周，常营地区团委召开工作会议。${passage.slice(10)}会议还部署了下一阶段工作。`;
    expect(similarity(copied, passage)).toBeGreaterThanOrEqual(0.4);
  });

  it("is low for unrelated league prose", () => {
    const other = "工商分局团委举办青年读书分享会，围绕职业发展与岗位建功展开交流，二十余名青年干部参加。";
    expect(similarity(passage, other)).toBeLessThan(0.2);
  });

  it("gives #VALUE! for a blank or non-text argument and passes errors on", () => {
    expect(errorOf(() => similarity("", passage))).toEqual({ code: "#VALUE!", message: "第一段文本为空" });
    expect(errorOf(() => similarity(passage, true)).message).toBe("第二段文本应为文本");
    expect(errorOf(() => similarity(passage, new FunctionError("#N/A", ""))).code).toBe("#N/A");
  });
});

describe("LEAGUE.UNIT_CODE", () => {
  it("gives the pinyin initials of the short name, suffix dropped (RUBRICS §6 examples)", async () => {
    expect(await unitCode("团结湖街道")).toBe("tjhjd");
    expect(await unitCode("常营地区团委")).toBe("cydq");
    expect(await unitCode("工商分局团委")).toBe("gsfj");
    expect(await unitCode("团结湖街道团工委")).toBe("tjhjd");
  });

  it("reads place names from their own dictionary (单县 is shàn)", async () => {
    expect(await unitCode("单县团委")).toBe("sx");
  });

  it("gives #VALUE! for a blank, a non-text name, or a name with nothing to read, and passes errors on", async () => {
    expect(await asyncErrorOf(() => unitCode(""))).toEqual({ code: "#VALUE!", message: "单位名称为空" });
    expect((await asyncErrorOf(() => unitCode(true))).code).toBe("#VALUE!");
    expect((await asyncErrorOf(() => unitCode("——"))).message).toBe("单位名称「——」中没有可取首字母的汉字或字母");
    expect((await asyncErrorOf(() => unitCode(new FunctionError("#REF!", "")))).code).toBe("#REF!");
  });
});

describe("the host adapter", () => {
  afterEach(() => {
    delete (globalThis as { CustomFunctions?: unknown }).CustomFunctions;
  });

  it("throws Excel's CustomFunctions.Error with the code and the Chinese message inside Excel", () => {
    class ExcelError extends Error {
      constructor(
        readonly code: string,
        message?: string,
      ) {
        super(message);
      }
    }
    (globalThis as { CustomFunctions?: unknown }).CustomFunctions = { Error: ExcelError };
    let thrown: unknown;
    try {
      rank("", [[1]]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ExcelError);
    expect(thrown).toMatchObject({ code: "#N/A", message: "数值为空，暂不计算" });
    expect(toHostError(new FunctionError("#VALUE!", "x"))).toBeInstanceOf(ExcelError);
  });
});
