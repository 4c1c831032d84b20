import { fromCents, toCents } from "./decimal";
import { periodContains, periodMonths, type Period } from "./dates";
import type { PenaltyCase } from "./penalties";
import type { RegisterItem } from "./register";
import type { RosterUnit } from "./roster";
import type { ChannelRule, InfoRubric, ItemType } from "./rubric/info-rubric";

/** One unit's information-work points for a period, with everything needed to explain them. */
export interface UnitScore {
  unit: string;
  system: string;
  /** Roster position. */
  index: number;
  base: number;
  bonus: number;
  penalty: number;
  total: number;
  awardEligible: boolean;
  /** Why the unit cannot take the year's awards, in Chinese; empty when eligible. */
  ineligibleReasons: string[];
  /** Below the office's veto line (一票否决); only ever true for a year. */
  vetoed: boolean;
  /** Total × the rubric's share of the annual assessment (seed 001: one fifth). */
  weightedShare: number;
  items: number;
  comprehensiveItems: number;
  /** Items per month of the period, in month order. */
  monthlyCounts: { month: number; count: number }[];
  /** The +2-per-comprehensive-item part of the bonus. */
  comprehensiveBonus: number;
  /** The adoption part of the bonus, per channel in rubric order. */
  channelBonus: { channelId: string; name: string; adoptions: number; points: number }[];
  /** Penalty cases in the period by reason. */
  penalties: { reason: string; cases: number; points: number }[];
}

export interface InfoInput {
  units: readonly RosterUnit[];
  items: readonly RegisterItem[];
  penalties: readonly PenaltyCase[];
}

/**
 * Base points from item counts per month (RUBRICS.md §1): 12 months by the yearly rule,
 * 3 by the quarter rule, 1 for a month.
 * @example basePoints([4, 4, 0, 4, 4, 4, 4, 4, 4, 4, 4, 4], chaoyangInfo) // 12: 44 items, none in March
 * @example basePoints([3, 3, 2], chaoyangInfo) // 2
 */
export function basePoints(monthCounts: readonly number[], rubric: InfoRubric): number {
  const { monthlyItems, yearlyItems } = rubric.quotas;
  const perMonth = toCents(rubric.basePointsPerMonth);
  const total = monthCounts.reduce((a, b) => a + b, 0);
  if (monthCounts.length === 12 && total >= yearlyItems) return fromCents(12 * perMonth);
  return fromCents(monthCounts.filter((count) => count >= monthlyItems).length * perMonth);
}

/**
 * One item's bonus: the comprehensive-item bonus plus every adopting channel that takes its type.
 * @example itemBonus("comprehensive", [districtSite, beijingTuanxun], chaoyangInfo) // 2 + 3 + 3 = 8
 */
export function itemBonus(type: ItemType, adoptions: readonly ChannelRule[], rubric: InfoRubric): number {
  let cents = type === "comprehensive" ? toCents(rubric.comprehensiveBonus) : 0;
  for (const channel of adoptions) cents += toCents(channel.points[type] ?? 0);
  return fromCents(cents);
}

/**
 * Scores every roster unit for the period, in roster order. A unit with no items scores 0.
 * Points are summed in integer hundredths.
 */
export function scoreInfo(input: InfoInput, rubric: InfoRubric, period: Period): UnitScore[] {
  const months = periodMonths(period);
  const points = new PointTables(rubric);
  const perUnit = input.units.map((unit) => new UnitTally(unit, rubric, months, points));
  const tallyOf = (unit: RosterUnit) => perUnit[unit.index];

  for (const item of input.items) {
    if (periodContains(period, item.date)) tallyOf(item.unit)?.addItem(item);
  }
  for (const penalty of input.penalties) {
    const tally = tallyOf(penalty.unit);
    if (!tally) continue;
    if (periodContains(period, penalty.date)) tally.addPenalty(penalty);
    // Eligibility is for the year's awards, so a case anywhere in the year removes it.
    if (penalty.date.year === period.year) tally.markIneligible(penalty);
  }
  return perUnit.map((tally) => tally.result(period));
}

/**
 * Points in hundredths, worked out once per scoring run rather than once per item: a register
 * can hold 400,000 items.
 */
class PointTables {
  readonly channelIndex = new Map<ChannelRule, number>();
  /** Hundredths an adoption earns, by channel index, for each item type. */
  readonly adoptionCents: Record<ItemType, number[]>;
  readonly comprehensiveCents: number;

  constructor(rubric: InfoRubric) {
    rubric.channels.forEach((channel, i) => this.channelIndex.set(channel, i));
    this.adoptionCents = {
      event: rubric.channels.map((c) => toCents(c.points.event ?? 0)),
      comprehensive: rubric.channels.map((c) => toCents(c.points.comprehensive ?? 0)),
    };
    this.comprehensiveCents = toCents(rubric.comprehensiveBonus);
  }
}

/** Running sums for one unit, kept in integer hundredths. */
class UnitTally {
  private readonly counts: number[];
  private bonusCents = 0;
  private comprehensiveCents = 0;
  private comprehensive = 0;
  /** Adoptions and their hundredths, by channel index. */
  private readonly channelAdoptions: number[];
  private readonly channelCents: number[];
  private readonly penaltyCases = new Map<string, { cases: number; cents: number }>();
  private readonly ineligibleCases = new Map<string, number>();

  constructor(
    private readonly unit: RosterUnit,
    private readonly rubric: InfoRubric,
    private readonly months: number[],
    private readonly points: PointTables,
  ) {
    this.counts = months.map(() => 0);
    this.channelAdoptions = rubric.channels.map(() => 0);
    this.channelCents = rubric.channels.map(() => 0);
  }

  addItem(item: RegisterItem): void {
    this.counts[this.months.indexOf(item.date.month)]++;
    if (item.type === "comprehensive") {
      this.comprehensive++;
      this.comprehensiveCents += this.points.comprehensiveCents;
      this.bonusCents += this.points.comprehensiveCents;
    }
    const centsByChannel = this.points.adoptionCents[item.type];
    for (const channel of item.adoptions) {
      const i = this.points.channelIndex.get(channel);
      // A channel object from another rubric is a programmer error; skip rather than miscount.
      if (i === undefined) continue;
      this.channelAdoptions[i]++;
      this.channelCents[i] += centsByChannel[i];
      this.bonusCents += centsByChannel[i];
    }
  }

  addPenalty(penalty: PenaltyCase): void {
    const entry = this.penaltyCases.get(penalty.rule.reason) ?? { cases: 0, cents: 0 };
    entry.cases++;
    entry.cents += toCents(penalty.rule.points);
    this.penaltyCases.set(penalty.rule.reason, entry);
  }

  markIneligible(penalty: PenaltyCase): void {
    if (!this.rubric.penaltyRemovesEligibility) return;
    this.ineligibleCases.set(penalty.rule.reason, (this.ineligibleCases.get(penalty.rule.reason) ?? 0) + 1);
  }

  result(period: Period): UnitScore {
    const baseCents = toCents(basePoints(this.counts, this.rubric));
    let penaltyCents = 0;
    for (const entry of this.penaltyCases.values()) penaltyCents += entry.cents;
    const totalCents = baseCents + this.bonusCents - penaltyCents;
    const reasons = [...this.ineligibleCases].map(([reason, cases]) => `扣分：${reason}${cases > 1 ? ` ${cases} 次` : ""}`);
    const { vetoLine, share } = this.rubric.assessment;
    const vetoed = period.kind === "year" && vetoLine !== null && totalCents < toCents(vetoLine);
    if (vetoed) reasons.push(`一票否决：年度信息积分低于 ${vetoLine} 分`);
    return {
      unit: this.unit.name,
      system: this.unit.system,
      index: this.unit.index,
      base: fromCents(baseCents),
      bonus: fromCents(this.bonusCents),
      penalty: fromCents(penaltyCents),
      total: fromCents(totalCents),
      awardEligible: reasons.length === 0,
      ineligibleReasons: reasons,
      vetoed,
      weightedShare: Math.round(fromCents(totalCents) * share * 100) / 100,
      items: this.counts.reduce((a, b) => a + b, 0),
      comprehensiveItems: this.comprehensive,
      monthlyCounts: this.months.map((month, i) => ({ month, count: this.counts[i] })),
      comprehensiveBonus: fromCents(this.comprehensiveCents),
      channelBonus: this.rubric.channels.map((channel, i) => ({
        channelId: channel.id,
        name: channel.name,
        adoptions: this.channelAdoptions[i],
        points: fromCents(this.channelCents[i]),
      })),
      penalties: [...this.penaltyCases].map(([reason, e]) => ({ reason, cases: e.cases, points: fromCents(e.cents) })),
    };
  }
}
