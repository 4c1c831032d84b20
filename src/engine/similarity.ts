/**
 * Text similarity for suspected copying (抄袭信息, RUBRICS.md §1): one measure, used by the
 * SIMILARITY custom function and by validation's `near-duplicate` rule alike.
 *
 * The measure is weighted containment over character trigrams: how much of the shorter
 * text's content appears in the other. Containment rather than overlap (Jaccard), because a
 * 400-character event item that copies half of a 2,000-character comprehensive item shares
 * little of the longer text but half of its own.
 *
 * Why trigrams: Chinese words are mostly two characters long, so bigrams are words and every
 * league text shares hundreds of them. A trigram usually spans a word boundary, so shared
 * trigrams mostly come from shared sentences. Longer grams (4, 5) would be even more
 * specific, but every edit inside a copy breaks n grams, and staff do edit the copies they
 * send in; three keeps a lightly edited copy well above the threshold.
 *
 * Stock phrases of league prose (共青团, 团员青年, 开展 … 活动) appear in nearly every item, so
 * the characters they cover count for little: two unrelated items score near 0, not 0.3.
 */

/** Characters per gram. */
export const GRAM_SIZE = 3;

/**
 * Phrases that nearly every league item uses. Characters inside them weigh little, so that
 * sharing them says nothing about copying. Data, not logic: extend it when real registers
 * show another formula that everyone writes.
 */
export const STOCK_PHRASES: readonly string[] = [
  // the league and its people
  "共青团", "团员青年", "青少年", "青年", "团员", "团干部", "团组织", "团委", "团工委", "团总支",
  "团支部", "团区委", "团市委", "基层", "单位", "组织", "同志", "党员", "群众", "朝阳区", "朝阳",
  "北京市", "街道", "社区", "地区", "辖区", "志愿者", "志愿服务", "负责人", "领导",
  // verbs and set phrases of report writing
  "开展", "举办", "举行", "召开", "组织开展", "积极", "深入", "进一步", "推进", "加强", "不断",
  "学习", "贯彻", "落实", "精神", "参加", "参与", "活动", "工作", "会议", "主题", "教育", "服务",
  "广大", "充分", "发挥", "作用", "全面", "提升", "提高", "建设", "发展", "相关", "同时", "取得",
  "良好", "效果", "氛围", "营造", "通过", "此次", "本次", "为了", "以及", "进行", "围绕", "重要",
  "切实", "认真", "有效", "增强", "意识", "实践", "社会", "中心", "结合", "要求", "情况", "我们",
  "他们", "大家", "一步", "表示", "纷纷", "共同", "成功", "圆满", "期间", "日前", "近日", "今年",
  "为主题", "据了解", "据悉", "共有", "发放", "讲解", "介绍", "来到", "走进", "前往", "现场",
  // the people items are about
  "居民", "职工", "老人", "儿童", "学生", "中小学生", "大学生", "少先队员", "留守儿童", "外来务工",
];

/** Weight of a gram made only of stock characters: small, so containment stays defined. */
const STOCK_FLOOR = 0.1;

/** Weight by the number of content characters in a gram (0 to 3). */
const WEIGHT_OF_CODE = [STOCK_FLOOR, 1 / 3, 2 / 3, 1];

const NOT_CONTENT = /[^\p{L}\p{N}]+/gu;

/**
 * The text as the measure sees it: NFKC-folded, lower case, letters and digits only.
 * @example normalizeForSimilarity("共青团 朝阳区委，２０１３年。") // "共青团朝阳区委2013年"
 */
export function normalizeForSimilarity(text: string): string {
  return normalizeCommon(text) ?? text.normalize("NFKC").toLowerCase().replace(NOT_CONTENT, "");
}

/**
 * The same result for text made only of common Chinese characters, ASCII, full-width ASCII
 * and Chinese punctuation, or null for anything else. A register of 100,000 bodies is
 * almost all such text, and Unicode-property regular expressions are several times slower
 * than this loop. A test checks that both paths agree on every character this one accepts.
 */
function normalizeCommon(text: string): string | null {
  let out = "";
  let runStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) continue; // the bulk: kept as they are, in runs
    const folded = foldCommon(c);
    if (folded === UNCOMMON) return null;
    if (i > runStart) out += text.slice(runStart, i);
    runStart = i + 1;
    if (folded !== DROPPED) out += String.fromCharCode(folded);
  }
  return runStart === 0 ? text : out + text.slice(runStart);
}

const DROPPED = -1;
const UNCOMMON = -2;

/** One UTF-16 unit as the fast path folds it: a kept code, DROPPED, or UNCOMMON. */
function foldCommon(code: number): number {
  if (code >= 0x4e00 && code <= 0x9fff) return code; // CJK unified ideographs: NFKC keeps them
  const c = code >= 0xff01 && code <= 0xff5e ? code - 0xfee0 : code; // full-width ASCII
  if ((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a)) return c;
  if (c >= 0x41 && c <= 0x5a) return c + 0x20;
  if (c < 0x80 || isCommonPunctuation(c)) return DROPPED;
  return UNCOMMON;
}

/** Spaces, dashes, quotes, ellipses and CJK punctuation: dropped by either path. */
function isCommonPunctuation(c: number): boolean {
  return (
    (c >= 0x2010 && c <= 0x2027) ||
    (c >= 0x3000 && c <= 0x3004) ||
    (c >= 0x3008 && c <= 0x3011) ||
    (c >= 0x3014 && c <= 0x301f) ||
    c === 0x00a0 ||
    c === 0x00b7 ||
    c === 0xff61 ||
    c === 0xff64
  );
}

/** Stock phrases as UTF-16 codes, by their first character, longest first: the leftmost-longest match wins. */
const stockByFirst = new Map<number, Uint16Array[]>();
/** 1 for a character that starts some stock phrase: most characters do not, and skip the map. */
const startsStock = new Uint8Array(0x10000);
for (const phrase of [...STOCK_PHRASES].sort((a, b) => b.length - a.length)) {
  const first = phrase.charCodeAt(0);
  const codes = Uint16Array.from(phrase, (ch) => ch.charCodeAt(0));
  startsStock[first] = 1;
  const list = stockByFirst.get(first);
  if (list) list.push(codes);
  else stockByFirst.set(first, [codes]);
}

/** Fills `mask` (zeroed) for the first `length` codes: the one implementation of the stock mask. */
function markStock(codes: Uint16Array, length: number, mask: Uint8Array): void {
  for (let i = 0; i < length; ) {
    const c = codes[i];
    if (c >= 0x30 && c <= 0x39) {
      mask[i++] = 1;
      continue;
    }
    let matched = 0;
    if (startsStock[c] === 1) {
      for (const phrase of stockByFirst.get(c)!) {
        if (i + phrase.length > length) continue;
        let k = 1;
        while (k < phrase.length && codes[i + k] === phrase[k]) k++;
        if (k === phrase.length) {
          matched = phrase.length;
          break;
        }
      }
    }
    if (matched > 0) {
      mask.fill(1, i, i + matched);
      i += matched;
    } else i++;
  }
}

/**
 * 1 for each character of a normalised text that belongs to a stock phrase or a number.
 * Numbers count as stock too: every item carries dates and head counts, and 2013年 in two
 * items is no sign of copying.
 * @example stockMask("共青团植树2013") // Uint8Array [1, 1, 1, 0, 0, 1, 1, 1, 1]
 */
export function stockMask(normalized: string): Uint8Array {
  const codes = new Uint16Array(normalized.length);
  for (let i = 0; i < normalized.length; i++) codes[i] = normalized.charCodeAt(i);
  const mask = new Uint8Array(normalized.length);
  markStock(codes, normalized.length, mask);
  return mask;
}

/**
 * One text at a time, normalised as {@link normalizeForSimilarity} does, as UTF-16 codes with
 * their {@link stockMask}, in buffers reused from text to text. Scanning 100,000 bodies this
 * way builds no string and no array per body, which is most of what an index pass would
 * otherwise spend, in garbage collection as much as in work.
 * @example
 * const text = new NormalizedCodes();
 * text.load("共青团 植树。") // 5 (codes 共青团植树, mask 1 1 1 0 0)
 */
export class NormalizedCodes {
  /** The normalised text's codes; only the first `length` are meaningful. */
  codes = new Uint16Array(1024);
  /** The stock mask of those codes. */
  mask = new Uint8Array(1024);
  length = 0;

  /** Normalises `text` into the buffers and returns its length. */
  load(text: string): number {
    this.reserve(text.length);
    const codes = this.codes;
    let length = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const folded = c >= 0x4e00 && c <= 0x9fff ? c : foldCommon(c);
      if (folded >= 0) codes[length++] = folded;
      else if (folded === UNCOMMON) {
        length = this.loadSlowly(text);
        break;
      }
    }
    this.length = length;
    this.mask.fill(0, 0, length);
    markStock(this.codes, length, this.mask);
    return length;
  }

  /** Text with characters outside the fast path: the full normalisation (which may lengthen it). */
  private loadSlowly(text: string): number {
    const normalized = normalizeForSimilarity(text);
    this.reserve(normalized.length);
    for (let i = 0; i < normalized.length; i++) this.codes[i] = normalized.charCodeAt(i);
    return normalized.length;
  }

  private reserve(size: number): void {
    if (this.codes.length >= size) return;
    const grown = Math.max(size, this.codes.length * 2);
    this.codes = new Uint16Array(grown);
    this.mask = new Uint8Array(grown);
  }
}

/**
 * The exact numeric key of the gram starting at `i`: three UTF-16 units of 16 bits each fit
 * in 48 bits, well inside a double's exact range, so keys never collide.
 */
export function gramKey(normalized: string, i: number): number {
  return (
    normalized.charCodeAt(i) * 0x100000000 + normalized.charCodeAt(i + 1) * 0x10000 + normalized.charCodeAt(i + 2)
  );
}

/** Weight of the gram at `i`: the share of its characters outside stock phrases, floored. */
export function gramWeight(mask: Uint8Array, i: number): number {
  return WEIGHT_OF_CODE[GRAM_SIZE - mask[i] - mask[i + 1] - mask[i + 2]];
}

/** A text prepared for comparison: its distinct grams, sorted, with their weights. */
export interface SimilarityProfile {
  readonly normalized: string;
  readonly keys: Float64Array;
  readonly weights: Float64Array;
  readonly total: number;
}

/**
 * Prepares a text once, to compare it with many others.
 * @example profileText("团结湖街道团工委开展植树活动").keys.length // 12
 */
export function profileText(text: string): SimilarityProfile {
  const normalized = normalizeForSimilarity(text);
  const count = Math.max(0, normalized.length - GRAM_SIZE + 1);
  const mask = stockMask(normalized);
  // key * 4 + weight code stays below 2^50, exact in a double; sorting then groups each
  // gram's occurrences with its heaviest one last.
  const packed = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    packed[i] = gramKey(normalized, i) * 4 + (GRAM_SIZE - mask[i] - mask[i + 1] - mask[i + 2]);
  }
  packed.sort();
  const keys = new Float64Array(count);
  const weights = new Float64Array(count);
  let distinct = 0;
  let total = 0;
  for (let k = 0; k < count; k++) {
    const key = Math.floor(packed[k] / 4);
    if (k + 1 < count && Math.floor(packed[k + 1] / 4) === key) continue;
    keys[distinct] = key;
    weights[distinct] = WEIGHT_OF_CODE[packed[k] - key * 4];
    total += weights[distinct++];
  }
  return { normalized, keys: keys.slice(0, distinct), weights: weights.slice(0, distinct), total };
}

/**
 * Similarity of two prepared texts: see {@link similarity}.
 * @example similarityOfProfiles(profileText("甲乙丙丁戊"), profileText("甲乙丙丁戊")) // 1
 */
export function similarityOfProfiles(a: SimilarityProfile, b: SimilarityProfile): number {
  if (a.normalized.length === 0 || b.normalized.length === 0) return 0;
  if (a.normalized === b.normalized) return 1;
  // Too short for a single gram: the only question is whether it appears whole.
  if (a.keys.length === 0 || b.keys.length === 0) {
    const [short, long] = a.normalized.length <= b.normalized.length ? [a, b] : [b, a];
    return long.normalized.includes(short.normalized) ? 1 : 0;
  }
  let sharedA = 0;
  let sharedB = 0;
  let i = 0;
  let j = 0;
  while (i < a.keys.length && j < b.keys.length) {
    const ka = a.keys[i];
    const kb = b.keys[j];
    if (ka === kb) {
      sharedA += a.weights[i++];
      sharedB += b.weights[j++];
    } else if (ka < kb) i++;
    else j++;
  }
  // Each text weighs the shared grams by its own stock mask; the better-covered side is the
  // shorter text in every case that matters, and max() keeps the measure symmetric.
  return Math.min(1, Math.max(sharedA / a.total, sharedB / b.total));
}

/**
 * How much of the shorter text appears in the other, from 0 to 1: weighted trigram
 * containment, with stock phrases of league prose counting for little. Blank text scores 0.
 * Texts shorter than three characters score 1 when they appear whole in the other, else 0.
 *
 * Rough reading: 1 is a copy; 0.4 and up means a passage was copied; below 0.15 the texts
 * merely share league vocabulary.
 * @example similarity("团结湖街道团工委开展植树活动", "团结湖街道团工委开展植树活动。") // 1
 * @example similarity("双井街道举办青年读书会", "常营地区团委组织义务植树") // 0
 */
export function similarity(a: string, b: string): number {
  return similarityOfProfiles(profileText(a), profileText(b));
}

/** A normalised text with, for each of its UTF-16 units, where it came from in the original. */
interface MappedText {
  readonly normalized: string;
  readonly start: Int32Array;
  readonly end: Int32Array;
}

/** Normalises code point by code point, so that a match can be cut from the original text. */
function normalizeWithMap(text: string): MappedText {
  const units: number[] = [];
  const start: number[] = [];
  const end: number[] = [];
  for (let index = 0; index < text.length; ) {
    const code = text.codePointAt(index)!;
    const width = code > 0xffff ? 2 : 1;
    let folded = width === 1 ? foldCommon(code) : UNCOMMON;
    if (folded === UNCOMMON) {
      // Rare characters take the full path, one code point at a time.
      const extra = normalizeForSimilarity(text.slice(index, index + width));
      folded = DROPPED;
      for (let k = 0; k < extra.length; k++) {
        units.push(extra.charCodeAt(k));
        start.push(index);
        end.push(index + width);
      }
    }
    if (folded !== DROPPED) {
      units.push(folded);
      start.push(index);
      end.push(index + 1);
    }
    index += width;
  }
  let normalized = "";
  for (let k = 0; k < units.length; k += 4096) normalized += String.fromCharCode(...units.slice(k, k + 4096));
  return { normalized, start: Int32Array.from(start), end: Int32Array.from(end) };
}

/**
 * The longest passage the two texts share, as written in `a` (punctuation and spaces inside
 * it kept), or "" when they share fewer than three characters in a row. Compared after the
 * same normalisation as {@link similarity}, so a changed comma does not cut a passage short.
 *
 * Works from shared trigrams: each diagonal run of matches is extended once from its start,
 * so two 2,000-character items take a few thousand steps, not four million.
 * @example sharedPassage("团委开展植树活动，共80人参加。", "昨天，团委开展植树活动！") // "团委开展植树活动"
 */
export function sharedPassage(a: string, b: string): string {
  const ma = normalizeWithMap(a);
  const nb = normalizeForSimilarity(b);
  const na = ma.normalized;
  if (na.length < GRAM_SIZE || nb.length < GRAM_SIZE) return "";

  const positions = new Map<number, number[]>();
  for (let j = 0; j + GRAM_SIZE <= nb.length; j++) {
    const key = gramKey(nb, j);
    const list = positions.get(key);
    if (list) list.push(j);
    else positions.set(key, [j]);
  }

  let bestStart = -1;
  let bestLength = 0;
  for (let i = 0; i + GRAM_SIZE <= na.length; i++) {
    const list = positions.get(gramKey(na, i));
    if (!list) continue;
    for (const j of list) {
      // Only the start of a diagonal run is extended; the rest of the run is already covered.
      if (i > 0 && j > 0 && na.charCodeAt(i - 1) === nb.charCodeAt(j - 1)) continue;
      let length = GRAM_SIZE;
      while (i + length < na.length && j + length < nb.length && na[i + length] === nb[j + length]) length++;
      if (length > bestLength) {
        bestLength = length;
        bestStart = i;
      }
    }
  }
  if (bestStart < 0) return "";
  return a.slice(ma.start[bestStart], ma.end[bestStart + bestLength - 1]);
}
