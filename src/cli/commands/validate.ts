import { assessWorkbook, type AssessmentResult } from "../../engine/assessments";
import { assessmentStoppers, assessmentValidation } from "../../engine/assessments/validation";
import { assessmentPeriodLabel } from "../../engine/layout/assessment-sheets";
import { formatDay, parseDate, type DayDate } from "../../engine/dates";
import type { Issue, Severity } from "../../engine/issues";
import type { Rubric } from "../../engine/presets";
import { RULES, validateWorkbook, type RuleInfo, type ValidationResult } from "../../engine/validate";
import { checkKnown, type ParsedArgs } from "../args";
import { openForTables, TABLE_OPTIONS, type OpenedWorkbook } from "../info-job";
import { InputError, type CliIO } from "../io";
import { describeIssues } from "../rubric-choice";

/**
 * `league validate <workbook.xlsx> [--rubric id] [--period 2013] [--json] [--today 2014-01-10]`:
 * every problem in the register, the same engine call as the task pane's check; for an
 * assessment rubric, every problem its preset finds in the assessment table.
 * Exit 0 when nothing is an error, 1 when something is, 2 when the check could not run.
 */
export async function validateCommand(args: ParsedArgs, io: CliIO): Promise<number> {
  checkKnown(args, ["period", "rubric", "today", "json", ...TABLE_OPTIONS]);
  const today = todayOf(args);
  const opened = await openForTables(args, io);
  if (opened.rubric.kind !== "info") return validateAssessment(opened, opened.rubric, args, io);
  const period = args.options.get("period");
  const result = validateWorkbook(opened.sheets, { rubric: opened.rubric, period, today, choices: opened.choices });
  if (!result.ok) throw new InputError(result.issues.map((issue) => issue.message).join("；"));
  if (!period && result.period) io.stderr(`未指定期间，定额按登记表中最新的年份检查：${result.period.key}\n`);

  io.stdout(args.flags.has("json") ? JSON.stringify(validationJson(result)) + "\n" : validationText(result, today));
  return result.summary.errors > 0 ? 1 : 0;
}

/**
 * An assessment preset's own checks (items and modules over their maxima, self and assessed
 * scores far apart, evaluations in the wrong month…), reported like the register's. It stops
 * only when the table cannot be found or the period cannot be read.
 */
function validateAssessment(opened: OpenedWorkbook, rubric: Exclude<Rubric, { kind: "info" }>, args: ParsedArgs, io: CliIO): number {
  const result = assessWorkbook(opened.sheets, rubric, { period: args.options.get("period") });
  const fatal = assessmentStoppers(result);
  if (fatal.length > 0) throw new InputError(describeIssues(fatal));
  const report = assessmentValidation(result);
  io.stdout(args.flags.has("json") ? JSON.stringify(validationJson(report)) + "\n" : assessmentValidationText(report, result, rubric));
  return report.summary.errors > 0 ? 1 : 0;
}

export { assessmentValidation };

function assessmentValidationText(report: Pick<ValidationResult, "issues" | "summary">, result: AssessmentResult, rubric: Rubric): string {
  const period = assessmentPeriodLabel(result.period);
  return issueReport(`校验「${rubric.name}」${report.summary.rows} 个单位${period ? `，期间 ${period}` : ""}`, report, []);
}

/** --today, for checking as of another day; by default the machine's local date. */
function todayOf(args: ParsedArgs): DayDate {
  const text = args.options.get("today");
  if (text === undefined) {
    const now = new Date();
    return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
  }
  const parsed = parseDate(text);
  if (!parsed.ok) throw new InputError(`--today 的日期「${text}」无法识别`);
  return parsed.date;
}

/**
 * The `--json` shape: every issue with the same keys in the same order (sheet, cell and row
 * are null for a unit-level issue), suggestion, unit and period only when present.
 */
export function validationJson(result: Pick<ValidationResult, "issues" | "summary">) {
  return {
    issues: result.issues.map((issue) => ({
      rule: issue.rule,
      severity: issue.severity,
      sheet: issue.sheet ?? null,
      cell: issue.cell ?? null,
      row: issue.row ?? null,
      message: issue.message,
      ...(issue.suggestion !== undefined ? { suggestion: issue.suggestion } : {}),
      ...(issue.unit !== undefined ? { unit: issue.unit } : {}),
      ...(issue.period !== undefined ? { period: issue.period } : {}),
    })),
    summary: result.summary,
  };
}

const SEVERITY_LABELS: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };

/** Lines shown per rule; --json has them all. */
const SHOWN_PER_RULE = 50;

/**
 * The readable report: a summary line, then one block per rule in catalogue order (errors,
 * then warnings, then notes), each issue on one line with its place and the suggested fix.
 */
export function validationText(result: ValidationResult, today: DayDate): string {
  const register = result.tables.register?.sheet ?? "";
  const heading = `校验「${register}」${result.summary.rows} 行${result.period ? `，定额期间 ${result.period.key}` : ""}（截至 ${formatDay(today)}）`;
  return issueReport(heading, result, RULES);
}

/**
 * The heading and summary, then one block per rule: the catalogue's rules first (errors, then
 * warnings, then notes) with their descriptions, then rules outside it (an assessment
 * preset's) by their ids, in the order their issues come.
 */
function issueReport(heading: string, result: Pick<ValidationResult, "issues" | "summary">, catalogue: readonly RuleInfo[]): string {
  const { summary } = result;
  const lines = [heading, `错误 ${summary.errors} 处，警告 ${summary.warnings} 处，提示 ${summary.infos} 处`];
  if (result.issues.length === 0) lines.push("", "未发现问题。");

  const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  const known = [...catalogue].sort((a, b) => severityRank[a.severity] - severityRank[b.severity]);
  const others = [...new Set(result.issues.map((i) => i.rule))].filter((id) => !catalogue.some((rule) => rule.id === id));
  const blocks = [
    ...known.map((rule) => ({ id: rule.id, severity: rule.severity, name: `${rule.zh}（${rule.id}，`, byUnit: rule.scope === "unit" })),
    ...others.map((id) => ({ id, severity: result.issues.find((i) => i.rule === id)!.severity, name: `${id}（`, byUnit: false })),
  ];
  for (const block of blocks) {
    const found = result.issues.filter((issue) => issue.rule === block.id);
    if (found.length === 0) continue;
    lines.push("", `【${SEVERITY_LABELS[block.severity]}】${block.name}${found.length} 处）`);
    const entries = block.byUnit ? byUnit(found) : found.map(issueLine);
    for (const entry of entries.slice(0, SHOWN_PER_RULE)) lines.push(`  ${entry}`);
    if (entries.length > SHOWN_PER_RULE) lines.push(`  …另有 ${entries.length - SHOWN_PER_RULE} 行，用 --json 查看全部`);
  }
  return lines.join("\n") + "\n";
}

/** One issue: its place when it has one, the message, and the suggested fix. */
function issueLine(issue: Issue): string {
  const place = issue.sheet && issue.cell ? `${issue.sheet}!${issue.cell}  ` : "";
  return `${place}${issue.message}${issue.suggestion ? ` → ${issue.suggestion}` : ""}`;
}

/** Unit-level issues, one line per unit listing its periods: a year's shortfalls stay readable. */
function byUnit(issues: readonly Issue[]): string[] {
  const periods = new Map<string, string[]>();
  for (const issue of issues) periods.set(issue.unit!, [...(periods.get(issue.unit!) ?? []), issue.period!]);
  return [...periods].map(([unit, list]) => `${unit}：${list.join("、")}`);
}
