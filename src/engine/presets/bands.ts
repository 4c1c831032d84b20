import type { BandTable, WeightedComponent } from "../bands";

/**
 * The band tables and weights of RUBRICS.md §3 (seed 002, 东莞 2017) and §4 (seed 003,
 * 海南 2013), as data. Bounds marked office-set there are defaults the office may change.
 */

/** §4: grades on the 10-point WeChat total. 8.95 is 良好: the bands are contiguous. */
export const hainanWechat: BandTable<string> = {
  id: "hainan-wechat",
  name: "海南微信平台考评等次",
  measure: "总分",
  bands: [
    { atLeast: 9, value: "优秀" },
    { atLeast: 7, value: "良好" },
    { atLeast: 6, value: "合格" },
  ],
  below: "不合格",
  domain: { min: 0, max: 10 },
};

/** §3: the four annual grades (office-set thresholds: 90 / 80 / 60). */
export const dongguanAnnual: BandTable<string> = {
  id: "dongguan-annual",
  name: "东莞年度考核等次",
  measure: "总分",
  bands: [
    { atLeast: 90, value: "好" },
    { atLeast: 80, value: "较好" },
    { atLeast: 60, value: "一般" },
  ],
  below: "差",
  domain: { min: 0, max: 100 },
};

/** §4 spot checks: a group's posts on one day. */
export const wechatActivity: BandTable<string> = {
  id: "wechat-activity",
  name: "微信群活跃度抽查",
  measure: "日发帖数",
  bands: [
    { atLeast: 10, value: "优秀" },
    { atLeast: 6, value: "良好" },
    { atLeast: 3, value: "一般" },
  ],
  below: "差",
  domain: { min: 0, max: Number.POSITIVE_INFINITY },
};

/**
 * §4 coverage of members, and of reported members by groups: points by share. The document
 * drops the 优秀 bound; 90% follows from the 80–89% band below it.
 */
export const wechatCoverage: BandTable<number> = {
  id: "wechat-coverage",
  name: "团员覆盖比例得分",
  measure: "覆盖比例",
  bands: [
    { atLeast: 0.9, value: 0.8 },
    { atLeast: 0.8, value: 0.5 },
    { atLeast: 0.7, value: 0.2 },
  ],
  below: -0.2,
  domain: { min: 0, max: 1 },
};

/** §4 coverage of organisation levels and types: points by share. */
export const wechatOrgCoverage: BandTable<number> = {
  id: "wechat-org-coverage",
  name: "组织层级覆盖比例得分",
  measure: "覆盖比例",
  bands: [
    { atLeast: 0.8, value: 0.5 },
    { atLeast: 0.6, value: 0.3 },
  ],
  below: 0,
  domain: { min: 0, max: 1 },
};

/** Grade tables: GRADE's scales. */
export const GRADE_SCALES: Readonly<Record<string, BandTable<string>>> = {
  [hainanWechat.id]: hainanWechat,
  [dongguanAnnual.id]: dongguanAnnual,
};

/** Every preset band table by id: BAND's scales. */
export const BAND_SCALES: Readonly<Record<string, BandTable<string | number>>> = {
  ...GRADE_SCALES,
  [wechatActivity.id]: wechatActivity,
  [wechatCoverage.id]: wechatCoverage,
  [wechatOrgCoverage.id]: wechatOrgCoverage,
};

/** §3: the three sources of the annual assessment and their fixed weights. */
export const dongguanAnnualWeights: { id: string; components: WeightedComponent[] } = {
  id: "dongguan-annual",
  components: [
    { name: "党政评价", weight: 0.3 },
    { name: "团内考核", weight: 0.5 },
    { name: "青年评议", weight: 0.2 },
  ],
};
