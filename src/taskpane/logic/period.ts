/**
 * The period field shared by the 校验 and 排名 tabs: whether a typed period can be used before
 * any work runs, and which of the engine's answers is about the period rather than the data.
 */
import { parsePeriod } from "../../engine/dates";
import type { Issue } from "../../engine/issues";

/** The engine's rule for a period it cannot read. */
const BAD_PERIOD_RULE = "bad-period";

/**
 * True when the typed period cannot be read, so the pane says so instead of running. Blank
 * means the latest year. Only information-work periods are judged here: the assessment presets
 * read their own terms (a 届期 such as 2015-2016), so for them the engine's answer decides.
 * @example isUnreadablePeriod("2013Q5", "info") // true
 */
export function isUnreadablePeriod(text: string, rubricKind: string | undefined): boolean {
  if (text.trim() === "" || rubricKind !== "info") return false;
  return parsePeriod(text) === null;
}

/**
 * The engine's issue saying the period could not be read, shown at the field rather than as a result.
 * @example periodRefusal([{ rule: "bad-period", severity: "error", message: "届期「x」无法识别" }])?.message // "届期「x」无法识别"
 */
export function periodRefusal(issues: readonly Issue[]): Issue | undefined {
  return issues.find((issue) => issue.rule === BAD_PERIOD_RULE);
}
