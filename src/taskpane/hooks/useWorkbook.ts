import { useCallback, useEffect, useState } from "react";
import type { TableChoices } from "../../engine/analyze";
import { DEFAULT_RUBRIC_ID, findPreset } from "../../engine/presets";
import type { SheetData } from "../../engine/sheet";
import { readAllSheets } from "../../port/read-all";
import { SHEET_RUBRIC_PREFIX } from "../../worker/protocol";
import { SETTING_KEYS, parseTableChoices, serializeTableChoices } from "../logic/settings";
import { useServices, useStrings } from "../services";
import type { TaskControls } from "./useTask";

/** The choices every tab shares, remembered in the workbook's settings. */
export interface WorkbookChoices {
  /** A preset id, or `sheet:<name>` for a rubric sheet of the workbook. */
  rubricId: string;
  tableChoices: TableChoices;
  organisation: string;
}

/** What the pane shows of the chosen rubric. */
export interface RubricSummary {
  id: string;
  name: string;
  kind: string;
}

/** The summary of a preset, or undefined for an id that names none. */
export function presetSummary(id: string): RubricSummary | undefined {
  const preset = findPreset(id);
  return preset && { id: preset.id, name: preset.name, kind: preset.kind };
}

/**
 * Loads the remembered choices once, and saves each change back to the workbook. Also gives
 * `readSheets`, which reads every user sheet through the port with progress.
 */
export function useWorkbook() {
  const { port, engine } = useServices();
  const strings = useStrings();
  const [choices, setChoices] = useState<WorkbookChoices | undefined>(undefined);
  const [rubric, setRubricSummary] = useState<RubricSummary | undefined>(undefined);

  /** Reads one rubric sheet back through the engine. */
  const readRubricSheet = useCallback(
    async (name: string) => {
      const sheet = await port.readSheet(name);
      const answer = await engine.run({ kind: "rubric-sheets", sheets: [sheet] });
      return answer.found[0];
    },
    [port, engine],
  );

  useEffect(() => {
    let live = true;
    void (async () => {
      const [rubric, columns, organisation] = await Promise.all([
        port.getSetting(SETTING_KEYS.rubric),
        port.getSetting(SETTING_KEYS.columns),
        port.getSetting(SETTING_KEYS.organisation),
      ]);
      // A remembered rubric sheet that is gone, or no longer reads cleanly, falls back to the default preset.
      let summary = rubric ? presetSummary(rubric) : undefined;
      if (rubric?.startsWith(SHEET_RUBRIC_PREFIX)) {
        const found = await readRubricSheet(rubric.slice(SHEET_RUBRIC_PREFIX.length)).catch(() => undefined);
        if (found?.rubric) summary = { ...found.rubric, id: rubric };
      }
      if (!live) return;
      summary ??= presetSummary(DEFAULT_RUBRIC_ID)!;
      setRubricSummary(summary);
      setChoices({ rubricId: summary.id, tableChoices: parseTableChoices(columns), organisation: organisation ?? "" });
    })();
    return () => {
      live = false;
    };
    // Read once per port: later changes go through the setters.
  }, [port, readRubricSheet]);

  const setRubric = useCallback(
    async (summary: RubricSummary) => {
      setRubricSummary(summary);
      setChoices((c) => c && { ...c, rubricId: summary.id });
      await port.setSetting(SETTING_KEYS.rubric, summary.id);
    },
    [port],
  );

  /** The rubric part of an engine request: the id, and the rubric sheet read afresh when it is one. */
  const rubricInput = useCallback(async (): Promise<{ rubricId: string; rubricSheet?: SheetData }> => {
    const rubricId = choices?.rubricId ?? DEFAULT_RUBRIC_ID;
    if (!rubricId.startsWith(SHEET_RUBRIC_PREFIX)) return { rubricId };
    return { rubricId, rubricSheet: await port.readSheet(rubricId.slice(SHEET_RUBRIC_PREFIX.length)) };
  }, [choices?.rubricId, port]);

  const setTableChoices = useCallback(
    async (tableChoices: TableChoices) => {
      setChoices((c) => c && { ...c, tableChoices });
      await port.setSetting(SETTING_KEYS.columns, serializeTableChoices(tableChoices));
    },
    [port],
  );

  const setOrganisation = useCallback(
    async (organisation: string) => {
      setChoices((c) => c && { ...c, organisation });
      await port.setSetting(SETTING_KEYS.organisation, organisation);
    },
    [port],
  );

  const readSheets = useCallback(
    (controls: TaskControls): Promise<SheetData[]> =>
      readAllSheets(port, {
        signal: controls.signal,
        onProgress: (done, total) => controls.report(undefined, strings.readingSheets(done, total)),
      }),
    [port, strings],
  );

  return { choices, rubric, setRubric, rubricInput, setTableChoices, setOrganisation, readSheets };
}

export type WorkbookState = ReturnType<typeof useWorkbook>;

/** Today as the engine's calendar day, in the user's time zone. */
export function dayOf(date: Date) {
  return { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() };
}
