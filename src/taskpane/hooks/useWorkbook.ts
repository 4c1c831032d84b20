import { useCallback, useEffect, useState } from "react";
import type { TableChoices } from "../../engine/analyze";
import { DEFAULT_RUBRIC_ID, findPreset } from "../../engine/presets";
import type { SheetData } from "../../engine/sheet";
import { readAllSheets } from "../../port/read-all";
import { SETTING_KEYS, parseTableChoices, serializeTableChoices } from "../logic/settings";
import { useServices, useStrings } from "../services";
import type { TaskControls } from "./useTask";

/** The choices every tab shares, remembered in the workbook's settings. */
export interface WorkbookChoices {
  rubricId: string;
  tableChoices: TableChoices;
  organisation: string;
}

/**
 * Loads the remembered choices once, and saves each change back to the workbook. Also gives
 * `readSheets`, which reads every user sheet through the port with progress.
 */
export function useWorkbook() {
  const { port } = useServices();
  const strings = useStrings();
  const [choices, setChoices] = useState<WorkbookChoices | undefined>(undefined);

  useEffect(() => {
    let live = true;
    void (async () => {
      const [rubric, columns, organisation] = await Promise.all([
        port.getSetting(SETTING_KEYS.rubric),
        port.getSetting(SETTING_KEYS.columns),
        port.getSetting(SETTING_KEYS.organisation),
      ]);
      if (!live) return;
      setChoices({
        rubricId: rubric && findPreset(rubric) ? rubric : DEFAULT_RUBRIC_ID,
        tableChoices: parseTableChoices(columns),
        organisation: organisation ?? "",
      });
    })();
    return () => {
      live = false;
    };
  }, [port]);

  const setRubric = useCallback(
    async (rubricId: string) => {
      setChoices((c) => c && { ...c, rubricId });
      await port.setSetting(SETTING_KEYS.rubric, rubricId);
    },
    [port],
  );

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

  return { choices, setRubric, setTableChoices, setOrganisation, readSheets };
}

export type WorkbookState = ReturnType<typeof useWorkbook>;

/** Today as the engine's calendar day, in the user's time zone. */
export function dayOf(date: Date) {
  return { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() };
}
