import { cellText, isBlank, type CellValue } from "../cells";
import { dateToSerial, parseDate, type DayDate } from "../dates";
import { foldDigits } from "../text";

/** A moment as staff write it: a day, and the time of day when one is given. */
export interface Moment {
  /** Excel serial of the day. */
  day: number;
  /** Minutes after midnight; null when only the day was written. */
  minutes: number | null;
}

export type MomentParse = { ok: true; moment: Moment } | { ok: false; problem: "blank" | "unreadable" | "impossible" };

const MINUTES_PER_DAY = 24 * 60;
const TIME_OF_DAY = /(\d{1,2})[:：](\d{2})(?:[:：]\d{2}(?:\.\d+)?)?\s*$/;

/**
 * Reads a date-and-time cell: an Excel serial with a time fraction, or text such as
 * "2018-01-26 17:30" or "2018年1月26日". A serial always carries a time (midnight when whole).
 * @example parseMoment("2018-01-26 17:30") // { ok: true, moment: { day: 43126, minutes: 1050 } }
 */
export function parseMoment(value: CellValue): MomentParse {
  if (isBlank(value)) return { ok: false, problem: "blank" };
  if (typeof value === "number") {
    const date = parseDate(value);
    if (!date.ok) return date;
    const minutes = Math.round((value - Math.floor(value)) * MINUTES_PER_DAY);
    return { ok: true, moment: { day: Math.floor(value), minutes } };
  }
  const date = parseDate(value);
  if (!date.ok) return date;
  const time = TIME_OF_DAY.exec(foldDigits(cellText(value)));
  const minutes = time ? Number(time[1]) * 60 + Number(time[2]) : null;
  if (minutes !== null && minutes >= MINUTES_PER_DAY) return { ok: false, problem: "impossible" };
  return { ok: true, moment: { day: dateToSerial(date.date), minutes } };
}

/**
 * True when a submission comes after the deadline. A submission written without a time on the
 * deadline's own day counts as on time: nothing shows it was late.
 * @example isAfter(parseMoment("2018-01-26 18:30").moment, parseMoment("2018-01-26 18:00").moment) // true
 */
export function isAfter(submitted: Moment, deadline: Moment): boolean {
  if (submitted.day !== deadline.day) return submitted.day > deadline.day;
  if (submitted.minutes === null || deadline.minutes === null) return false;
  return submitted.minutes > deadline.minutes;
}

/** The day `years` whole years before the given one (29 February falls back to the 28th). */
export function yearsBefore(date: DayDate, years: number): DayDate {
  const year = date.year - years;
  const lastDay = new Date(Date.UTC(year, date.month, 0)).getUTCDate();
  return { year, month: date.month, day: Math.min(date.day, lastDay) };
}
