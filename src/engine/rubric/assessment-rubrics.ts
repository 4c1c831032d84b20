import type { BandTable, WeightedComponent } from "../bands";
import type { RankMethod } from "./info-rubric";

/**
 * The assessment rubrics of RUBRICS.md §3–§5 as plain data. Each kind is one way of turning a
 * table of scores into a total: weighted sources (§3), itemised points (§4), module points
 * averaged over a term and cut into tiers (§5). A rubric sheet reads back into these types.
 */

/** §3: sources scored out of `componentMax`, combined with fixed weights. */
export interface WeightedRubric {
  kind: "weighted";
  id: string;
  name: string;
  /** The sources in input-column order; each name is also the input table's header. */
  components: WeightedComponent[];
  /** Each source is scored out of this. */
  componentMax: number;
  /** Grades on the weighted total. */
  grades: BandTable<string>;
  /** The 团内考核 comment may run to this many characters. */
  commentMaxLength: number;
  /** Materials sent after this local time ("YYYY-MM-DD HH:mm") are not considered for awards. */
  deadline: string | null;
  /** Units must be founded at least this many years before the period ends to take awards. */
  foundingMinYears: number;
  /** Name markers of units assessed whatever their founding date (every 镇、街道 团委). */
  alwaysAssessed: string[];
  rankMethod: RankMethod;
}

/** One scored item of an itemised rubric. */
export interface ScoreItem {
  /** A short code staff can type instead of the label, e.g. "1.3". */
  id: string;
  label: string;
  aliases: string[];
  max: number;
  /** The lowest score the item can take; below 0 when a band deducts points. */
  min: number;
  /**
   * Items scored by a written rule plus a count, capped at `max`: the meetings item of §4
   * ("a written rule scores 0.2, each recorded meeting scores 0.1"). Absent for other items.
   */
  tally?: ItemTally;
}

export interface ItemTally {
  /** Points for having a written rule (书面制度). */
  rulePoints: number;
  /** Points for each recorded occurrence (会议次数). */
  perCount: number;
}

export interface ScoreSection {
  id: string;
  label: string;
  max: number;
  items: ScoreItem[];
}

/** §4: items with maxima in sections, a self-score and an assessed score each, plus spot checks. */
export interface ItemizedRubric {
  kind: "itemized";
  id: string;
  name: string;
  /** The full scale, e.g. 10; the known sections may add up to less. */
  totalMax: number;
  sections: ScoreSection[];
  grades: BandTable<string>;
  /** Self and assessed totals may differ by at most this much. */
  selfTolerance: number;
  /** A total below this line removes the unit's head from the year's awards. */
  awardLine: number;
  spotChecks: {
    /** Level of one spot check by the number of posts that day. */
    levels: BandTable<string>;
    /** The level that counts towards the veto, e.g. 差. */
    vetoLevel: string;
    /** How many consecutive checks at that level trigger it. */
    streak: number;
    /** The best grade a vetoed unit can get. */
    cappedGrade: string;
  };
  /** Every public account and every group posts at least this many items a day (checked on weekly reports). */
  dailyPosts: number;
  /** Point bands for items scored by a share (coverage), for the BAND function and the sheet. */
  scoringBands: BandTable<number>[];
  rankMethod: RankMethod;
}

export interface ScoreModule {
  id: string;
  label: string;
  max: number;
  /** Null when the module has no lower limit (a deduction item can take it below 0). */
  min: number | null;
}

/** An item inside a module (§5): the office sets its maximum, and the unit kinds it skips. */
export interface ModuleItem {
  /** The module's id. */
  module: string;
  /** Also the header of the item's column when the input table breaks the module down. */
  label: string;
  /** Null until the office sets it: the document gives item maxima as office-set. */
  max: number | null;
  /** Unit kinds (单位类别) the item is not assessed for, e.g. 行业 for 活动覆盖领域. */
  notAssessedFor: string[];
}

/**
 * How a unit's total stays comparable when an item is not assessed for it: "exclude" scores it
 * out of the maximum less the item's, "renormalise" scales it back to the full scale.
 */
export type NotAssessedMode = "exclude" | "renormalise";

export interface TierRule {
  tier: number;
  /** Change to the unit's quota, as a share: 0.2 is +20%. */
  quotaAdjustment: number;
  /**
   * Share of the ranked units this tier holds (0.2 is 20%). Null on every tier means
   * near-equal tiers; when set, the shares of all tiers add up to 100%.
   */
  share: number | null;
}

/** §5: module points per evaluation, averaged over a term, ranked and cut into tiers. */
export interface TieredRubric {
  kind: "tiered";
  id: string;
  name: string;
  modules: ScoreModule[];
  /** Items inside modules whose maxima the office sets; the items the document names. */
  items: ModuleItem[];
  notAssessed: NotAssessedMode;
  /** Evaluations in one term; their average is ranked. */
  evaluationsPerTerm: number;
  /** The evaluation month in odd and in even years. */
  evaluationMonths: { odd: number; even: number };
  /** Best tier first (4–5 of them); sizes by rank position, near-equal unless shares are set. */
  tiers: TierRule[];
  /** The scale target is the base quota times this. */
  quotaMultiplier: number;
  /** Base quota per unit (附件1). */
  quotas: { unit: string; base: number }[];
  /** Creating collectives from the non-public sector each unit must have at least. */
  nonPublicMin: number;
  rankMethod: RankMethod;
}

export type AssessmentRubric = WeightedRubric | ItemizedRubric | TieredRubric;
