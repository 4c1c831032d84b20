import { cellText, isBlank, type CellValue, type Grid } from "./cells";
import type { Issue } from "./issues";

/**
 * Band tables and weightings (RUBRICS.md §3–§4): a score or a share falls into the band whose
 * lower bound it reaches, and several component scores combine with fixed weights.
 *
 * Comparisons are exact decimals: values are compared as integer millionths, so ninety items of
 * 0.1 added one by one, which land on 8.999999999999984 in binary, still reach the 9 line,
 * while 8.95 stays below it, and a share of 0.899 stays below 0.9 (hundredths would round it up).
 */

/** One band: every value at least `atLeast` (and below the next band up) maps to `value`. */
export interface Band<T> {
  atLeast: number;
  value: T;
}

export interface BandTable<T> {
  id: string;
  /** A name staff recognise, in Chinese. */
  name: string;
  /** What the value is, in Chinese, for messages: 总分, 日均发帖数, 覆盖比例. */
  measure: string;
  /** Bands from the highest bound down. */
  bands: Band<T>[];
  /** The value below the lowest band; null when such values have no band (a #N/A). */
  below: T | null;
  /** The values that make sense at all, e.g. 0–1 for a share; others are bad input. */
  domain?: { min: number; max: number };
}

/** Resolution of the comparison: a millionth. */
const SCALE = 1_000_000;

function scaled(value: number): number {
  return Math.round(value * SCALE);
}

/**
 * The band a value falls in, or null when it is below every band and the table has no `below`.
 * @example bandOf(8.95, hainanWechat) // "良好"
 * @example bandOf(8.999999999999984, hainanWechat) // "优秀": ninety 0.1s added in binary reach the 9 line
 */
export function bandOf<T>(value: number, table: BandTable<T>): T | null {
  const v = scaled(value);
  for (const band of table.bands) if (v >= scaled(band.atLeast)) return band.value;
  return table.below;
}

/** True when the value lies in the table's domain (always, when it has none). */
export function inDomain(value: number, table: BandTable<unknown>): boolean {
  return !table.domain || (value >= table.domain.min && value <= table.domain.max);
}

export type BandRowsResult = { ok: true; table: BandTable<string> } | { ok: false; issues: Issue[] };

/**
 * A band table from a two-column range (threshold, label) as an office writes it on a sheet:
 * rows in any order, an optional header row, blank rows skipped. Labels may be text or points.
 * Two rows with the same threshold overlap and are reported, never silently merged.
 * @example bandTableFromRows([["分数线", "等次"], [90, "好"], [80, "较好"], [60, "一般"], [0, "差"]])
 * // ok, bands 90 好 / 80 较好 / 60 一般 / 0 差, and nothing below 0
 */
export function bandTableFromRows(rows: Grid): BandRowsResult {
  const issues: Issue[] = [];
  const bands: Band<string>[] = [];
  const problem = (row: number, message: string) =>
    issues.push({ rule: "bad-band", severity: "error", row: row + 1, message });

  rows.forEach((row, r) => {
    const [threshold, label] = [row[0], row[1]] as [CellValue, CellValue];
    if (isBlank(threshold) && isBlank(label)) return;
    const bound = typeof threshold === "number" ? threshold : Number(cellText(threshold));
    if (!Number.isFinite(bound) || isBlank(threshold)) {
      // Text in the first row is a header, anywhere else a mistake.
      if (r === 0 && bands.length === 0) return;
      problem(r, `分档表第 ${r + 1} 行的分数线「${cellText(threshold)}」不是数字`);
      return;
    }
    if (isBlank(label)) {
      problem(r, `分档表第 ${r + 1} 行缺少等次名称`);
      return;
    }
    if (bands.some((band) => scaled(band.atLeast) === scaled(bound))) {
      problem(r, `分档表中分数线 ${bound} 出现了两次，档次重叠`);
      return;
    }
    bands.push({ atLeast: bound, value: cellText(label) });
  });
  if (issues.length > 0) return { ok: false, issues };
  if (bands.length === 0) return { ok: false, issues: [{ rule: "bad-band", severity: "error", message: "分档表为空：需要两列（分数线、等次）" }] };
  bands.sort((a, b) => b.atLeast - a.atLeast);
  return { ok: true, table: { id: "sheet", name: "分档表", measure: "分数", bands, below: null } };
}

/** One weighted component of an assessment, e.g. 党政评价 at 30%. */
export interface WeightedComponent {
  name: string;
  /** Share of the total, 0–1. */
  weight: number;
}

export type WeightedResult =
  | { ok: true; total: number }
  /** A component has no score: the total is incomplete, not a smaller number. */
  | { ok: false; missing: string[] };

/**
 * The weighted total of component scores, in exact decimals. A blank component makes the
 * total incomplete (RUBRICS.md §3): it is never counted as 0.
 * @example weightedTotal([90, 80, 70], dongguanAnnualWeights.components) // { ok: true, total: 81 }
 * @example weightedTotal([90, null, 70], dongguanAnnualWeights.components) // { ok: false, missing: ["团内考核"] }
 */
export function weightedTotal(scores: readonly (number | null)[], components: readonly WeightedComponent[]): WeightedResult {
  if (scores.length !== components.length) {
    throw new Error(`weightedTotal: ${scores.length} scores for ${components.length} components`);
  }
  const missing = components.filter((_, i) => scores[i] === null).map((c) => c.name);
  if (missing.length > 0) return { ok: false, missing };
  // Scores and weights to 4 decimals each: their products stay exact integers below 2^53.
  let sum = 0;
  scores.forEach((score, i) => {
    sum += Math.round(score! * 1e4) * Math.round(components[i].weight * 1e4);
  });
  return { ok: true, total: sum / 1e8 };
}

export type WeightsResult = { ok: true; weights: number[] } | { ok: false; issues: Issue[] };

/**
 * Checks weights as an office enters them: each ≥ 0, together 100%. Accepts shares (0.3) or
 * percentages (30), as long as one form is used throughout.
 * @example normalizeWeights([30, 50, 20]) // { ok: true, weights: [0.3, 0.5, 0.2] }
 */
export function normalizeWeights(weights: readonly number[]): WeightsResult {
  const issue = (message: string): WeightsResult => ({ ok: false, issues: [{ rule: "bad-weights", severity: "error", message }] });
  if (weights.length === 0) return issue("没有权重");
  if (weights.some((w) => !Number.isFinite(w) || w < 0)) return issue("权重不能为负数");
  const total = weights.reduce((sum, w) => sum + Math.round(w * 1e4), 0);
  if (total === 1e4) return { ok: true, weights: [...weights] };
  if (total === 100e4) return { ok: true, weights: weights.map((w) => Math.round(w * 1e4) / 1e6) };
  return issue(`权重之和应为 100%，现为 ${total / 1e4}`);
}
