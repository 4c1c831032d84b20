/**
 * A deterministic corpus of synthetic league news items, with planted copies, for testing
 * and benchmarking the near-duplicate finder. Same seed, same corpus, on every machine.
 *
 * Items are built the way real ones read: a dated opening that names the unit, the place and
 * the activity, sentences about what happened and who came, a quote from a leader, and the
 * stock phrases every item uses. Content words are drawn from a few hundred, so two
 * unrelated items share league vocabulary but not sentences.
 */

import { seededRandom } from "../../src/sample/random";

/** Unit names from the 2013 ranking of 朝阳 (seed document 000), a sample of each system. */
export const CHAOYANG_UNITS: readonly string[] = [
  "双井街道团工委", "大屯街道团工委", "三里屯街道团工委", "八里庄街道团工委", "左家庄街道团工委",
  "亚运村街道团工委", "六里屯街道团工委", "奥运村街道团工委", "团结湖街道团工委", "机场街道团工委",
  "香河园街道团工委", "潘家园街道团工委", "呼家楼街道团工委", "望京街道团工委", "酒仙桥街道团工委",
  "垡头街道团工委", "朝外街道团工委", "安贞街道团工委", "劲松街道团工委", "小关街道团工委",
  "建外街道团工委", "麦子店街道团工委", "和平街街道团工委", "常营地区团委", "管庄地区团委",
  "孙河地区团委", "平房地区团委", "十八里店地区团委", "南磨房地区团委", "三间房地区团委",
  "王四营地区团委", "东风地区团委", "东坝地区团委", "小红门地区团委", "高碑店地区团委",
  "豆各庄地区团委", "崔各庄地区团委", "将台地区团委", "太阳宫地区团委", "来广营地区团委",
  "黑庄户地区团委", "金盏地区团委", "朝阳区卫生局团委", "朝阳区园林绿化局团委", "朝阳区人民法院团委",
  "朝阳区国家税务局团委", "朝阳区环境保护局团总支", "朝阳区地方税务局团委", "公安局朝阳分局团委",
  "朝阳区人民检察院团委", "朝阳区水务局团委", "朝阳宾馆团委", "朝阳区财政局团总支", "朝阳区工商局团委",
];

const SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文";
const GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉建文波宁斌红梅晶琳雪飞鑫宇浩凯健俊帆帅旭阳海峰博鸣昊然子涵欣怡梓轩雨桐思远佳琪";
const ROLES = ["书记", "副书记", "委员", "干事", "主任", "副主任", "负责同志", "老师", "社工", "队长"];
const PLACE_HEADS = "金银龙凤翠柳桃杏松竹梅兰荷菊春秋东西南北和平安康乐泰华兴盛祥瑞明光新惠民";
const PLACE_KINDS = ["社区", "小区", "公园", "广场", "中学", "小学", "文化站", "活动中心", "敬老院", "图书馆", "体育馆", "服务站"];
const ACTIVITY_KINDS = [
  "植树", "读书会", "义诊", "环保宣传", "交通文明引导", "敬老助老", "助残", "法律咨询", "消防演练",
  "红色观影", "健步走", "篮球赛", "书法展", "垃圾分类宣传", "社区清扫", "慰问环卫工人", "创业沙龙",
  "网络安全讲座", "防范诈骗宣讲", "心理健康辅导", "学雷锋", "义卖", "献血", "亲子运动会", "非遗体验",
  "科普讲座", "就业招聘", "手工制作", "摄影比赛", "知识竞赛", "演讲比赛", "文艺汇演", "绿色骑行",
];
const AUDIENCES = ["辖区居民", "中小学生", "社区老人", "外来务工青年", "青年职工", "少先队员", "大学生", "留守儿童", "残疾人朋友", "新婚夫妇", "青年党员", "企业员工"];
const THEMES = ["青春心向党", "文明伴我行", "绿色家园", "书香社区", "平安你我", "关爱从身边做起", "我的中国梦", "传承雷锋精神", "健康生活", "低碳出行", "邻里一家亲", "爱心传递温暖"];
// Content words: what makes one item differ from the next.
const WORDS = (
  "讲解 知识 现场 居民 老人 儿童 家长 老师 同学 环境 卫生 安全 文明 交通 消防 法律 健康 心理 文化 传统 " +
  "历史 红色 经典 阅读 书籍 垃圾 分类 绿色 低碳 节能 环保 树苗 花草 绿地 道路 楼道 广告 电线 车辆 路口 " +
  "医生 护士 药品 血压 体检 律师 合同 纠纷 权益 维权 房屋 租赁 就业 岗位 简历 面试 技能 培训 证书 企业 " +
  "创业 项目 资金 政策 税收 补贴 贷款 市场 产品 品牌 网络 手机 信息 诈骗 密码 账户 链接 短信 电话 游戏 " +
  "沉迷 睡眠 情绪 压力 沟通 家庭 父母 孩子 作业 课堂 校园 操场 图书 绘画 音乐 舞蹈 歌曲 诗歌 朗诵 " +
  "书法 剪纸 泥塑 风筝 灯笼 月饼 粽子 饺子 春联 福字 元宵 端午 中秋 重阳 清明 国庆 春节 烈士 英雄 纪念 " +
  "碑前 鲜花 花篮 宣誓 旗帜 徽章 胸卡 横幅 展板 手册 传单 海报 问卷 签名 合影 奖品 证书 礼物 水果 " +
  "蔬菜 食品 衣物 被褥 书包 文具 玩具 轮椅 拐杖 助听 眼镜 雨伞 口罩 手套 扫帚 铁锹 水桶 毛巾 清洁 擦拭 " +
  "打扫 修剪 浇水 施肥 栽种 培土 测量 登记 记录 统计 整理 归档 走访 慰问 看望 陪伴 聊天 倾听 " +
  "帮助 解答 咨询 演示 示范 指导 辅导 点评 交流 分享 讨论 互动 体验 游戏 比赛 表演 展示 评选 表彰 颁奖 " +
  "热情 耐心 细致 认真 踊跃 主动 自发 温暖 感动 欢乐 和谐 有序 整洁 美丽 明亮 宽敞 崭新 便捷 实惠 " +
  "清晨 上午 中午 下午 傍晚 周末 假期 寒假 暑假 雨后 阳光 微风 寒风 雪后 春天 夏天 秋天 冬天 早春 初夏 " +
  "蓝天 白云 湖面 河岸 草坪 树林 花坛 长椅 凉亭 步道 台阶 窗台 门口 院落 胡同 楼顶 地下 车库 站台 桥下"
).split(" ");
const OPENINGS = ["举办了", "开展了", "组织了", "举行了", "启动了"];
const CLOSINGS = [
  "活动得到了居民的一致好评。", "大家纷纷表示收获很大。", "此次活动取得了良好效果。",
  "下一步将把此项活动常态化开展。", "现场气氛热烈，秩序井然。",
];

export interface CorpusDoc {
  id: number;
  text: string;
  /** The unit that sent it. */
  group: string;
}

export type PlantKind = "whole" | "half" | "edited" | "contained";

/** A copy planted on purpose: `b` was made from `a`. */
export interface PlantedPair {
  a: number;
  b: number;
  kind: PlantKind;
}

export interface CorpusOptions {
  /** Number of items. */
  size: number;
  seed?: number;
  /** Share of items that are planted copies of an earlier one. @default 0.1 */
  copyShare?: number;
  /** Share of long comprehensive items (about 2,000 characters) among the originals. @default 0.05 */
  longShare?: number;
  /** Target length of an event item. @default 400 */
  eventLength?: number;
}

/**
 * Generates a corpus with planted copies of four kinds: whole copies (perhaps with a new
 * date), half-copied passages, lightly edited copies, and short items contained in long ones.
 * @example generateCorpus({ size: 3, seed: 1 }).docs.length // 3
 */
export function generateCorpus(options: CorpusOptions): { docs: CorpusDoc[]; planted: PlantedPair[] } {
  const random = seededRandom(options.seed ?? 20140307);
  const copyShare = options.copyShare ?? 0.1;
  const longShare = options.longShare ?? 0.05;
  const eventLength = options.eventLength ?? 400;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const int = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));

  const person = () => pick([...SURNAMES]) + pick([...GIVEN]) + (random() < 0.6 ? pick([...GIVEN]) : "");
  const place = () => pick([...PLACE_HEADS]) + pick([...PLACE_HEADS]) + pick(PLACE_KINDS);
  const words = (count: number) => Array.from({ length: count }, () => pick(WORDS)).join("");
  const date = () => `${int(2012, 2014)}年${int(1, 12)}月${int(1, 28)}日`;
  const shortUnit = (unit: string) => unit.replace(/^朝阳区/, "").replace(/(团工委|团委|团总支|团支部)$/, "");

  const sentence = (unit: string): string => {
    switch (int(0, 7)) {
      case 0:
        return `活动中，${person()}${pick(ROLES)}向${pick(AUDIENCES)}${pick(["讲解了", "介绍了", "演示了"])}${words(2)}的${words(1)}和${words(2)}。`;
      case 1:
        return `${pick(AUDIENCES)}${pick(["认真", "踊跃", "热情"])}${words(2)}，${words(3)}，${words(2)}。`;
      case 2:
        return `此次活动共有${int(10, 300)}名${pick(AUDIENCES)}参加，发放${words(1)}${int(50, 2000)}份。`;
      case 3:
        return `${person()}表示，${shortUnit(unit)}将${words(2)}，${words(3)}，为${words(3)}。`;
      case 4:
        return `${words(3)}，${words(2)}${words(2)}，${words(3)}。`;
      case 5:
        return `志愿者们${pick(["来到", "走进", "前往"])}${place()}，${words(2)}${words(2)}，${words(2)}。`;
      case 6:
        return `${pick(["据悉", "据了解", "另外"])}，${words(2)}${int(2, 30)}${pick(["次", "个", "场"])}，${words(3)}。`;
      default:
        return `${words(2)}的${words(2)}${words(1)}，让${pick(AUDIENCES)}${words(2)}。`;
    }
  };

  const item = (unit: string, length: number): string => {
    let text = `${date()}，${unit}在${place()}${pick(OPENINGS)}以“${pick(THEMES)}”为主题的${pick(ACTIVITY_KINDS)}活动。`;
    while (text.length < length - 20) text += sentence(unit);
    return text + pick(CLOSINGS);
  };
  const itemLength = () => (random() < longShare ? int(1600, 2400) : int(Math.round(eventLength * 0.6), Math.round(eventLength * 1.5)));

  /** Sentences, so copies cut at sentence ends as a person's copy-and-paste does. */
  const sentences = (text: string) => text.match(/[^。！？]+[。！？]?/g) ?? [text];
  const edit = (text: string): string => {
    const chars = [...text];
    const edits = Math.max(1, Math.round(chars.length * 0.03));
    for (let e = 0; e < edits; e++) chars[int(0, chars.length - 1)] = pick([...GIVEN]);
    return chars.join("").replace(/，/g, () => (random() < 0.3 ? "、" : "，"));
  };

  const docs: CorpusDoc[] = [];
  const planted: PlantedPair[] = [];
  for (let id = 0; id < options.size; id++) {
    const unit = pick(CHAOYANG_UNITS);
    if (id === 0 || random() >= copyShare) {
      docs.push({ id, text: item(unit, itemLength()), group: unit });
      continue;
    }
    const source = docs[int(0, docs.length - 1)];
    const parts = sentences(source.text);
    const kind = pick<PlantKind>(["whole", "half", "edited", "contained"]);
    let text: string;
    if (kind === "whole") {
      text = parts.length > 1 && random() < 0.5 ? `${date()}，${unit}` + parts.slice(1).join("") : source.text;
    } else if (kind === "edited") {
      text = edit(source.text);
    } else {
      // A passage of about half the shorter text, or (contained) a short item made almost
      // wholly from a run of the source.
      const own = sentences(item(unit, kind === "half" ? source.text.length : Math.round(eventLength * 0.3)));
      const share = kind === "half" ? 0.55 : 1;
      let want = kind === "half" ? Math.min(source.text.length, eventLength) * share : Math.min(source.text.length * 0.6, eventLength);
      const from = int(0, Math.max(0, parts.length - 3));
      const copied: string[] = [];
      for (let k = from; k < parts.length && want > 0; k++) {
        copied.push(parts[k]);
        want -= parts[k].length;
      }
      const keep = kind === "half" ? own.slice(0, Math.max(1, Math.ceil(own.length / 2))) : own.slice(0, 1);
      text = keep[0] + copied.join("") + keep.slice(1).join("");
    }
    docs.push({ id, text, group: unit });
    planted.push({ a: source.id, b: id, kind });
  }
  return { docs, planted };
}
