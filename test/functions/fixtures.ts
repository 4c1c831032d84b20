import type { CellValue, Grid } from "../../src/engine/cells";
import { dateToSerial } from "../../src/engine/dates";
import { FunctionError } from "../../src/functions/host";

/**
 * A register built from RUBRICS.md §1's worked examples, as Excel passes it: header row,
 * dates as serial numbers, blanks as "".
 *
 * - 团结湖街道团工委: 40 items in 2013 with none in March → base 12 (the 36-item rule).
 *   One more item in December 2012, so the latest year is 2013.
 * - 常营地区团委: 35 items, 10 months with ≥ 3 → base 10. In January one comprehensive item
 *   adopted by 团区委网站 and 北京团讯 (+2 +3 +3); in February one event item adopted by
 *   《朝阳团讯》 (+3). One row in May records a verified 重复信息 (−2, no awards).
 * - One unreadable row (type 其他), left out of scoring.
 */
export const REGISTER_HEADER = ["单位", "报送日期", "信息类型", "标题", "采用情况", "违规情况"];

export const TJH = "团结湖街道团工委";
export const CY = "常营地区团委";
export const TJH_MONTHS = [4, 4, 0, 4, 4, 4, 4, 3, 3, 3, 4, 3];
export const CY_MONTHS = [3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 2, 2];

export function serial(year: number, month: number, day: number): number {
  return dateToSerial({ year, month, day });
}

export function buildRegister(): Grid {
  const rows: Grid = [REGISTER_HEADER];
  const add = (unit: string, month: number, n: number, extra: (i: number) => Partial<Record<"type" | "adoptions" | "violation", string>> = () => ({})) => {
    for (let i = 0; i < n; i++) {
      const e = extra(i);
      rows.push([unit, serial(2013, month, 1 + i), e.type ?? "事件类", `${unit}${month}月第${i + 1}条`, e.adoptions ?? "", e.violation ?? ""]);
    }
  };
  rows.push([TJH, serial(2012, 12, 20), "事件类", "去年的一条", "", ""]);
  TJH_MONTHS.forEach((n, m) => add(TJH, m + 1, n));
  CY_MONTHS.forEach((n, m) =>
    add(CY, m + 1, n, (i) => {
      if (m === 0 && i === 0) return { type: "综合类", adoptions: "团区委网站、北京团讯" };
      if (m === 1 && i === 0) return { adoptions: "朝阳团讯" };
      if (m === 4 && i === 0) return { violation: "重复信息" };
      return {};
    }),
  );
  rows.push([CY, serial(2013, 6, 30), "其他", "类型无法识别的一条", "", ""]);
  return rows;
}

/** A roster in seed 000's shape, with one unit that sent nothing. */
export function buildRoster(): Grid {
  return [
    ["单位名称", "所属系统"],
    [TJH, "街道系统"],
    [CY, "地区系统"],
    ["工商分局团委", "青工系统"],
  ];
}

/** A deep copy, as Excel hands every call its own copy of a range. */
export function copyOf(grid: Grid): Grid {
  return grid.map((row) => [...row]);
}

/** The error a call throws, as { code, message }; fails when the call returns normally. */
export function errorOf(call: () => unknown): { code: string; message: string } {
  try {
    call();
  } catch (error) {
    if (error instanceof FunctionError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error("expected an error, got a value");
}

/** The same for asynchronous functions. */
export async function asyncErrorOf(call: () => Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await call();
  } catch (error) {
    if (error instanceof FunctionError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error("expected an error, got a value");
}

/** A column of values as Excel passes a one-column range. */
export function column(...values: CellValue[]): Grid {
  return values.map((value) => [value]);
}
