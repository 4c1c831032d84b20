import type { AssessmentRubric } from "../rubric/assessment-rubrics";
import type { InfoRubric } from "../rubric/info-rubric";
import { chaoyangInfo } from "./chaoyang-info";
import { countyInfo } from "./county-info";
import { dongguanAnnualRubric } from "./dongguan-annual";
import { hainanWechatRubric } from "./hainan-wechat";
import { hunanWmhRubric } from "./hunan-wmh";

/**
 * The rubric presets that ship with the add-in, by id. A rubric sheet in the workbook reads
 * back into the same types. `kind` tells them apart: "info" rubrics score a submissions
 * register, the others score an assessment table.
 */
export type Rubric = InfoRubric | AssessmentRubric;
export type RubricKind = Rubric["kind"];

export const PRESETS: Record<string, Rubric> = {
  [chaoyangInfo.id]: chaoyangInfo,
  [countyInfo.id]: countyInfo,
  [dongguanAnnualRubric.id]: dongguanAnnualRubric,
  [hainanWechatRubric.id]: hainanWechatRubric,
  [hunanWmhRubric.id]: hunanWmhRubric,
};

export const DEFAULT_RUBRIC_ID = chaoyangInfo.id;

/** The preset with this id, or undefined. */
export function findPreset(id: string): Rubric | undefined {
  return PRESETS[id.trim().toLowerCase()];
}

/** The information-work preset with this id, or undefined (also when the id names another kind). */
export function findInfoPreset(id: string): InfoRubric | undefined {
  const rubric = findPreset(id);
  return rubric?.kind === "info" ? rubric : undefined;
}
