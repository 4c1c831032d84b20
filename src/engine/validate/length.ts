import { cellText, isBlank } from "../cells";
import type { Issue } from "../issues";
import { VALIDATION_MESSAGES as M } from "../messages";
import { cellIssue, fieldValue, typeReader, type RegisterContext } from "./context";

/**
 * Size checks (RUBRICS.md §1, office-set): an item under `below` × or over `above` × its
 * type's guidance length, measured by 字数 when it holds a number, else by the body's
 * characters. A 字数 cell that is not a number is reported on its own.
 * @example
 * // an event item (guidance 400, tolerance ½–2×) of 150 characters:
 * checkLengths(context) // [{ rule: "length-out-of-range", message: "篇幅 150 字，事件类信息参考篇幅约 400 字，应在 200–800 字之间" }]
 */
export function checkLengths(context: RegisterContext): Issue[] {
  const { sheet, table, rubric } = context;
  const typeOf = typeReader(rubric);
  const { below, above } = rubric.lengthTolerance;
  const issues: Issue[] = [];

  for (const { sheetRow, values } of context.rows) {
    const lengthCell = fieldValue(values, table, "length");
    let declared: number | null = null;
    if (!isBlank(lengthCell)) {
      declared = typeof lengthCell === "number" ? lengthCell : Number(cellText(lengthCell).replace(/,/g, ""));
      if (!Number.isFinite(declared)) {
        issues.push(cellIssue(sheet, table, "bad-length", sheetRow, "length", M.badLength(cellText(lengthCell)), M.badLengthSuggestion));
        declared = null;
      }
    }
    const body = cellText(fieldValue(values, table, "body"));
    const measured = declared ?? (body ? characterCount(body) : null);
    const type = typeOf(fieldValue(values, table, "type"));
    if (measured === null || !type) continue;

    const rule = rubric.itemTypes[type];
    const min = Math.ceil(rule.guidanceLength * below);
    const max = Math.floor(rule.guidanceLength * above);
    if (measured >= min && measured <= max) continue;
    const field = declared !== null ? "length" : "body";
    issues.push(cellIssue(sheet, table, "length-out-of-range", sheetRow, field, M.lengthOutOfRange(measured, rule.label, rule.guidanceLength, min, max)));
  }
  return issues;
}

/**
 * Characters as a person counts them: a character outside the Basic Multilingual Plane is one
 * character, not two UTF-16 units. Counted in place, with no array per body.
 * @example characterCount("团委𠀀") // 3
 */
export function characterCount(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff) count--;
  }
  return count;
}
