import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildRankingSheets } from "../../../src/engine/layout/ranking-sheets";
import { rankedTableSheet, type TieStyle } from "../../../src/engine/layout/ranking-table";
import { A4_PRINTABLE_POINTS, fitToWidthScale, pageBreaks, rowPoints } from "../../../src/engine/layout/pagination";
import type { SheetSpec, SpecValue } from "../../../src/engine/layout/sheet-spec";
import type { Ranked } from "../../../src/engine/rank";
import { analyse, seed000Sheets, sheet, specGrid, tableAt } from "./ranking-support";

/** Rows of body that fit under the publication sheet's title, method line and header. */
const BODY_ROWS = Math.floor((A4_PRINTABLE_POINTS.portrait.height - rowPoints(16) - rowPoints(10) - rowPoints()) / rowPoints());

/** The first rows of the printed pages, 0-based: the first body row, then the row after each break. */
function pageStarts(spec: SheetSpec): number[] {
  return [spec.page!.printTitleRows!.last + 1, ...(spec.rowBreaks ?? []).map((row) => row + 1)];
}

/** Seed 000 with `extra` more 青工系统 units that sent nothing, so its bottom tie grows. */
function seed000WithLongTie(extra: number): SheetSpec {
  const [roster, register] = seed000Sheets();
  const units = Array.from({ length: extra }, (_, i) => [`青工补充单位${String(i + 1).padStart(2, "0")}团委`, "青工系统"]);
  const sheets = [sheet("单位名单", [...roster.values, ...units]), register];
  return buildRankingSheets(analyse(sheets, { period: "2013" }), { organisation: "朝阳共青团", ties: "merge", overall: false, detail: false, chart: "none" })[0];
}

describe("pageBreaks", () => {
  it("fills each page under the repeated rows", () => {
    expect(pageBreaks({ heights: [20, 20, 20, 20, 20, 20, 20], printTitleRows: { first: 0, last: 0 }, pageHeight: 60, scale: 1 })).toEqual([2, 4]);
  });

  it("counts the fit-to-width scale: a table twice the page's width fits twice the rows", () => {
    const heights = Array(9).fill(20);
    expect(pageBreaks({ heights, printTitleRows: { first: 0, last: 0 }, pageHeight: 60, scale: 0.5 })).toEqual([5]);
    expect(fitToWidthScale([200])).toBeLessThan(1);
    expect(fitToWidthScale([6, 48, 6])).toBe(1);
  });

  it("moves a section that does not fit to the next page, and keeps a long one's heading with its first row", () => {
    const heights = Array(12).fill(10);
    // Page body: 4 rows. Rows 1-2 are a short section, 3-5 one that fits a page, 6-11 a long one.
    const keepTogether = [{ start: 1, rows: 2 }, { start: 3, rows: 3 }, { start: 6, rows: 6 }];
    expect(pageBreaks({ heights, printTitleRows: { first: 0, last: 0 }, pageHeight: 50, scale: 1, keepTogether })).toEqual([2, 5, 9]);
    // A long section that starts with one row left on the page moves, heading and first row together.
    expect(pageBreaks({ heights, printTitleRows: { first: 0, last: 0 }, pageHeight: 50, scale: 1, keepTogether: [{ start: 4, rows: 8 }] })).toEqual([3, 7]);
  });
});

describe("a tie group longer than a page", () => {
  const spec = seed000WithLongTie(BODY_ROWS);
  const grid = specGrid(spec);
  const table = tableAt(grid, "青工系统");
  const tieStart = table.firstRow + table.rows.findIndex((row) => row[0] === 18);
  const tieEnd = table.firstRow + table.rows.length;

  it("prints its rank again on the first row of the next page, as a new merge for the rest of the group", () => {
    const inside = pageStarts(spec).filter((row) => row > tieStart && row < tieEnd);
    expect(inside.length).toBeGreaterThan(0);
    for (const row of inside) expect(grid[row][0]).toBe(18);
    // The rank shows on the group's first row and on each page's first row, nowhere else.
    for (let row = tieStart; row < tieEnd; row++) expect(grid[row][0], `row ${row}`).toBe(row === tieStart || inside.includes(row) ? 18 : null);
    const rankMerges = (spec.merges ?? []).filter((m) => m.column === 0 && m.columns === 1 && m.row >= tieStart && m.row < tieEnd);
    const segments = [tieStart, ...inside, tieEnd];
    const wanted = segments.slice(0, -1).map((row, i) => ({ row, column: 0, rows: segments[i + 1] - row, columns: 1 })).filter((m) => m.rows > 1);
    expect(rankMerges).toEqual(wanted);
  });

  it("keeps 街道系统 and 地区系统 whole, each on one page", () => {
    const starts = pageStarts(spec);
    for (const system of ["街道系统", "地区系统"]) {
      const t = tableAt(grid, system);
      const heading = t.firstRow - 1;
      expect(starts.filter((row) => row > heading && row < t.firstRow + t.rows.length), system).toEqual([]);
    }
  });

  it("is estimated the same way the breaks are: no page holds more body rows than fit", () => {
    const starts = [...pageStarts(spec), grid.length];
    for (let i = 1; i < starts.length; i++) expect(starts[i] - starts[i - 1]).toBeLessThanOrEqual(BODY_ROWS);
  });
});

// ---------------------------------------------------------------------------------------------
// Property: whatever the sections and ties, a page that starts inside a tie shows its rank.

interface Unit {
  name: string;
  score: number;
}

/** Sections of units ranked densely by score, ties included. */
const sectionsArb = fc.array(
  fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 90, size: "max" }).map((scores) => [...scores].sort((a, b) => b - a)),
  { minLength: 1, maxLength: 4 },
);

function ranked(scores: number[], section: number): Ranked<Unit>[] {
  const distinct = [...new Set(scores)];
  return scores.map((score, i) => {
    const tieSize = scores.filter((s) => s === score).length;
    return { row: { name: `第${section + 1}组单位${i + 1}`, score }, rank: distinct.indexOf(score) + 1, tied: tieSize > 1, tieSize };
  });
}

function sheetOf(sections: number[][], ties: TieStyle): SheetSpec {
  return rankedTableSheet<Unit>({
    title: "排名",
    subtitle: "说明",
    name: "排名",
    ownerKey: "test",
    sections: sections.map((scores, s) => ({ heading: `第${s + 1}组`, rows: ranked(scores, s) })),
    unit: (u) => ({ unit: u.name, reasons: [] }),
    labels: [],
    scores: [{ header: "得分", value: (u) => u.score }],
    ties,
    footnoteUnits: [],
    footnoteHeading: "",
  });
}

describe("page breaks, for any sections and ties", () => {
  it("every printed page that starts inside a tie group has the rank in its first row, and no merge crosses a break", () => {
    fc.assert(
      fc.property(sectionsArb, fc.constantFrom<TieStyle>("merge", "repeat"), (sections, ties) => {
        const spec = sheetOf(sections, ties);
        const grid = specGrid(spec);
        const rankOf = new Map<number, SpecValue>();
        for (let s = 0; s < sections.length; s++) {
          const t = tableAt(grid, `第${s + 1}组`);
          ranked(sections[s], s).forEach((r, i) => rankOf.set(t.firstRow + i, r.rank));
        }
        for (const start of pageStarts(spec)) if (rankOf.has(start)) expect(grid[start][0]).toBe(rankOf.get(start));
        for (const row of spec.rowBreaks ?? []) {
          for (const m of spec.merges ?? []) expect(m.row <= row && m.row + m.rows - 1 > row, `merge at ${m.row} over break ${row}`).toBe(false);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("leaves a sheet that fits on one page without breaks", () => {
    expect(sheetOf([[3, 2, 2, 1]], "merge").rowBreaks).toBeUndefined();
  });
});
