import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { EXTRA_COLUMNS, type ExtraColumn, type TieStyle } from "../../engine/layout/ranking-sheets";
import { findPreset } from "../../engine/presets";
import type { RankMethod } from "../../engine/rubric/info-rubric";
import type { RankPreview } from "../../worker/protocol";
import type { WorkbookState } from "../hooks/useWorkbook";
import { useTask } from "../hooks/useTask";
import { useServices, useStrings } from "../services";
import { isUnreadablePeriod, periodRefusal } from "../logic/period";
import { useConfirm } from "./ConfirmDialog";
import { PeriodField } from "./PeriodField";
import { TaskProgress } from "./TaskProgress";

/** Rows of each system's table shown in the preview. */
const PREVIEW_ROWS = 5;
/** Wait this long after the last change of a choice before recomputing the preview. */
const PREVIEW_DELAY_MS = 300;

const useStyles = makeStyles({
  tab: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  choices: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  inline: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM },
  system: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  rankCell: { width: "48px" },
  scoreCell: { width: "64px", textAlign: "right" },
  extraCell: { width: "64px", textAlign: "center" },
  ineligible: { color: tokens.colorPaletteRedForeground1 },
});

export interface RankingTabProps {
  workbook: WorkbookState;
  /** The tab is on screen: the preview is computed only then. */
  active: boolean;
}

const EXTRA_LABEL: Record<ExtraColumn, "extraBase" | "extraBonus" | "extraPenalty"> = {
  base: "extraBase",
  bonus: "extraBonus",
  penalty: "extraPenalty",
};

/** 排名: the choices, a preview of each system's first rows, and the 生成排名表 button. */
export function RankingTab({ workbook, active }: RankingTabProps) {
  const { port, engine } = useServices();
  const strings = useStrings();
  const styles = useStyles();
  const { choices, readSheets, setOrganisation, rubric, rubricInput } = workbook;
  const preset = choices ? findPreset(choices.rubricId) : undefined;
  const [period, setPeriod] = useState("");
  const [method, setMethod] = useState<RankMethod>(preset?.rankMethod ?? "dense");
  const [ties, setTies] = useState<TieStyle>("merge");
  const [extras, setExtras] = useState<ExtraColumn[]>([]);
  const [overall, setOverall] = useState(true);
  const [preview, setPreview] = useState<RankPreview | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [periodError, setPeriodError] = useState<string | undefined>(undefined);
  const [written, setWritten] = useState<string[] | undefined>(undefined);
  const previewTask = useTask();
  const generateTask = useTask();
  const organisationTouched = useRef(false);

  // Base, bonus and penalty columns belong to information work; assessments bring their own columns.
  const isInfo = rubric?.kind === "info";
  const tableChoices = choices?.tableChoices;
  const rubricId = choices?.rubricId;
  const runPreview = previewTask.run;
  const periodUnreadable = isUnreadablePeriod(period, rubric?.kind);

  useEffect(() => {
    if (!active || !rubricId || !tableChoices) return;
    if (periodUnreadable) {
      setPreview(undefined);
      setProblem(undefined);
      return;
    }
    const timer = setTimeout(async () => {
      const answer = await runPreview(async (controls) => {
        const sheets = await readSheets(controls);
        return engine.run(
          { kind: "rank-preview", sheets, ...(await rubricInput()), choices: tableChoices, period, method, rows: PREVIEW_ROWS },
          { signal: controls.signal },
        );
      });
      if (!answer) return;
      setPeriodError(answer.ok ? undefined : periodRefusal(answer.issues)?.message);
      if (answer.ok) {
        setPreview(answer.preview);
        setProblem(undefined);
      } else {
        setPreview(undefined);
        setProblem(periodRefusal(answer.issues) ? undefined : answer.issues.map((issue) => issue.message).join("；"));
      }
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [active, rubricId, tableChoices, period, periodUnreadable, method, engine, readSheets, runPreview, rubricInput]);

  // Another rubric has its own periods and ranking method: start again from its defaults.
  const defaultMethod = preset?.rankMethod;
  useEffect(() => {
    setPeriod("");
    setPreview(undefined);
    setWritten(undefined);
    if (defaultMethod) setMethod(defaultMethod);
  }, [rubricId, defaultMethod]);

  // The title's organisation comes from the roster sheet until the user types one.
  const organisation = choices?.organisation || (organisationTouched.current ? "" : preview?.organisation ?? "");

  const confirmation = useConfirm();
  const askToReplace = (sheets: string[]) =>
    confirmation.ask(strings.confirmReplaceTitle, strings.confirmReplaceBody(sheets.join("、")), strings.confirmReplace);

  const generate = async () => {
    if (!rubricId || !tableChoices) return;
    setWritten(undefined);
    const result = await generateTask.run(async (controls) => {
      const sheets = await readSheets(controls);
      controls.report(0.3, strings.generating);
      const answer = await engine.run(
        {
          kind: "rank-sheets",
          sheets,
          ...(await rubricInput()),
          choices: tableChoices,
          period,
          method,
          layout: { organisation, ties, extraColumns: extras, overall },
        },
        { signal: controls.signal, onProgress: (done) => controls.report(0.3 + done * 0.4, strings.generating) },
      );
      if (!answer.ok) throw new Error(answer.issues.map((issue) => issue.message).join("；"));
      const keys = new Set(answer.specs.map((spec) => spec.ownerKey));
      const replaced = (await port.listSheets()).filter((sheet) => sheet.ownerKey !== undefined && keys.has(sheet.ownerKey));
      if (replaced.length > 0 && !(await askToReplace(replaced.map((sheet) => sheet.name)))) throw Object.assign(new Error("cancelled"), { name: "AbortError" });
      controls.report(0.8, strings.generating);
      return port.writeSheets(answer.specs);
    }, strings.generating);
    if (!result) return;
    setWritten(result.written);
    if (result.written[0]) await port.selectCell(result.written[0], "A1");
  };

  return (
    <div className={styles.tab}>
      <div className={styles.choices}>
        <Caption1>
          {strings.rubricLabel}：{rubric?.name}
        </Caption1>
        <PeriodField
          value={period}
          onChange={setPeriod}
          placeholder={preview?.periodKey}
          error={periodUnreadable ? strings.periodUnreadable(period) : periodError}
          data-testid="rank-period"
        />
        <Field label={strings.methodLabel}>
          <RadioGroup value={method} onChange={(_, data) => setMethod(data.value as RankMethod)} layout="horizontal">
            <Radio value="dense" label={strings.methodDense} />
            <Radio value="competition" label={strings.methodCompetition} />
          </RadioGroup>
        </Field>
        <Field label={strings.tiesLabel}>
          <RadioGroup value={ties} onChange={(_, data) => setTies(data.value as TieStyle)} layout="horizontal">
            <Radio value="merge" label={strings.tiesMerge} />
            <Radio value="repeat" label={strings.tiesRepeat} />
            <Radio value="label" label={strings.tiesLabelStyle} />
          </RadioGroup>
        </Field>
        <Field label={strings.extraColumnsLabel}>
          <div className={styles.inline}>
            {(isInfo ? EXTRA_COLUMNS : []).map((column) => (
              <Checkbox
                key={column}
                label={strings[EXTRA_LABEL[column]]}
                checked={extras.includes(column)}
                onChange={(_, data) => setExtras((list) => (data.checked ? [...list, column] : list.filter((c) => c !== column)))}
              />
            ))}
            <Checkbox label={strings.overallLabel} checked={overall} onChange={(_, data) => setOverall(Boolean(data.checked))} />
          </div>
        </Field>
        <Field label={strings.organisationLabel}>
          <Input
            value={organisation}
            onChange={(_, data) => {
              organisationTouched.current = true;
              void setOrganisation(data.value);
            }}
          />
        </Field>
      </div>

      <Button appearance="primary" onClick={generate} disabled={generateTask.state.running || !preview} data-testid="generate-ranking">
        {strings.generate}
      </Button>
      <TaskProgress state={generateTask.state} onCancel={generateTask.cancel} />
      {written && (
        <MessageBar intent="success" data-testid="ranking-written">
          <MessageBarBody>
            {strings.generated(written.join("、"))}{" "}
            {written.map((sheet) => (
              <Link key={sheet} as="button" onClick={() => void port.selectCell(sheet, "A1")} data-testid="open-generated">
                {strings.openSheet(sheet)}
              </Link>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
      {problem && (
        <MessageBar intent="warning">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      {previewTask.state.error && <TaskProgress state={previewTask.state} onCancel={previewTask.cancel} />}

      {preview && (
        <section data-testid="ranking-preview">
          <Subtitle2>{strings.previewTitle(preview.periodLabel)}</Subtitle2>
          {preview.tables.map((table) => (
            <div key={table.system} className={styles.system}>
              <Caption1>
                <strong>{table.system || strings.previewAllUnits}</strong> · {table.units}
              </Caption1>
              <Table size="extra-small" aria-label={table.system || strings.previewAllUnits}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell className={styles.rankCell}>{strings.previewRank}</TableHeaderCell>
                    <TableHeaderCell>{strings.previewUnit}</TableHeaderCell>
                    <TableHeaderCell className={styles.scoreCell}>{strings.previewScore}</TableHeaderCell>
                    {preview.columns.map((header) => (
                      <TableHeaderCell key={header} className={styles.extraCell}>
                        {header}
                      </TableHeaderCell>
                    ))}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {table.rows.map((row) => (
                    <TableRow key={row.unit}>
                      <TableCell className={styles.rankCell}>{row.rank ?? "—"}</TableCell>
                      <TableCell className={row.eligible ? undefined : styles.ineligible}>
                        {row.unit}
                        {row.eligible ? "" : " ※"}
                      </TableCell>
                      <TableCell className={styles.scoreCell}>{row.total ?? strings.incomplete}</TableCell>
                      {row.extra.map((value, i) => (
                        <TableCell key={preview.columns[i]} className={styles.extraCell}>
                          {value}
                        </TableCell>
                      ))}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          ))}
        </section>
      )}

      {confirmation.dialog}
    </div>
  );
}
