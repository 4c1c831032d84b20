import type { Issue } from "../issues";
import { rank, type RankMethod } from "../rank";

/**
 * The shape every assessment preset returns, so one ranking layout and one JSON form serve
 * them all. Preset modules extend `AssessedUnit` with their own fields.
 */
export interface AssessedUnit {
  unit: string;
  system?: string;
  /** Null when the unit cannot be scored yet (a missing component or evaluation). */
  total: number | null;
  /** False when a component or evaluation is missing: such a unit is shown but not ranked. */
  complete: boolean;
  awardEligible: boolean;
  /** Why the unit cannot take the year's awards, in Chinese; empty when eligible. */
  ineligibleReasons: string[];
  /** Rank among the complete units by total; null for incomplete ones. */
  rank: number | null;
  grade?: string | null;
  tier?: number | null;
  /** Quota change as a share: 0.2 is +20%. */
  quotaAdjustment?: number | null;
  vetoed?: boolean;
}

export interface AssessmentResult<U extends AssessedUnit = AssessedUnit> {
  rubric: string;
  /** The period's key, e.g. "2017", or a term such as "2015-2016". */
  period: string;
  /** Units in input order. */
  units: U[];
  /** Problems found while reading and checking; scoring goes on around them. */
  issues: Issue[];
}

/**
 * Sets each unit's rank by total (highest first); units without a total stay unranked.
 * @example withRanks([{ unit: "甲", total: 90, … }, { unit: "乙", total: null, … }], "dense") // 甲 rank 1, 乙 rank null
 */
export function withRanks<U extends AssessedUnit>(units: U[], method: RankMethod): U[] {
  const ranked = rank(units, { value: (u) => u.total, name: (u) => u.unit, method });
  const rankOf = new Map(ranked.map((r) => [r.row, r.rank]));
  return units.map((u) => ({ ...u, rank: rankOf.get(u) ?? null }));
}

/** A fatal problem: the table is not there at all. */
export function missingTable(rubric: string, message: string): AssessmentResult {
  return { rubric, period: "", units: [], issues: [{ rule: "no-table", severity: "error", message }] };
}
