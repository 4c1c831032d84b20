import type { RankMethod } from "./rubric/info-rubric";

/**
 * Ranking as offices publish it: ties share a rank, and within a tie units are listed in the
 * pinyin order of their names (what Intl.Collator("zh-CN") gives; seed 000's 33-unit tie group
 * is in exactly that order).
 */

export type { RankMethod };
/** 0: highest value ranks first (the default); 1: lowest first, as Excel's RANK order argument. */
export type RankOrder = 0 | 1;

export interface Ranked<T> {
  row: T;
  /** Null for rows with no value (e.g. an incomplete assessment): listed last, unranked. */
  rank: number | null;
  tied: boolean;
  /** Rows sharing this rank, 1 when not tied. */
  tieSize: number;
}

export interface RankOptions<T> {
  value: (row: T) => number | null;
  name: (row: T) => string;
  method?: RankMethod;
  order?: RankOrder;
}

const zhCollator = new Intl.Collator("zh-CN");

/** Compares unit names in pinyin order. @example ["北京", "安贞"].sort(compareNames) // ["安贞", "北京"] */
export function compareNames(a: string, b: string): number {
  return zhCollator.compare(a, b);
}

/**
 * Ranks rows and returns them in published order.
 * @example rank([{ n: "甲", v: 9 }, { n: "乙", v: 9 }, { n: "丙", v: 7 }], { value: (r) => r.v, name: (r) => r.n })
 * // ranks 1, 1, 2 (dense); 丙 would be 3 with method "competition"
 */
export function rank<T>(rows: readonly T[], options: RankOptions<T>): Ranked<T>[] {
  const method = options.method ?? "dense";
  const ascending = options.order === 1;
  const keyed = rows.map((row) => ({ row, value: options.value(row), name: options.name(row) }));
  const valued = keyed.filter((k): k is typeof k & { value: number } => k.value !== null && Number.isFinite(k.value));
  const unvalued = keyed.filter((k) => k.value === null || !Number.isFinite(k.value));
  valued.sort((a, b) => (ascending ? a.value - b.value : b.value - a.value) || compareNames(a.name, b.name));

  const result: Ranked<T>[] = [];
  let denseRank = 0;
  for (let start = 0; start < valued.length; ) {
    let end = start + 1;
    while (end < valued.length && valued[end].value === valued[start].value) end++;
    denseRank++;
    const groupRank = method === "dense" ? denseRank : start + 1;
    const tieSize = end - start;
    for (let i = start; i < end; i++) result.push({ row: valued[i].row, rank: groupRank, tied: tieSize > 1, tieSize });
    start = end;
  }
  unvalued.sort((a, b) => compareNames(a.name, b.name));
  for (const k of unvalued) result.push({ row: k.row, rank: null, tied: false, tieSize: 1 });
  return result;
}

/**
 * The rank of one value among values, as Excel's RANK.EQ ("competition") or 中国式排名 ("dense").
 * Returns null when the value is not among the values (Excel's #N/A).
 * @example rankOf(80, [90, 90, 80], "dense") // 2
 * @example rankOf(80, [90, 90, 80], "competition") // 3
 */
export function rankOf(value: number, values: readonly number[], method: RankMethod = "dense", order: RankOrder = 0): number | null {
  let ahead = 0;
  let present = false;
  const distinctAhead = new Set<number>();
  for (const v of values) {
    if (v === value) present = true;
    else if (order === 0 ? v > value : v < value) {
      ahead++;
      distinctAhead.add(v);
    }
  }
  if (!present) return null;
  return 1 + (method === "dense" ? distinctAhead.size : ahead);
}
