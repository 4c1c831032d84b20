import { compareDays, monthPeriod, periodContains, periodEnd, periodLabel, periodMonths, quarterPeriod, type DayDate, type Period } from "../dates";
import type { Issue } from "../issues";
import { VALIDATION_MESSAGES as M } from "../messages";
import type { RegisterItem } from "../register";
import type { RosterUnit } from "../roster";
import type { InfoRubric } from "../rubric/info-rubric";
import { unitIssue } from "./context";

/**
 * Quotas (RUBRICS.md §1): every unit sends `monthlyItems` items a month and
 * `quarterlyComprehensive` comprehensive items a quarter. Only months and quarters of the
 * period that have ended by `today` are checked: a month still running has not fallen short
 * yet. Quarters are checked only when the period covers whole quarters (a year or a quarter).
 * A unit with a founding date in the roster is held only to months and quarters that begin on
 * or after it. Items count by report date; rows that could not be read count for nothing.
 * @example
 * // 2013Q1 validated on 2013-04-02, a unit with 3, 2 and 3 items and no comprehensive item:
 * checkQuotas(units, items, rubric, q1, { year: 2013, month: 4, day: 2 })
 * // [{ rule: "quota-shortfall", unit: "双井街道团工委", period: "2013-02", … }, { …, period: "2013Q1" }]
 */
export function checkQuotas(
  units: readonly RosterUnit[],
  items: readonly RegisterItem[],
  rubric: InfoRubric,
  period: Period,
  today: DayDate,
): Issue[] {
  const { monthlyItems, quarterlyComprehensive } = rubric.quotas;
  const ended = (p: Period) => compareDays(periodEnd(p), today) < 0;
  const months = periodMonths(period)
    .map((month) => monthPeriod(period.year, month)!)
    .filter(ended);
  const quarters =
    period.kind === "month" ? [] : [...new Set(periodMonths(period).map((m) => Math.ceil(m / 3)))].map((q) => quarterPeriod(period.year, q)!).filter(ended);

  // Per unit: items in each month 1–12, and comprehensive items in each quarter 1–4.
  const counts = new Map<RosterUnit, { monthly: number[]; comprehensive: number[] }>(
    units.map((unit) => [unit, { monthly: new Array<number>(13).fill(0), comprehensive: new Array<number>(5).fill(0) }]),
  );
  for (const item of items) {
    const count = counts.get(item.unit);
    if (!count || !periodContains(period, item.date)) continue;
    count.monthly[item.date.month]++;
    if (item.type === "comprehensive") count.comprehensive[Math.ceil(item.date.month / 3)]++;
  }

  const issues: Issue[] = [];
  for (const unit of units) {
    const { monthly, comprehensive } = counts.get(unit)!;
    const due = (p: Period) => !unit.founded || compareDays(periodStart(p), unit.founded) >= 0;
    for (const month of months.filter(due)) {
      const count = monthly[month.month!];
      if (count < monthlyItems) issues.push(unitIssue("quota-shortfall", unit.name, month, M.monthlyShortfall(unit.name, periodLabel(month), count, monthlyItems)));
    }
    for (const quarter of quarters.filter(due)) {
      const count = comprehensive[quarter.quarter!];
      if (count < quarterlyComprehensive) {
        issues.push(unitIssue("quota-shortfall", unit.name, quarter, M.quarterlyShortfall(unit.name, periodLabel(quarter), count, quarterlyComprehensive)));
      }
    }
  }
  return issues;
}

function periodStart(period: Period): DayDate {
  return { year: period.year, month: periodMonths(period)[0], day: 1 };
}
