import { describe, expect, it } from "vitest";
import { UnitMatcher, unitStem } from "../../src/engine/names";

const roster = [
  { name: "双井街道团工委" },
  { name: "朝阳区民防（地震）局团支部" },
  { name: "常营地区团委" },
  { name: "北京市商务中心区管理委员会团工委（含机关）" },
  { name: "朝阳区卫生局团委" },
  { name: "朝阳区卫生局团总支" },
  { name: "团结湖街道团工委", code: "tjhjd" },
];
const matcher = new UnitMatcher(roster);

describe("matching submissions to the roster (RUBRICS.md §6)", () => {
  it("matches after trimming, width folding and bracket unification", () => {
    expect(matcher.match(" 双井街道团工委 ")).toMatchObject({ status: "exact", unit: roster[0] });
    expect(matcher.match("朝阳区民防(地震)局团支部")).toMatchObject({ status: "exact", unit: roster[1] });
    expect(matcher.match("朝阳区民防（地震）局　团支部")).toMatchObject({ status: "exact", unit: roster[1] });
  });

  it("treats the league-body suffixes as interchangeable when exactly one unit fits", () => {
    expect(matcher.match("双井街道团委")).toMatchObject({ status: "suffix", unit: roster[0] });
    expect(matcher.match("常营地区团工委")).toMatchObject({ status: "suffix", unit: roster[2] });
    expect(matcher.match("北京市商务中心区管理委员会团委")).toMatchObject({ status: "suffix", unit: roster[3] });
  });

  it("refuses a suffix swap when two roster units share the stem", () => {
    const result = matcher.match("朝阳区卫生局团工委");
    expect(result.status).toBe("none");
  });

  it("matches a roster short code", () => {
    expect(matcher.match("tjhjd")).toMatchObject({ status: "exact", unit: roster[6] });
  });

  it("suggests the nearest roster names for anything else", () => {
    const result = matcher.match("双井街到团工委");
    expect(result.status).toBe("none");
    if (result.status === "none") expect(result.suggestions[0]).toBe("双井街道团工委");
    const nothing = matcher.match("完全无关的名字");
    if (nothing.status === "none") expect(nothing.suggestions).toEqual([]);
  });

  it("strips only a trailing suffix", () => {
    expect(unitStem("团结湖街道团工委")).toBe("团结湖街道");
    expect(unitStem("北京市朝阳区团教工委")).toBe("北京市朝阳区团教工委");
  });
});
