import { Button, Divider, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import type { LocatedTables } from "../../engine/analyze";
import { periodLabel } from "../../engine/dates";
import type { Issue } from "../../engine/issues";
import type { SheetData } from "../../engine/sheet";
import type { ValidationResult } from "../../engine/validate";
import { dayOf, type WorkbookState } from "../hooks/useWorkbook";
import { useTask, type TaskControls } from "../hooks/useTask";
import { highlightTargets } from "../logic/issue-groups";
import { isUnreadablePeriod, periodRefusal } from "../logic/period";
import { buildReportSheet, reportTitle } from "../logic/report-sheet";
import { withColumnChoice } from "../logic/settings";
import { useServices, useStrings } from "../services";
import { IssueResults } from "./IssueResults";
import { PeriodField } from "./PeriodField";
import { TablesPanel } from "./TablesPanel";
import { DoneNotice, type Notice } from "./DoneNotice";
import { TaskProgress } from "./TaskProgress";

const useStyles = makeStyles({
  tab: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface ValidationTabProps {
  workbook: WorkbookState;
}

function timestamp(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** 校验: the tables found, one button to check, and the issues grouped with counts. */
export function ValidationTab({ workbook }: ValidationTabProps) {
  const { port, engine, today } = useServices();
  const strings = useStrings();
  const styles = useStyles();
  const { choices, readSheets, setTableChoices, rubricInput, rubric } = workbook;
  const task = useTask();
  const [located, setLocated] = useState<{ tables: LocatedTables; sheets: SheetData[] } | undefined>(undefined);
  const [result, setResult] = useState<ValidationResult | undefined>(undefined);
  const [notice, setNotice] = useState<Notice | undefined>(undefined);
  const [period, setPeriod] = useState("");
  /** The engine could not read the period (an assessment's own term format): shown at the field. */
  const [periodError, setPeriodError] = useState<string | undefined>(undefined);

  const tableChoices = choices?.tableChoices;
  const rubricId = choices?.rubricId;
  // Assessment presets read their own tables: the register's mapping and dropdowns do not apply.
  const usesRegister = rubric?.kind === "info";

  const locate = useCallback(async () => {
    if (!tableChoices) return;
    const found = await task.run(async (controls) => {
      const sheets = await readSheets(controls);
      const answer = await engine.run({ kind: "locate", sheets, choices: tableChoices }, { signal: controls.signal });
      return { tables: answer.tables, sheets };
    });
    if (found) setLocated(found);
  }, [engine, readSheets, tableChoices, task.run]);

  useEffect(() => {
    void locate();
  }, [locate]);

  // A check by another rubric says nothing about this one, and its periods are written differently.
  useEffect(() => {
    setResult(undefined);
    setPeriod("");
  }, [rubricId]);

  const periodUnreadable = isUnreadablePeriod(period, rubric?.kind);
  const choosePeriod = (value: string) => {
    setPeriod(value);
    setPeriodError(undefined);
  };

  const runCheck = async () => {
    if (!tableChoices || !rubricId || periodUnreadable) return;
    setNotice(undefined);
    const checked = await task.run(async (controls) => {
      const sheets = await readSheets(controls);
      controls.report(0, strings.checking);
      const answer = await engine.run(
        { kind: "validate", sheets, ...(await rubricInput()), choices: tableChoices, today: dayOf(today()), period },
        { signal: controls.signal, onProgress: (done) => controls.report(done, strings.checking) },
      );
      return { answer, sheets };
    }, strings.checking);
    if (!checked) return;
    const refusal = periodRefusal(checked.answer.issues);
    setPeriodError(refusal?.message);
    setResult(refusal ? undefined : checked.answer);
    if (checked.answer.tables) setLocated({ tables: checked.answer.tables, sheets: checked.sheets });
  };

  const act = async (work: (controls: TaskControls) => Promise<{ text: string; sheet?: string } | undefined>) => {
    setNotice(undefined);
    const done = await task.run(work);
    if (done) setNotice(done);
  };

  const selectIssue = (issue: Issue) => {
    if (issue.sheet && issue.cell) void task.run(() => port.selectCell(issue.sheet!, issue.cell!));
  };

  const chooseColumn: Parameters<typeof TablesPanel>[0]["onChoose"] = (kind, field, column) => {
    const match = located?.tables[kind];
    if (!match || !tableChoices) return;
    void setTableChoices(withColumnChoice(tableChoices, kind, match, field, column));
  };

  const issues = result?.issues ?? [];
  return (
    <div className={styles.tab}>
      {located && usesRegister && (
        <TablesPanel
          tables={located.tables}
          sheets={located.sheets}
          onChoose={chooseColumn}
          onReset={() => void setTableChoices({})}
          disabled={task.state.running}
        />
      )}
      <PeriodField
        value={period}
        onChange={choosePeriod}
        placeholder={result?.period?.key}
        error={periodUnreadable ? strings.periodUnreadable(period) : periodError}
        data-testid="check-period"
      />
      <div className={styles.actions}>
        <Button appearance="primary" onClick={runCheck} disabled={task.state.running || !choices || periodUnreadable} data-testid="run-check">
          {strings.runCheck}
        </Button>
        <Button
          disabled={task.state.running || issues.length === 0}
          onClick={() =>
            act(async () => {
              const targets = highlightTargets(issues);
              await port.clearHighlights();
              await port.highlight(targets);
              return { text: strings.highlighted(targets.length) };
            })
          }
          data-testid="highlight"
        >
          {strings.highlight}
        </Button>
        <Button disabled={task.state.running} onClick={() => act(async () => (await port.clearHighlights(), undefined))} data-testid="clear-highlight">
          {strings.clearHighlight}
        </Button>
        <Button
          disabled={task.state.running || !result}
          onClick={() =>
            act(async () => {
              if (!result || !rubricId) return undefined;
              const spec = buildReportSheet({
                issues: result.issues,
                summary: result.summary,
                ranAt: timestamp(today()),
                rubricName: rubric?.name ?? rubricId,
                ...(rubric ? { title: reportTitle(rubric) } : {}),
                counted: usesRegister ? "行" : "个单位",
              });
              const written = await port.writeSheets([spec]);
              return { text: strings.reportWritten(written.written[0]), sheet: written.written[0] };
            })
          }
          data-testid="write-report"
        >
          {strings.writeReport}
        </Button>
      </div>
      {usesRegister && (
        <div className={styles.actions}>
          <Button
            size="small"
            disabled={task.state.running || !choices}
            onClick={() =>
              act(async (controls) => {
                if (!tableChoices || !rubricId) return undefined;
                const sheets = await readSheets(controls);
                const answer = await engine.run({ kind: "input-rules", sheets, ...(await rubricInput()), choices: tableChoices }, { signal: controls.signal });
                if (!answer.ok) return { text: answer.issues.map((i) => i.message).join("；") };
                const added = await port.addInputRules(answer.rules);
                return { text: strings.inputRulesAdded(added.length) };
              })
            }
            data-testid="add-input-rules"
          >
            {strings.addInputRules}
          </Button>
          <Button
            size="small"
            disabled={task.state.running}
            onClick={() => act(async () => (await port.removeInputRules(), { text: strings.inputRulesRemoved }))}
            data-testid="remove-input-rules"
          >
            {strings.removeInputRules}
          </Button>
        </div>
      )}
      <TaskProgress state={task.state} onCancel={task.cancel} />
      <DoneNotice notice={notice} />
      {result && (
        <>
          <Divider />
          <MessageBar intent={result.summary.errors ? "error" : result.summary.warnings ? "warning" : "success"} data-testid="summary">
            <MessageBarBody>
              {result.period && strings.summaryPeriod(periodLabel(result.period))}
              {result.issues.length === 0
                ? strings.noIssues
                : (usesRegister ? strings.summary : strings.summaryUnits)(result.summary.errors, result.summary.warnings, result.summary.infos, result.summary.rows)}
              {result.stopped && ` ${strings.stoppedEarly}`}
            </MessageBarBody>
          </MessageBar>
          <IssueResults issues={issues} onSelect={selectIssue} catalogue={usesRegister ? "register" : "assessment"} />
        </>
      )}
    </div>
  );
}
