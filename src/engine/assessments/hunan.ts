import { parseDate } from "../dates";
import { fromCents, round2, toCents } from "../decimal";
import { unitKey, unitStem } from "../names";
import type { SheetData } from "../sheet";
import type { ModuleItem, TieredRubric } from "../rubric/assessment-rubrics";
import { compactKey, foldDigits } from "../text";
import { findInputTable, inputRows, type InputRow, type InputTableSpec } from "./input-table";
import { missingTable, withRanks, type AssessedUnit, type AssessmentResult } from "./result";
import { quotaTarget, tierAtPosition } from "./tiers";

/** One unit's term result (RUBRICS.md §5). */
export interface TieredUnit extends AssessedUnit {
  tier: number | null;
  quotaAdjustment: number | null;
  /** The unit's evaluations in the term, by year. */
  evaluations: { year: number; total: number }[];
  /** Base quota (附件1) and the scale target (base × 10); null when the unit is not in the quota table. */
  quotaBase: number | null;
  quotaTarget: number | null;
  /** The unit's kind (单位类别) as written, when the table gives one. */
  unitKind?: string;
  /** Items not assessed for the unit's kind (活动覆盖领域 for 行业), left out of its evaluations. */
  notAssessed: string[];
  /** What `total` is out of: the full 100, or less by the items left out when they are excluded rather than renormalised. */
  maxTotal: number;
}

type Column = "unit" | "system" | "unitKind" | "year" | "date" | "nonPublic" | "collectives" | `module${number}` | `item${number}`;

function tableSpec(rubric: TieredRubric): InputTableSpec<Column> {
  const columns: Record<string, readonly string[]> = {
    unit: ["单位", "参与创建单位", "单位名称", "市级团委"],
    system: ["系统", "类别"],
    unitKind: ["单位类别", "单位类型", "类型"],
    year: ["年度", "考评年度", "年份"],
    date: ["考评日期", "考评时间", "考评月份"],
    nonPublic: ["非公集体", "非公集体数", "非公经济和社会组织集体数"],
    collectives: ["创建集体数", "网络创建数", "创建集体"],
  };
  rubric.modules.forEach((m, i) => (columns[`module${i}`] = [m.label, `${m.label}得分`]));
  rubric.items.forEach((item, i) => (columns[`item${i}`] = [item.label, `${item.label}得分`]));
  return {
    title: "青年文明号考评表",
    columns: columns as Record<Column, readonly string[]>,
    required: ["unit", "year", ...rubric.modules.map((_, i) => `module${i}` as const)],
  };
}

/** A term of `length` years: "2015-2016", or one year of it ("2016"). */
export interface Term {
  first: number;
  last: number;
  key: string;
}

/**
 * The term holding a year. Terms start in odd years (the 2013–2014 and 2015–2016 creation
 * terms), so with two evaluations a term 2016 belongs to 2015–2016.
 * @example termOf(2016, 2) // { first: 2015, last: 2016, key: "2015-2016" }
 */
export function termOf(year: number, length: number): Term {
  const first = year - ((((year - 1) % length) + length) % length);
  const last = first + length - 1;
  return { first, last, key: length === 1 ? String(first) : `${first}-${last}` };
}

function parseTerm(text: string, length: number): Term | null {
  const match = /^(\d{4})\s*年?(?:\s*[-–—~至]\s*(\d{4})\s*年?)?(?:年度)?$/.exec(foldDigits(text).trim());
  if (!match) return null;
  const term = termOf(Number(match[2] ?? match[1]), length);
  // A range must be a whole term as written ("2015-2016"), not one that straddles two.
  return match[2] === undefined || term.first === Number(match[1]) ? term : null;
}

/** The quota entry for a unit: its exact name, else the one quota name its name starts with (长沙市团委 → 长沙). */
function quotaOf(name: string, rubric: TieredRubric): number | null {
  const key = unitKey(name);
  const exact = rubric.quotas.find((q) => unitKey(q.unit) === key || unitStem(q.unit) === unitStem(name));
  if (exact) return exact.base;
  const prefixed = rubric.quotas.filter((q) => key.startsWith(unitKey(q.unit)));
  return prefixed.length === 1 ? prefixed[0].base : null;
}

type Row = InputRow<Column>;

/**
 * Scores the 青年文明号 management table: each evaluation's module sum, the term average per
 * unit, its rank, tier (near-equal groups by rank position, ties sharing the better tier) and
 * quota adjustment. A unit with fewer evaluations than the term needs is incomplete and unranked.
 * @example assessTiered(sheets, hunanWmhRubric, { period: "2015-2016" }).units[0]
 * // 长沙 with 87 in 2015 and 90 in 2016, the best of five → { total: 88.5, rank: 1, tier: 1, quotaAdjustment: 0.2, quotaTarget: 100, … }
 */
export function assessTiered(sheets: readonly SheetData[], rubric: TieredRubric, options: { period?: string } = {}): AssessmentResult<TieredUnit> {
  const table = findInputTable(sheets, tableSpec(rubric));
  if (!table) return missingTable(rubric.id, `未找到考评表：需有“单位”“年度”${rubric.modules.map((m) => `“${m.label}”`).join("")}列`) as AssessmentResult<TieredUnit>;
  const issues: AssessmentResult["issues"] = [];
  const rows = inputRows(table, issues);
  const years = new Map<Row, number | null>(rows.map((row) => [row, readYear(row)]));

  let term: Term | null = null;
  if (options.period) {
    term = parseTerm(options.period, rubric.evaluationsPerTerm);
    if (!term) return { rubric: rubric.id, period: "", units: [], issues: [{ rule: "bad-period", severity: "error", message: `届期「${options.period}」无法识别，应为 2015-2016 或 2016` }] };
  } else {
    const latest = Math.max(0, ...[...years.values()].map((y) => y ?? 0));
    if (latest === 0) return { rubric: rubric.id, period: "", units: [], issues: [{ rule: "no-period", severity: "error", message: "考评表中没有可识别的年度，请指定届期" }] };
    term = termOf(latest, rubric.evaluationsPerTerm);
  }

  const kinds = unitKinds(rows, rubric);
  const byUnit = new Map<string, { name: string; system?: string; evaluations: { year: number; cents: number; row: Row }[]; lastRow: Row }>();
  for (const row of rows) {
    const name = row.text("unit");
    const year = years.get(row)!;
    if (!name) {
      row.report("missing-field", "error", "unit", "单位为空");
      continue;
    }
    if (year === null || year < term.first || year > term.last) continue;
    const key = unitKey(name);
    const unit = byUnit.get(key) ?? { name, evaluations: [], lastRow: row };
    unit.lastRow = row;
    if (!unit.system && row.text("system")) unit.system = row.text("system");
    byUnit.set(key, unit);
    if (unit.evaluations.some((e) => e.year === year)) {
      row.report("duplicate-evaluation", "error", "year", `${name} ${year} 年的考评重复出现，本行未计分`);
      continue;
    }
    checkRow(row, year, name, rubric);
    const cents = moduleCents(row, rubric, kinds.get(key)?.left ?? []);
    if (cents !== null) unit.evaluations.push({ year, cents, row });
  }

  const units: TieredUnit[] = [...byUnit.values()].map((unit) => {
    const complete = unit.evaluations.length >= rubric.evaluationsPerTerm;
    if (!complete) {
      unit.lastRow.report("too-few-evaluations", "warning", "unit", `${unit.name}在 ${term.key} 届期内只有 ${unit.evaluations.length} 次考评（应为 ${rubric.evaluationsPerTerm} 次），暂不排名`, { unit: unit.name, period: term.key });
    }
    const sum = unit.evaluations.reduce((s, e) => s + e.cents, 0);
    const base = quotaOf(unit.name, rubric);
    const kind = kinds.get(unitKey(unit.name));
    const left = kind?.left ?? [];
    const fullCents = rubric.modules.reduce((s, m) => s + toCents(m.max), 0);
    const reducedCents = fullCents - left.reduce((s, item) => s + toCents(item.max!), 0);
    // Renormalising scales the average back to the full scale: 72 of 80 becomes 90 of 100.
    const scale = rubric.notAssessed === "renormalise" && reducedCents > 0 ? fullCents / reducedCents : 1;
    return {
      unit: unit.name,
      ...(unit.system ? { system: unit.system } : {}),
      ...(kind ? { unitKind: kind.kind } : {}),
      total: complete ? round2((fromCents(sum) * scale) / unit.evaluations.length) : null,
      complete,
      awardEligible: true,
      ineligibleReasons: [],
      rank: null,
      tier: null,
      quotaAdjustment: null,
      evaluations: unit.evaluations.sort((a, b) => a.year - b.year).map((e) => ({ year: e.year, total: fromCents(e.cents) })),
      quotaBase: base,
      quotaTarget: base === null ? null : quotaTarget(base, rubric.quotaMultiplier),
      notAssessed: left.map((item) => item.label),
      maxTotal: fromCents(rubric.notAssessed === "renormalise" ? fullCents : reducedCents),
    };
  });
  reportUnsetMaxima(kinds, rubric, issues);
  return { rubric: rubric.id, period: term.key, units: withTiers(withRanks(units, rubric.rankMethod), rubric), issues };
}

/** Tier by rank position among the ranked units: a unit's position is how many totals beat it, so ties share the better tier. */
function withTiers(units: TieredUnit[], rubric: TieredRubric): TieredUnit[] {
  const totals = units.map((u) => u.total).filter((t): t is number => t !== null);
  const shares = rubric.tiers.every((t) => t.share !== null) ? rubric.tiers.map((t) => t.share!) : null;
  return units.map((u) => {
    if (u.total === null) return u;
    const above = totals.filter((t) => t > u.total!).length;
    const tier = tierAtPosition(above, totals.length, rubric.tiers.length, shares);
    return { ...u, tier: rubric.tiers[tier - 1].tier, quotaAdjustment: rubric.tiers[tier - 1].quotaAdjustment };
  });
}

function readYear(row: Row): number | null {
  const raw = row.raw("year");
  const text = typeof raw === "number" ? String(raw) : foldDigits(row.text("year")).replace(/年度?$/, "");
  if (text === "") return null;
  const year = Number(text);
  if (Number.isInteger(year) && year >= 1900 && year <= 9999) return year;
  row.report("bad-year", "error", "year", `年度「${row.text("year")}」无法识别`);
  return null;
}

interface UnitKind {
  kind: string;
  row: Row;
  /** The rubric's items not assessed for this kind whose maximum is set, so they can be left out. */
  left: ModuleItem[];
  /** Items not assessed for this kind whose maximum the office has not set yet. */
  unset: ModuleItem[];
}

/**
 * Each unit's kind (单位类别, else its 系统 text), by unit key: the first one written. A unit
 * written with two different kinds is a warning at the second.
 */
function unitKinds(rows: Row[], rubric: TieredRubric): Map<string, UnitKind> {
  const kinds = new Map<string, UnitKind>();
  for (const row of rows) {
    const kind = row.has("unitKind") ? row.text("unitKind") : row.text("system");
    const name = row.text("unit");
    if (!kind || !name) continue;
    const known = kinds.get(unitKey(name));
    if (!known) kinds.set(unitKey(name), { kind, row, ...itemsNotAssessed(kind, rubric) });
    else if (compactKey(known.kind) !== compactKey(kind)) {
      row.report("unit-kind-conflict", "warning", row.has("unitKind") ? "unitKind" : "system", `${name}的单位类别前后不一致：「${known.kind}」与「${kind}」，按「${known.kind}」计`);
    }
  }
  return kinds;
}

/** A kind's items not assessed, split by whether their maximum is set. */
function itemsNotAssessed(kind: string, rubric: TieredRubric): { left: ModuleItem[]; unset: ModuleItem[] } {
  const skipped = rubric.items.filter((item) => item.notAssessedFor.some((k) => compactKey(k) === compactKey(kind)));
  return { left: skipped.filter((item) => item.max !== null), unset: skipped.filter((item) => item.max === null) };
}

/** One info per item that cannot be left out because its maximum is not set, at the first unit it concerns. */
function reportUnsetMaxima(kinds: Map<string, UnitKind>, rubric: TieredRubric, issues: AssessmentResult["issues"]): void {
  const reported = new Set<ModuleItem>();
  for (const { kind, row, unset } of kinds.values()) {
    for (const item of unset) {
      if (reported.has(item)) continue;
      reported.add(item);
      const module = rubric.modules.find((m) => m.id === item.module);
      row.report(
        "item-max-not-set",
        "info",
        row.has("unitKind") ? "unitKind" : "system",
        `「${item.label}」不考察${kind}单位，但规则表中未设定该项满分，无法从${module ? `「${module.label}」` : ""}中扣除：${kind}单位暂按原分和原满分计`,
      );
    }
  }
}

/**
 * The evaluation's module sum in hundredths, or null when a module is blank. Reports bounds.
 * Items left out for the unit's kind lower their module's maximum, and points written in their
 * own column are taken off the module (with a warning): the module column holds the whole.
 */
function moduleCents(row: Row, rubric: TieredRubric, left: readonly ModuleItem[]): number | null {
  let sum = 0;
  const missing: string[] = [];
  rubric.modules.forEach((module, i) => {
    const key = `module${i}` as const;
    const value = row.number(key, module.label);
    if (value === null) {
      missing.push(module.label);
      return;
    }
    let cents = toCents(value);
    let maxCents = toCents(module.max);
    for (const item of left.filter((it) => it.module === module.id)) {
      maxCents -= toCents(item.max!);
      const itemKey = `item${rubric.items.indexOf(item)}` as const;
      const points = row.has(itemKey) && row.text(itemKey) ? row.number(itemKey, item.label) : null;
      if (points !== null && points !== 0) {
        row.report("item-not-assessed", "warning", itemKey, `「${item.label}」不考察${row.text("unitKind") || row.text("system")}单位：${points} 分未计入「${module.label}」`);
        cents -= toCents(points);
      }
    }
    const reduced = maxCents !== toCents(module.max) ? `（不考察的项目已扣除）` : "";
    if (cents > maxCents) row.report("module-over-max", "error", key, `「${module.label}」${fromCents(cents)} 超过该模块满分 ${fromCents(maxCents)}${reduced}`);
    if (module.min !== null && cents < toCents(module.min)) row.report("module-under-min", "error", key, `「${module.label}」${value} 低于 ${module.min}`);
    sum += cents;
  });
  checkItems(row, rubric, left);
  if (missing.length > 0) {
    row.report("incomplete", "warning", "unit", `${row.text("unit")}本次考评缺少${missing.join("、")}，未计入平均`);
    return null;
  }
  return sum;
}

/** Items assessed for the unit and broken out in their own column stay within their set maximum. */
function checkItems(row: Row, rubric: TieredRubric, left: readonly ModuleItem[]): void {
  rubric.items.forEach((item, i) => {
    const key = `item${i}` as const;
    if (left.includes(item) || item.max === null || !row.has(key) || !row.text(key)) return;
    const points = row.number(key, item.label);
    if (points !== null && toCents(points) > toCents(item.max)) row.report("item-over-max", "error", key, `「${item.label}」${points} 超过该项满分 ${item.max}`);
  });
}

/** The evaluation month for its year, the non-public collective and the scale target, when those columns exist. */
function checkRow(row: Row, year: number, name: string, rubric: TieredRubric): void {
  if (row.has("date") && row.text("date")) {
    const expected = year % 2 === 1 ? rubric.evaluationMonths.odd : rubric.evaluationMonths.even;
    const date = parseDate(row.raw("date"));
    const monthText = /^\d{1,2}\s*月?$/.test(foldDigits(row.text("date"))) ? Number(foldDigits(row.text("date")).replace("月", "")) : null;
    const month = date.ok ? date.date.month : monthText;
    if (month === null) row.report("bad-date", "error", "date", `考评日期「${row.text("date")}」无法识别`);
    else if (month !== expected || (date.ok && date.date.year !== year)) {
      row.report("wrong-evaluation-month", "warning", "date", `${year} 年是${year % 2 === 1 ? "单" : "双"}数年，考评月应为 ${year} 年 ${expected} 月，而不是「${row.text("date")}」`);
    }
  }
  if (row.has("nonPublic") && row.text("nonPublic")) {
    const count = row.number("nonPublic", "非公集体数");
    if (count !== null && count < rubric.nonPublicMin) row.report("missing-non-public", "warning", "nonPublic", `${name}的创建集体中没有非公经济和社会组织集体（至少应有 ${rubric.nonPublicMin} 家）`);
  }
  if (row.has("collectives") && row.text("collectives")) {
    const count = row.number("collectives", "创建集体数");
    const base = quotaOf(name, rubric);
    if (count !== null && base !== null && count < quotaTarget(base, rubric.quotaMultiplier)) {
      row.report("below-scale-target", "warning", "collectives", `${name}创建集体 ${count} 个，低于达标数量 ${quotaTarget(base, rubric.quotaMultiplier)}（名额基数 ${base} × ${rubric.quotaMultiplier}）`);
    }
  }
}
