import { quotaTarget, tierOf, vetoStreak } from "../engine/assessments/tiers";
import { bandOf, bandTableFromRows, inDomain, normalizeWeights, weightedTotal, type BandTable, type WeightedComponent } from "../engine/bands";
import { cellText, isBlank, type Grid } from "../engine/cells";
import { PRESETS } from "../engine/presets";
import { BAND_SCALES } from "../engine/presets/bands";
import { chaoyangInfo } from "../engine/presets/chaoyang-info";
import { dongguanAnnualRubric } from "../engine/presets/dongguan-annual";
import { hainanWechatRubric } from "../engine/presets/hainan-wechat";
import { hunanWmhRubric } from "../engine/presets/hunan-wmh";
import { rankOf } from "../engine/rank";
import { rubricLookup } from "../engine/rubric/lookup";
import { MESSAGES } from "../engine/messages";
import { basePoints, itemBonus } from "../engine/score";
import { similarity } from "../engine/similarity";
import { FunctionError } from "./host";
import { ARGUMENT_LABELS as L, FUNCTION_MESSAGES as M } from "./messages";
import {
  cellsParam,
  choiceParam,
  lineParam,
  numberParam,
  numbersOrBlanksParam,
  numbersParam,
  optionalTextParam,
  orderParam,
  periodParam,
  positiveIntegerParam,
  presetOrRangeParam,
  presetParam,
  rangeParam,
  rubricParam,
  textParam,
} from "./params";
import { defineFunction } from "./runner";
import { registerBook, rosterBook } from "./scoring-book";

/**
 * The LEAGUE.* functions: each declared with its parameters, then implemented with one call
 * into the engine. functions.ts gives each a documented wrapper for Excel.
 */

const wrong = (message: string) => new FunctionError("#VALUE!", message);
const notAvailable = (message: string) => new FunctionError("#N/A", message);

/**
 * GRADE's and WEIGHTED's presets, by rubric id, from the preset registry: every rubric that
 * grades its total lends its bands, every weighted rubric its weights, so a new preset is a
 * new choice here without another list to keep in step.
 */
const rubrics = Object.values(PRESETS);
const PRESET_GRADES: Readonly<Record<string, BandTable<string>>> = Object.fromEntries(
  rubrics.flatMap((rubric) => ("grades" in rubric ? [[rubric.id, rubric.grades]] : [])),
);
const PRESET_WEIGHTS: Readonly<Record<string, { components: readonly WeightedComponent[] }>> = Object.fromEntries(
  rubrics.flatMap((rubric) => (rubric.kind === "weighted" ? [[rubric.id, rubric]] : [])),
);

/** Rank methods as staff may write them. */
const RANK_METHODS = {
  dense: "dense",
  competition: "competition",
  中国式: "dense",
  中国式排名: "dense",
  "rank.eq": "competition",
} as const;

/** The header row of SCORES' table, as the office's sheets head these columns. */
export const SCORES_HEADER = ["单位", "系统", "基础分", "加分", "扣分", "总分", "评优资格"] as const;

export const SCORE_UNIT = defineFunction({
  id: "SCORE_UNIT",
  params: [textParam("unit"), rangeParam("register"), periodParam(), rubricParam()],
  run(unit, register, period, rubric) {
    const book = registerBook(register, rubric);
    return book.unitScore(unit, book.period(period)).total;
  },
});

export const SCORE_BREAKDOWN = defineFunction({
  id: "SCORE_BREAKDOWN",
  params: [textParam("unit"), rangeParam("register"), periodParam(), rubricParam()],
  run(unit, register, period, rubric): (number | boolean)[][] {
    const book = registerBook(register, rubric);
    const score = book.unitScore(unit, book.period(period));
    return [[score.base, score.bonus, score.penalty, score.total, score.awardEligible]];
  },
});

export const SCORES = defineFunction({
  id: "SCORES",
  params: [rangeParam("register"), rangeParam("roster"), periodParam(), rubricParam()],
  run(register, roster, period, rubric): (string | number | boolean)[][] {
    const book = rosterBook(register, roster, rubric);
    const rows = book.scores(book.period(period)).map((s) => [s.unit, s.system, s.base, s.bonus, s.penalty, s.total, s.awardEligible]);
    return [[...SCORES_HEADER], ...rows];
  },
});

export const BASE_POINTS = defineFunction({
  id: "BASE_POINTS",
  params: [numbersOrBlanksParam("counts")],
  run(counts) {
    if (![12, 3, 1].includes(counts.length)) throw wrong(M.countsLength(counts.length));
    // A blank month is a month with no items: counts are what COUNTIFS would give.
    const months = counts.map((count) => count ?? 0);
    if (months.some((count) => count < 0 || !Number.isInteger(count))) throw wrong(M.notInteger(L.counts));
    return basePoints(months, chaoyangInfo);
  },
});

export const ITEM_POINTS = defineFunction({
  id: "ITEM_POINTS",
  params: [textParam("type"), optionalTextParam("adoptions"), rubricParam()],
  run(typeText, adoptionsText, rubric) {
    const lookup = rubricLookup(rubric);
    const type = lookup.itemType(typeText);
    const labels = [rubric.itemTypes.event.label, rubric.itemTypes.comprehensive.label];
    if (!type) throw wrong(MESSAGES.badType(typeText, labels));
    const channels = lookup.channels(adoptionsText).map((match) => {
      // A channel that cannot be scored is a typing slip to fix, not a silent 0.
      if (match.status === "unknown") throw wrong(MESSAGES.unknownChannel(match.text));
      if (match.status === "ambiguous") throw wrong(MESSAGES.ambiguousChannel(match.text, match.channels.map((c) => c.name)));
      return match.channel;
    });
    // A channel that does not take this type scores 0 by the rubric (RUBRICS.md §1).
    return itemBonus(type, [...new Set(channels)], rubric);
  },
});

export const RANK = defineFunction({
  id: "RANK",
  params: [numberParam("value"), numbersParam("values"), choiceParam("method", RANK_METHODS, "dense"), orderParam()],
  run(value, values, method, order) {
    const rank = rankOf(value, values, method, order);
    if (rank === null) throw notAvailable(M.notAmongValues(value));
    return rank;
  },
});

export const RANK_IN_GROUP = defineFunction({
  id: "RANK_IN_GROUP",
  params: [
    numberParam("value"),
    cellsParam("values"),
    textParam("group"),
    cellsParam("groups"),
    choiceParam("method", RANK_METHODS, "dense"),
    orderParam(),
  ],
  run(value, values, group, groups, method, order) {
    if (values.length !== groups.length) throw wrong(M.sizeMismatch(L.values, L.groups));
    const inGroup = values.filter(
      (cell, i): cell is number => typeof cell === "number" && Number.isFinite(cell) && cellText(groups[i]) === group,
    );
    if (inGroup.length === 0) throw notAvailable(M.groupNotFound(group));
    const rank = rankOf(value, inGroup, method, order);
    if (rank === null) throw notAvailable(M.notAmongValues(value));
    return rank;
  },
});

/** The band of a value, checking the table's domain; #N/A below a table with no floor. */
function band<T>(value: number, table: BandTable<T>, label: string): T {
  if (!inDomain(value, table)) throw wrong(M.outOfRange(label, table.domain!.min, table.domain!.max));
  const result = bandOf(value, table);
  if (result === null) throw notAvailable(M.belowEveryBand(value));
  return result;
}

export const GRADE = defineFunction({
  id: "GRADE",
  params: [numberParam("score"), presetOrRangeParam("scale", PRESET_GRADES, hainanWechatRubric.grades)],
  run(score, scale) {
    if ("preset" in scale) return band(score, scale.preset, L.score);
    const table = bandTableFromRows(scale.range);
    if (!table.ok) throw wrong(table.issues[0].message);
    return band(score, table.table, L.score);
  },
});

export const BAND = defineFunction({
  id: "BAND",
  params: [numberParam("value"), presetParam("scale", BAND_SCALES)],
  run(value, scale): string | number {
    return band(value, scale, L.value);
  },
});

export const WEIGHTED = defineFunction({
  id: "WEIGHTED",
  params: [
    numbersOrBlanksParam("scores"),
    presetOrRangeParam("weights", PRESET_WEIGHTS, dongguanAnnualRubric),
  ],
  run(scores, weights) {
    let components = "preset" in weights ? weights.preset.components : null;
    if (!components) {
      const cells = (weights as { range: Grid }).range.flat();
      const notNumber = cells.find((cell) => typeof cell !== "number");
      if (notNumber !== undefined) throw wrong(isBlank(notNumber) ? M.blank(L.weights) : M.notNumber(L.weights, cellText(notNumber)));
      const checked = normalizeWeights(cells as number[]);
      if (!checked.ok) throw wrong(checked.issues[0].message);
      components = checked.weights.map((weight, i) => ({ name: `第 ${i + 1} 项`, weight }));
    }
    if (scores.length !== components.length) throw wrong(M.sizeMismatch(L.scores, L.weights));
    const result = weightedTotal(scores, components);
    if (!result.ok) throw notAvailable(M.incomplete(result.missing));
    return result.total;
  },
});

export const TIER = defineFunction({
  id: "TIER",
  // Five near-equal tiers by default, as hunan-wmh cuts its ranking (RUBRICS.md §5).
  params: [numberParam("value"), numbersParam("values"), positiveIntegerParam("tiers", hunanWmhRubric.tiers.length)],
  run(value, values, tiers) {
    if (tiers > values.length) throw wrong(M.tooManyTiers(tiers, values.length));
    const tier = tierOf(value, values, tiers);
    if (tier === null) throw notAvailable(M.notAmongValues(value));
    return tier;
  },
});

export const VETO_STREAK = defineFunction({
  id: "VETO_STREAK",
  // Defaults from hainan-wechat's veto: 3 consecutive spot checks rated 差 (RUBRICS.md §4).
  params: [
    lineParam("levels"),
    optionalTextParam("label", hainanWechatRubric.spotChecks.vetoLevel),
    positiveIntegerParam("n", hainanWechatRubric.spotChecks.streak),
  ],
  run: (levels, label, n) => vetoStreak(levels, label, n),
});

export const QUOTA_TARGET = defineFunction({
  id: "QUOTA_TARGET",
  params: [numberParam("base")],
  run(base) {
    if (base < 0) throw wrong(M.negative(L.base));
    return quotaTarget(base, hunanWmhRubric.quotaMultiplier);
  },
});

export const SIMILARITY = defineFunction({
  id: "SIMILARITY",
  params: [textParam("a"), textParam("b")],
  run: (a, b) => similarity(a, b),
});

export const UNIT_CODE = defineFunction({
  id: "UNIT_CODE",
  params: [textParam("name")],
  async run(name) {
    // The pinyin dictionary is large: loaded on first use, it is a chunk of its own and adds
    // nothing to the task pane's start-up.
    const { unitCode } = await import("../engine/pinyin");
    const code = await unitCode(name);
    if (code === "") throw wrong(M.noCode(name));
    return code;
  },
});
