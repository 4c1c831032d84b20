import { cellText } from "../cells";
import { compareDays, daysBetween, formatDay, parseDate } from "../dates";
import type { Issue } from "../issues";
import { FIELD_LABELS, VALIDATION_MESSAGES as M } from "../messages";
import { cellIssue, fieldValue, typeReader, type RegisterContext } from "./context";

/**
 * Date checks beyond readability (which register parsing reports as bad-date): dates after
 * today, unreadable event dates, event items sent late, and event dates after the report.
 * Every data row is checked as far as its cells allow, read into an item or not, so staff see
 * all of a row's problems at once.
 * @example
 * checkTimeliness(context) // [{ rule: "late-report", cell: "B9", message: "事件类信息在活动（2013-03-01）后 5 天才报送，超过 2 天的时限" }]
 */
export function checkTimeliness(context: RegisterContext): Issue[] {
  const { sheet, table, rubric, today } = context;
  const typeOf = typeReader(rubric);
  const issues: Issue[] = [];
  const todayText = formatDay(today);
  const hasEventDate = table.columns.eventDate !== undefined;

  for (const { sheetRow, values } of context.rows) {
    const report = parseDate(fieldValue(values, table, "date"));
    if (report.ok && compareDays(report.date, today) > 0) {
      issues.push(cellIssue(sheet, table, "future-date", sheetRow, "date", M.futureDate(FIELD_LABELS.date, formatDay(report.date), todayText)));
    }
    if (!hasEventDate) continue;

    const eventCell = fieldValue(values, table, "eventDate");
    const event = parseDate(eventCell);
    if (!event.ok) {
      if (event.problem !== "blank") issues.push(cellIssue(sheet, table, "bad-event-date", sheetRow, "eventDate", M.badEventDate(cellText(eventCell))));
      continue;
    }
    if (compareDays(event.date, today) > 0) {
      issues.push(cellIssue(sheet, table, "future-date", sheetRow, "eventDate", M.futureDate(FIELD_LABELS.eventDate, formatDay(event.date), todayText)));
    }
    if (!report.ok) continue;
    const delay = daysBetween(event.date, report.date);
    if (delay < 0) {
      issues.push(cellIssue(sheet, table, "event-after-report", sheetRow, "eventDate", M.eventAfterReport(formatDay(event.date), formatDay(report.date))));
    } else if (delay > rubric.lateReportDays && typeOf(fieldValue(values, table, "type")) === "event") {
      // Timeliness is a rule for event news only: a comprehensive item is written over weeks.
      issues.push(cellIssue(sheet, table, "late-report", sheetRow, "date", M.lateReport(delay, formatDay(event.date), rubric.lateReportDays)));
    }
  }
  return issues;
}
