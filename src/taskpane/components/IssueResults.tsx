import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Caption1,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useMemo } from "react";
import type { Issue, Severity } from "../../engine/issues";
import { groupIssues } from "../logic/issue-groups";
import { ruleTitle, type RuleCatalogue } from "../logic/rule-titles";
import { useLanguage, useStrings } from "../services";

/** Rows listed per rule; the report sheet holds them all. */
const LISTED_PER_RULE = 200;

const useStyles = makeStyles({
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  badge: { whiteSpace: "nowrap", flexShrink: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  message: { color: tokens.colorNeutralForeground2 },
  suggestion: { color: tokens.colorNeutralForeground3 },
  results: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

const BADGE_COLOUR: Record<Severity, "danger" | "warning" | "informative"> = { error: "danger", warning: "warning", info: "informative" };
const INTENT: Record<Severity, "error" | "warning" | "info"> = { error: "error", warning: "warning", info: "info" };

export interface IssueResultsProps {
  issues: readonly Issue[];
  /** The user clicked an issue that points at a cell. */
  onSelect: (issue: Issue) => void;
  /** Whose rules the issues are, for their titles. @default "register" */
  catalogue?: RuleCatalogue;
}

/** Issues grouped by severity, then rule, with counts; each located issue links to its cell. */
export function IssueResults({ issues, onSelect, catalogue = "register" }: IssueResultsProps) {
  const strings = useStrings();
  const language = useLanguage();
  const styles = useStyles();
  const groups = useMemo(() => groupIssues(issues), [issues]);
  return (
    <div className={styles.results} data-testid="issue-results">
      {groups.map((group) => (
        <MessageBar key={group.severity} intent={INTENT[group.severity]} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              {strings.severityNames[group.severity]} · {group.count}
            </MessageBarTitle>
            <Accordion multiple collapsible defaultOpenItems={group.severity === "error" ? group.rules.map((r) => r.rule) : []}>
              {group.rules.map((ruleGroup) => (
                <AccordionItem key={ruleGroup.rule} value={ruleGroup.rule} data-testid={`rule-${ruleGroup.rule}`}>
                  <AccordionHeader size="small">
                    <span className={styles.header}>
                      <Badge className={styles.badge} appearance="tint" color={BADGE_COLOUR[group.severity]}>
                        {strings.ruleCount(ruleGroup.issues.length)}
                      </Badge>
                      {ruleTitle(ruleGroup.rule, language, catalogue)}
                    </span>
                  </AccordionHeader>
                  <AccordionPanel>
                    <ul className={styles.list}>
                      {ruleGroup.issues.slice(0, LISTED_PER_RULE).map((issue, i) => (
                        <li key={i}>
                          {issue.sheet && issue.cell ? (
                            <Link as="button" onClick={() => onSelect(issue)} data-testid="issue-link" data-cell={`${issue.sheet}!${issue.cell}`}>
                              {strings.issueAt(issue.sheet, issue.cell)}
                            </Link>
                          ) : (
                            <strong>{issue.unit && issue.period ? strings.issueUnit(issue.unit, issue.period) : ""}</strong>
                          )}{" "}
                          <span className={styles.message}>{issue.message}</span>
                          {issue.suggestion && (
                            <>
                              <br />
                              <Caption1 className={styles.suggestion}>{issue.suggestion}</Caption1>
                            </>
                          )}
                        </li>
                      ))}
                    </ul>
                    {ruleGroup.issues.length > LISTED_PER_RULE && <Caption1>{strings.moreIssues(ruleGroup.issues.length - LISTED_PER_RULE)}</Caption1>}
                  </AccordionPanel>
                </AccordionItem>
              ))}
            </Accordion>
          </MessageBarBody>
        </MessageBar>
      ))}
    </div>
  );
}
