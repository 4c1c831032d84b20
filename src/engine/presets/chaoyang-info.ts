import type { InfoRubric } from "../rubric/info-rubric";

/**
 * 朝阳共青团基层团组织信息工作管理办法 (seed 000), with seed 001's one-fifth weight and an
 * unset veto line. Every number here is from RUBRICS.md §1–§2; those marked office-set there
 * are defaults the office may change on its rubric sheet.
 */
export const chaoyangInfo: InfoRubric = {
  kind: "info",
  id: "chaoyang-info",
  name: "朝阳信息工作积分",
  itemTypes: {
    event: { label: "事件类", aliases: ["事件", "事件类信息", "动态", "动态信息", "动态新闻", "事"], guidanceLength: 400 },
    comprehensive: { label: "综合类", aliases: ["综合", "综合类信息", "经验", "调研", "综"], guidanceLength: 2000 },
  },
  lengthTolerance: { below: 0.5, above: 2 },
  quotas: { monthlyItems: 3, yearlyItems: 36, quarterlyComprehensive: 1 },
  basePointsPerMonth: 1,
  comprehensiveBonus: 2,
  channels: [
    {
      id: "district-site",
      name: "团区委网站“基层信息”",
      aliases: ["团区委网站", "区团委网站", "团区委网站基层信息", "青春朝阳网"],
      points: { event: 1, comprehensive: 3 },
    },
    { id: "chaoyang-tuanxun", name: "《朝阳团讯》", aliases: ["朝阳团讯"], points: { event: 3, comprehensive: null } },
    {
      id: "district-intranet",
      name: "区政府内网“朝阳新闻”",
      aliases: ["朝阳新闻", "区政府内网", "内网朝阳新闻"],
      points: { event: 3, comprehensive: 3 },
    },
    {
      id: "district-internet",
      name: "区政府外网“基层动态”",
      aliases: ["北京朝阳", "基层动态", "区政府外网", "外网基层动态"],
      points: { event: 3, comprehensive: 3 },
    },
    {
      id: "city-site",
      name: "团市委网站“基层信息”",
      aliases: ["团市委网站", "团市委网站基层信息"],
      points: { event: 3, comprehensive: null },
    },
    { id: "beijing-tuanxun", name: "《北京团讯》", aliases: ["北京团讯"], points: { event: null, comprehensive: 3 } },
    { id: "work-research", name: "《工作研究》", aliases: ["工作研究"], points: { event: null, comprehensive: 3 } },
  ],
  ambiguousChannels: [{ alias: "基层信息", channelIds: ["district-site", "city-site"] }],
  penalties: [
    { reason: "重大信息漏报", aliases: ["漏报", "信息漏报", "重大漏报"], points: 2 },
    { reason: "重复信息", aliases: ["重复", "重复报送"], points: 2 },
    { reason: "抄袭信息", aliases: ["抄袭"], points: 2 },
  ],
  penaltyRemovesEligibility: true,
  lateReportDays: 2,
  rankMethod: "dense",
  assessment: { share: 0.2, vetoLine: null },
};
