import { formatDay, parseDate, type DayDate } from "../../engine/dates";
import type { Issue, Severity } from "../../engine/issues";
import { RULES, validateWorkbook, type ValidationResult } from "../../engine/validate";
import { checkKnown, type ParsedArgs } from "../args";
import { infoRubricOf, openForTables, TABLE_OPTIONS } from "../info-job";
import { InputError, type CliIO } from "../io";

/**
 * `league validate <workbook.xlsx> [--period 2013] [--json] [--today 2014-01-10]`: every
 * problem in the register, the same engine call as the task pane's check.
 * Exit 0 when nothing is an error, 1 when something is, 2 when the check could not run.
 */
export async function validateCommand(args: ParsedArgs, io: CliIO): Promise<number> {
  checkKnown(args, ["period", "rubric", "today", "json", ...TABLE_OPTIONS]);
  const rubric = infoRubricOf(args);
  const today = todayOf(args);
  const { sheets, choices } = await openForTables(args);
  const period = args.options.get("period");
  const result = validateWorkbook(sheets, { rubric, period, today, choices });
  if (!result.ok) throw new InputError(result.issues.map((issue) => issue.message).join("；"));
  if (!period && result.period) io.stderr(`未指定期间，定额按登记表中最新的年份检查：${result.period.key}\n`);

  io.stdout(args.flags.has("json") ? JSON.stringify(validationJson(result)) + "\n" : validationText(result, today));
  return result.summary.errors > 0 ? 1 : 0;
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
export function validationJson(result: ValidationResult) {
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
  const { summary } = result;
  const register = result.tables.register?.sheet ?? "";
  const lines = [
    `校验「${register}」${summary.rows} 行${result.period ? `，定额期间 ${result.period.key}` : ""}（截至 ${formatDay(today)}）`,
    `错误 ${summary.errors} 处，警告 ${summary.warnings} 处，提示 ${summary.infos} 处`,
  ];
  if (result.issues.length === 0) lines.push("", "未发现问题。");

  const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  const rules = [...RULES].sort((a, b) => severityRank[a.severity] - severityRank[b.severity]);
  for (const rule of rules) {
    const found = result.issues.filter((issue) => issue.rule === rule.id);
    if (found.length === 0) continue;
    lines.push("", `【${SEVERITY_LABELS[rule.severity]}】${rule.zh}（${rule.id}，${found.length} 处）`);
    const entries = rule.scope === "unit" ? byUnit(found) : found.map((issue) => `${issue.sheet}!${issue.cell}  ${issue.message}${issue.suggestion ? ` → ${issue.suggestion}` : ""}`);
    for (const entry of entries.slice(0, SHOWN_PER_RULE)) lines.push(`  ${entry}`);
    if (entries.length > SHOWN_PER_RULE) lines.push(`  …另有 ${entries.length - SHOWN_PER_RULE} 行，用 --json 查看全部`);
  }
  return lines.join("\n") + "\n";
}

/** Unit-level issues, one line per unit listing its periods: a year's shortfalls stay readable. */
function byUnit(issues: readonly Issue[]): string[] {
  const periods = new Map<string, string[]>();
  for (const issue of issues) periods.set(issue.unit!, [...(periods.get(issue.unit!) ?? []), issue.period!]);
  return [...periods].map(([unit, list]) => `${unit}：${list.join("、")}`);
}
