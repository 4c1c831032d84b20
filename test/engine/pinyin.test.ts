import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { PLACE_READINGS, loadPinyin, shortName, unitCode, unitCodeSync } from "../../src/engine/pinyin";

// Every unit of seed 000's 2013 ranking, with the code worked out by hand from the names'
// correct readings (朝 is cháo, 屯 tún, 垡 fá, 厦 in 大厦 shà, 将台 jiāng). Left out: 弘朝伟业公司,
// a company name whose 朝 could be read either way.
const SEED_000_CODES: [string, string][] = [
  ["双井街道团工委", "sjjd"], ["大屯街道团工委", "dtjd"], ["三里屯街道团工委", "sltjd"],
  ["八里庄街道团工委", "blzjd"], ["左家庄街道团工委", "zjzjd"], ["亚运村街道团工委", "yycjd"],
  ["六里屯街道团工委", "lltjd"], ["奥运村街道团工委", "aycjd"], ["团结湖街道团工委", "tjhjd"],
  ["机场街道团工委", "jcjd"], ["香河园街道团工委", "xhyjd"], ["潘家园街道团工委", "pjyjd"],
  ["呼家楼街道团工委", "hjljd"], ["望京街道团工委", "wjjd"], ["酒仙桥街道团工委", "jxqjd"],
  ["垡头街道团工委", "ftjd"], ["朝外街道团工委", "cwjd"], ["东湖街道筹备处团工委", "dhjdcbc"],
  ["安贞街道团工委", "azjd"], ["劲松街道团工委", "jsjd"], ["小关街道团工委", "xgjd"],
  ["建外街道团工委", "jwjd"], ["麦子店街道团工委", "mzdjd"], ["和平街街道团工委", "hpjjd"],
  ["常营地区团委", "cydq"], ["管庄地区团委", "gzdq"], ["孙河地区团委", "shdq"],
  ["平房地区团委", "pfdq"], ["十八里店地区团委", "sblddq"], ["南磨房地区团委", "nmfdq"],
  ["三间房地区团委", "sjfdq"], ["王四营地区团委", "wsydq"], ["东风地区团委", "dfdq"],
  ["东坝地区团委", "dbdq"], ["小红门地区团委", "xhmdq"], ["高碑店地区团委", "gbddq"],
  ["豆各庄地区团委", "dgzdq"], ["崔各庄地区团委", "cgzdq"], ["将台地区团委", "jtdq"],
  ["太阳宫地区团委", "tygdq"], ["来广营地区团委", "lgydq"], ["黑庄户地区团委", "hzhdq"],
  ["金盏地区团委", "jzdq"],
  ["北京市朝阳区团教工委", "tjgw"], ["朝阳区卫生局团委", "wsj"], ["朝阳区园林绿化局团委", "yllhj"],
  ["朝阳区人民法院团委", "rmfy"], ["朝阳区国家税务局团委", "gjswj"], ["朝阳区环境保护局团总支", "hjbhj"],
  ["朝阳区地方税务局团委", "dfswj"], ["朝阳区人力资源和社会保障局团委", "rlzyhshbzj"],
  ["朝阳区民防（地震）局团支部", "mfdzj"], ["公安局朝阳分局团委", "gajcyfj"],
  ["朝阳区质量技术监督局团支部", "zljsjdj"], ["北京潘家园国际民间文化发展有限公司团支部", "bjpjygjmjwhfzyxgs"],
  ["朝阳区人民检察院团委", "rmjcy"], ["朝阳区环境卫生服务中心团委", "hjwsfwzx"],
  ["北京京客隆商业集团股份有限公司团委", "bjjklsyjtgfyxgs"], ["朝阳区房屋管理局团委", "fwglj"],
  ["朝阳区水务局团委", "swj"], ["北京奥林匹克公园管理委员会团委", "bjalpkgyglwyh"],
  ["北京朝阳公园开发经营公司团总支", "bjcygykfjygs"], ["北京京广中心有限公司团委", "bjjgzxyxgs"],
  ["北京昆泰房地产开发集团团总支", "bjktfdckfjt"], ["北京蓝岛大厦有限责任公司团委", "bjlddsyxzrgs"],
  ["北京世奥森林公园开发经营有限公司团委", "bjsaslgykfjyyxgs"],
  ["北京市朝阳金盏金融服务园区管委会团支部", "cyjzjrfwyqgwh"], ["北京市朝阳区残疾人联合会团支部", "cjrlhh"],
  ["北京市朝阳区城市管理监察大队团支部", "csgljcdd"], ["北京市商务中心区管理委员会团工委（含机关）", "swzxqglwyh"],
  ["北京望京新兴产业区综合开发公司团委", "bjwjxxcyqzhkfgs"], ["朝阳宾馆团委", "cybg"],
  ["朝阳区财政局团总支", "czj"], ["朝阳区第三建筑公司团支部", "dsjzgs"], ["朝阳区工商局团委", "gsj"],
  ["朝阳区广播电视新闻中心团委", "gbdsxwzx"], ["朝阳区规划局团支部", "ghj"],
  ["朝阳区建筑工程公司团总支", "jzgcgs"], ["朝阳区民政局团总支", "mzj"], ["朝阳区民主党派机关团支部", "mzdpjg"],
  ["朝阳区农村集体经济办公室（经管站）团支部", "ncjtjjbgsjgz"], ["朝阳区人民政府后勤服务中心团委", "rmzfhqfwzx"],
  ["朝阳区审计局团支部", "sjj"], ["朝阳区市政市容管理委员会团支部", "szsrglwyh"], ["朝阳区司法局团支部", "sfj"],
  ["朝阳区私营个体经济协会团工委", "sygtjjxh"], ["朝阳区体育局团支部", "tyj"], ["朝阳区投资促进局团支部", "tzcjj"],
  ["朝阳区温榆河生态走廊建设管理委员会办公室团支部", "wyhstzljsglwyhbgs"], ["朝阳区文化委员会团委", "whwyh"],
  ["朝阳区直属机关团工委", "zsjg"], ["国家安全局朝阳分局团支部", "gjaqjcyfj"],
];

describe("unit login codes", () => {
  beforeAll(() => loadPinyin());

  it("matches the three examples of RUBRICS.md §6", async () => {
    expect(await unitCode("团结湖街道")).toBe("tjhjd");
    expect(await unitCode("常营地区团委")).toBe("cydq");
    expect(await unitCode("工商分局")).toBe("gsfj");
  });

  it("reads place names from its own table before the converter", () => {
    expect(unitCodeSync("单县")).toBe("sx"); // shàn, where a converter says dān
    expect(unitCodeSync("朝阳")).toBe("cy"); // cháo, not zhāo
    const expected: Record<string, string> = {
      长沙: "cs", 重庆: "cq", 蚌埠: "bb", 番禺: "py", 乐亭: "lt", 亳州: "bz", 六里屯: "llt",
      垡头: "ft", 大屯: "dt", 六安: "la", 厦门: "xm", 铅山: "ys", 蔚县: "yx", 单县团委: "sx",
    };
    for (const [name, code] of Object.entries(expected)) expect(unitCodeSync(name), name).toBe(code);
  });

  it("gives every unit of seed 000 the code its readings call for", () => {
    expect(SEED_000_CODES).toHaveLength(92);
    for (const [name, code] of SEED_000_CODES) expect(unitCodeSync(name), name).toBe(code);
  });

  it("gives distinct units distinct codes in seed 000", () => {
    const codes = SEED_000_CODES.map(([name]) => unitCodeSync(name));
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("keeps letters and digits, folds width, drops spaces and symbols", () => {
    expect(unitCodeSync(" ＣＢＤ 青年汇 ")).toBe("cbdqnh");
    expect(unitCodeSync("第3社区团支部")).toBe("d3sq");
    expect(unitCodeSync("")).toBe("");
    expect(unitCodeSync("团委")).toBe("tw");
  });

  it("has one syllable per character in every place reading", () => {
    for (const [place, reading] of Object.entries(PLACE_READINGS)) {
      expect(reading.split(" "), place).toHaveLength(Array.from(place).length);
    }
  });
});

describe("shortName", () => {
  it("drops the league-body suffix, a note after it, and the district prefix", () => {
    expect(shortName("团结湖街道团工委")).toBe("团结湖街道");
    expect(shortName("北京市商务中心区管理委员会团工委（含机关）")).toBe("商务中心区管理委员会");
    expect(shortName("北京市朝阳区团教工委")).toBe("团教工委");
    expect(shortName("北京京客隆商业集团股份有限公司团委")).toBe("北京京客隆商业集团股份有限公司");
    expect(shortName("朝阳宾馆团委")).toBe("朝阳宾馆");
    expect(shortName("朝阳区")).toBe("朝阳区");
  });
});

describe("loading", () => {
  it("needs loadPinyin before the synchronous form", async () => {
    vi.resetModules();
    const fresh = await import("../../src/engine/pinyin/unit-code");
    expect(fresh.isPinyinLoaded()).toBe(false);
    expect(() => fresh.unitCodeSync("双井街道")).toThrow(/loadPinyin/);
    expect(await fresh.unitCode("双井街道")).toBe("sjjd");
    expect(fresh.isPinyinLoaded()).toBe(true);
  });

  it("imports the converter only dynamically, so start-up bundles do not carry it", () => {
    const folder = join(__dirname, "../../src/engine/pinyin");
    for (const file of readdirSync(folder)) {
      const source = readFileSync(join(folder, file), "utf8");
      expect(source, file).not.toMatch(/^\s*import\s[^(]*["']pinyin-pro["']/m);
    }
  });
});
