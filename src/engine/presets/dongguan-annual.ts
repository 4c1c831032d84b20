import type { WeightedRubric } from "../rubric/assessment-rubrics";
import { dongguanAnnual, dongguanAnnualWeights } from "./bands";

/**
 * 东莞 2017 annual assessment (RUBRICS.md §3, seed 002): 党政评价 30%, 团内考核 50%,
 * 青年评议 20%, four grades. The grade lines, the 100-point scale and the deadline's hour are
 * office-set; the notice says only 2018-01-26 下午下班前, read here as 18:00.
 */
export const dongguanAnnualRubric: WeightedRubric = {
  kind: "weighted",
  id: "dongguan-annual",
  name: "东莞共青团年度工作考核",
  components: dongguanAnnualWeights.components,
  componentMax: 100,
  grades: dongguanAnnual,
  commentMaxLength: 200,
  deadline: "2018-01-26 18:00",
  foundingMinYears: 1,
  alwaysAssessed: ["镇", "街道"],
  rankMethod: "dense",
};
