import { PRESETS, findPreset } from "../../engine/presets";
import { readRubricSheets } from "../../engine/rubric-sheet/reader";
import { rubricToSheet } from "../../engine/rubric-sheet/writer";
import type { WorkbookPort } from "../../port/workbook-port";
import { readAllSheets } from "../../port/read-all";
import { XlsxWorkbook } from "../../xlsx/xlsx-workbook";
import { checkKnown, UsageError, type ParsedArgs } from "../args";
import { InputError, type CliIO } from "../io";
import { openWorkbookFile } from "../workbook-file";

/**
 * Writes a preset as an editable rubric sheet through any workbook port; returns the sheet's
 * name (another when a user sheet already has the wanted one).
 * @example await writeRubricSheet(port, "dongguan-annual") // "评分规则-dongguan-annual"
 */
export async function writeRubricSheet(port: WorkbookPort, id: string): Promise<string> {
  const preset = findPreset(id);
  if (!preset) throw new InputError(`未知的规则：${id}（可选：${Object.keys(PRESETS).join("、")}）`);
  const { written } = await port.writeSheets([rubricToSheet(preset)]);
  return written[0];
}

/**
 * `league rubric <id> --out rubric.xlsx` writes a preset as a rubric sheet;
 * `league rubric --check workbook.xlsx [--json]` reads every rubric sheet in a workbook and
 * reports each bad cell (exit 1 when there are errors).
 */
export async function rubricCommand(args: ParsedArgs, io: CliIO): Promise<number> {
  checkKnown(args, ["out", "check", "json"]);
  const check = args.options.get("check");
  if (check !== undefined) return checkRubricSheets(check, args.flags.has("json"), io);
  const id = args.positionals[0];
  const out = args.options.get("out");
  if (!id || !out) throw new UsageError(id ? "缺少 --out 输出文件" : `缺少规则编号（可选：${Object.keys(PRESETS).join("、")}）`);
  if (!out.toLowerCase().endsWith(".xlsx")) throw new InputError(`输出文件应为 .xlsx：${out}`);
  const workbook = XlsxWorkbook.create();
  const name = await writeRubricSheet(workbook, id);
  await workbook.save(out);
  io.stdout(`已写出规则表「${name}」：${out}\n`);
  return 0;
}

async function checkRubricSheets(path: string, json: boolean, io: CliIO): Promise<number> {
  const workbook = await openWorkbookFile(path);
  const results = readRubricSheets(await readAllSheets(workbook, { includeOwned: true }));
  if (results.length === 0) throw new InputError(`${path} 中没有规则表（A1 为“评分规则表”的工作表）`);
  if (json) {
    io.stdout(JSON.stringify(results.map((r) => ({ sheet: r.sheet, rubric: r.rubric?.id ?? null, issues: r.issues }))) + "\n");
  } else {
    for (const r of results) {
      io.stdout(r.rubric ? `「${r.sheet}」：规则 ${r.rubric.id} 无误\n` : `「${r.sheet}」：${r.issues.length} 处错误\n`);
      for (const issue of r.issues) io.stdout(`  ${issue.cell ?? ""}  ${issue.message}\n`);
    }
  }
  return results.some((r) => !r.rubric) ? 1 : 0;
}
