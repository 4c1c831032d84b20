/**
 * Validation results as the pane lists them: grouped by severity, then by rule, with counts.
 */
import type { Issue, Severity } from "../../engine/issues";

export interface RuleGroup {
  rule: string;
  severity: Severity;
  issues: Issue[];
}

export interface SeverityGroup {
  severity: Severity;
  count: number;
  rules: RuleGroup[];
}

const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/**
 * Groups issues by severity (errors first) and, inside each, by rule (the largest group
 * first, then by id so the order is stable). Issues keep their order inside a rule group.
 * @example
 * groupIssues([{ rule: "bad-date", severity: "error", message: "…" }])
 * // [{ severity: "error", count: 1, rules: [{ rule: "bad-date", severity: "error", issues: [ … ] }] }]
 */
export function groupIssues(issues: readonly Issue[]): SeverityGroup[] {
  const groups: SeverityGroup[] = [];
  for (const severity of SEVERITIES) {
    const byRule = new Map<string, Issue[]>();
    for (const issue of issues) {
      if (issue.severity !== severity) continue;
      const list = byRule.get(issue.rule);
      if (list) list.push(issue);
      else byRule.set(issue.rule, [issue]);
    }
    if (byRule.size === 0) continue;
    const rules = [...byRule].map(([rule, list]) => ({ rule, severity, issues: list }));
    rules.sort((a, b) => b.issues.length - a.issues.length || a.rule.localeCompare(b.rule));
    groups.push({ severity, count: rules.reduce((sum, group) => sum + group.issues.length, 0), rules });
  }
  return groups;
}

/** Issues that point at a cell, as highlight targets. Unit-level issues have no cell to mark. */
export function highlightTargets(issues: readonly Issue[]): { sheet: string; cell: string; severity: Severity }[] {
  const seen = new Map<string, { sheet: string; cell: string; severity: Severity }>();
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  for (const issue of issues) {
    if (!issue.sheet || !issue.cell) continue;
    const key = `${issue.sheet}\u0000${issue.cell}`;
    const known = seen.get(key);
    // A cell with several problems shows its worst.
    if (!known || rank[issue.severity] < rank[known.severity]) seen.set(key, { sheet: issue.sheet, cell: issue.cell, severity: issue.severity });
  }
  return [...seen.values()];
}
