import type { CellValue } from "./cells";
import { foldDigits } from "./text";

/** A calendar day, with no time zone: what a register's date cell means. */
export interface DayDate {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

export type DateParse =
  | { ok: true; date: DayDate }
  | { ok: false; problem: "blank" | "unreadable" | "impossible" };

const MS_PER_DAY = 86_400_000;
/** Excel's day 0 for serials after its fictitious 1900-02-29 (serial 60). */
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

/** True when the day exists in the calendar (no 2013-02-30). */
export function isValidDay(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The day an Excel serial number stands for (1900 date system). Any time fraction is dropped.
 * @example serialToDate(41340) // { year: 2013, month: 3, day: 7 }
 */
export function serialToDate(serial: number): DayDate | null {
  const whole = Math.floor(serial);
  // Serials below 61 fall before Excel's phantom 1900-02-29; registers never hold them.
  if (!Number.isFinite(serial) || whole < 61 || whole > 2_958_465) return null;
  // A register repeats a few hundred days over many rows; the returned days are never mutated.
  let date = serialDays.get(whole);
  if (!date) {
    const d = new Date(EXCEL_EPOCH_UTC + whole * MS_PER_DAY);
    date = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
    if (serialDays.size >= 100_000) serialDays.clear();
    serialDays.set(whole, date);
  }
  return date;
}

const serialDays = new Map<number, DayDate>();

/** @example dateToSerial({ year: 2013, month: 3, day: 7 }) // 41340 */
export function dateToSerial(date: DayDate): number {
  return Math.round((Date.UTC(date.year, date.month - 1, date.day) - EXCEL_EPOCH_UTC) / MS_PER_DAY);
}

// 2014-03-07, 2014/3/7, 2014.3.7, 2014年3月7日, optionally followed by a time of day.
const DATE_TEXT = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?(?:[\sT]+\d{1,2}[:：]\d{2}(?:[:：]\d{2}(?:\.\d+)?)?)?\s*$/;

/**
 * Reads a date cell: an Excel serial, or text in the forms offices write.
 * @example parseDate("2014年3月7日") // { ok: true, date: { year: 2014, month: 3, day: 7 } }
 * @example parseDate("2013年2月30日") // { ok: false, problem: "impossible" }
 */
export function parseDate(value: CellValue): DateParse {
  if (value === null || value === undefined || value === "") return { ok: false, problem: "blank" };
  if (typeof value === "number") {
    const date = serialToDate(value);
    return date ? { ok: true, date } : { ok: false, problem: "unreadable" };
  }
  if (typeof value !== "string") return { ok: false, problem: "unreadable" };
  // Registers repeat a few hundred date texts; the results are never mutated.
  let parsed = textDates.get(value);
  if (!parsed) {
    parsed = parseDateText(value);
    if (textDates.size >= 100_000) textDates.clear();
    textDates.set(value, parsed);
  }
  return parsed;
}

const textDates = new Map<string, DateParse>();

function parseDateText(value: string): DateParse {
  const text = foldDigits(value).trim();
  if (text === "") return { ok: false, problem: "blank" };
  const match = DATE_TEXT.exec(text);
  if (!match) return { ok: false, problem: "unreadable" };
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!isValidDay(year, month, day)) return { ok: false, problem: "impossible" };
  return { ok: true, date: { year, month, day } };
}

/** Orders two days. Negative when a is earlier. */
export function compareDays(a: DayDate, b: DayDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** Whole days from a to b. @example daysBetween({year:2014,month:3,day:7},{year:2014,month:3,day:10}) // 3 */
export function daysBetween(a: DayDate, b: DayDate): number {
  return dateToSerial(b) - dateToSerial(a);
}

/** ISO form, e.g. "2014-03-07". */
export function formatDay(date: DayDate): string {
  return `${date.year}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`;
}

// ---------------------------------------------------------------------------------------------
// Periods

export type PeriodKind = "year" | "quarter" | "month";

/** A scoring period: a year, a quarter or a month. `key` is its canonical text. */
export interface Period {
  kind: PeriodKind;
  year: number;
  /** 1–4 for quarters. */
  quarter?: number;
  /** 1–12 for months. */
  month?: number;
  /** "2013", "2013Q1" or "2013-03". */
  key: string;
}

const QUARTER_NAMES = ["一", "二", "三", "四"];

/**
 * Reads a period: `2013`, `2013Q1`, `2013-03`, and the Chinese forms `2013年`,
 * `2013年第一季度`, `2013年3月`. Returns null when it is none of these.
 * @example parsePeriod("2013Q2") // { kind: "quarter", year: 2013, quarter: 2, key: "2013Q2" }
 */
export function parsePeriod(value: CellValue): Period | null {
  if (typeof value === "number" && Number.isInteger(value)) return yearPeriod(value);
  if (typeof value !== "string") return null;
  const text = foldDigits(value).trim().toUpperCase();
  let m = /^(\d{4})年?$/.exec(text);
  if (m) return yearPeriod(Number(m[1]));
  m = /^(\d{4})\s*[-年]?\s*(?:Q|第)\s*([1-4一二三四])\s*(?:季度)?$/.exec(text);
  if (m) {
    const q = /\d/.test(m[2]) ? Number(m[2]) : QUARTER_NAMES.indexOf(m[2]) + 1;
    return quarterPeriod(Number(m[1]), q);
  }
  m = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*月?$/.exec(text);
  if (m) return monthPeriod(Number(m[1]), Number(m[2]));
  return null;
}

function yearPeriod(year: number): Period | null {
  return year >= 1900 && year <= 9999 ? { kind: "year", year, key: String(year) } : null;
}

export function quarterPeriod(year: number, quarter: number): Period | null {
  if (!yearPeriod(year) || quarter < 1 || quarter > 4) return null;
  return { kind: "quarter", year, quarter, key: `${year}Q${quarter}` };
}

export function monthPeriod(year: number, month: number): Period | null {
  if (!yearPeriod(year) || month < 1 || month > 12) return null;
  return { kind: "month", year, month, key: `${year}-${String(month).padStart(2, "0")}` };
}

/** The months (1–12) a period covers, in order. */
export function periodMonths(period: Period): number[] {
  if (period.kind === "month") return [period.month!];
  if (period.kind === "quarter") {
    const first = (period.quarter! - 1) * 3 + 1;
    return [first, first + 1, first + 2];
  }
  return [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
}

/** True when the day falls in the period. */
export function periodContains(period: Period, date: DayDate): boolean {
  if (date.year !== period.year) return false;
  if (period.kind === "year") return true;
  if (period.kind === "month") return date.month === period.month;
  return Math.ceil(date.month / 3) === period.quarter;
}

/** The last day of the period, e.g. for "founded at least a year before the period ends". */
export function periodEnd(period: Period): DayDate {
  const months = periodMonths(period);
  const month = months[months.length - 1];
  return { year: period.year, month, day: new Date(Date.UTC(period.year, month, 0)).getUTCDate() };
}

/**
 * The period as printed in a title.
 * @example periodLabel(parsePeriod("2013Q1")!) // "2013年第一季度"
 */
export function periodLabel(period: Period): string {
  if (period.kind === "year") return `${period.year}年`;
  if (period.kind === "quarter") return `${period.year}年第${QUARTER_NAMES[period.quarter! - 1]}季度`;
  return `${period.year}年${period.month}月`;
}
