import ExcelJS from "exceljs";
import type { SheetData } from "../engine/sheet";
import { SHEET_NAMES } from "../sample/sample-workbook";

/** Columns of the sample register that hold dates, so the file shows them as dates. */
const DATE_HEADERS = new Set(["报送日期", "活动日期", "日期"]);

/**
 * Writes generated sheets as an ordinary user workbook, the way an office keeps it: plain
 * cells, dates as Excel dates, a bold header row.
 */
export async function writeSampleFile(sheets: readonly SheetData[], path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name);
    for (const row of sheet.values) worksheet.addRow(row.map((v) => (v === "" ? null : v)));
    const headerIndex = sheet.values.findIndex((row) => row.some((v) => typeof v === "string" && DATE_HEADERS.has(v)));
    const header = sheet.values[headerIndex] ?? [];
    header.forEach((value, column) => {
      const width = sheet.name === SHEET_NAMES.register && column === 3 ? 40 : 14;
      worksheet.getColumn(column + 1).width = width;
      if (typeof value === "string" && DATE_HEADERS.has(value)) worksheet.getColumn(column + 1).numFmt = "yyyy/m/d";
    });
    if (headerIndex >= 0) worksheet.getRow(headerIndex + 1).font = { bold: true };
  }
  await workbook.xlsx.writeFile(path);
}
