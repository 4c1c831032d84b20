import { analyzeInfo, type InfoAnalysis, type TableChoices } from "../engine/analyze";
import type { Issue } from "../engine/issues";
import type { Rubric } from "../engine/presets";
import type { InfoRubric, RankMethod } from "../engine/rubric/info-rubric";
import type { SheetData } from "../engine/sheet";
import type { XlsxWorkbook } from "../xlsx/xlsx-workbook";
import type { ParsedArgs } from "./args";
import { InputError, type CliIO } from "./io";
import { chooseRubric, readWorkbookSheets, rubricIdOf } from "./rubric-choice";
import { openWorkbookFile } from "./workbook-file";

/** Options every information-work command takes. */
export const TABLE_OPTIONS = ["units", "submissions", "penalties"] as const;
export const INFO_OPTIONS = ["period", "rubric", "method", ...TABLE_OPTIONS] as const;

export interface InfoJob {
  workbook: XlsxWorkbook;
  sheets: SheetData[];
  analysis: InfoAnalysis;
}

/** The rubric chosen must be an information-work rubric for the register commands. */
export function requireInfoRubric(rubric: Rubric): InfoRubric {
  if (rubric.kind !== "info") throw new InputError(`规则 ${rubric.id} 不是信息工作积分规则`);
  return rubric;
}

export function methodOf(args: ParsedArgs, rubric: Rubric): RankMethod {
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

/** The workbook a command works on, read, with the tables the user pinned by sheet name and the rubric to use. */
export interface OpenedWorkbook {
  workbook: XlsxWorkbook;
  /** The user's sheets (no generated or rubric sheets). */
  sheets: SheetData[];
  choices: TableChoices;
  /** --rubric: the workbook's rubric sheet of that id, else the preset. */
  rubric: Rubric;
}

/** Opens the workbook, reads it and chooses the rubric; a pinned sheet that does not exist is an input error. */
export async function openForTables(args: ParsedArgs, io: CliIO): Promise<OpenedWorkbook> {
  const workbook = await openWorkbookFile(args.positionals[0]);
  const { sheets, rubricSheets } = await readWorkbookSheets(workbook);
  const choices = choicesOf(args);
  for (const choice of Object.values(choices)) {
    if (choice?.sheet && !sheets.some((s) => s.name === choice.sheet)) throw new InputError(`工作簿中没有名为「${choice.sheet}」的工作表`);
  }
  return { workbook, sheets, choices, rubric: chooseRubric(rubricIdOf(args), rubricSheets, io) };
}

/** Opens, reads, scores and ranks. */
export async function runInfoJob(args: ParsedArgs, io: CliIO): Promise<InfoJob> {
  return analyseOpened(await openForTables(args, io), args, io);
}

/** Scores and ranks an opened workbook by its information-work rubric. */
export function analyseOpened(opened: OpenedWorkbook, args: ParsedArgs, io: CliIO): InfoJob {
  const rubric = requireInfoRubric(opened.rubric);
  const method = methodOf(args, rubric);
  const { workbook, sheets, choices } = opened;
  const result = analyzeInfo(sheets, { rubric, method, period: args.options.get("period"), choices });
  if (!result.ok) throw new InputError(result.issues.map((i) => i.message).join("；"));
  const { analysis } = result;
  if (analysis.periodSource === "latest") io.stderr(`未指定期间，使用登记表中最新的年份：${analysis.period.key}\n`);
  const skipped = analysis.issues.filter((i: Issue) => i.severity === "error").length;
  if (skipped > 0) io.stderr(`有 ${skipped} 处错误的行未计分，请运行 league validate 查看\n`);
  return { workbook, sheets, analysis };
}
