import { cellText, type CellValue, type Grid } from "../engine/cells";
import { parsePeriod, type Period } from "../engine/dates";
import { DEFAULT_RUBRIC_ID, findInfoPreset, PRESETS } from "../engine/presets";
import type { InfoRubric } from "../engine/rubric/info-rubric";
import { compactKey } from "../engine/text";
import { argumentError, FunctionError } from "./host";
import { FUNCTION_MESSAGES as M } from "./messages";
import type { ArgumentName, Param } from "./runner";

/**
 * Parameter kinds, each reading Excel's raw value (a number, text, boolean, null, or a 2-D
 * array for a range) into a checked value, or throwing a FunctionError that names the
 * argument. Ranges may arrive as a single value when the user passes one cell.
 */

const wrong = (message: string) => new FunctionError("#VALUE!", message);

function isBlankValue(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "");
}

/** A range as a 2-D array; a single value becomes a 1×1 range. */
export function asGrid(raw: unknown): Grid {
  if (Array.isArray(raw)) return raw.map((row) => (Array.isArray(row) ? row : [row])) as Grid;
  return [[raw as CellValue]];
}

/** The cells of a range in reading order, passing on the first error value found. */
function cellsOf(raw: unknown): CellValue[] {
  const cells = asGrid(raw).flat();
  for (const cell of cells) {
    const error = argumentError(cell);
    if (error) throw error;
  }
  return cells;
}

/** Non-empty text; numbers are read as their text (a unit code typed as digits). */
export function textParam(name: ArgumentName): Param<string> {
  return {
    name,
    read(raw, label) {
      if (isBlankValue(raw)) throw wrong(M.blank(label));
      if (typeof raw === "string") return raw.trim();
      if (typeof raw === "number") return String(raw);
      throw wrong(M.notText(label));
    },
  };
}

/**
 * Text that may be blank: a blank cell is the fallback, "" unless given (an adoptions cell with
 * no adoption).
 */
export function optionalTextParam(name: ArgumentName, fallback = ""): Param<string> {
  return { name, fallback: () => fallback, read: textParam(name).read };
}

function toNumber(raw: unknown, label: string): number {
  if (typeof raw === "number" && Number.isFinite(raw)) return raw;
  if (typeof raw === "string" && raw.trim() !== "" && Number.isFinite(Number(raw.trim()))) return Number(raw.trim());
  throw wrong(M.notNumber(label, cellText(raw as CellValue)));
}

/**
 * A number. A blank is not 0: it is a result not yet there (an incomplete total), so it gives
 * #N/A rather than a made-up value.
 */
export function numberParam(name: ArgumentName): Param<number> {
  return {
    name,
    read(raw, label) {
      if (isBlankValue(raw)) throw new FunctionError("#N/A", M.blankResult(label));
      return toNumber(raw, label);
    },
  };
}

/**
 * A count such as a number of tiers or a streak length: a whole number from 1, optional with a
 * default. 2.5 tiers is a typing slip, not something to round.
 */
export function positiveIntegerParam(name: ArgumentName, fallback: number): Param<number> {
  return {
    name,
    fallback: () => fallback,
    read(raw, label) {
      const value = toNumber(raw, label);
      if (!Number.isInteger(value) || value < 1) throw wrong(M.notPositiveInteger(label, cellText(raw as CellValue)));
      return value;
    },
  };
}

/** Every number in a range; blanks and text are skipped, as Excel's RANK skips them. */
export function numbersParam(name: ArgumentName): Param<number[]> {
  return {
    name,
    read: (raw) => cellsOf(raw).filter((cell): cell is number => typeof cell === "number" && Number.isFinite(cell)),
  };
}

/** Every cell of a range as a number, or null for a blank; text is a wrong argument. */
export function numbersOrBlanksParam(name: ArgumentName): Param<(number | null)[]> {
  return {
    name,
    read: (raw, label) => cellsOf(raw).map((cell) => (isBlankValue(cell) ? null : toNumber(cell, label))),
  };
}

/** Every cell of a range, kept in place (for ranges read side by side with another). */
export function cellsParam(name: ArgumentName): Param<CellValue[]> {
  return { name, read: (raw) => cellsOf(raw) };
}

/**
 * The cells of a one-row or one-column range, in order. A block of several rows and columns
 * has no single order (by row or by column?), so it is a wrong argument rather than a guess.
 */
export function lineParam(name: ArgumentName): Param<CellValue[]> {
  return {
    name,
    read(raw, label) {
      const grid = asGrid(raw);
      if (grid.length > 1 && grid.some((row) => row.length > 1)) throw wrong(M.notLine(label));
      return cellsOf(grid);
    },
  };
}

/** A range such as a register or a roster, as the 2-D array Excel passes. */
export function rangeParam(name: ArgumentName): Param<Grid> {
  return {
    name,
    read(raw) {
      const grid = asGrid(raw);
      // A one-cell "range" holding an error is an error argument (=SCORES(#REF!, …)).
      const single = grid.length === 1 && grid[0].length === 1 ? argumentError(grid[0][0]) : null;
      if (single) throw single;
      return grid;
    },
  };
}

/**
 * One of a set of named choices, matched ignoring case, width and spaces; optional with a default.
 * @example choiceParam("method", { dense: "dense", 中国式: "dense" }, "dense")
 */
export function choiceParam<T>(name: ArgumentName, choices: Readonly<Record<string, T>>, fallback: T): Param<T> {
  const byKey = new Map(Object.entries(choices).map(([text, value]) => [compactKey(text), value]));
  return {
    name,
    fallback: () => fallback,
    read(raw, label) {
      const text = cellText(raw as CellValue);
      const value = byKey.get(compactKey(text));
      if (value === undefined) throw wrong(M.notOneOf(label, text, Object.keys(choices)));
      return value;
    },
  };
}

/** Excel's order argument: 0 (descending, the default) or 1 (ascending). */
export function orderParam(): Param<0 | 1> {
  return {
    name: "order",
    fallback: () => 0,
    read(raw, label) {
      const value = toNumber(raw, label);
      if (value !== 0 && value !== 1) throw wrong(M.notOneOf(label, String(value), ["0", "1"]));
      return value;
    },
  };
}

/** A period (2013, 2013Q1, 2013-03); when omitted, null: the caller picks the latest year. */
export function periodParam(): Param<Period | null> {
  return {
    name: "period",
    fallback: () => null,
    read(raw) {
      const period = typeof raw === "number" || typeof raw === "string" ? parsePeriod(raw) : null;
      if (!period) throw wrong(M.badPeriod(cellText(raw as CellValue)));
      return period;
    },
  };
}

/** An information-work rubric preset by id; the default preset when omitted. */
export function rubricParam(): Param<InfoRubric> {
  const infoIds = Object.values(PRESETS)
    .filter((rubric) => rubric.kind === "info")
    .map((rubric) => rubric.id);
  return {
    name: "rubric",
    fallback: () => findInfoPreset(DEFAULT_RUBRIC_ID)!,
    read(raw, label) {
      const text = cellText(raw as CellValue);
      const rubric = findInfoPreset(text);
      if (!rubric) throw wrong(M.notOneOf(label, text, infoIds));
      return rubric;
    },
  };
}

/** A preset by its id, e.g. "wechat-coverage"; required. */
export function presetParam<T>(name: ArgumentName, presets: Readonly<Record<string, T>>): Param<T> {
  return {
    name,
    read(raw, label) {
      const text = Array.isArray(raw) ? "" : cellText(raw as CellValue);
      const preset = presets[text.toLowerCase()];
      if (preset === undefined) throw wrong(M.notOneOf(label, text, Object.keys(presets)));
      return preset;
    },
  };
}

/** A preset id (text) or a range; for scales and weights that come as either. */
export function presetOrRangeParam<T>(
  name: ArgumentName,
  presets: Readonly<Record<string, T>>,
  fallback: T | undefined,
): Param<{ preset: T } | { range: Grid }> {
  return {
    name,
    fallback: fallback === undefined ? undefined : () => ({ preset: fallback }),
    read(raw, label) {
      if (Array.isArray(raw) && (raw.length > 1 || (Array.isArray(raw[0]) && raw[0].length > 1))) return { range: asGrid(raw) };
      const single = asGrid(raw)[0][0];
      const text = cellText(single);
      const preset = presets[text.toLowerCase()];
      if (preset === undefined) throw wrong(M.notOneOf(label, text, Object.keys(presets)));
      return { preset };
    },
  };
}
