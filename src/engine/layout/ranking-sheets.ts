/**
 * The ranking sheets the office publishes (issue 5, seed 000 附件1), as plain SheetSpecs:
 * the publication sheet (a table per system), the overall ranking, the score-detail sheet
 * that explains every total, and a sheet of native bar charts. Every host renders these
 * through its workbook port, so the task pane and `league rank --out` write the same sheets.
 */
import type { InfoAnalysis } from "../analyze";
import { periodLabel, periodMonths } from "../dates";
import type { Ranked } from "../rank";
import type { ChannelRule, RankMethod } from "../rubric/info-rubric";
import type { UnitScore } from "../score";
import type { CellBlock, CellStyle, ChartSpec, MergeRange, SheetSpec, SpecValue } from "./sheet-spec";
import { fitColumnWidths } from "./text-width";

/** How tied units show their shared rank. */
export type TieStyle = "merge" | "repeat" | "label";
export const TIE_STYLES: readonly TieStyle[] = ["merge", "repeat", "label"];

/** Optional score columns after 得分. */
export type ExtraColumn = "base" | "bonus" | "penalty";
export const EXTRA_COLUMNS: readonly ExtraColumn[] = ["base", "bonus", "penalty"];

export type ChartStyle = "per-system" | "combined" | "none";

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

/** The mark after the name of a unit without award eligibility, explained in the footnote. */
export const INELIGIBLE_MARK = "※";

const EXTRA_LABELS: Record<ExtraColumn, string> = { base: "基础分", bonus: "加分", penalty: "扣分" };
const EXTRA_VALUES: Record<ExtraColumn, (score: UnitScore) => number> = {
  base: (s) => s.base,
  bonus: (s) => s.bonus,
  penalty: (s) => s.penalty,
};
const METHOD_LABELS: Record<RankMethod, string> = {
  dense: "中国式排名（并列不占名次）",
  competition: "竞争排名（并列占名次）",
};

/** Rows 0 and 1 of the publication and detail sheets: the title and the line under it. */
const TITLE_ROWS = 2;
const MAX_SHEET_NAME = 31;

const TITLE_STYLE: CellStyle = { bold: true, size: 16, horizontal: "center", vertical: "middle" };
const SUBTITLE_STYLE: CellStyle = { size: 10, horizontal: "center" };
const HEADING_STYLE: CellStyle = { bold: true, size: 12, horizontal: "left", border: true };
const HEADER_STYLE: CellStyle = { bold: true, horizontal: "center", vertical: "middle", border: true, fill: "header" };
const NOTE_STYLE: CellStyle = { size: 10, horizontal: "left" };

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

/**
 * A name Excel accepts for a sheet: no []:*?/\ (each becomes _), no apostrophe at either end,
 * at most 31 characters, never blank.
 * @example rankingSheetName("2013/Q1:排名") // "2013_Q1_排名"
 */
export function rankingSheetName(wanted: string, fallback = "排名"): string {
  const cleaned = wanted.replace(/[[\]:*?/\\]/g, "_").replace(/^'+|'+$/g, "").trim();
  return Array.from(cleaned || fallback).slice(0, MAX_SHEET_NAME).join("");
}

/** The publication title, e.g. 朝阳共青团各系统2013年信息上报排名. */
export function rankingTitle(organisation: string, analysis: Pick<InfoAnalysis, "period">): string {
  return `${organisation.trim()}各系统${periodLabel(analysis.period)}信息上报排名`;
}

// ---------------------------------------------------------------------------------------------
// Sheet assembly

/** Collects blocks and merges top to bottom, so each part only says what it writes. */
class SheetCanvas {
  readonly blocks: CellBlock[] = [];
  readonly merges: MergeRange[] = [];
  /** Rows whose values decide column widths (tables, not titles or notes). */
  readonly measured: SpecValue[][] = [];
  row = 0;

  put(row: number, column: number, values: SpecValue[][], style?: CellStyle): void {
    if (values.length === 0) return;
    this.blocks.push(style ? { row, column, values, style } : { row, column, values });
  }

  merge(row: number, column: number, rows: number, columns: number): void {
    if (rows > 1 || columns > 1) this.merges.push({ row, column, rows, columns });
  }

  measure(rows: SpecValue[][], column = 0): void {
    for (const values of rows) this.measured.push([...Array<SpecValue>(column).fill(null), ...values]);
  }
}

/**
 * The per-system tables share one header row under the title. Printed, that row (with the
 * title) repeats at the top of every page, so a system that runs over a page break still has
 * its column names; on screen it stays frozen. Each system is a section: a heading row, then
 * its units in published order.
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
  /** A null heading: the rows follow the header directly. */
  sections: { heading: string | null; rows: readonly Ranked<UnitScore>[] }[];
  /** Add the unit's system after its name (the overall table). */
  withSystem: boolean;
}

/** Row of the shared header, under the title and the method line. */
const HEADER_ROW = TITLE_ROWS;

function rankingSheet(analysis: InfoAnalysis, options: RankingSheetOptions, shape: RankingSheetShape): SheetSpec {
  const extras = EXTRA_COLUMNS.filter((column) => options.extraColumns?.includes(column));
  const header = ["排名", "单位名称", ...(shape.withSystem ? ["系统"] : []), "得分", ...extras.map((e) => EXTRA_LABELS[e])];
  const width = header.length;
  const canvas = new SheetCanvas();

  canvas.put(0, 0, [[shape.title]], TITLE_STYLE);
  canvas.merge(0, 0, 1, width);
  canvas.put(1, 0, [[`排名方法：${METHOD_LABELS[analysis.ranking.method]}；得分相同的单位按名称拼音排序`]], SUBTITLE_STYLE);
  canvas.merge(1, 0, 1, width);
  canvas.put(HEADER_ROW, 0, [header], HEADER_STYLE);
  canvas.measure([header]);
  canvas.row = HEADER_ROW + 1;

  for (const section of shape.sections) {
    if (section.heading !== null) {
      canvas.put(canvas.row, 0, [[section.heading]], HEADING_STYLE);
      canvas.merge(canvas.row, 0, 1, width);
      canvas.row++;
    }
    rankingRows(canvas, section.rows, extras, options.ties, shape.withSystem);
  }
  canvas.row++;
  eligibilityFootnote(canvas, analysis.scores);

  return {
    name: rankingSheetName(shape.name),
    ownerKey: shape.ownerKey,
    blocks: canvas.blocks,
    merges: canvas.merges,
    columnWidths: fitColumnWidths(canvas.measured),
    freeze: { rows: HEADER_ROW + 1, columns: 0 },
    page: { paperSize: "A4", orientation: "portrait", fitToWidth: true, printTitleRows: { first: 0, last: HEADER_ROW } },
  };
}

/** A row per unit in published order, from the canvas's current row. */
function rankingRows(canvas: SheetCanvas, rows: readonly Ranked<UnitScore>[], extras: readonly ExtraColumn[], ties: TieStyle, withSystem: boolean): void {
  const first = canvas.row;
  const ranks = rankCells(rows, ties);
  const names = rows.map((r) => [markedName(r.row), ...(withSystem ? [r.row.system] : [])]);
  const numbers = rows.map((r) => [r.row.total, ...extras.map((e) => EXTRA_VALUES[e](r.row))]);
  canvas.put(first, 0, ranks.values, { horizontal: "center", vertical: ties === "merge" ? "top" : "middle", border: true });
  canvas.put(first, 1, names, { horizontal: "left", border: true });
  canvas.put(first, 1 + (withSystem ? 2 : 1), numbers, { horizontal: "center", border: true });
  for (const group of ranks.merged) canvas.merge(first + group.start, 0, group.size, 1);
  canvas.measure(rows.map((_, i) => [ranks.values[i][0], ...names[i], ...numbers[i]]));
  canvas.row = first + rows.length;
}

/**
 * The rank column for a table in the chosen tie style, and the row groups to merge ("merge"
 * prints a tie group's rank once, on its first row, as 附件1 does).
 * @example rankCells(rowsRanked_1_2_2, "label").values // [[1], ["并列第2"], ["并列第2"]]
 */
export function rankCells(rows: readonly Ranked<unknown>[], ties: TieStyle): { values: SpecValue[][]; merged: { start: number; size: number }[] } {
  const values: SpecValue[][] = [];
  const merged: { start: number; size: number }[] = [];
  for (let start = 0; start < rows.length; ) {
    const { rank, tied } = rows[start];
    let end = start + 1;
    while (tied && end < rows.length && rows[end].tied && rows[end].rank === rank) end++;
    for (let i = start; i < end; i++) {
      if (rank === null) values.push([null]);
      else if (ties === "label" && tied) values.push([`并列第${rank}`]);
      else if (ties === "merge" && i > start) values.push([null]);
      else values.push([rank]);
    }
    if (ties === "merge" && end - start > 1) merged.push({ start, size: end - start });
    start = end;
  }
  return { values, merged };
}

function markedName(score: UnitScore): string {
  return score.awardEligible ? score.unit : `${score.unit}${INELIGIBLE_MARK}`;
}

/** Lists every unit without award eligibility and why, under the tables. */
function eligibilityFootnote(canvas: SheetCanvas, scores: readonly UnitScore[]): void {
  const ineligible = scores.filter((s) => !s.awardEligible);
  if (ineligible.length === 0) return;
  const lines: SpecValue[][] = [
    [`${INELIGIBLE_MARK} 取消年度评优资格的单位及原因：`],
    ...ineligible.map((s) => [`　${s.unit}：${s.ineligibleReasons.join("；")}`]),
  ];
  canvas.put(canvas.row, 0, lines, NOTE_STYLE);
  canvas.row += lines.length + 1;
}

// ---------------------------------------------------------------------------------------------
// 得分明细

/** A column of the detail sheet: its header, an optional group header above it, and its value. */
interface DetailColumn {
  header: string;
  group?: string;
  value: (score: UnitScore) => SpecValue;
}

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

function detailColumns(analysis: InfoAnalysis): DetailColumn[] {
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
  const columns = detailColumns(analysis);
  const label = periodLabel(analysis.period);
  const canvas = new SheetCanvas();
  canvas.put(0, 0, [[`${options.organisation.trim()}${label}信息工作得分明细`]], TITLE_STYLE);
  canvas.merge(0, 0, 1, columns.length);
  canvas.put(1, 0, [["总分 = 基础分 + 加分合计 − 扣分"]], SUBTITLE_STYLE);
  canvas.merge(1, 0, 1, columns.length);

  // Two header rows: a group label over its columns, and a lone column's label merged down both.
  const headerTop = TITLE_ROWS + 1;
  const groupRow: SpecValue[] = [];
  const nameRow: SpecValue[] = [];
  for (let c = 0; c < columns.length; ) {
    const group = columns[c].group;
    let end = c + 1;
    while (group && end < columns.length && columns[end].group === group) end++;
    if (group) {
      groupRow.push(group, ...Array<SpecValue>(end - c - 1).fill(null));
      nameRow.push(...columns.slice(c, end).map((col) => col.header));
      canvas.merge(headerTop, c, 1, end - c);
    } else {
      groupRow.push(columns[c].header);
      nameRow.push(null);
      canvas.merge(headerTop, c, 2, 1);
    }
    c = end;
  }
  canvas.put(headerTop, 0, [groupRow, nameRow], HEADER_STYLE);
  canvas.measure([columns.map((col) => col.header)]);

  const rows = analysis.scores.map((score) => columns.map((col) => col.value(score)));
  const first = headerTop + 2;
  canvas.put(first, 0, rows.map((row) => row.slice(0, 2)), { horizontal: "left", border: true });
  canvas.put(first, 2, rows.map((row) => row.slice(2)), { horizontal: "center", border: true });
  canvas.measure(rows);

  const widths = fitColumnWidths(canvas.measured, 5);
  return {
    name: rankingSheetName(options.names?.detail ?? `${label}得分明细`),
    ownerKey: rankingOwnerKeys(analysis.rubric.id, analysis.period.key).detail,
    blocks: canvas.blocks,
    merges: canvas.merges,
    columnWidths: widths,
    freeze: { rows: first, columns: 1 },
    page: { paperSize: "A4", orientation: "landscape", fitToWidth: true, printTitleRows: { first: headerTop, last: headerTop + 1 } },
  };
}

// ---------------------------------------------------------------------------------------------
// Charts

/** Rows of chart height per category: a horizontal bar needs about one row per unit. */
const CHART_ROWS_PER_UNIT = 1.2;
const CHART_MIN_ROWS = 12;
const CHART_COLUMNS = 12;

function chartSheet(analysis: InfoAnalysis, options: RankingSheetOptions, style: "per-system" | "combined"): SheetSpec {
  const label = periodLabel(analysis.period);
  const title = `${options.organisation.trim()}${label}信息工作得分`;
  const systems = analysis.ranking.systems.filter((s) => s.rows.length > 0);
  const charts: ChartSpec[] = [];
  let row = TITLE_ROWS;
  const place = (chartTitle: string, categories: string[], series: ChartSpec["series"]) => {
    const rows = Math.max(CHART_MIN_ROWS, Math.ceil(categories.length * CHART_ROWS_PER_UNIT) + 4);
    charts.push({ kind: "bar", title: chartTitle, anchorRow: row, anchorColumn: 0, categories, series, rows, columns: CHART_COLUMNS, valueAxisTitle: "得分" });
    row += rows + 1;
  };

  if (style === "combined") {
    // One category axis of every unit, grouped by system; each system is a series of its own,
    // so its bars take the system's colour and the legend names the systems.
    const categories = systems.flatMap((s) => s.rows.map((r) => r.row.unit));
    let offset = 0;
    const series = systems.map((s) => {
      const values: (number | null)[] = categories.map(() => null);
      s.rows.forEach((r, i) => (values[offset + i] = r.row.total));
      offset += s.rows.length;
      return { name: s.system, values };
    });
    place(`${title}（按系统）`, categories, series);
  } else {
    for (const s of systems) place(`${s.system} ${label}信息工作得分`, s.rows.map((r) => r.row.unit), [{ name: s.system, values: s.rows.map((r) => r.row.total) }]);
  }

  return {
    name: rankingSheetName(options.names?.chart ?? `${label}排名图`),
    ownerKey: rankingOwnerKeys(analysis.rubric.id, analysis.period.key).chart,
    blocks: [{ row: 0, column: 0, values: [[title]], style: { ...TITLE_STYLE, horizontal: "left" } }],
    charts,
    page: { paperSize: "A4", orientation: "portrait", fitToWidth: true },
  };
}
