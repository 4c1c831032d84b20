import type { TieredRubric } from "../rubric/assessment-rubrics";

/**
 * 湖南 2015 青年文明号 management assessment (RUBRICS.md §5, seed 004): five modules out of
 * 100, two evaluations a term averaged, ranked and cut into tiers that adjust each unit's quota.
 * Tier sizes (near-equal) and ratios are office-set defaults. 其他 holds deductions too, so it
 * has no lower limit. 活动覆盖领域 is assessed for city committees only, not for industry (行业)
 * units (附件2 有关说明 1).
 */
export const hunanWmhRubric: TieredRubric = {
  kind: "tiered",
  id: "hunan-wmh",
  name: "湖南青年文明号活动管理工作考评",
  modules: [
    { id: "mechanism", label: "机制规范", max: 10, min: 0 },
    { id: "groundwork", label: "基础工作", max: 20, min: 0 },
    { id: "scale", label: "创建规模", max: 30, min: 0 },
    { id: "brand", label: "品牌建设", max: 30, min: 0 },
    { id: "other", label: "其他", max: 10, min: null },
  ],
  // 创建规模's two items. The document does not split the module's 30 points between them,
  // so their maxima are left for the office to set; until then 活动覆盖领域 cannot be taken
  // out of an industry unit's scale. By default, leaving it out reduces the unit's maximum.
  items: [
    { module: "scale", label: "活动覆盖领域", max: null, notAssessedFor: ["行业"] },
    { module: "scale", label: "基层创建规模", max: null, notAssessedFor: [] },
  ],
  notAssessed: "exclude",
  evaluationsPerTerm: 2,
  evaluationMonths: { odd: 11, even: 9 },
  tiers: [
    { tier: 1, quotaAdjustment: 0.2, share: null },
    { tier: 2, quotaAdjustment: 0.1, share: null },
    { tier: 3, quotaAdjustment: 0, share: null },
    { tier: 4, quotaAdjustment: -0.1, share: null },
    { tier: 5, quotaAdjustment: -0.2, share: null },
  ],
  quotaMultiplier: 10,
  quotas: [
    { unit: "长沙", base: 10 },
    { unit: "衡阳", base: 7 },
    { unit: "株洲", base: 7 },
    { unit: "湘潭", base: 7 },
    { unit: "邵阳", base: 6 },
    { unit: "岳阳", base: 6 },
    { unit: "常德", base: 6 },
    { unit: "张家界", base: 5 },
    { unit: "益阳", base: 6 },
    { unit: "郴州", base: 6 },
    { unit: "永州", base: 6 },
    { unit: "怀化", base: 6 },
    { unit: "娄底", base: 6 },
    { unit: "湘西", base: 5 },
    { unit: "省直团工委", base: 7 },
    { unit: "省非公团工委", base: 8 },
    { unit: "电力", base: 5 },
    { unit: "教育", base: 6 },
  ],
  nonPublicMin: 1,
  rankMethod: "dense",
};
