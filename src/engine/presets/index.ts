import type { InfoRubric } from "../rubric/info-rubric";
import { chaoyangInfo } from "./chaoyang-info";

/**
 * The rubric presets that ship with the add-in, by id. A rubric sheet in the workbook reads
 * back into the same types.
 */
export type Rubric = InfoRubric;

export const PRESETS: Record<string, Rubric> = {
  [chaoyangInfo.id]: chaoyangInfo,
};

export const DEFAULT_RUBRIC_ID = chaoyangInfo.id;

/** The preset with this id, or undefined. */
export function findPreset(id: string): Rubric | undefined {
  return PRESETS[id.trim().toLowerCase()];
}
