import type { SpecValue } from "./sheet-spec";

/**
 * How wide text prints, in Excel's column-width unit (the width of a digit of the default
 * font). A Chinese character takes about two digits' width, so counting characters would
 * give Chinese columns half the room they need.
 */

// East Asian Wide and Fullwidth ranges, plus the punctuation (“”《》※…) that CJK fonts draw
// full width.
const WIDE_RANGES: readonly [number, number][] = [
  [0x1100, 0x115f],
  [0x2010, 0x203b],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x20000, 0x3fffd],
];

function isWide(codePoint: number): boolean {
  return WIDE_RANGES.some(([from, to]) => codePoint >= from && codePoint <= to);
}

/**
 * The printed width of a text: 2 for each wide character, 1 for any other.
 * @example displayWidth("朝阳宾馆团委") // 12
 * @example displayWidth("得分 12.5") // 9
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += isWide(char.codePointAt(0)!) ? 2 : 1;
  return width;
}

/** The text a cell shows for a value (numbers as Excel's General format prints them). */
function shownText(value: SpecValue): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

/**
 * Column widths that fit every value given per column, plus padding, never below `minimum`.
 * @example fitColumnWidths([["排名", "单位名称"], [1, "朝阳宾馆团委"]]) // [6, 14]
 */
export function fitColumnWidths(rows: readonly (readonly SpecValue[])[], minimum = 6, padding = 2): number[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((value, column) => {
      const wanted = displayWidth(shownText(value)) + padding;
      widths[column] = Math.max(widths[column] ?? minimum, wanted, minimum);
    });
  }
  return Array.from(widths, (width) => width ?? minimum);
}

/** The font size Excel's column-width unit is measured at (the default 11-point font). */
const BASE_FONT_SIZE = 11;
/** Bold glyphs are a little wider than regular ones. */
const BOLD_FACTOR = 1.06;

/**
 * How wide a text prints at a font size, in column-width units: text scales with its size,
 * and the unit is measured at 11 points.
 * @example printedWidth("排名", 22) // 8
 */
export function printedWidth(text: string, size: number, bold = false): number {
  return (displayWidth(text) * size * (bold ? BOLD_FACTOR : 1)) / BASE_FONT_SIZE;
}

/**
 * The largest whole font size from `size` down to `minimum` at which a text prints within
 * `width` column units; `minimum` when even that is too wide (the caller makes room).
 * @example fittingFontSize("2015—2016年湖南青年文明号活动管理工作考评排名", 16, 10, 50, true) // 11
 */
export function fittingFontSize(text: string, size: number, minimum: number, width: number, bold = false): number {
  for (let candidate = size; candidate > minimum; candidate--) {
    if (printedWidth(text, candidate, bold) <= width) return candidate;
  }
  return minimum;
}
