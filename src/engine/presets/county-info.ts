import type { InfoRubric } from "../rubric/info-rubric";
import { chaoyangInfo } from "./chaoyang-info";

/**
 * The county method (RUBRICS.md §2, seed 001): information work scored by the same points as
 * 朝阳, counted as one fifth of the annual assessment, with a one-vote veto whose pass line the
 * office sets (none by default, so nobody is vetoed until it does).
 */
export const countyInfo: InfoRubric = {
  ...chaoyangInfo,
  id: "county-info",
  name: "县级信息工作（占年度考核五分之一，一票否决）",
  assessment: { share: 0.2, vetoLine: null },
};
