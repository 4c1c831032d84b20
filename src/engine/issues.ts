/**
 * Validation issues: the one shape every check in the engine returns.
 * Bad user data becomes an Issue, never an exception.
 */
export type Severity = "error" | "warning" | "info";

export interface Issue {
  /** Stable rule id, e.g. "unknown-unit". */
  rule: string;
  severity: Severity;
  /** Sheet name, when the issue points at a cell. */
  sheet?: string;
  /** A1 address on that sheet. */
  cell?: string;
  /** 1-based sheet row, as Excel shows it. */
  row?: number;
  /** Message in Chinese, for staff. */
  message: string;
  /** A proposed fix, e.g. the nearest roster names. */
  suggestion?: string;
  /** For unit-level rules, the unit and period instead of a cell. */
  unit?: string;
  period?: string;
}

const severityOrder: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Counts by severity, as `league validate --json` reports them. */
export function summarizeIssues(issues: readonly Issue[]): { errors: number; warnings: number; infos: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const issue of issues) {
    if (issue.severity === "error") errors++;
    else if (issue.severity === "warning") warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}

/** Severity first, then sheet order of rows, so reports read top to bottom. */
export function compareIssues(a: Issue, b: Issue): number {
  return (
    severityOrder[a.severity] - severityOrder[b.severity] ||
    (a.sheet ?? "").localeCompare(b.sheet ?? "") ||
    (a.row ?? 0) - (b.row ?? 0) ||
    a.rule.localeCompare(b.rule)
  );
}
