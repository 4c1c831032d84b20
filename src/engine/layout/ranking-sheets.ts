/**
 * The ranking sheets the office publishes (issue 5, seed 000 附件1), as plain SheetSpecs:
 * the publication sheet (a table per system), the overall ranking, the score-detail sheet
 * that explains every total, and a sheet of native bar charts. Every host renders these
 * through its workbook port, so the task pane and `league rank --out` write the same sheets.
 */
import type { InfoAnalysis } from "../analyze";
import { periodLabel, periodMonths } from "../dates";
import type { ChannelRule } from "../rubric/info-rubric";
import type { UnitScore } from "../score";
import {
  chartsSheet,
  detailTableSheet,
  methodLine,
  rankedTableSheet,
  type ChartStyle,
  type DetailColumn,
  type TableColumn,
  type TieStyle,
} from "./ranking-table";
import type { SheetSpec } from "./sheet-spec";

export { INELIGIBLE_MARK, rankCells, rankingSheetName, TIE_STYLES, type ChartStyle, type TieStyle } from "./ranking-table";

/** Optional score columns after 得分. */
export type ExtraColumn = "base" | "bonus" | "penalty";
export const EXTRA_COLUMNS: readonly ExtraColumn[] = ["base", "bonus", "penalty"];

export interface RankingSheetOptions {
  /** Printed at the start of the title, e.g. 朝阳共青团; may be blank. */
  organisation: string;
  /** @default "merge" in the task pane; required here so every caller decides. */
  ties: TieStyle;
  /** Columns after 得分, printed in the order base, bonus, penalty. @default [] */
  extraColumns?: readonly ExtraColumn[];
  /** Include the 总排名 sheet: every unit in one table, with its system. @default true */
  overall?: boolean;
  /** Bar charts of totals on a sheet of their own. @default "combined" */
  chart?: ChartStyle;
  /** Include the 得分明细 sheet. @default true */
  detail?: boolean;
  /** Sheet names wanted instead of the defaults (「2013年排名」…); sanitised for Excel. */
  names?: Partial<Record<RankingSheetKind, string>>;
}

/** The generated sheets, in the order they are written. */
export type RankingSheetKind = "ranking" | "overall" | "detail" | "chart";

const EXTRA_LABELS: Record<ExtraColumn, string> = { base: "基础分", bonus: "加分", penalty: "扣分" };
const EXTRA_VALUES: Record<ExtraColumn, (score: UnitScore) => number> = {
  base: (s) => s.base,
  bonus: (s) => s.bonus,
  penalty: (s) => s.penalty,
};

/**
 * The generated sheets for one analysis: the publication sheet, then (by option) the overall
 * ranking, the detail sheet and the chart sheet. Owner keys carry the rubric and period, so generating the same period
 * again replaces exactly these sheets and nothing of the user's.
 * @example
 * const [ranking] = buildRankingSheets(analysis, { organisation: "朝阳共青团", ties: "merge" });
 * ranking.name // "2013年排名"
 * ranking.blocks[0].values // [["朝阳共青团各系统2013年信息上报排名"]]
 */
export function buildRankingSheets(analysis: InfoAnalysis, options: RankingSheetOptions): SheetSpec[] {
  const sheets = [publicationSheet(analysis, options)];
  if (options.overall ?? true) sheets.push(overallSheet(analysis, options));
  if (options.detail ?? true) sheets.push(detailSheet(analysis, options));
  const chart = options.chart ?? "combined";
  if (chart !== "none") sheets.push(chartSheet(analysis, options, chart));
  return sheets;
}

/** The owner keys of the sheets for a rubric and period, so a host can find them again. */
export function rankingOwnerKeys(rubricId: string, periodKey: string): Record<RankingSheetKind, string> {
  return {
    ranking: `ranking:${rubricId}:${periodKey}`,
    overall: `ranking-overall:${rubricId}:${periodKey}`,
    detail: `ranking-detail:${rubricId}:${periodKey}`,
    chart: `ranking-chart:${rubricId}:${periodKey}`,
  };
}

/** The publication title, e.g. 朝阳共青团各系统2013年信息上报排名. */
export function rankingTitle(organisation: string, analysis: Pick<InfoAnalysis, "period">): string {
  return `${organisation.trim()}各系统${periodLabel(analysis.period)}信息上报排名`;
}

/**
 * The per-system tables share one header row under the title; each system is a section: a
 * heading row, then its units in published order.
 */
function publicationSheet(analysis: InfoAnalysis, options: RankingSheetOptions): SheetSpec {
  const label = periodLabel(analysis.period);
  const sections = analysis.ranking.systems.map(({ system, rows }) => ({ heading: system, rows }));
  return rankingSheet(analysis, options, {
    title: rankingTitle(options.organisation, analysis),
    name: options.names?.ranking ?? `${label}排名`,
    ownerKey: rankingOwnerKeys(analysis.rubric.id, analysis.period.key).ranking,
    sections,
    withSystem: false,
  });
}

/** 总排名: every unit in one table, with its system, on a sheet of its own. */
function overallSheet(analysis: InfoAnalysis, options: RankingSheetOptions): SheetSpec {
  const label = periodLabel(analysis.period);
  return rankingSheet(analysis, options, {
    title: `${options.organisation.trim()}${label}信息上报总排名`,
    name: options.names?.overall ?? `${label}总排名`,
    ownerKey: rankingOwnerKeys(analysis.rubric.id, analysis.period.key).overall,
    sections: [{ heading: null, rows: analysis.ranking.overall }],
    withSystem: true,
  });
}

interface RankingSheetShape {
  title: string;
  name: string;
  ownerKey: string;
  sections: { heading: string | null; rows: InfoAnalysis["ranking"]["overall"] }[];
  /** Add the unit's system after its name (the overall table). */
  withSystem: boolean;
}

function rankingSheet(analysis: InfoAnalysis, options: RankingSheetOptions, shape: RankingSheetShape): SheetSpec {
  const extras = EXTRA_COLUMNS.filter((column) => options.extraColumns?.includes(column));
  const scores: TableColumn<UnitScore>[] = [
    { header: "得分", value: (s) => s.total },
    ...extras.map((e) => ({ header: EXTRA_LABELS[e], value: EXTRA_VALUES[e] })),
  ];
  return rankedTableSheet<UnitScore>({
    ...shape,
    subtitle: methodLine(analysis.ranking.method),
    unit: (s) => ({ unit: s.unit, reasons: s.awardEligible ? [] : s.ineligibleReasons }),
    labels: shape.withSystem ? [{ header: "系统", value: (s) => s.system }] : [],
    scores,
    ties: options.ties,
    footnoteUnits: analysis.scores,
    footnoteHeading: "取消年度评优资格的单位及原因：",
  });
}

// ---------------------------------------------------------------------------------------------
// 得分明细

/**
 * Column labels for the channels: the first alias staff write (团区委网站, 朝阳团讯…) when it
 * is shorter than the full name and no other channel uses it. Full names such as
 * 团区委网站“基层信息” would make seven wide columns, and wrapped headers need row heights
 * that not every host sets.
 * @example shortChannelLabels(chaoyangInfo.channels) // ["团区委网站", "朝阳团讯", "朝阳新闻", …]
 */
export function shortChannelLabels(channels: readonly ChannelRule[]): string[] {
  const wanted = channels.map((c) => (c.aliases[0] && c.aliases[0].length < c.name.length ? c.aliases[0] : c.name));
  return wanted.map((label, i) => (wanted.indexOf(label) === wanted.lastIndexOf(label) ? label : channels[i].name));
}

function detailColumns(analysis: InfoAnalysis): DetailColumn<UnitScore>[] {
  const months = periodMonths(analysis.period);
  const channelLabels = shortChannelLabels(analysis.rubric.channels);
  return [
    { header: "单位", value: (s) => s.unit },
    { header: "系统", value: (s) => s.system },
    ...months.map((month, i) => ({ header: `${month}月`, group: "各月报送条数", value: (s: UnitScore) => s.monthlyCounts[i].count })),
    { header: "条数合计", value: (s) => s.items },
    { header: "基础分", value: (s) => s.base },
    ...analysis.rubric.channels.map((channel, i) => ({
      header: channelLabels[i],
      group: "加分",
      value: (s: UnitScore) => s.channelBonus[i].points,
    })),
    { header: "综合类加分", group: "加分", value: (s) => s.comprehensiveBonus },
    { header: "加分合计", group: "加分", value: (s) => s.bonus },
    { header: "扣分", value: (s) => s.penalty },
    { header: "扣分原因", value: (s) => s.penalties.map((p) => `${p.reason} ${p.cases} 次（−${p.points}）`).join("；") },
    { header: "总分", value: (s) => s.total },
    { header: "评优资格", value: (s) => (s.awardEligible ? "有" : `无（${s.ineligibleReasons.join("；")}）`) },
  ];
}

function detailSheet(analysis: InfoAnalysis, options: RankingSheetOptions): SheetSpec {
  const label = periodLabel(analysis.period);
  return detailTableSheet({
    title: `${options.organisation.trim()}${label}信息工作得分明细`,
    subtitle: "总分 = 基础分 + 加分合计 − 扣分",
    name: options.names?.detail ?? `${label}得分明细`,
    ownerKey: rankingOwnerKeys(analysis.rubric.id, analysis.period.key).detail,
    columns: detailColumns(analysis),
    rows: analysis.scores,
    nameColumns: 2,
  });
}

// ---------------------------------------------------------------------------------------------
// Charts

function chartSheet(analysis: InfoAnalysis, options: RankingSheetOptions, style: "per-system" | "combined"): SheetSpec {
  const label = periodLabel(analysis.period);
  const title = `${options.organisation.trim()}${label}信息工作得分`;
  return chartsSheet({
    title,
    name: options.names?.chart ?? `${label}排名图`,
    ownerKey: rankingOwnerKeys(analysis.rubric.id, analysis.period.key).chart,
    groups: analysis.ranking.systems.map((s) => ({ name: s.system, units: s.rows.map((r) => ({ unit: r.row.unit, total: r.row.total })) })),
    style,
    combinedTitle: `${title}（按系统）`,
    groupTitle: (system) => `${system} ${label}信息工作得分`,
  });
}
