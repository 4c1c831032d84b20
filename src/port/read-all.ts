/**
 * Reads the sheets the engine's table finder looks at: every user sheet, in workbook order.
 * Sheets the add-in generated are skipped by default, because a ranking sheet also lists unit
 * names and would otherwise look like a roster.
 */
import type { ReadOptions, SheetData, WorkbookPort } from "./workbook-port";

export interface ReadAllOptions extends ReadOptions {
  /** Also read sheets the add-in generated. @default false */
  includeOwned?: boolean;
}

/**
 * @example
 * const sheets = await readAllSheets(port);
 * sheets.map((s) => s.name) // ["单位名单", "信息报送"]
 */
export async function readAllSheets(port: WorkbookPort, options: ReadAllOptions = {}): Promise<SheetData[]> {
  const sheets = await port.listSheets();
  const wanted = sheets.filter((sheet) => options.includeOwned || sheet.ownerKey === undefined);
  const result: SheetData[] = [];
  for (const sheet of wanted) {
    options.signal?.throwIfAborted();
    result.push(await port.readSheet(sheet.name, options));
  }
  return result;
}
