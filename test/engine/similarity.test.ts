import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  normalizeForSimilarity,
  sharedPassage,
  similarity,
  stockMask,
} from "../../src/engine/similarity";
import { generateCorpus } from "../support/corpus";

// Two unrelated items written the way units write them: same genre, same formulas.
const TREE_PLANTING =
  "3月12日上午，常营地区团委组织辖区团员青年在常营公园开展义务植树活动。活动中，共青团员们挥锹铲土、扶苗培土，" +
  "共栽下油松、银杏等树苗一百二十余株。常营地区团委书记表示，植树节是倡导绿色生活的好机会，团委将继续带领青年" +
  "守护家门口的绿地。";
const READING_CLUB =
  "为深入开展学习活动，双井街道团工委近日举办青年读书分享会，邀请北京师范大学的老师为社区青年导读《平凡的世界》。" +
  "参加活动的团员青年结合自身经历，交流了读书心得。大家表示，要把书中的奋斗精神带到岗位上，在工作中不断成长。";
const FIRE_DRILL =
  "11月9日，望京街道团工委联合消防中队在望京西园三区组织消防安全演练。消防官兵讲解了灭火器的使用方法和楼道逃生要领，" +
  "居民们亲手操作灭火器扑灭油盆火。此次演练共有八十余名居民和志愿者参加，提高了大家的自救能力。";

describe("similarity", () => {
  it("is 1 for identical texts, whatever the spacing, punctuation and width", () => {
    expect(similarity(TREE_PLANTING, TREE_PLANTING)).toBe(1);
    const reformatted = TREE_PLANTING.replace(/，/g, ", ").replace(/3/g, "３") + "\n";
    expect(similarity(TREE_PLANTING, reformatted)).toBe(1);
  });

  it("is near 0 for unrelated league prose", () => {
    expect(similarity(TREE_PLANTING, READING_CLUB)).toBeLessThan(0.15);
    expect(similarity(TREE_PLANTING, FIRE_DRILL)).toBeLessThan(0.15);
    expect(similarity(READING_CLUB, FIRE_DRILL)).toBeLessThan(0.15);
  });

  it("counts stock phrases for little: sharing only formulas is not copying", () => {
    const formula = "共青团朝阳区委组织团员青年开展志愿服务活动，进一步发挥青年作用。";
    const a = formula + "小红门的孩子们在凉水河边捡拾垃圾，还画了一幅护河地图。";
    const b = formula + "麦子店的老人们学会了用手机挂号，连声夸奖小老师耐心细致。";
    // Word for word the same 30-character sentence, about half of each text; but it is
    // nothing but formulas, and the content differs.
    expect(similarity(a, b)).toBeLessThan(0.2);
    expect(similarity(a, b)).toBeGreaterThan(0);
  });

  it("reaches 0.4 when half of the shorter text was copied from the other", () => {
    const firstHalf = TREE_PLANTING.slice(0, Math.ceil(TREE_PLANTING.length / 2));
    const copier = FIRE_DRILL.slice(0, Math.floor(TREE_PLANTING.length / 2)) + firstHalf;
    expect(similarity(copier, TREE_PLANTING)).toBeGreaterThanOrEqual(0.4);
    // A short item that copies a passage of a long one: containment, not overlap.
    const long = READING_CLUB + FIRE_DRILL + TREE_PLANTING + READING_CLUB.split("").reverse().join("");
    const short = "劲松街道团工委简讯：" + FIRE_DRILL.slice(0, 60);
    expect(similarity(short, long)).toBeGreaterThanOrEqual(0.6);
  });

  it("stays high for a lightly edited copy", () => {
    const edited = TREE_PLANTING.replace("一百二十余株", "一百余株").replace("3月12日上午", "3月13日").replace("好机会", "好时机");
    expect(similarity(TREE_PLANTING, edited)).toBeGreaterThan(0.8);
  });

  it("scores blank text 0, and very short text by whether it appears whole", () => {
    expect(similarity("", "")).toBe(0);
    expect(similarity("", TREE_PLANTING)).toBe(0);
    expect(similarity("。，、", "！")).toBe(0);
    expect(similarity("植树", TREE_PLANTING)).toBe(1);
    expect(similarity("读书", TREE_PLANTING)).toBe(0);
  });

  it("is symmetric and stays within [0, 1]", () => {
    const chars = fc.constantFrom(..."共青团员开展植树读书活动青年，。 ABab12");
    const text = fc.array(chars, { maxLength: 60 }).map((cs) => cs.join(""));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const s = similarity(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(similarity(b, a)).toBe(s);
      }),
    );
  });

  it("separates planted copies from unrelated items on a generated corpus", () => {
    const { docs, planted } = generateCorpus({ size: 120, seed: 11, copyShare: 0.25 });
    const whole = planted.filter((p) => p.kind === "whole" || p.kind === "edited");
    expect(whole.length).toBeGreaterThan(3);
    for (const p of whole) expect(similarity(docs[p.a].text, docs[p.b].text)).toBeGreaterThan(0.8);
    const copiedIds = new Set(planted.flatMap((p) => [p.a, p.b]));
    const originals = docs.filter((d) => !copiedIds.has(d.id)).slice(0, 30);
    const scores = originals.flatMap((a, i) => originals.slice(i + 1).map((b) => similarity(a.text, b.text)));
    scores.sort((x, y) => x - y);
    expect(scores[Math.floor(scores.length * 0.95)]).toBeLessThan(0.15);
  });
});

describe("normalizeForSimilarity", () => {
  const reference = (text: string) => text.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

  it("drops whitespace and punctuation, folds width and case", () => {
    expect(normalizeForSimilarity("共青团 朝阳区委，２０１３年《ＡＢｃ》。")).toBe("共青团朝阳区委2013年abc");
  });

  it("agrees with NFKC plus a Unicode letter-and-digit filter on every character", () => {
    // The fast path covers these blocks; everything else must fall back to the same result.
    const ranges: [number, number][] = [[0x0000, 0x02ff], [0x2000, 0x206f], [0x3000, 0x30ff], [0x4e00, 0x4fff], [0xf900, 0xfaff], [0xfe30, 0xffef]];
    for (const [from, to] of ranges) {
      for (let c = from; c <= to; c++) {
        if (c >= 0xd800 && c <= 0xdfff) continue;
        const text = `团${String.fromCharCode(c)}委`;
        expect(normalizeForSimilarity(text), `U+${c.toString(16)}`).toBe(reference(text));
      }
    }
  });
});

describe("stockMask", () => {
  it("marks stock phrases, longest first, and numbers", () => {
    expect([...stockMask("团员青年植树2013")]).toEqual([1, 1, 1, 1, 0, 0, 1, 1, 1, 1]);
  });
});

describe("sharedPassage", () => {
  it("cuts the longest shared passage from the first text, punctuation and all", () => {
    expect(sharedPassage("团委开展植树活动，共80人参加。", "昨天，团委开展植树活动！")).toBe("团委开展植树活动");
    const copier = "劲松街道团工委简讯：" + FIRE_DRILL.slice(20, 80) + "完。";
    expect(sharedPassage(FIRE_DRILL, copier)).toBe(FIRE_DRILL.slice(20, 80).replace(/^[，。]+|[，。]+$/g, ""));
  });

  it("bridges punctuation the two texts write differently", () => {
    expect(sharedPassage("植树、浇水、培土", "植树,浇水,培土")).toBe("植树、浇水、培土");
    // Characters outside the common blocks: a supplementary ideograph, a circled digit.
    expect(sharedPassage("𠮷野家团委开展植树。", "昨日𠮷野家团委开展了")).toBe("𠮷野家团委开展");
    expect(sharedPassage("第①组团员青年植树", "第1组团员青年")).toBe("第①组团员青年");
  });

  it("returns an empty string when fewer than three characters are shared in a row", () => {
    expect(sharedPassage(TREE_PLANTING, "")).toBe("");
    expect(sharedPassage("植树节", "树植节")).toBe("");
  });

  it("finds as long a run as the quadratic dynamic programme does", () => {
    const longestCommonRun = (a: string, b: string) => {
      let best = 0;
      let previous = new Array<number>(b.length + 1).fill(0);
      for (let i = 1; i <= a.length; i++) {
        const row = new Array<number>(b.length + 1).fill(0);
        for (let j = 1; j <= b.length; j++) {
          if (a[i - 1] === b[j - 1]) best = Math.max(best, (row[j] = previous[j - 1] + 1));
        }
        previous = row;
      }
      return best;
    };
    const text = fc.array(fc.constantFrom(..."团员青年植树"), { maxLength: 40 }).map((cs) => cs.join(""));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const expected = longestCommonRun(a, b);
        expect(sharedPassage(a, b).length).toBe(expected >= 3 ? expected : 0);
      }),
    );
  });

  it("handles two 2,000-character items, even highly repetitive ones", () => {
    const { docs } = generateCorpus({ size: 40, seed: 3, longShare: 1 });
    const a = docs[0].text;
    const b = docs[1].text + a.slice(500, 900) + docs[2].text;
    expect(normalizeForSimilarity(sharedPassage(a, b)).length).toBeGreaterThanOrEqual(
      normalizeForSimilarity(a.slice(500, 900)).length,
    );
    expect(sharedPassage("哈".repeat(2000), "哈".repeat(1500))).toBe("哈".repeat(1500));
  });
});
