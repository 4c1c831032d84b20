import { checkKnown, type ParsedArgs } from "../args";
import { renderTable } from "../format";
import { INFO_OPTIONS, runInfoJob } from "../info-job";
import type { CliIO } from "../io";

/** `league score`: every roster unit's points for the period. */
export async function scoreCommand(args: ParsedArgs, io: CliIO): Promise<number> {
  checkKnown(args, [...INFO_OPTIONS, "json"]);
  const { analysis } = await runInfoJob(args, io);
  if (args.flags.has("json")) {
    const units = analysis.scores.map((s) => ({
      unit: s.unit,
      system: s.system,
      base: s.base,
      bonus: s.bonus,
      penalty: s.penalty,
      total: s.total,
      awardEligible: s.awardEligible,
    }));
    io.stdout(JSON.stringify({ rubric: analysis.rubric.id, period: analysis.period.key, units }) + "\n");
    return 0;
  }
  io.stdout(`${analysis.rubric.name}　${analysis.period.key}\n\n`);
  io.stdout(
    renderTable(
      ["单位", "系统", "基础分", "加分", "扣分", "总分", "评优资格"],
      analysis.scores.map((s) => [s.unit, s.system, s.base, s.bonus, s.penalty, s.total, s.awardEligible ? "有" : "无"]),
    ),
  );
  return 0;
}
