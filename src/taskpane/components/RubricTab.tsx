import {
  Button,
  Caption1,
  Dropdown,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  OptionGroup,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import { PRESETS } from "../../engine/presets";
import { readAllSheets } from "../../port/read-all";
import { SHEET_RUBRIC_PREFIX, type FoundRubricSheet } from "../../worker/protocol";
import { presetSummary, type WorkbookState } from "../hooks/useWorkbook";
import { useTask } from "../hooks/useTask";
import { useServices, useStrings } from "../services";
import { useConfirm } from "./ConfirmDialog";
import { DoneNotice, type Notice } from "./DoneNotice";
import { TaskProgress } from "./TaskProgress";

const useStyles = makeStyles({
  tab: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  description: { color: tokens.colorNeutralForeground3 },
  issues: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  actions: { display: "flex", gap: tokens.spacingHorizontalS },
});

export interface RubricTabProps {
  workbook: WorkbookState;
}

/**
 * 规则: which rubric the pane scores and checks by (a preset or a rubric sheet of the workbook),
 * remembered in the workbook; and 插入规则表, which writes a preset as a sheet the office edits.
 */
export function RubricTab({ workbook }: RubricTabProps) {
  const { port, engine } = useServices();
  const strings = useStrings();
  const styles = useStyles();
  const { choices, rubric, setRubric } = workbook;
  const [found, setFound] = useState<FoundRubricSheet[]>([]);
  const [notice, setNotice] = useState<Notice | undefined>(undefined);
  const task = useTask();
  const confirmation = useConfirm();
  const presets = Object.values(PRESETS);
  const runTask = task.run;

  // Rubric sheets the add-in inserted are its own sheets: read those too.
  const findRubricSheets = useCallback(async () => {
    const answer = await runTask(async (controls) => {
      const sheets = await readAllSheets(port, { includeOwned: true, signal: controls.signal });
      return engine.run({ kind: "rubric-sheets", sheets }, { signal: controls.signal });
    });
    if (answer) setFound(answer.found);
  }, [engine, port, runTask]);

  useEffect(() => {
    void findRubricSheets();
  }, [findRubricSheets]);

  const chosenSheet = choices?.rubricId.startsWith(SHEET_RUBRIC_PREFIX) ? choices.rubricId.slice(SHEET_RUBRIC_PREFIX.length) : undefined;
  const [inspected, setInspected] = useState<FoundRubricSheet | undefined>(undefined);

  const choose = async (value: string) => {
    setNotice(undefined);
    setInspected(undefined);
    if (value.startsWith(SHEET_RUBRIC_PREFIX)) {
      const sheet = found.find((f) => f.sheet === value.slice(SHEET_RUBRIC_PREFIX.length));
      // A rubric sheet with errors is never used: show its problems instead, at their cells.
      if (!sheet?.rubric) return setInspected(sheet);
      await setRubric({ ...sheet.rubric, id: value });
      setNotice({ text: strings.rubricSaved(strings.rubricSheetOption(sheet.sheet)) });
      return;
    }
    const summary = presetSummary(value);
    if (!summary) return;
    await setRubric(summary);
    setNotice({ text: strings.rubricSaved(summary.name) });
  };

  const insertSheet = async () => {
    const preset = rubric && presetSummary(rubric.id);
    if (!preset) return;
    setNotice(undefined);
    const written = await task.run(async (controls) => {
      const { spec } = await engine.run({ kind: "write-rubric", rubricId: preset.id }, { signal: controls.signal });
      // An inserted rubric sheet may hold the office's edits: replacing it needs a yes.
      const existing = (await port.listSheets()).filter((sheet) => sheet.ownerKey === spec.ownerKey).map((sheet) => sheet.name);
      if (existing.length && !(await confirmation.ask(strings.confirmReplaceTitle, strings.confirmReplaceBody(existing.join("、")), strings.confirmReplace))) {
        throw Object.assign(new Error("cancelled"), { name: "AbortError" });
      }
      return port.writeSheets([spec]);
    });
    if (!written) return;
    const sheet = written.written[0];
    setNotice({ text: strings.rubricSheetWritten(sheet), sheet });
    await port.selectCell(sheet, "A1");
    await findRubricSheets();
  };

  const selectedValue = chosenSheet ? choices!.rubricId : rubric?.id;
  const selectedText = chosenSheet ? strings.rubricSheetOption(chosenSheet) : rubric?.name ?? "";

  return (
    <div className={styles.tab}>
      <Field label={strings.rubricPickerLabel}>
        <Dropdown
          value={selectedText}
          selectedOptions={selectedValue ? [selectedValue] : []}
          disabled={!choices}
          onOptionSelect={(_, data) => data.optionValue && void choose(data.optionValue)}
          data-testid="rubric-picker"
        >
          <OptionGroup label={strings.rubricPresetGroup}>
            {presets.map((preset) => (
              <Option key={preset.id} value={preset.id} text={preset.name}>
                {`${preset.name}（${strings.rubricKinds[preset.kind] ?? preset.kind}）`}
              </Option>
            ))}
          </OptionGroup>
          {found.length > 0 && (
            <OptionGroup label={strings.rubricSheetGroup}>
              {found.map((sheet) => (
                <Option key={sheet.sheet} value={`${SHEET_RUBRIC_PREFIX}${sheet.sheet}`} text={strings.rubricSheetOption(sheet.sheet)}>
                  {`${strings.rubricSheetOption(sheet.sheet)}${sheet.rubric ? `：${sheet.rubric.name}` : ` ⚠ ${sheet.issues.length}`}`}
                </Option>
              ))}
            </OptionGroup>
          )}
        </Dropdown>
      </Field>
      {rubric && (
        <Caption1 className={styles.description} data-testid="rubric-current">
          {rubric.name} · {rubric.id} · {strings.rubricKinds[rubric.kind] ?? rubric.kind}
        </Caption1>
      )}
      <div className={styles.actions}>
        <Button onClick={insertSheet} disabled={task.state.running || !rubric || !presetSummary(rubric.id)} data-testid="insert-rubric-sheet">
          {strings.insertRubricSheet}
        </Button>
      </div>
      <TaskProgress state={task.state} onCancel={task.cancel} cancellable={false} />
      <DoneNotice notice={notice} testId="rubric-notice" />
      {inspected && (
        <MessageBar intent="error" layout="multiline" data-testid="rubric-sheet-issues">
          <MessageBarBody>
            <MessageBarTitle>{strings.rubricSheetIssues(inspected.issues.length)}</MessageBarTitle>
            <ul className={styles.issues}>
              {inspected.issues.map((issue, i) => (
                <li key={i}>
                  {issue.sheet && issue.cell && (
                    <Link as="button" onClick={() => void port.selectCell(issue.sheet!, issue.cell!)}>
                      {strings.issueAt(issue.sheet, issue.cell)}
                    </Link>
                  )}{" "}
                  {issue.message}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {confirmation.dialog}
    </div>
  );
}
