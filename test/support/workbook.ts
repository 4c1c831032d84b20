import type { CellValue } from "../../src/engine/cells";
import type { SheetData } from "../../src/engine/sheet";

/** A sheet from rows, as a port would hand it over. */
export function sheet(name: string, rows: CellValue[][]): SheetData {
  return { name, originRow: 0, originColumn: 0, values: rows };
}

/** A roster sheet: [unit, system] pairs under a 单位名称 | 所属系统 header. */
export function rosterSheet(units: [string, string][]): SheetData {
  return sheet("单位名单", [["单位名称", "所属系统"], ...units]);
}

export interface ItemSpec {
  unit: string;
  date: CellValue;
  type?: string;
  adoptions?: string;
  title?: string;
  violation?: string;
}

/** A register sheet with the usual headers. */
export function registerSheet(items: ItemSpec[]): SheetData {
  return sheet("信息报送", [
    ["单位", "报送日期", "信息类型", "标题", "采用情况", "违规情况"],
    ...items.map((i) => [i.unit, i.date, i.type ?? "事件类", i.title ?? "", i.adoptions ?? "", i.violation ?? ""]),
  ]);
}

/** `count` event items for a unit on days of one month. */
export function monthItems(unit: string, year: number, month: number, count: number): ItemSpec[] {
  return Array.from({ length: count }, (_, i) => ({ unit, date: `${year}-${month}-${(i % 28) + 1}`, title: `${unit}${month}月${i}` }));
}
