import { analyzeInfo, type TableChoices } from "../analyze";
import type { InfoRubric, RankMethod } from "../rubric/info-rubric";
import type { SheetData } from "../sheet";
import type { AssessedUnit, AssessmentResult } from "./result";

/** One unit's information-work result under the county method (RUBRICS.md §2). */
export interface CountyUnit extends AssessedUnit {
  system: string;
  base: number;
  bonus: number;
  penalty: number;
  total: number;
  /** Total × the share of the annual assessment (one fifth by default). */
  weightedShare: number;
  /** Below the office's veto line for the year: every league award is lost. */
  vetoed: boolean;
}

export interface CountyOptions {
  period?: string;
  method?: RankMethod;
  /** Overrides the rubric's veto line (the office sets it; none by default). */
  vetoLine?: number | null;
  /** Overrides the rubric's share of the annual assessment, e.g. 0.2. */
  share?: number;
  choices?: TableChoices;
}

/**
 * Information work scored as 朝阳 does, then weighed into the annual assessment and checked
 * against the one-vote veto line. Same tables as `chaoyang-info`.
 * @example assessCounty(sheets, countyInfo, { period: "2013", vetoLine: 10 }).units[0]
 * // 团结湖街道 with 13 points → { total: 13, weightedShare: 2.6, vetoed: false, … }
 */
export function assessCounty(sheets: readonly SheetData[], rubric: InfoRubric, options: CountyOptions = {}): AssessmentResult<CountyUnit> {
  const assessment = {
    share: options.share ?? rubric.assessment.share,
    vetoLine: options.vetoLine === undefined ? rubric.assessment.vetoLine : options.vetoLine,
  };
  const result = analyzeInfo(sheets, { rubric: { ...rubric, assessment }, period: options.period, method: options.method, choices: options.choices });
  if (!result.ok) return { rubric: rubric.id, period: options.period ?? "", units: [], issues: result.issues };
  const { analysis } = result;
  const rankOf = new Map(analysis.ranking.overall.map((r) => [r.row, r.rank]));
  return {
    rubric: rubric.id,
    period: analysis.period.key,
    units: analysis.scores.map((s) => ({
      unit: s.unit,
      system: s.system,
      base: s.base,
      bonus: s.bonus,
      penalty: s.penalty,
      total: s.total,
      complete: true,
      awardEligible: s.awardEligible,
      ineligibleReasons: s.ineligibleReasons,
      rank: rankOf.get(s) ?? null,
      weightedShare: s.weightedShare,
      vetoed: s.vetoed,
    })),
    issues: analysis.issues,
  };
}
