import { beforeEach, describe, expect, it } from "vitest";
import { FunctionError } from "../../src/functions/host";
import { basePoints, itemPoints, scoreBreakdown, scores, scoreUnit } from "../../src/functions/functions";
import { bookCache } from "../../src/functions/scoring-book";
import { buildRegister, buildRoster, copyOf, CY, errorOf, REGISTER_HEADER, serial, TJH } from "./fixtures";

const register = buildRegister();
const roster = buildRoster();

beforeEach(() => bookCache.clear());

describe("LEAGUE.SCORE_UNIT", () => {
  it("scores RUBRICS §1's worked examples: 40 items with none in March → 12; 35 items in 10 full months → 10", () => {
    expect(scoreUnit(TJH, register, "2013")).toBe(12);
    // 10 base + (2 + 3 + 3) comprehensive item + 3 for 朝阳团讯 − 2 for 重复信息.
    expect(scoreUnit(CY, register, "2013")).toBe(19);
  });

  it("scores quarters, months and the latest year when no period is given", () => {
    expect(scoreUnit(TJH, register)).toBe(12);
    expect(scoreUnit(TJH, register, "2013Q1")).toBe(2); // Jan 4, Feb 4, Mar 0
    expect(scoreUnit(TJH, register, "2013-03")).toBe(0);
    expect(scoreUnit(TJH, register, 2012)).toBe(0); // one item in December: below the monthly 3
    expect(scoreUnit(CY, register, "2013Q1")).toBe(14); // 3 + 8 + 3; the May penalty is outside Q1
  });

  it("matches names the way the roster rules do: spaces, full width, interchangeable suffixes", () => {
    expect(scoreUnit(" 团结湖街道团委 ", register, "2013")).toBe(12);
    expect(scoreUnit("常营地区团工委", register, "2013")).toBe(19);
  });

  it("gives #N/A with a Chinese message for a unit the register does not know", () => {
    expect(errorOf(() => scoreUnit("不存在的单位", register, "2013"))).toEqual({
      code: "#N/A",
      message: "登记表中没有单位「不存在的单位」",
    });
  });

  it("gives #VALUE! for wrong arguments", () => {
    expect(errorOf(() => scoreUnit(true, register)).code).toBe("#VALUE!");
    expect(errorOf(() => scoreUnit(TJH, register, "去年"))).toEqual({
      code: "#VALUE!",
      message: "期间「去年」无法识别，应为 2013、2013Q1 或 2013-03",
    });
    expect(errorOf(() => scoreUnit(TJH, register, "2013", "no-such-rubric")).message).toMatch(/^细则「no-such-rubric」无效/);
    expect(errorOf(() => scoreUnit(TJH, register.slice(1))).message).toMatch(/登记表缺少表头/);
    expect(errorOf(() => scoreUnit(TJH, [["A1"]])).message).toMatch(/登记表缺少表头/);
  });

  it("treats a blank unit as a missing argument and a blank period as omitted", () => {
    expect(errorOf(() => scoreUnit("", register))).toEqual({ code: "#VALUE!", message: "单位为空" });
    expect(errorOf(() => scoreUnit(null, register)).code).toBe("#VALUE!");
    expect(scoreUnit(TJH, register, "", null)).toBe(12);
  });

  it("passes on an error argument, and an error inside the register's scoring columns", () => {
    const divZero = new FunctionError("#DIV/0!", "");
    expect(errorOf(() => scoreUnit(divZero, register)).code).toBe("#DIV/0!");
    expect(errorOf(() => scoreUnit(TJH, register, { code: "#REF!", message: "" })).code).toBe("#REF!");
    const broken = copyOf(register);
    broken[5][1] = { code: "#NUM!" } as never;
    expect(errorOf(() => scoreUnit(TJH, broken)).code).toBe("#NUM!");
    // An error in a column scoring never reads (the title) changes nothing.
    const titled = copyOf(register);
    titled[5][3] = { code: "#NUM!" } as never;
    expect(scoreUnit(TJH, titled, "2013")).toBe(12);
  });

  it("needs a register with data below the header: a header alone knows no unit", () => {
    expect(errorOf(() => scoreUnit(TJH, [REGISTER_HEADER], "2013")).code).toBe("#N/A");
    expect(errorOf(() => scoreUnit(TJH, [REGISTER_HEADER])).message).toMatch(/无法确定年份/);
  });
});

describe("the register cache", () => {
  it("parses one register content once, however many cells and copies ask", () => {
    for (let i = 0; i < 50; i++) scoreUnit(i % 2 ? TJH : CY, copyOf(register), "2013");
    expect(bookCache.misses).toBe(1);
    expect(bookCache.hits).toBe(49);
  });

  it("parses again when a scoring cell changes, and gives the new score", () => {
    expect(scoreUnit(TJH, copyOf(register), "2013")).toBe(12);
    const edited = copyOf(register);
    // Move one of 团结湖's April items to 常营: 39 items, April has 3, so still 12 months of 3.
    const row = edited.findIndex((r) => r[0] === TJH && r[1] === serial(2013, 4, 1));
    edited[row][0] = CY;
    expect(scoreUnit(TJH, edited, "2013")).toBe(12);
    expect(scoreUnit(CY, edited, "2013")).toBe(21); // 36 items earn all 12 base points: 12 + 11 − 2
    expect(bookCache.misses).toBe(2);
  });

  it("does not parse again when only a column scoring never reads changes", () => {
    scoreUnit(TJH, copyOf(register), "2013");
    const retitled = copyOf(register);
    retitled[3][3] = "改过的标题";
    scoreUnit(TJH, retitled, "2013");
    expect(bookCache.misses).toBe(1);
  });

  it("keeps a few registers at once and evicts the least recently used", () => {
    const variants = [0, 1, 2, 3, 4].map((n) => {
      const grid = copyOf(register);
      grid.push([TJH, serial(2014, 1, n + 1), "事件类", "", "", ""]);
      return grid;
    });
    for (const grid of variants) scoreUnit(TJH, grid, "2013");
    expect(bookCache.misses).toBe(5);
    scoreUnit(TJH, variants[4], "2013");
    expect(bookCache.misses).toBe(5);
    scoreUnit(TJH, variants[0], "2013"); // evicted: capacity 4
    expect(bookCache.misses).toBe(6);
  });
});

describe("LEAGUE.SCORE_BREAKDOWN", () => {
  it("spills base, bonus, penalty, total and award eligibility", () => {
    expect(scoreBreakdown(TJH, register, "2013")).toEqual([[12, 0, 0, 12, true]]);
    expect(scoreBreakdown(CY, register, "2013")).toEqual([[10, 11, 2, 19, false]]);
    // Eligibility is for the year: the May case removes it in Q1 too.
    expect(scoreBreakdown(CY, register, "2013Q1")).toEqual([[3, 11, 0, 14, false]]);
  });

  it("gives the same errors as SCORE_UNIT", () => {
    expect(errorOf(() => scoreBreakdown("无名", register)).code).toBe("#N/A");
    expect(errorOf(() => scoreBreakdown(TJH, register, 13.5)).code).toBe("#VALUE!");
    expect(errorOf(() => scoreBreakdown("", register)).code).toBe("#VALUE!");
    expect(errorOf(() => scoreBreakdown(TJH, register, new FunctionError("#N/A", ""))).code).toBe("#N/A");
  });
});

describe("LEAGUE.SCORES", () => {
  it("spills a table with a header row: every roster unit in roster order, 0 for a unit with no items", () => {
    expect(scores(register, roster, "2013")).toEqual([
      ["单位", "系统", "基础分", "加分", "扣分", "总分", "评优资格"],
      [TJH, "街道系统", 12, 0, 0, 12, true],
      [CY, "地区系统", 10, 11, 2, 19, false],
      ["工商分局团委", "青工系统", 0, 0, 0, 0, true],
    ]);
  });

  it("agrees with SCORE_UNIT for every unit the register knows", () => {
    const table = scores(register, roster);
    for (const row of table.slice(1, 3)) expect(row[5]).toBe(scoreUnit(row[0], register));
  });

  it("gives #VALUE! for a roster without its header, an empty roster, or a wrong period", () => {
    expect(errorOf(() => scores(register, roster.slice(1))).message).toMatch(/单位名单缺少表头/);
    expect(errorOf(() => scores(register, roster.slice(0, 1))).message).toBe("单位名单中没有单位");
    expect(errorOf(() => scores(register, roster, "2013Q5")).code).toBe("#VALUE!");
  });

  it("passes on errors in its arguments", () => {
    expect(errorOf(() => scores([[new FunctionError("#REF!", "")]], roster)).code).toBe("#REF!");
    const broken = copyOf(register);
    broken[2][0] = new FunctionError("#NAME?", "") as never;
    expect(errorOf(() => scores(broken, roster)).code).toBe("#NAME?");
  });
});

describe("LEAGUE.BASE_POINTS", () => {
  it("applies the yearly rule to 12 counts (RUBRICS §1 examples)", () => {
    const fortyWithoutMarch = [[4, 4, 0, 4, 4, 4, 4, 3, 3, 3, 4, 3]];
    expect(basePoints(fortyWithoutMarch)).toBe(12);
    expect(basePoints([[3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 2, 2]])).toBe(10);
    // As a column, as staff often lay months out.
    expect(basePoints([[3], [3], [3], [3], [3], [3], [3], [3], [3], [4], [2], [2]])).toBe(10);
  });

  it("applies the quarter rule to 3 counts and the month rule to 1", () => {
    expect(basePoints([[3, 3, 2]])).toBe(2);
    expect(basePoints([[12, 12, 12]])).toBe(3); // no 36-style rule for a quarter
    expect(basePoints([[3]])).toBe(1);
    expect(basePoints([[2]])).toBe(0);
  });

  it("counts a blank month as 0 items", () => {
    expect(basePoints([[3, "", 3]])).toBe(2);
    expect(basePoints([[null, null, null, null, null, null, null, null, null, null, null, null]])).toBe(0);
  });

  it("gives #VALUE! for text, negative or fractional counts, or a wrong number of months", () => {
    expect(errorOf(() => basePoints([[3, "三", 3]]))).toEqual({ code: "#VALUE!", message: "月度条数应为数字，现为「三」" });
    expect(errorOf(() => basePoints([[3, -1, 3]])).code).toBe("#VALUE!");
    expect(errorOf(() => basePoints([[3, 1.5, 3]])).code).toBe("#VALUE!");
    expect(errorOf(() => basePoints([[3, 3]])).message).toBe("月度条数应为 12 个（全年）、3 个（季度）或 1 个（单月），现为 2 个");
  });

  it("passes on an error in the counts", () => {
    expect(errorOf(() => basePoints([[3, new FunctionError("#DIV/0!", ""), 3]])).code).toBe("#DIV/0!");
  });
});

describe("LEAGUE.ITEM_POINTS", () => {
  it("adds +2 for a comprehensive item and every adoption (累计计算)", () => {
    expect(itemPoints("综合类", "")).toBe(2);
    expect(itemPoints("综合类", "团区委网站、北京团讯")).toBe(8);
    expect(itemPoints("事件类", "团区委网站")).toBe(1);
    expect(itemPoints("动态", "朝阳团讯；区政府内网/北京朝阳")).toBe(9);
    expect(itemPoints("综合", "工作研究\n区政府外网")).toBe(8);
  });

  it("scores 0 for a channel that does not take the type, as the rubric says", () => {
    expect(itemPoints("事件类", "北京团讯")).toBe(0);
    expect(itemPoints("综合类", "朝阳团讯")).toBe(2);
  });

  it("treats a blank adoptions cell as no adoption", () => {
    expect(itemPoints("事件类")).toBe(0);
    expect(itemPoints("事件类", null)).toBe(0);
  });

  it("gives #VALUE! for an unknown type or channel, and for the ambiguous 基层信息", () => {
    expect(errorOf(() => itemPoints("其他", ""))).toEqual({ code: "#VALUE!", message: "信息类型「其他」无法识别，应为事件类或综合类" });
    expect(errorOf(() => itemPoints("事件类", "人民日报")).message).toMatch(/采用渠道「人民日报」不在规则中/);
    expect(errorOf(() => itemPoints("事件类", "基层信息")).message).toMatch(/有歧义/);
    expect(errorOf(() => itemPoints("", "")).code).toBe("#VALUE!");
    expect(errorOf(() => itemPoints(false, "")).code).toBe("#VALUE!");
  });

  it("passes on an error argument", () => {
    expect(errorOf(() => itemPoints("综合类", new FunctionError("#N/A", "x"))).code).toBe("#N/A");
  });
});
