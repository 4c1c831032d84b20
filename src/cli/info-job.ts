import { analyzeInfo, type InfoAnalysis, type TableChoices } from "../engine/analyze";
import type { Issue } from "../engine/issues";
import { findPreset } from "../engine/presets";
import type { InfoRubric, RankMethod } from "../engine/rubric/info-rubric";
import type { SheetData } from "../engine/sheet";
import { readAllSheets } from "../port/read-all";
import type { XlsxWorkbook } from "../xlsx/xlsx-workbook";
import type { ParsedArgs } from "./args";
import { InputError, type CliIO } from "./io";
import { openWorkbookFile } from "./workbook-file";

/** Options every information-work command takes. */
export const TABLE_OPTIONS = ["units", "submissions", "penalties"] as const;
export const INFO_OPTIONS = ["period", "rubric", "method", ...TABLE_OPTIONS] as const;

export interface InfoJob {
  workbook: XlsxWorkbook;
  sheets: SheetData[];
  analysis: InfoAnalysis;
}

/** The rubric named by --rubric (default chaoyang-info); it must be an information-work rubric. */
export function infoRubricOf(args: ParsedArgs): InfoRubric {
  const id = args.options.get("rubric") ?? "chaoyang-info";
  const rubric = findPreset(id);
  if (!rubric) throw new InputError(`未知的规则：${id}`);
  if (rubric.kind !== "info") throw new InputError(`规则 ${id} 不是信息工作积分规则`);
  return rubric;
}

export function methodOf(args: ParsedArgs, rubric: InfoRubric): RankMethod {
  const method = args.options.get("method") ?? rubric.rankMethod;
  if (method !== "dense" && method !== "competition") throw new InputError(`排名方式应为 dense 或 competition，而不是 ${method}`);
  return method;
}

/** --units, --submissions and --penalties pin the sheet of each table. */
function choicesOf(args: ParsedArgs): TableChoices {
  const choices: TableChoices = {};
  const pin = (kind: keyof TableChoices, option: string) => {
    const sheet = args.options.get(option);
    if (sheet !== undefined) choices[kind] = { sheet };
  };
  pin("roster", "units");
  pin("register", "submissions");
  pin("penalties", "penalties");
  return choices;
}

/** The workbook a command works on, read, with the tables the user pinned by sheet name. */
export interface OpenedWorkbook {
  workbook: XlsxWorkbook;
  sheets: SheetData[];
  choices: TableChoices;
}

/** Opens the workbook and reads it; a pinned sheet that does not exist is an input error. */
export async function openForTables(args: ParsedArgs): Promise<OpenedWorkbook> {
  const workbook = await openWorkbookFile(args.positionals[0]);
  const sheets = await readAllSheets(workbook);
  const choices = choicesOf(args);
  for (const choice of Object.values(choices)) {
    if (choice?.sheet && !sheets.some((s) => s.name === choice.sheet)) throw new InputError(`工作簿中没有名为「${choice.sheet}」的工作表`);
  }
  return { workbook, sheets, choices };
}

/** Opens, reads, scores and ranks. */
export async function runInfoJob(args: ParsedArgs, io: CliIO): Promise<InfoJob> {
  const rubric = infoRubricOf(args);
  const method = methodOf(args, rubric);
  const { workbook, sheets, choices } = await openForTables(args);
  const result = analyzeInfo(sheets, { rubric, method, period: args.options.get("period"), choices });
  if (!result.ok) throw new InputError(result.issues.map((i) => i.message).join("；"));
  const { analysis } = result;
  if (analysis.periodSource === "latest") io.stderr(`未指定期间，使用登记表中最新的年份：${analysis.period.key}\n`);
  const skipped = analysis.issues.filter((i: Issue) => i.severity === "error").length;
  if (skipped > 0) io.stderr(`有 ${skipped} 处错误的行未计分，请运行 league validate 查看\n`);
  return { workbook, sheets, analysis };
}
