import { existsSync, statSync } from "node:fs";
import { extname } from "node:path";
import { XlsxWorkbook } from "../xlsx/xlsx-workbook";
import { InputError } from "./io";

/**
 * Opens an .xlsx file for a command, turning every way it can fail into one clear line:
 * a missing file, a file that is not .xlsx, or one that does not open as a workbook.
 */
export async function openWorkbookFile(path: string | undefined): Promise<XlsxWorkbook> {
  if (!path) throw new InputError("缺少工作簿文件路径");
  if (!existsSync(path) || !statSync(path).isFile()) throw new InputError(`找不到文件：${path}`);
  if (extname(path).toLowerCase() !== ".xlsx") throw new InputError(`不是 .xlsx 文件：${path}`);
  try {
    return await XlsxWorkbook.open(path);
  } catch {
    throw new InputError(`无法读取 ${path}：文件已损坏或不是有效的 .xlsx 工作簿`);
  }
}
