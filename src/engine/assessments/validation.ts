import { compareIssues, summarizeIssues, type Issue } from "../issues";
import type { ValidationSummary } from "../validate";
import type { AssessmentResult } from "./result";

/**
 * An assessment preset's checks reported like the register's validation, so the CLI and the
 * task pane list them with the same code: issues in severity and sheet order, and a summary
 * whose `rows` counts the units assessed.
 * @example assessmentValidation(assessWorkbook(sheets, hunanWmhRubric)).summary // { errors: 0, warnings: 2, infos: 0, rows: 6 } for the hunan-wmh fixture
 */
export function assessmentValidation(result: AssessmentResult): { issues: Issue[]; summary: ValidationSummary } {
  const issues = [...result.issues].sort(compareIssues);
  return { issues, summary: { ...summarizeIssues(issues), rows: result.units.length } };
}

/**
 * The problems that stop an assessment altogether: with no unit assessed, the errors that
 * point at no cell (the table is missing, the period unreadable). Empty when it could run.
 * @example assessmentStoppers(assessWorkbook([], dongguanAnnualRubric))[0].rule // "no-table"
 */
export function assessmentStoppers(result: AssessmentResult): Issue[] {
  return result.units.length === 0 ? result.issues.filter((i) => i.severity === "error" && i.cell === undefined) : [];
}
