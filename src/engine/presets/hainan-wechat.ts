import type { ItemizedRubric, ScoreItem } from "../rubric/assessment-rubrics";
import { hainanWechat, wechatActivity, wechatCoverage, wechatOrgCoverage } from "./bands";

const item = (id: string, label: string, aliases: string[], max: number, min = 0): ScoreItem => ({ id, label, aliases, max, min });

/**
 * 海南 2013 WeChat platform assessment (RUBRICS.md §4, seed 003). The document's table is
 * partly lost: the known items add up to 8.5 of 10, and the office adds the rest on its
 * rubric sheet. The two coverage items can deduct 0.2, hence their minimum. The meetings item
 * is scored by rule: 0.2 for a written rule, 0.1 per recorded meeting, at most its maximum of 1.
 */
export const hainanWechatRubric: ItemizedRubric = {
  kind: "itemized",
  id: "hainan-wechat",
  name: "海南共青团微信工作综合考评",
  totalMax: 10,
  sections: [
    {
      id: "一",
      label: "落实全省微信工作",
      max: 3,
      items: [
        item("1.1", "完善微信工作机制", ["工作机制", "微信工作机制"], 1),
        item("1.2", "建立微信工作年度考核制度", ["年度考核", "年度考核制度"], 1),
        { ...item("1.3", "建立微信工作例会制度", ["例会", "例会制度", "工作例会"], 1), tally: { rulePoints: 0.2, perCount: 0.1 } },
      ],
    },
    {
      id: "二",
      label: "微信群情况",
      max: 2.5,
      items: [
        item("2.1", "公众平台开通情况", ["公众平台开通", "公众平台"], 0.4),
        item("2.2", "团员青年覆盖比例", ["团员覆盖", "覆盖团员青年"], 0.8, -0.2),
        item("2.3", "微信群覆盖上报团员比例", ["上报团员覆盖", "微信群覆盖团员"], 0.8, -0.2),
        item("2.4", "团组织层级类型覆盖比例", ["层级覆盖", "组织覆盖"], 0.5),
      ],
    },
    {
      id: "三",
      label: "微信群管理、监督运营情况",
      max: 3,
      items: [
        item("3.1", "微信群管理情况", ["微信群管理"], 0.5),
        item("3.2", "公众平台内容发布情况", ["内容发布"], 0.5),
      ],
    },
  ],
  grades: hainanWechat,
  selfTolerance: 1,
  awardLine: 6,
  spotChecks: { levels: wechatActivity, vetoLevel: "差", streak: 3, cappedGrade: "良好" },
  dailyPosts: 1,
  scoringBands: [wechatCoverage, wechatOrgCoverage],
  rankMethod: "dense",
};
