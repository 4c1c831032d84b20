/**
 * What the pane remembers in the workbook's settings, and how it is written. Settings are
 * text; anything unreadable (an older format, a hand edit) reads as "nothing remembered"
 * rather than failing the pane.
 */
import type { TableChoices } from "../../engine/analyze";
import type { ColumnMap, ColumnOverride, Field, TableKind } from "../../engine/tables";

export const SETTING_KEYS = {
  /** The user's corrections of the column mapping, per table kind. */
  columns: "league.pane.columns",
  /** The chosen rubric's id. */
  rubric: "league.pane.rubric",
  /** The organisation name printed in ranking titles. */
  organisation: "league.pane.organisation",
} as const;

const TABLE_KINDS: readonly TableKind[] = ["register", "roster", "penalties"];

/**
 * Reads remembered table choices; keeps only well-formed entries.
 * @example parseTableChoices('{"register":{"sheet":"登记","columns":{"unit":2}}}')
 * // { register: { sheet: "登记", columns: { unit: 2 } } }
 */
export function parseTableChoices(text: string | undefined): TableChoices {
  if (!text) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return {};
  }
  if (!raw || typeof raw !== "object") return {};
  const choices: TableChoices = {};
  for (const kind of TABLE_KINDS) {
    const entry = (raw as Record<string, unknown>)[kind];
    if (!entry || typeof entry !== "object") continue;
    const { sheet, headerRow, columns } = entry as Record<string, unknown>;
    const choice: NonNullable<TableChoices[TableKind]> = {};
    if (typeof sheet === "string" && sheet) choice.sheet = sheet;
    if (Number.isInteger(headerRow) && (headerRow as number) >= 0) choice.headerRow = headerRow as number;
    if (columns && typeof columns === "object") {
      const map: ColumnOverride = {};
      for (const [field, column] of Object.entries(columns)) {
        if (column === null || (Number.isInteger(column) && (column as number) >= 0)) map[field as Field] = column as number | null;
      }
      if (Object.keys(map).length) choice.columns = map;
    }
    if (Object.keys(choice).length) choices[kind] = choice;
  }
  return choices;
}

export function serializeTableChoices(choices: TableChoices): string {
  return JSON.stringify(choices);
}

/**
 * The choices after the user picks a column for a field of a located table. Picking pins the
 * table's sheet and header row with the full mapping, so the correction survives even when
 * the automatic finder would read the headers differently. `column` null unmaps the field
 * (an optional one: the pane offers （无） only for those), and stays null in the settings so
 * the finder does not map it again from its header.
 * @example withColumnChoice({}, "register", located, "title", null).register?.columns?.title // null
 */
export function withColumnChoice(
  choices: TableChoices,
  kind: TableKind,
  located: { sheet: string; headerRow: number; columns: ColumnMap },
  field: Field,
  column: number | null,
): TableChoices {
  const columns: ColumnOverride = { ...located.columns };
  if (column === null) columns[field] = null;
  else {
    // One column names one field: the field that had this column loses it.
    for (const [other, at] of Object.entries(columns)) if (at === column) delete columns[other as Field];
    columns[field] = column;
  }
  return { ...choices, [kind]: { sheet: located.sheet, headerRow: located.headerRow, columns } };
}
