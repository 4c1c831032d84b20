import { buildSampleWorkbook } from "../../sample/sample-workbook";
import { checkKnown, type ParsedArgs } from "../args";
import { InputError, type CliIO } from "../io";
import { writeSampleFile } from "../sample-file";

/** `league sample --out file.xlsx`: writes the bundled sample workbook. */
export async function sampleCommand(args: ParsedArgs, io: CliIO): Promise<number> {
  checkKnown(args, ["out", "seed"]);
  const out = args.options.get("out");
  if (!out) throw new InputError("请用 --out 指定输出文件");
  const seed = Number(args.options.get("seed") ?? 2013);
  if (!Number.isInteger(seed)) throw new InputError("--seed 应为整数");
  await writeSampleFile(buildSampleWorkbook(seed).sheets, out);
  io.stderr(`已写入示例工作簿：${out}\n`);
  return 0;
}
