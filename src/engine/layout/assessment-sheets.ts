/**
 * Ranking sheets for any assessment preset's result (RUBRICS.md §2–§5), in the layout of the
 * information-work sheets: the publication sheet with the preset's own columns after 总分
 * (等次; 档次 and 名额调整 for hunan-wmh), 总排名 when units have systems, a detail sheet that
 * explains each total, and a chart. Incomplete units are listed last, unranked, with 总分
 * 未完成; vetoed and ineligible units are marked ※ with the reason in a footnote.
 */
import type { CountyUnit } from "../assessments/county";
import type { WeightedUnit } from "../assessments/dongguan";
import type { ItemizedUnit } from "../assessments/hainan";
import type { TieredUnit } from "../assessments/hunan";
import { formatAdjustment, rankResult, resultColumns, type AssessmentRanking } from "../assessments/columns";
import type { AssessedUnit, AssessmentResult } from "../assessments/result";
import { parsePeriod, periodLabel } from "../dates";
import { fromCents, toCents } from "../decimal";
import type { Rubric } from "../presets";
import type { RankMethod } from "../rank";
import type { ItemizedRubric, TieredRubric, WeightedRubric } from "../rubric/assessment-rubrics";
import { rankingOwnerKeys, type RankingSheetKind } from "./ranking-sheets";
import {
  chartsSheet,
  detailTableSheet,
  methodLine,
  rankedTableSheet,
  type ChartStyle,
  type DetailColumn,
  type MarkedUnit,
  type RankedTableShape,
  type TieStyle,
} from "./ranking-table";
import type { SheetSpec, SpecValue } from "./sheet-spec";

export interface AssessmentSheetOptions {
  /** Printed at the start of the title; may be blank. */
  organisation: string;
  ties: TieStyle;
  /** @default the rubric's rank method */
  method?: RankMethod;
  /** Include 总排名 when the units have systems (otherwise the publication sheet is already one table). @default true */
  overall?: boolean;
  /** @default true */
  detail?: boolean;
  /** @default "combined" */
  chart?: ChartStyle;
  names?: Partial<Record<RankingSheetKind, string>>;
}

/** The rank cell of an incomplete unit, listed after the ranked ones. */
const UNRANKED = "—";
/** Columns of the result that the ※ mark and its footnote already say. */
const MARK_COLUMNS = new Set(["vetoed", "awardEligible"]);

/**
 * The generated sheets for an assessment result, scored by `rubric`.
 * @example
 * const [ranking] = buildAssessmentSheets(assessWorkbook(sheets, dongguanAnnualRubric, { period: "2017" }), dongguanAnnualRubric, { organisation: "", ties: "merge" });
 * ranking.blocks[0].values // [["2017年东莞共青团年度工作考核排名"]]
 */
export function buildAssessmentSheets(result: AssessmentResult, rubric: Rubric, options: AssessmentSheetOptions): SheetSpec[] {
  if (result.rubric !== rubric.id) throw new Error(`buildAssessmentSheets: result of ${result.rubric} laid out with rubric ${rubric.id}`);
  const context = { result, rubric, options, ranking: rankResult(result, options.method ?? rubric.rankMethod), label: assessmentPeriodLabel(result.period) };
  const sheets = [publicationSheet(context)];
  if (context.ranking.systems.length > 0 && (options.overall ?? true)) sheets.push(overallSheet(context));
  if (options.detail ?? true) sheets.push(detailSheet(context));
  const chart = options.chart ?? "combined";
  if (chart !== "none") sheets.push(chartSheet(context, chart));
  return sheets;
}

interface Context {
  result: AssessmentResult;
  rubric: Rubric;
  options: AssessmentSheetOptions;
  ranking: AssessmentRanking;
  /** 2017年, 2015—2016年 (a term), or blank. */
  label: string;
}

/**
 * A period key as printed: a year, quarter or month as the information sheets print it, a
 * term of years as 2015—2016年.
 * @example assessmentPeriodLabel("2015-2016") // "2015—2016年"
 */
export function assessmentPeriodLabel(key: string): string {
  const period = parsePeriod(key);
  if (period) return periodLabel(period);
  const term = /^(\d{4})\s*[-–—~～]\s*(\d{4})$/.exec(key.trim());
  return term ? `${term[1]}—${term[2]}年` : key.trim();
}

/** The rubric's name without a parenthetical note, e.g. 县级信息工作（占…） → 县级信息工作. */
function shortName(rubric: Rubric): string {
  return rubric.name.replace(/\s*[（(][^（()）]*[）)]\s*$/, "") || rubric.name;
}

/**
 * The publication title: 「{organisation}各系统{period}{rubric}排名」, without 各系统 when the
 * units have no systems.
 * @example assessmentTitle("", "2017", dongguanAnnualRubric, false) // "2017年东莞共青团年度工作考核排名"
 */
export function assessmentTitle(organisation: string, periodKey: string, rubric: Rubric, bySystem: boolean): string {
  return `${organisation.trim()}${bySystem ? "各系统" : ""}${assessmentPeriodLabel(periodKey)}${shortName(rubric)}排名`;
}

function publicationSheet(context: Context): SheetSpec {
  const { result, rubric, options, ranking, label } = context;
  const bySystem = ranking.systems.length > 0;
  return rankingSheet(context, {
    title: assessmentTitle(options.organisation, result.period, rubric, bySystem),
    name: options.names?.ranking ?? `${label}排名`,
    ownerKey: rankingOwnerKeys(rubric.id, result.period).ranking,
    sections: bySystem ? ranking.systems.map(({ system, rows }) => ({ heading: system, rows })) : [{ heading: null, rows: ranking.overall }],
    labels: [],
  });
}

function overallSheet(context: Context): SheetSpec {
  const { result, rubric, options, ranking, label } = context;
  return rankingSheet(context, {
    title: `${options.organisation.trim()}${label}${shortName(rubric)}总排名`,
    name: options.names?.overall ?? `${label}总排名`,
    ownerKey: rankingOwnerKeys(rubric.id, result.period).overall,
    sections: [{ heading: null, rows: ranking.overall }],
    labels: [{ header: "系统", value: (u) => u.system ?? "" }],
  });
}

function rankingSheet(
  context: Context,
  shape: Pick<RankedTableShape<AssessedUnit>, "title" | "name" | "ownerKey" | "sections" | "labels">,
): SheetSpec {
  const { result, options, ranking } = context;
  const incomplete = result.units.some((u) => !u.complete);
  return rankedTableSheet<AssessedUnit>({
    ...shape,
    subtitle: methodLine(ranking.method) + (incomplete ? "；未完成考评的单位不排名，列于最后" : ""),
    unit: (u) => assessmentMark(u, context.rubric),
    scores: resultColumns(result).filter((c) => !MARK_COLUMNS.has(c.key)),
    ties: options.ties,
    unranked: UNRANKED,
    footnoteUnits: result.units,
    footnoteHeading: "无评优资格或受一票否决的单位及原因：",
  });
}

/**
 * Why a unit is marked ※: its reasons for losing award eligibility, and a veto that has not
 * already said so (hainan-wechat's veto caps the grade but leaves eligibility alone).
 * @example assessmentMark(haikou, hainanWechatRubric) // { unit: "海口市团委", reasons: ["一票否决：连续 3 次抽查为“差”，等次最高为良好"] }
 */
export function assessmentMark(unit: AssessedUnit, rubric: Rubric): MarkedUnit {
  const reasons = unit.awardEligible ? [] : [...unit.ineligibleReasons];
  if (unit.vetoed && !reasons.some((r) => r.includes("否决"))) reasons.push(vetoReason(rubric));
  return { unit: unit.unit, reasons };
}

function vetoReason(rubric: Rubric): string {
  if (rubric.kind !== "itemized") return "一票否决";
  const { streak, vetoLevel, cappedGrade } = rubric.spotChecks;
  return `一票否决：连续 ${streak} 次抽查为“${vetoLevel}”，等次最高为${cappedGrade}`;
}

// ---------------------------------------------------------------------------------------------
// The detail sheet: what each total is made of

function detailSheet(context: Context): SheetSpec {
  const { result, rubric, options, label } = context;
  const hasSystems = result.units.some((u) => u.system);
  const names: DetailColumn<AssessedUnit>[] = [
    { header: "单位", value: (u) => u.unit },
    ...(hasSystems ? [{ header: "系统", value: (u: AssessedUnit) => u.system ?? "" }] : []),
  ];
  const { columns, subtitle } = partsOf(context);
  return detailTableSheet<AssessedUnit>({
    title: `${options.organisation.trim()}${label}${shortName(rubric)}得分明细`,
    subtitle,
    name: options.names?.detail ?? `${label}得分明细`,
    ownerKey: rankingOwnerKeys(rubric.id, result.period).detail,
    columns: [...names, ...columns, ...resultColumns(result).map((c) => ({ header: c.header, value: c.value }))],
    rows: context.ranking.overall.map((r) => r.row),
    nameColumns: names.length,
  });
}

/** The columns before the result's own (总分, 等次…): the parts the total is made of. */
function partsOf({ result, rubric }: Context): { columns: DetailColumn<AssessedUnit>[]; subtitle: string } {
  switch (rubric.kind) {
    case "weighted":
      return weightedParts(rubric);
    case "itemized":
      return itemizedParts(rubric);
    case "tiered":
      return tieredParts(result, rubric);
    case "info":
      return {
        columns: [
          { header: "基础分", value: (u) => (u as CountyUnit).base },
          { header: "加分", value: (u) => (u as CountyUnit).bonus },
          { header: "扣分", value: (u) => (u as CountyUnit).penalty },
        ],
        subtitle: "总分 = 基础分 + 加分 − 扣分",
      };
  }
}

const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;
/** A part that is not there yet: the reason the total is 未完成. */
const orMissing = (value: number | null | undefined): SpecValue => value ?? "缺";

function weightedParts(rubric: WeightedRubric): { columns: DetailColumn<AssessedUnit>[]; subtitle: string } {
  return {
    columns: rubric.components.map((c) => ({
      header: `${c.name}（${percent(c.weight)}）`,
      group: "各方得分",
      value: (u: AssessedUnit) => orMissing((u as WeightedUnit).components[c.name]),
    })),
    subtitle: `总分 = ${rubric.components.map((c) => `${c.name} × ${percent(c.weight)}`).join(" + ")}，保留两位小数；缺一项即未完成，不排名`,
  };
}

function itemizedParts(rubric: ItemizedRubric): { columns: DetailColumn<AssessedUnit>[]; subtitle: string } {
  const { streak, vetoLevel, cappedGrade } = rubric.spotChecks;
  return {
    columns: [
      ...rubric.sections.map((section) => ({
        header: `${section.label}（${section.max}）`,
        group: "考评得分",
        value: (u: AssessedUnit) => (u as ItemizedUnit).sections.find((s) => s.id === section.id)?.points ?? 0,
      })),
      // Items the office scored that the rubric does not list still count towards the total.
      { header: "其他项目", group: "考评得分", value: (u) => otherItems(u as ItemizedUnit) },
      { header: "自评合计", value: (u) => (u as ItemizedUnit).selfTotal ?? "—" },
      { header: "抽查次数", group: "活跃度抽查", value: (u) => (u as ItemizedUnit).spotChecks.length },
      { header: `其中“${vetoLevel}”`, group: "活跃度抽查", value: (u) => (u as ItemizedUnit).spotChecks.filter((c) => c.level === vetoLevel).length },
    ],
    subtitle: `总分 = 各项考评得分之和（满分 ${rubric.totalMax}）；连续 ${streak} 次抽查为“${vetoLevel}”的单位等次最高为${cappedGrade}`,
  };
}

function otherItems(unit: ItemizedUnit): SpecValue {
  if (unit.total === null) return "—";
  return fromCents(toCents(unit.total) - unit.sections.reduce((sum, s) => sum + toCents(s.points), 0));
}

function tieredParts(result: AssessmentResult, rubric: TieredRubric): { columns: DetailColumn<AssessedUnit>[]; subtitle: string } {
  const years = [...new Set(result.units.flatMap((u) => (u as TieredUnit).evaluations.map((e) => e.year)))].sort((a, b) => a - b);
  const columns: DetailColumn<AssessedUnit>[] = [
    ...years.map((year) => ({
      header: `${year}年`,
      group: "各次考评得分",
      value: (u: AssessedUnit) => orMissing((u as TieredUnit).evaluations.find((e) => e.year === year)?.total),
    })),
    { header: "名额基数", value: (u) => (u as TieredUnit).quotaBase ?? "—" },
    { header: "达标数量", value: (u) => (u as TieredUnit).quotaTarget ?? "—" },
  ];
  const ratios = rubric.tiers.map((t) => `${t.tier}档 ${formatAdjustment(t.quotaAdjustment)}`);
  return { columns, subtitle: `总分 = 届期内 ${rubric.evaluationsPerTerm} 次考评的平均分；按排名位次分为 ${rubric.tiers.length} 档，名额调整：${ratios.join("，")}` };
}

// ---------------------------------------------------------------------------------------------
// Charts

function chartSheet(context: Context, style: "per-system" | "combined"): SheetSpec {
  const { result, rubric, options, ranking, label } = context;
  const name = shortName(rubric);
  const title = `${options.organisation.trim()}${label}${name}得分`;
  const scored = (rows: AssessmentRanking["overall"]) => rows.flatMap((r) => (r.row.total === null ? [] : [{ unit: r.row.unit, total: r.row.total }]));
  const groups = ranking.systems.length > 0 ? ranking.systems.map((s) => ({ name: s.system, units: scored(s.rows) })) : [{ name: "总分", units: scored(ranking.overall) }];
  return chartsSheet({
    title,
    name: options.names?.chart ?? `${label}排名图`,
    ownerKey: rankingOwnerKeys(rubric.id, result.period).chart,
    groups,
    style,
    combinedTitle: ranking.systems.length > 0 ? `${title}（按系统）` : title,
    groupTitle: (group) => (ranking.systems.length > 0 ? `${group} ${label}${name}得分` : title),
  });
}
