import { parseArgs, UsageError, type ParsedArgs } from "./args";
import { demoCommand } from "./commands/demo";
import { rankCommand } from "./commands/rank";
import { rubricCommand } from "./commands/rubric";
import { sampleCommand } from "./commands/sample";
import { scoreCommand } from "./commands/score";
import { scorePresetCommand, usesPresetScoring } from "./commands/score-preset";
import { validateCommand } from "./commands/validate";
import { InputError, processIO, type CliIO } from "./io";

/**
 * The `league` command: the engine on .xlsx files, headless.
 * Exit codes: 0 done, 1 done but the data has errors (validate), 2 could not run.
 */

interface Command {
  run: (args: ParsedArgs, io: CliIO) => Promise<number>;
  /** Flags that take no value. */
  booleanFlags: readonly string[];
  usage: string;
}

export const COMMANDS: Record<string, Command> = {
  score: {
    run: (args, io) => (usesPresetScoring(args) ? scorePresetCommand(args, io) : scoreCommand(args, io)),
    booleanFlags: ["json"],
    usage:
      "league score <workbook.xlsx> [--period 2013|2013Q2|2013-03] [--rubric chaoyang-info|county-info|dongguan-annual|hainan-wechat|hunan-wmh] [--veto-line 分数] [--share 20] [--json]",
  },
  rank: {
    run: rankCommand,
    booleanFlags: ["json"],
    usage:
      "league rank <workbook.xlsx> [--rubric 规则编号] [--period …] [--method dense|competition] [--json] [--out ranked.xlsx [--ties merge|repeat|label] [--org 组织名称]]",
  },
  validate: { run: validateCommand, booleanFlags: ["json"], usage: "league validate <workbook.xlsx> [--rubric 规则编号] [--period 2013] [--json] [--today 2014-01-10]" },
  rubric: { run: rubricCommand, booleanFlags: ["json"], usage: "league rubric <规则编号> --out rubric.xlsx | league rubric --check workbook.xlsx [--json]" },
  sample: { run: sampleCommand, booleanFlags: [], usage: "league sample --out sample.xlsx" },
  demo: { run: demoCommand, booleanFlags: ["json"], usage: "league demo [--period …] [--method …]" },
};

const TABLE_OPTIONS_HELP = "  表格位置：--units 名单工作表  --submissions 登记表工作表  --penalties 扣分工作表";

function usage(): string {
  return ["用法：", ...Object.values(COMMANDS).map((c) => `  ${c.usage}`), TABLE_OPTIONS_HELP, ""].join("\n");
}

/** Runs one command line; never throws. */
export async function main(argv: readonly string[], io: CliIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "help" || name === "-h") {
    io.stdout(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`未知命令：${name}\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(parseArgs(rest, command.booleanFlags), io);
  } catch (error) {
    if (error instanceof InputError || error instanceof UsageError) {
      io.stderr(`league ${name}：${error.message}\n`);
      if (error instanceof UsageError) io.stderr(`用法：${command.usage}\n`);
      return 2;
    }
    // A bug, not bad input: still one line, with enough to report it.
    io.stderr(`league ${name}：内部错误：${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

/** Entry point of the bundled bin. */
export function run(): void {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
