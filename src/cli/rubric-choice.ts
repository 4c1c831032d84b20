import type { Issue } from "../engine/issues";
import { DEFAULT_RUBRIC_ID, findPreset, type Rubric } from "../engine/presets";
import { isRubricSheet, readRubricSheets } from "../engine/rubric-sheet/reader";
import type { SheetData } from "../engine/sheet";
import { readAllSheets } from "../port/read-all";
import type { WorkbookPort } from "../port/workbook-port";
import type { ParsedArgs } from "./args";
import { InputError, type CliIO } from "./io";

/**
 * Which rubric a command works by. A rubric sheet in the workbook with the id asked for wins
 * over the preset of that id, because that is where the office keeps its own rules
 * (RUBRICS.md §7). One function serves score, rank and validate, so they cannot disagree.
 */

/** A workbook's sheets, read once: the user's tables, and its rubric sheets. */
export interface WorkbookSheets {
  /** The user's sheets, for the table finder: neither generated sheets nor rubric sheets. */
  sheets: SheetData[];
  /** Rubric sheets, whether the add-in wrote them (they carry an owner key) or the user did. */
  rubricSheets: SheetData[];
}

/**
 * Reads every sheet, generated ones included, because rubric sheets are written with an
 * owner key; generated ranking sheets are then set aside, since they list unit names too and
 * would look like a roster.
 */
export async function readWorkbookSheets(port: WorkbookPort): Promise<WorkbookSheets> {
  const owned = new Set((await port.listSheets()).filter((s) => s.ownerKey !== undefined).map((s) => s.name));
  const all = await readAllSheets(port, { includeOwned: true });
  return {
    sheets: all.filter((s) => !owned.has(s.name) && !isRubricSheet(s)),
    rubricSheets: all.filter(isRubricSheet),
  };
}

/** The id asked for with --rubric, chaoyang-info by default. */
export function rubricIdOf(args: ParsedArgs): string {
  return (args.options.get("rubric") ?? DEFAULT_RUBRIC_ID).trim().toLowerCase();
}

/**
 * The rubric to work by: the workbook's rubric sheet with this id, else the preset. A rubric
 * sheet with errors stops the command with every bad cell's address; it never falls back to
 * the preset.
 * @example chooseRubric("chaoyang-info", [], io) // the chaoyang-info preset
 */
export function chooseRubric(id: string, rubricSheets: readonly SheetData[], io: CliIO): Rubric {
  const found = readRubricSheets(rubricSheets).find((s) => s.id?.trim().toLowerCase() === id);
  if (found && !found.rubric) throw new InputError(`规则表「${found.sheet}」有错误，未计分：${describeIssues(found.issues)}`);
  if (found?.rubric) {
    io.stderr(`使用工作簿中的规则表「${found.sheet}」\n`);
    return found.rubric;
  }
  const preset = findPreset(id);
  if (!preset) throw new InputError(`未知的规则：${id}`);
  return preset;
}

/** Issues on one line, each with its cell: 「B7 每月条数「三」不是数字；B9 …」. */
export function describeIssues(issues: readonly Issue[]): string {
  return issues.map((i) => `${i.cell ?? ""} ${i.message}`.trim()).join("；");
}
