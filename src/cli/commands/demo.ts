import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildSampleWorkbook } from "../../sample/sample-workbook";
import type { ParsedArgs } from "../args";
import type { CliIO } from "../io";
import { writeSampleFile } from "../sample-file";
import { rankCommand } from "./rank";

/**
 * `league demo`: the main job on the bundled sample. Writes the sample to a real .xlsx file and
 * ranks it through the same path as `league rank`, so the demo proves the file round trip too.
 */
export async function demoCommand(args: ParsedArgs, io: CliIO): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), "league-demo-"));
  try {
    const file = join(dir, "league-sample.xlsx");
    await writeSampleFile(buildSampleWorkbook().sheets, file);
    io.stderr(`示例工作簿：朝阳共青团 93 个单位，2013 年信息报送登记\n`);
    return await rankCommand({ ...args, positionals: [file] }, io);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
