/**
 * Where a printed sheet's pages end, decided by the layout rather than left to the host, so the
 * layout knows which row starts each page: a tie group's merged rank only prints on the page
 * where the merge starts, and 附件1 prints the shared rank again at the top of the next page.
 *
 * The hosts paginate with their own fonts, which the layout cannot see, so this is an estimate
 * that errs towards short pages: a manual break must come before the host's own automatic
 * break, or a page would start where the layout does not expect it. A page that is a little
 * short costs only white space.
 */

/**
 * An A4 page (595 × 842 points) less Excel's default "Normal" margins (0.7 inch left and right,
 * 0.75 inch top and bottom), which every port leaves as they are.
 */
export const A4_PRINTABLE_POINTS = { portrait: { width: 595 - 2 * 0.7 * 72, height: 842 - 2 * 0.75 * 72 } } as const;

/**
 * Estimated printed height of a row, in points, per point of its largest font. Excel gives an
 * 11-point Calibri row 15 points and LibreOffice about 13, but hosts that size rows to a CJK
 * font (WPS, a zh-CN default font) print them taller, so 1.6 leaves room: an 11-point row is
 * counted as 17.6 points, a 16-point title as 25.6. Pages come out about a seventh short in
 * Excel, which is the price of never having the host break a page first.
 */
export const ROW_POINTS_PER_FONT_POINT = 1.6;
/** The font size of a cell whose style names none (Excel's default). */
export const DEFAULT_FONT_POINTS = 11;

/**
 * A column width in characters of the default font, in points: 7 pixels a character plus 5 of
 * padding, at 0.75 points a pixel. Office.js sets widths in points; layout reasons in characters.
 * @example charactersToPoints(10) // 56.25
 */
export function charactersToPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

/**
 * The scale Excel prints at when a sheet is fitted to one page wide: the printable width over
 * the columns' width, never above 100%, in whole percent as Excel keeps it.
 * @example fitToWidthScale([6, 50, 8]) // 1 (the table is narrower than the page)
 */
export function fitToWidthScale(columnWidths: readonly number[], printableWidth: number = A4_PRINTABLE_POINTS.portrait.width): number {
  const width = columnWidths.reduce((sum, characters) => sum + charactersToPoints(characters), 0);
  return width <= printableWidth ? 1 : Math.floor((printableWidth / width) * 100) / 100;
}

/** The estimated height of a row whose largest font is `fontPoints`. */
export function rowPoints(fontPoints: number = DEFAULT_FONT_POINTS): number {
  return fontPoints * ROW_POINTS_PER_FONT_POINT;
}

export interface PaginationInput {
  /** Estimated height of every row of the sheet, in points, by 0-based row. */
  heights: readonly number[];
  /** 0-based inclusive rows printed at the top of every page; the body starts after them. */
  printTitleRows: { first: number; last: number };
  /** Printed height available for a page, in points, before scaling. */
  pageHeight: number;
  /** Print scale (fit to one page wide), 1 for 100%. */
  scale: number;
  /**
   * Runs of rows (0-based start, row count) best kept on one page, such as a system's heading
   * and table: one that does not fit in what is left of a page starts a new page when it fits
   * on a page of its own. A longer one keeps at least its first two rows (a heading and its
   * first unit) together.
   */
  keepTogether?: readonly { start: number; rows: number }[];
}

/**
 * The 0-based rows after which a page ends, filling each page with as many body rows as fit
 * under the repeated title rows.
 * @example
 * pageBreaks({ heights: [20, 20, 20, 20, 20], printTitleRows: { first: 0, last: 0 }, pageHeight: 60, scale: 1 }) // [2]
 */
export function pageBreaks(input: PaginationInput): number[] {
  const { heights, printTitleRows } = input;
  const repeated = heights.slice(printTitleRows.first, printTitleRows.last + 1).reduce((sum, h) => sum + h, 0);
  const capacity = input.pageHeight / input.scale - repeated;
  const height = (start: number, rows: number) => heights.slice(start, start + rows).reduce((sum, h) => sum + h, 0);
  const runs = new Map((input.keepTogether ?? []).map((run) => [run.start, run.rows]));

  const breaks: number[] = [];
  let used = 0;
  for (let row = printTitleRows.last + 1; row < heights.length; row++) {
    const run = runs.get(row);
    const kept = run === undefined ? heights[row] : height(row, height(row, run) <= capacity ? run : Math.min(run, 2));
    if (used > 0 && used + kept > capacity) {
      breaks.push(row - 1);
      used = 0;
    }
    used += heights[row];
  }
  return breaks;
}
