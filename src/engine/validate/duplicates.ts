import { compareDays } from "../dates";
import type { Issue } from "../issues";
import { VALIDATION_MESSAGES as M } from "../messages";
import { findNearDuplicates, type NearDuplicatePair } from "../near-duplicates";
import type { RegisterItem } from "../register";
import { normalizeForSimilarity } from "../similarity";
import { cellIssue, type RegisterContext } from "./context";

/**
 * Suspected 重复信息 and 抄袭信息 (RUBRICS.md §1). Validation only suggests them: a case
 * costs points once a person confirms it and records it as a violation.
 */

/**
 * Smallest similarity reported as a near-duplicate: half of the shorter body repeated.
 * RUBRICS.md sets no number; this is the line the recall requirement is stated at.
 */
export const NEAR_DUPLICATE_THRESHOLD = 0.5;

/** A shared passage longer than this is shown as its head and tail. */
const PASSAGE_SHOWN = 60;

/**
 * The same unit sending the same title, or the same body, twice. Titles are compared after
 * folding widths, case, spaces and punctuation; bodies as written (trimmed), because folding
 * 20,000 bodies of 500 characters costs seconds, and a body repeated with its punctuation
 * changed is still found, by the near-duplicate rule, as a same-unit repeat. The later row is
 * reported and names the first one.
 * @example
 * checkDuplicateItems(context) // [{ rule: "duplicate-item", cell: "D9", message: "标题与本单位第 4 行相同，疑似重复信息" }]
 */
export function checkDuplicateItems(context: RegisterContext): Issue[] {
  const { sheet, table } = context;
  const hasTitle = table.columns.title !== undefined;
  const hasBody = table.columns.body !== undefined;
  const firstTitle = new Map<string, number>();
  const firstBody = new Map<string, number>();
  const issues: Issue[] = [];

  for (const item of [...context.items].sort((a, b) => a.row - b.row)) {
    // The unit's roster index keys the unit: two spellings of one unit are the same sender.
    const unitKey = `${item.unit.index}\u0000`;
    const title = hasTitle ? normalizeForSimilarity(item.title) : "";
    const body = hasBody ? item.body : "";
    const titleRow = title ? firstTitle.get(unitKey + title) : undefined;
    const bodyRow = body ? firstBody.get(unitKey + body) : undefined;
    if (title && titleRow === undefined) firstTitle.set(unitKey + title, item.row);
    if (body && bodyRow === undefined) firstBody.set(unitKey + body, item.row);

    if (titleRow !== undefined && (bodyRow === undefined || bodyRow === titleRow)) {
      const what = bodyRow === titleRow ? "both" : "title";
      issues.push(cellIssue(sheet, table, "duplicate-item", item.row, "title", M.duplicateItem(what, titleRow), M.duplicateItemSuggestion));
    } else if (bodyRow !== undefined) {
      issues.push(cellIssue(sheet, table, "duplicate-item", item.row, "body", M.duplicateItem("body", bodyRow), M.duplicateItemSuggestion));
    }
  }
  return issues;
}

export interface NearDuplicateCheckOptions {
  threshold?: number;
  onProgress?: (done: number) => void;
  shouldStop?: () => boolean;
}

/**
 * Bodies that largely repeat an earlier body, or copy a passage of it, through the indexed
 * search of near-duplicates.ts (not all pairs). Items are taken in report-date order, so the
 * body sent first counts as the original and the later one is reported. Each reported row
 * names its closest match, with the share repeated and the longest shared passage. A body
 * repeated word for word by its own unit is left to duplicate-item.
 * @example
 * checkNearDuplicates(context) // [{ rule: "near-duplicate", cell: "I12", message: "正文约 86% 与第 5 行（双井街道团工委）相同，疑似抄袭信息。相同段落：「…」" }]
 */
export function checkNearDuplicates(context: RegisterContext, options: NearDuplicateCheckOptions = {}): Issue[] {
  const { sheet, table } = context;
  if (table.columns.body === undefined) return [];
  const ordered = context.items.filter((item) => item.body !== "").sort((a, b) => compareDays(a.date, b.date) || a.row - b.row);
  const byRow = new Map<number, RegisterItem>(ordered.map((item) => [item.row, item]));
  const pairs = findNearDuplicates(
    ordered.map((item) => ({ id: item.row, text: item.body, group: item.unit.name })),
    { threshold: options.threshold ?? NEAR_DUPLICATE_THRESHOLD, onProgress: options.onProgress, shouldStop: options.shouldStop },
  );

  // The best match of each later row: highest score, then the earliest original.
  const best = new Map<number, { pair: NearDuplicatePair; matches: number }>();
  for (const pair of pairs) {
    const copy = byRow.get(pair.b)!;
    const original = byRow.get(pair.a)!;
    if (copy.unit === original.unit && copy.body === original.body) continue;
    const seen = best.get(pair.b);
    if (!seen) best.set(pair.b, { pair, matches: 1 });
    else {
      seen.matches++;
      if (pair.score > seen.pair.score) seen.pair = pair;
    }
  }

  const issues: Issue[] = [];
  for (const [row, { pair, matches }] of best) {
    const original = byRow.get(pair.a)!;
    const sameUnit = original.unit === byRow.get(row)!.unit;
    const message = M.nearDuplicate(pair.a, original.unit.name, Math.round(pair.score * 100), shortenPassage(pair.passage), sameUnit, matches - 1);
    issues.push(cellIssue(sheet, table, "near-duplicate", row, "body", message, sameUnit ? M.duplicateItemSuggestion : M.nearDuplicateSuggestion));
  }
  return issues.sort((a, b) => a.row! - b.row!);
}

/**
 * A passage short enough for a message: its head and tail around an ellipsis.
 * @example shortenPassage("一".repeat(100)).length // 61
 */
export function shortenPassage(passage: string): string {
  const chars = [...passage];
  if (chars.length <= PASSAGE_SHOWN) return passage;
  const head = Math.ceil((PASSAGE_SHOWN * 2) / 3);
  return `${chars.slice(0, head).join("")}…${chars.slice(chars.length - (PASSAGE_SHOWN - head)).join("")}`;
}
