import type { SpecValue } from "../layout/sheet-spec";
import { rank, type RankMethod, type Ranked } from "../rank";
import type { AssessedUnit, AssessmentResult } from "./result";

/**
 * How a preset's own results show next to 排名 and 单位: in a ranking sheet, in the CLI's
 * table and in the task pane. Only columns some unit carries are shown, so one layout serves
 * every preset: grades for dongguan-annual and hainan-wechat, tiers and quota changes for
 * hunan-wmh, the weighted share and veto for county-info.
 */
export interface ResultColumn {
  key: string;
  /** Header, zh-CN. */
  header: string;
  value: (unit: AssessedUnit) => SpecValue;
}

/** +20%, 0, −10%: a quota change as staff write it. @example formatAdjustment(0.2) // "+20%" */
export function formatAdjustment(share: number): string {
  const percent = Math.round(share * 1000) / 10;
  return percent > 0 ? `+${percent}%` : percent < 0 ? `−${-percent}%` : "0";
}

const COLUMNS: (ResultColumn & { present: (unit: AssessedUnit) => boolean })[] = [
  { key: "total", header: "总分", present: () => true, value: (u) => u.total ?? "未完成" },
  { key: "grade", header: "等次", present: (u) => u.grade !== undefined, value: (u) => u.grade ?? "—" },
  {
    key: "weightedShare",
    header: "折合年度考核分",
    present: (u) => "weightedShare" in u,
    value: (u) => (u as AssessedUnit & { weightedShare: number }).weightedShare,
  },
  { key: "tier", header: "档次", present: (u) => u.tier !== undefined, value: (u) => u.tier ?? "—" },
  {
    key: "quotaAdjustment",
    header: "名额调整",
    present: (u) => u.quotaAdjustment !== undefined,
    value: (u) => (u.quotaAdjustment == null ? "—" : formatAdjustment(u.quotaAdjustment)),
  },
  { key: "vetoed", header: "否决", present: (u) => u.vetoed !== undefined, value: (u) => (u.vetoed ? "是" : "") },
  {
    key: "awardEligible",
    header: "评优资格",
    present: () => true,
    value: (u) => (u.awardEligible ? "有" : `无（${u.ineligibleReasons.join("；")}）`),
  },
];

/**
 * The columns a result's units carry, in display order.
 * @example resultColumns(hunanResult).map((c) => c.header) // ["总分", "档次", "名额调整", "评优资格"]
 */
export function resultColumns(result: AssessmentResult): ResultColumn[] {
  return COLUMNS.filter((column) => result.units.some(column.present)).map(({ key, header, value }) => ({ key, header, value }));
}

export interface AssessmentRanking {
  method: RankMethod;
  /** Complete units ranked by total, then incomplete ones, unranked, in pinyin order. */
  overall: Ranked<AssessedUnit>[];
  /** Per system, in order of first appearance; empty when no unit has a system. */
  systems: { system: string; rows: Ranked<AssessedUnit>[] }[];
}

/**
 * A result in published order, overall and per system, ties sharing a rank, as the ranking
 * sheets lay out `chaoyang-info`.
 * @example rankResult(dongguanResult, "dense").overall.map((r) => r.rank) // [1, 2, 3, 4, 5, null]
 */
export function rankResult(result: AssessmentResult, method: RankMethod): AssessmentRanking {
  const options = { value: (u: AssessedUnit) => u.total, name: (u: AssessedUnit) => u.unit, method };
  const systems = [...new Set(result.units.map((u) => u.system).filter((s): s is string => !!s))];
  return {
    method,
    overall: rank(result.units, options),
    systems: systems.map((system) => ({ system, rows: rank(result.units.filter((u) => u.system === system), options) })),
  };
}
