import { resolve } from "node:path";
import { organisationOf as organisationFromWorkbook } from "../../engine/layout/organisation";
import { buildRankingSheets, TIE_STYLES, type TieStyle } from "../../engine/layout/ranking-sheets";
import type { SheetSpec } from "../../engine/layout/sheet-spec";
import type { XlsxWorkbook } from "../../xlsx/xlsx-workbook";
import type { ParsedArgs } from "../args";
import type { InfoJob } from "../info-job";
import { InputError, type CliIO } from "../io";

/**
 * `league rank <workbook.xlsx> --out ranked.xlsx [--ties merge|repeat|label] [--org 朝阳共青团]`: the input
 * workbook, every sheet of it as it was, plus the generated ranking sheets (publication
 * sheet, 得分明细, chart), written through the .xlsx port. The input file is never changed.
 */

/**
 * The organisation printed in the title: --org, else the one the roster sheet names
 * (「组织名称 | 朝阳共青团」 above the table), else none.
 */
export function organisationOf(job: InfoJob, args: ParsedArgs): string {
  const given = args.options.get("org");
  if (given !== undefined) return given.trim();
  return organisationFromWorkbook(job.sheets, job.analysis.tables.roster);
}

/** --ties, default merge (the published 附件1 style). */
export function tieStyleOf(args: ParsedArgs): TieStyle {
  const ties = args.options.get("ties") ?? "merge";
  if (!(TIE_STYLES as readonly string[]).includes(ties)) throw new InputError(`并列名次样式应为 ${TIE_STYLES.join("、")} 之一，而不是 ${ties}`);
  return ties as TieStyle;
}

/** The --out path, checked: an .xlsx file that is not the input itself. */
export function outputPathOf(args: ParsedArgs): string {
  const out = args.options.get("out") ?? "";
  if (!/\.xlsx$/i.test(out)) throw new InputError(`--out 应为 .xlsx 文件路径，而不是「${out}」`);
  const input = args.positionals[0];
  if (input && resolve(input) === resolve(out)) throw new InputError("--out 不能与输入文件相同：原工作簿保持不变，请另存为新文件");
  return out;
}

/**
 * Adds the ranking sheets to the opened workbook and saves it under the --out name.
 * @example
 * // league rank 信息工作.xlsx --period 2013 --out 排名.xlsx
 * // 已写入 排名.xlsx：2013年排名、2013年得分明细、2013年排名图
 */
export async function writeRankedWorkbook(job: InfoJob, args: ParsedArgs, io: CliIO): Promise<number> {
  const specs = buildRankingSheets(job.analysis, { organisation: organisationOf(job, args), ties: tieStyleOf(args) });
  return writeSheetsToOut(job.workbook, specs, args, io);
}

/** Writes generated sheets into the opened workbook through the .xlsx port and saves it under the --out name. */
export async function writeSheetsToOut(workbook: XlsxWorkbook, specs: SheetSpec[], args: ParsedArgs, io: CliIO): Promise<number> {
  const out = outputPathOf(args);
  if (workbook.partsNotKept.length > 0) {
    // The input stays as it is; only the copy lacks these, and the user must know before using it.
    io.stderr(`注意：原工作簿中的${workbook.partsNotKept.join("、")}不会出现在 ${out} 中（单元格数据完整保留，原文件不变）\n`);
  }
  const result = await workbook.writeSheets(specs);
  await workbook.save(out);
  io.stdout(`已写入 ${out}：${result.written.join("、")}\n`);
  if (result.replaced.length > 0) io.stdout(`替换了同一期间此前生成的工作表：${result.replaced.join("、")}\n`);
  return 0;
}
