import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareNames, rank, rankOf } from "../../src/engine/rank";
import { SEED_ROSTER } from "../../src/sample/seed-roster";

const rows = (values: (number | null)[]) => values.map((v, i) => ({ name: `单位${String.fromCharCode(0x4e00 + i * 7)}`, v }));
const opts = { value: (r: { v: number | null }) => r.v, name: (r: { name: string }) => r.name };

/** Excel's RANK.EQ, written the slow obvious way. */
function rankEq(value: number, values: number[]): number {
  return 1 + values.filter((v) => v > value).length;
}

describe("rank", () => {
  it("dense (中国式) and competition (RANK.EQ) differ after a tie", () => {
    const data = [{ name: "甲", v: 9 }, { name: "乙", v: 9 }, { name: "丙", v: 7 }];
    expect(rank(data, { ...opts, method: "dense" }).map((r) => r.rank)).toEqual([1, 1, 2]);
    expect(rank(data, { ...opts, method: "competition" }).map((r) => r.rank)).toEqual([1, 1, 3]);
    expect(rank(data, opts).map((r) => [r.tied, r.tieSize])).toEqual([[true, 2], [true, 2], [false, 1]]);
  });

  it("orders a tie by the pinyin of the names, as seed 000 prints its 33-unit tie group", () => {
    const qinggong = SEED_ROSTER.find((s) => s.system === "青工系统")!.units;
    const tieGroup = qinggong.slice(17); // rank 18 in the published table
    expect(tieGroup).toHaveLength(33);
    const shuffled = [...tieGroup].reverse().map((name) => ({ name, v: 0 }));
    expect(rank(shuffled, opts).map((r) => r.row.name)).toEqual(tieGroup);
  });

  it("lists rows without a value last, unranked", () => {
    const ranked = rank(rows([5, null, 7]), opts);
    expect(ranked.map((r) => [r.row.v, r.rank])).toEqual([[7, 1], [5, 2], [null, null]]);
  });

  it("order 1 ranks the lowest first", () => {
    expect(rank(rows([5, 1, 3]), { ...opts, order: 1 }).map((r) => r.row.v)).toEqual([1, 3, 5]);
    expect(rankOf(3, [5, 1, 3], "competition", 1)).toBe(2);
  });

  it("rankOf gives null for a value not in the list, like #N/A", () => {
    expect(rankOf(4, [5, 1, 3])).toBeNull();
  });

  const values = fc.array(fc.integer({ min: -5, max: 20 }), { minLength: 1, maxLength: 60 });

  it("property: ties share a rank, and only equal values share one", () => {
    fc.assert(
      fc.property(values, fc.constantFrom("dense" as const, "competition" as const), (vs, method) => {
        const ranked = rank(rows(vs), { ...opts, method });
        for (const a of ranked) for (const b of ranked) expect(a.rank === b.rank).toBe(a.row.v === b.row.v);
        for (const r of ranked) expect(r.tieSize).toBe(vs.filter((v) => v === r.row.v).length);
      }),
    );
  });

  it("property: dense ranks have no gaps", () => {
    fc.assert(
      fc.property(values, (vs) => {
        const ranks = [...new Set(rank(rows(vs), { ...opts, method: "dense" }).map((r) => r.rank))];
        expect(ranks).toEqual(Array.from({ length: ranks.length }, (_, i) => i + 1));
      }),
    );
  });

  it("property: competition ranks match RANK.EQ, and rankOf agrees with rank", () => {
    fc.assert(
      fc.property(values, (vs) => {
        for (const r of rank(rows(vs), { ...opts, method: "competition" })) {
          expect(r.rank).toBe(rankEq(r.row.v!, vs));
          expect(rankOf(r.row.v!, vs, "competition")).toBe(r.rank);
        }
        for (const r of rank(rows(vs), { ...opts, method: "dense" })) expect(rankOf(r.row.v!, vs, "dense")).toBe(r.rank);
      }),
    );
  });

  it("property: published order is by value, then by name", () => {
    fc.assert(
      fc.property(values, (vs) => {
        const ranked = rank(rows(vs), opts);
        for (let i = 1; i < ranked.length; i++) {
          const [a, b] = [ranked[i - 1].row, ranked[i].row];
          expect(a.v! > b.v! || (a.v === b.v && compareNames(a.name, b.name) <= 0)).toBe(true);
        }
      }),
    );
  });
});
