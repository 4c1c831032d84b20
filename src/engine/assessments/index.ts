import type { Rubric } from "../presets";
import type { SheetData } from "../sheet";
import { assessCounty, type CountyOptions } from "./county";
import { assessWeighted } from "./dongguan";
import { assessItemized } from "./hainan";
import { assessTiered } from "./hunan";
import type { AssessmentResult } from "./result";

export type { AssessedUnit, AssessmentResult } from "./result";

/**
 * Scores a workbook by any rubric: the one entry the CLI and the task pane call, whatever the
 * rubric's kind. Information-work rubrics go through the register analysis.
 * @example assessWorkbook(sheets, findPreset("dongguan-annual")!, { period: "2017" }).rubric // "dongguan-annual"
 */
export function assessWorkbook(sheets: readonly SheetData[], rubric: Rubric, options: CountyOptions = {}): AssessmentResult {
  switch (rubric.kind) {
    case "info":
      return assessCounty(sheets, rubric, options);
    case "weighted":
      return assessWeighted(sheets, rubric, options);
    case "itemized":
      return assessItemized(sheets, rubric, options);
    case "tiered":
      return assessTiered(sheets, rubric, options);
  }
}
