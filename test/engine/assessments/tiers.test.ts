import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { quotaTarget, tierAtPosition, tierOf, tierSizes, vetoStreak } from "../../../src/engine/assessments/tiers";

describe("tierSizes", () => {
  it("cuts 18 units into 5 near-equal tiers, the better tiers taking the remainder", () => {
    expect(tierSizes(18, 5)).toEqual([4, 4, 4, 3, 3]);
    expect(tierSizes(10, 5)).toEqual([2, 2, 2, 2, 2]);
    expect(tierSizes(3, 5)).toEqual([1, 1, 1, 0, 0]);
  });

  it("always covers every unit with sizes that differ by at most one, best tiers largest", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 10 }), (count, tiers) => {
        const sizes = tierSizes(count, tiers);
        expect(sizes.reduce((a, b) => a + b, 0)).toBe(count);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        for (let i = 1; i < sizes.length; i++) expect(sizes[i]).toBeLessThanOrEqual(sizes[i - 1]);
      }),
    );
  });
});

describe("tierSizes with office-set shares (RUBRICS §5)", () => {
  it("gives each tier its share, the leftover units to the largest fractions, the better tier first", () => {
    // 1.8, 3.6, 7.2, 3.6, 1.8 → 1, 3, 7, 3, 1 and three left over: tiers 1 and 5 (.8), then 2 (.6).
    expect(tierSizes(18, 5, [0.1, 0.2, 0.4, 0.2, 0.1])).toEqual([2, 4, 7, 3, 2]);
    expect(tierSizes(10, 4, [0.1, 0.4, 0.4, 0.1])).toEqual([1, 4, 4, 1]);
    expect(tierSizes(3, 4, [0.25, 0.25, 0.25, 0.25])).toEqual([1, 1, 1, 0]);
  });

  it("gives equal shares the near-equal sizes, and always covers every unit", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 4, max: 5 }), (count, tiers) => {
        expect(tierSizes(count, tiers, Array(tiers).fill(1 / tiers))).toEqual(tierSizes(count, tiers));
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: 3, maxLength: 4 }), (count, cuts) => {
        const sorted = [...cuts].sort((a, b) => a - b);
        const shares = [...sorted, 100].map((cut, i) => (cut - (i === 0 ? 0 : sorted[i - 1])) / 100);
        const sizes = tierSizes(count, shares.length, shares);
        expect(sizes.reduce((a, b) => a + b, 0)).toBe(count);
        sizes.forEach((size, i) => expect(Math.abs(size - count * shares[i])).toBeLessThan(1));
      }),
    );
  });

  it("places a rank position by the shares", () => {
    expect([0, 1, 2, 5, 6, 12, 13, 15, 16, 17].map((p) => tierAtPosition(p, 18, 5, [0.1, 0.2, 0.4, 0.2, 0.1]))).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });
});

describe("tierOf (TIER)", () => {
  const values = [95, 90, 85, 80, 80, 70, 60, 50, 40, 30];

  it("gives tied values the better tier when the tie straddles a boundary", () => {
    // Positions 3 and 4 hold the two 80s; tier 2 is positions 2–3, tier 3 positions 4–5.
    expect(tierOf(80, values)).toBe(2);
    expect(tierOf(70, values)).toBe(3);
    expect(tierOf(95, values)).toBe(1);
    expect(tierOf(30, values)).toBe(5);
  });

  it("takes the number of tiers and returns null for a value not among the values", () => {
    expect(tierOf(60, values, 2)).toBe(2);
    expect(tierOf(85, values, 2)).toBe(1);
    expect(tierOf(81, values)).toBeNull();
  });

  it("never gives a higher value a worse tier", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 6 }), (list, tiers) => {
        const sorted = [...list].sort((a, b) => b - a);
        for (let i = 1; i < sorted.length; i++) expect(tierOf(sorted[i], list, tiers)!).toBeGreaterThanOrEqual(tierOf(sorted[i - 1], list, tiers)!);
      }),
    );
  });

  it("places a rank position in its tier", () => {
    expect([0, 3, 4, 11, 12, 17].map((p) => tierAtPosition(p, 18, 5))).toEqual([1, 1, 2, 3, 4, 5]);
  });
});

describe("vetoStreak (VETO_STREAK)", () => {
  it("is true after three consecutive 差 and false when a better check breaks the run", () => {
    expect(vetoStreak(["差", "一般", "差", "差", "差"])).toBe(true);
    expect(vetoStreak(["差", "差", "良好", "差"])).toBe(false);
  });

  it("skips blank cells, trims labels, and takes another label and length", () => {
    expect(vetoStreak(["差", null, " 差 ", "", "差"])).toBe(true);
    expect(vetoStreak(["一般", "一般"], "一般", 2)).toBe(true);
    expect(vetoStreak(["差", "差"], "差", 3)).toBe(false);
  });
});

describe("quotaTarget (QUOTA_TARGET)", () => {
  it("is the base quota times ten: 长沙's 10 gives 100", () => {
    expect(quotaTarget(10)).toBe(100);
    expect(quotaTarget(7)).toBe(70);
    expect(quotaTarget(0.7)).toBe(7);
  });
});
