import { describe, expect, it } from "vitest";
import { dateToSerial, parseDate, parsePeriod, periodContains, periodLabel, serialToDate } from "../../src/engine/dates";

describe("parseDate reads every form RUBRICS.md §1 lists", () => {
  const march7 = { ok: true, date: { year: 2014, month: 3, day: 7 } };
  it.each([
    ["Excel serial", 41705],
    ["ISO", "2014-03-07"],
    ["Chinese", "2014年3月7日"],
    ["dotted", "2014.3.7"],
    ["slashed", "2014/3/7"],
    ["full-width digits", "２０１４年３月７日"],
    ["with a time of day", "2014-03-07 09:30"],
  ])("%s", (_, value) => {
    expect(parseDate(value)).toEqual(march7);
  });

  it("tells an impossible day from unreadable text", () => {
    expect(parseDate("2013年2月30日")).toEqual({ ok: false, problem: "impossible" });
    expect(parseDate("2013-13-01")).toEqual({ ok: false, problem: "impossible" });
    expect(parseDate("三月七日")).toEqual({ ok: false, problem: "unreadable" });
    expect(parseDate(true)).toEqual({ ok: false, problem: "unreadable" });
  });

  it("treats blanks as blank", () => {
    expect(parseDate("")).toEqual({ ok: false, problem: "blank" });
    expect(parseDate(null)).toEqual({ ok: false, problem: "blank" });
    expect(parseDate("   ")).toEqual({ ok: false, problem: "blank" });
  });

  it("knows leap years", () => {
    expect(parseDate("2012-02-29").ok).toBe(true);
    expect(parseDate("2013-02-29").ok).toBe(false);
  });
});

describe("Excel serials", () => {
  it("round-trip through days", () => {
    for (let serial = 61; serial < 80_000; serial += 997) {
      expect(dateToSerial(serialToDate(serial)!)).toBe(serial);
    }
  });
  it("drop the time of day", () => {
    expect(serialToDate(41705.75)).toEqual({ year: 2014, month: 3, day: 7 });
  });
});

describe("periods", () => {
  it.each([
    ["2013", "2013", "2013年"],
    [2013, "2013", "2013年"],
    ["2013Q1", "2013Q1", "2013年第一季度"],
    ["2013q4", "2013Q4", "2013年第四季度"],
    ["2013年第二季度", "2013Q2", "2013年第二季度"],
    ["2013-03", "2013-03", "2013年3月"],
    ["2013年11月", "2013-11", "2013年11月"],
  ])("%s", (text, key, label) => {
    const period = parsePeriod(text)!;
    expect(period.key).toBe(key);
    expect(periodLabel(period)).toBe(label);
  });

  it("rejects what is not a period", () => {
    for (const text of ["2013Q5", "2013-13", "13", "明年", ""]) expect(parsePeriod(text)).toBeNull();
  });

  it("contain exactly their days", () => {
    const q2 = parsePeriod("2013Q2")!;
    expect(periodContains(q2, { year: 2013, month: 4, day: 1 })).toBe(true);
    expect(periodContains(q2, { year: 2013, month: 6, day: 30 })).toBe(true);
    expect(periodContains(q2, { year: 2013, month: 7, day: 1 })).toBe(false);
    expect(periodContains(q2, { year: 2014, month: 5, day: 1 })).toBe(false);
  });
});
