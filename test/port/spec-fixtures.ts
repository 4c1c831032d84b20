/**
 * Sheet specs shaped like the ranking sheet (title, per-system tables with merged tie ranks,
 * print setup, a chart), at any number of units, for the port tests and the benchmark.
 */
import type { SheetSpec, SpecValue } from "../../src/engine/layout/sheet-spec";

/** Unit names that Excel would take as formulas if typed in. */
export const FORMULA_LOOKING_NAMES = ["=1+2团委", "@SUM(1)团委", "+3团委", "-4团委"];

/** Units printed on a page of `rankingSpec`: an even number, so pages end between tie pairs. */
export const UNITS_PER_PAGE = 40;

export function rankingSpec(units: number, options: { name?: string; ownerKey?: string; chart?: boolean } = {}): SheetSpec {
  const systems = ["街道系统", "地区系统", "青工系统"];
  const rows: SpecValue[][] = [];
  const merges: SheetSpec["merges"] = [];
  for (let i = 0; i < units; i++) {
    const name = i < FORMULA_LOOKING_NAMES.length ? FORMULA_LOOKING_NAMES[i] : `第${i + 1}团委`;
    // Pairs of units tie, so every other rank cell is merged down two rows.
    rows.push([Math.floor(i / 2) + 1, name, 100 - Math.floor(i / 2), systems[i % 3]]);
    if (i % 2 === 0 && i + 1 < units) merges.push({ row: 2 + i, column: 0, rows: 2, columns: 1 });
  }
  merges.push({ row: 0, column: 0, rows: 1, columns: 4 });
  // A page every UNITS_PER_PAGE units, ending on the second unit of a pair so no merge is cut.
  const rowBreaks: number[] = [];
  for (let last = 1 + UNITS_PER_PAGE; last < 1 + units; last += UNITS_PER_PAGE) rowBreaks.push(last);
  const chartUnits = rows.slice(0, Math.min(units, 30));
  return {
    name: options.name ?? "信息上报排名",
    ownerKey: options.ownerKey ?? "rank:2013",
    blocks: [
      { row: 0, column: 0, values: [["朝阳共青团各系统2013年信息上报排名"]], style: { bold: true, size: 16, horizontal: "center" } },
      { row: 1, column: 0, values: [["排名", "单位名称", "得分", "系统"]], style: { bold: true, fill: "header", border: true } },
      { row: 2, column: 0, values: rows, style: { border: true } },
    ],
    merges,
    columnWidths: [8, 30, 10, 12],
    freeze: { rows: 2, columns: 0 },
    page: { paperSize: "A4", orientation: "portrait", fitToWidth: true, printTitleRows: { first: 1, last: 1 } },
    rowBreaks,
    charts:
      options.chart === false
        ? []
        : [
            {
              kind: "bar",
              title: "各单位得分",
              anchorRow: 1,
              anchorColumn: 5,
              categories: chartUnits.map((r) => String(r[1])),
              series: systems.map((system) => ({
                name: system,
                values: chartUnits.map((r) => (r[3] === system ? Number(r[2]) : null)),
              })),
            },
          ],
  };
}

/** A plain register grid: header plus `rows` rows of 8 columns. */
export function registerGrid(rows: number): (string | number)[][] {
  const grid: (string | number)[][] = [["单位", "报送日期", "信息类型", "标题", "字数", "采用情况", "活动日期", "备注"]];
  for (let i = 0; i < rows; i++) {
    grid.push([`第${(i % 90) + 1}团委`, 41275 + (i % 365), i % 4 === 0 ? "综合类" : "事件类", `标题${i}`, 400 + (i % 50), "朝阳团讯", 41274 + (i % 365), ""]);
  }
  return grid;
}
