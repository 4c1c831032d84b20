import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bandOf } from "../../src/engine/bands";
import { PRESETS } from "../../src/engine/presets";
import { hunanWmhRubric } from "../../src/engine/presets/hunan-wmh";
import { band, grade, quotaTarget, tier, vetoStreak, weighted } from "../../src/functions/functions";
import { FunctionError } from "../../src/functions/host";
import { column, errorOf, serial } from "./fixtures";

/** The functions of the assessment rubrics (RUBRICS.md §3–§5): tiers, veto streaks, quota targets. */

describe("LEAGUE.TIER", () => {
  it("cuts 18 units (湖南's 18 quota units) into 5 near-equal tiers, the better tiers taking the extra ones (RUBRICS §5)", () => {
    const averages = hunanWmhRubric.quotas.map((_, i) => 95 - i * 2);
    const values = column(...averages);
    const tiers = averages.map((v) => tier(v, values));
    expect(tiers).toEqual([1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 5, 5, 5]);
  });

  it("gives tied units the better tier", () => {
    // Two units a tier. The 80s take positions 3 and 4 (from 0), which straddle tiers 2 and 3:
    // both get tier 2.
    const values = column(95, 90, 85, 80, 80, 70, 60, 50, 40, 30);
    expect([85, 80, 70].map((v) => tier(v, values))).toEqual([2, 2, 3]);
    expect([95, 80, 30].map((v) => tier(v, values, 2))).toEqual([1, 1, 2]);
  });

  it("always fills tiers in order with sizes differing by at most one, and never splits a tie", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 8 }), (list, wanted) => {
        const tiers = Math.min(wanted, list.length);
        const byValue = new Map(list.map((v) => [v, tier(v, [list], tiers)]));
        const sorted = [...list].sort((a, b) => b - a);
        const assigned = sorted.map((v) => byValue.get(v)!);
        // Higher values never fall into a worse tier.
        for (let i = 1; i < assigned.length; i++) expect(assigned[i]).toBeGreaterThanOrEqual(assigned[i - 1]);
        expect(assigned[0]).toBe(1);
        if (new Set(list).size === list.length) {
          const sizes = Array.from({ length: tiers }, (_, t) => assigned.filter((a) => a === t + 1).length);
          expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
          expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
        }
      }),
    );
  });

  it("skips blanks and text among the values, and takes the default 5 tiers for a blank tiers cell", () => {
    expect(tier(80, column(90, "", 80, "缺评", 70), 3)).toBe(2);
    expect(tier(30, column(95, 90, 85, 80, 80, 70, 60, 50, 40, 30), [[null]])).toBe(5);
    expect(tier(30, column(95, 90, 85, 80, 80, 70, 60, 50, 40, 30), "")).toBe(5);
  });

  it("gives #N/A for a blank value (not ranked until complete) or one not among the values", () => {
    expect(errorOf(() => tier("", column(90, 80)))).toEqual({ code: "#N/A", message: "数值为空，暂不计算" });
    expect(errorOf(() => tier(85, column(90, 80, 70, 60, 50)))).toEqual({ code: "#N/A", message: "85 不在排名区域中" });
  });

  it("gives #VALUE! for tiers that are not a whole number from 1, more tiers than values, or a text value", () => {
    const values = column(90, 80, 70, 60, 50);
    expect(errorOf(() => tier(90, values, 0))).toEqual({ code: "#VALUE!", message: "档数应为正整数，现为「0」" });
    expect(errorOf(() => tier(90, values, 2.5)).message).toBe("档数应为正整数，现为「2.5」");
    expect(errorOf(() => tier(90, values, "五")).message).toBe("档数应为数字，现为「五」");
    expect(errorOf(() => tier(90, values, 6))).toEqual({ code: "#VALUE!", message: "档数 6 多于排名区域中的数值个数 5" });
    expect(errorOf(() => tier("九十", values)).code).toBe("#VALUE!");
    expect(errorOf(() => tier(true, values)).code).toBe("#VALUE!");
  });

  it("passes on an error in the value, the values or the tiers", () => {
    expect(errorOf(() => tier(new FunctionError("#DIV/0!", ""), column(1))).code).toBe("#DIV/0!");
    expect(errorOf(() => tier(1, [[1], [new FunctionError("#REF!", "")]]))).toEqual({ code: "#REF!", message: "" });
    expect(errorOf(() => tier(1, column(1), new FunctionError("#NUM!", "x"))).code).toBe("#NUM!");
  });
});

describe("LEAGUE.VETO_STREAK", () => {
  // One city's spot checks as recorded, not in date order: posts that day (RUBRICS §4).
  const checks = [
    { date: serial(2013, 6, 20), posts: 1 },
    { date: serial(2013, 5, 2), posts: 12 },
    { date: serial(2013, 6, 5), posts: 2 },
    { date: serial(2013, 7, 1), posts: 7 },
    { date: serial(2013, 5, 20), posts: 0 },
  ];
  const levelsOf = (list: typeof checks) => column(...list.map((c) => band(c.posts, "wechat-activity") as string));

  it("finds 3 consecutive 差 checks by date: the veto (RUBRICS §4), which the recording order would hide", () => {
    const byDate = [...checks].sort((a, b) => a.date - b.date);
    expect(levelsOf(byDate)).toEqual(column("优秀", "差", "差", "差", "良好"));
    expect(vetoStreak(levelsOf(byDate))).toBe(true);
    expect(vetoStreak(levelsOf(checks))).toBe(false);
  });

  it("is FALSE when a better check breaks the run, or there are fewer checks than n", () => {
    expect(vetoStreak(column("差", "差", "良好", "差"))).toBe(false);
    expect(vetoStreak(column("差", "差"))).toBe(false);
    expect(vetoStreak([[]])).toBe(false);
  });

  it("reads a row as well as a column, and takes any label and streak length", () => {
    expect(vetoStreak([["一般", "差", "差", "差"]])).toBe(true);
    expect(vetoStreak([["一般", "一般", "差"]], "一般", 2)).toBe(true);
    expect(vetoStreak([["一般", "差", "一般"]], "一般", 2)).toBe(false);
    expect(vetoStreak([["差"]], "差", 1)).toBe(true);
  });

  it("skips blank cells: empty rows between checks neither count nor break a streak", () => {
    expect(vetoStreak(column("差", "", null, "差", "  ", "差"))).toBe(true);
    expect(vetoStreak(column("差", "", "差"))).toBe(false);
    // Blank label and n cells take the defaults, 差 and 3.
    expect(vetoStreak(column("差", "差", "差"), "", [[null]])).toBe(true);
  });

  it("gives #VALUE! for a block of several rows and columns, a streak length that is not a whole number from 1, or a non-text label", () => {
    expect(errorOf(() => vetoStreak([["差", "差"], ["差", "差"]]))).toEqual({ code: "#VALUE!", message: "抽查等次应为一行或一列" });
    expect(errorOf(() => vetoStreak(column("差"), "差", 0)).message).toBe("连续次数应为正整数，现为「0」");
    expect(errorOf(() => vetoStreak(column("差"), "差", "三")).message).toBe("连续次数应为数字，现为「三」");
    expect(errorOf(() => vetoStreak(column("差"), true)).message).toBe("否决等次应为文本");
  });

  it("passes on an error among the levels", () => {
    expect(errorOf(() => vetoStreak([["差"], [new FunctionError("#N/A", "上游")], ["差"]]))).toEqual({ code: "#N/A", message: "上游" });
    expect(errorOf(() => vetoStreak(column("差"), new FunctionError("#REF!", ""))).code).toBe("#REF!");
  });
});

describe("LEAGUE.QUOTA_TARGET", () => {
  it("multiplies the base quota by hunan-wmh's 10 (RUBRICS §5: 长沙, quota 10 → 100)", () => {
    const changsha = hunanWmhRubric.quotas.find((q) => q.unit === "长沙")!;
    expect(quotaTarget(changsha.base)).toBe(100);
    // 附件1's network creation numbers add up to 115, so the targets to 1,150.
    const total = hunanWmhRubric.quotas.reduce((sum, q) => sum + quotaTarget(q.base), 0);
    expect(total).toBe(1150);
  });

  it("reads a number typed as text, and keeps decimals exact", () => {
    expect(quotaTarget("7")).toBe(70);
    expect(quotaTarget(0.7)).toBe(7);
  });

  it("gives #VALUE! for text, a boolean or a negative base, and #N/A for a blank one", () => {
    expect(errorOf(() => quotaTarget("十"))).toEqual({ code: "#VALUE!", message: "基础名额应为数字，现为「十」" });
    expect(errorOf(() => quotaTarget(true)).code).toBe("#VALUE!");
    expect(errorOf(() => quotaTarget(-1))).toEqual({ code: "#VALUE!", message: "基础名额不能为负数" });
    expect(errorOf(() => quotaTarget(null))).toEqual({ code: "#N/A", message: "基础名额为空，暂不计算" });
  });

  it("passes errors on", () => {
    expect(errorOf(() => quotaTarget(new FunctionError("#DIV/0!", ""))).code).toBe("#DIV/0!");
  });
});

describe("GRADE and WEIGHTED take every preset's bands and weights by id", () => {
  const rubrics = Object.values(PRESETS);

  it("grades by each preset that grades its total, at and just below every line", () => {
    const grading = rubrics.flatMap((r) => ("grades" in r ? [r] : []));
    expect(grading.map((r) => r.id).sort()).toEqual(["dongguan-annual", "hainan-wechat"]);
    for (const rubric of grading) {
      for (const line of rubric.grades.bands) {
        for (const score of [line.atLeast, line.atLeast - 0.01]) {
          expect(grade(score, [[rubric.id]]), `${rubric.id} ${score}`).toBe(bandOf(score, rubric.grades));
        }
      }
    }
  });

  it("weights by each weighted preset", () => {
    const weightedRubrics = rubrics.flatMap((r) => (r.kind === "weighted" ? [r] : []));
    expect(weightedRubrics.map((r) => r.id)).toEqual(["dongguan-annual"]);
    for (const rubric of weightedRubrics) {
      const scores = rubric.components.map((_, i) => 70 + 10 * i);
      const expected = rubric.components.reduce((sum, c, i) => sum + c.weight * scores[i], 0);
      expect(weighted([scores], [[rubric.id]])).toBeCloseTo(expected, 10);
    }
  });

  it("gives #VALUE! for a preset with no grades or no weights, naming the ones that have them", () => {
    expect(errorOf(() => grade(80, [["hunan-wmh"]])).message).toBe("分档「hunan-wmh」无效，应为 dongguan-annual、hainan-wechat 之一");
    expect(errorOf(() => weighted([[90, 80, 70]], [["chaoyang-info"]])).message).toBe("权重「chaoyang-info」无效，应为 dongguan-annual 之一");
  });
});
