/**
 * The 排名 tab's preview tables, from any ranking: the information-work ranking and an
 * assessment's have the same shape (overall, and per system), so one function cuts both.
 */
import type { Ranked } from "../engine/rank";
import type { PreviewRow, PreviewTable } from "./protocol";

export interface RankingLike<T> {
  overall: readonly Ranked<T>[];
  systems: readonly { system: string; rows: readonly Ranked<T>[] }[];
}

/**
 * Each system's first `rows` rows; one table with a blank system when the units have none.
 * @example previewTables(rankResult(dongguanResult, "dense"), 5, toRow) // [{ system: "", units: 93, rows: [ …5 ] }]
 */
export function previewTables<T>(ranking: RankingLike<T>, rows: number, toRow: (ranked: Ranked<T>) => PreviewRow): PreviewTable[] {
  const groups = ranking.systems.length > 0 ? ranking.systems : [{ system: "", rows: ranking.overall }];
  return groups.map(({ system, rows: ranked }) => ({ system, units: ranked.length, rows: ranked.slice(0, rows).map(toRow) }));
}
