/**
 * Finding suspected copies (抄袭信息) among thousands of item bodies without comparing every
 * pair: 20,000 bodies are 200 million pairs, 100,000 are five billion.
 *
 * Containment, not overlap, is what must be found: a short item that copies half of itself
 * from a long one shares a small fraction of the union, so a Jaccard-tuned MinHash/LSH index
 * would miss it. Instead:
 *
 * 1. Each body keeps a sample of its five-character runs ({@link INDEX_GRAM_SIZE}): those
 *    whose hash falls in one residue class. The choice depends on the run alone, so a
 *    passage two bodies share is sampled the same way in both, and the share of shared
 *    samples estimates the containment. Identical bodies are paired by a whole-text hash.
 * 2. An inverted index (built by radix-sorting key–body pairs, no per-key objects) lists the
 *    bodies of each sampled key. Keys in more than {@link MAX_POSTINGS} bodies are dropped
 *    as formula, not copying; they would also make the pair count quadratic.
 * 3. For each body, the later bodies that share enough indexed keys, and whose estimated
 *    containment over all their samples is high enough, are verified with the full
 *    {@link similarity} measure. Only verified pairs are returned.
 *
 * Results are deterministic: the same input gives the same pairs in the same order.
 */
import {
  GRAM_SIZE,
  NormalizedCodes,
  profileText,
  sharedPassage,
  similarityOfProfiles,
  stockMask,
  type SimilarityProfile,
} from "./similarity";

export interface NearDuplicateDoc {
  /** The caller's id for the body, for example its sheet row. */
  id: number;
  text: string;
  /** The unit that sent it; carried through, not used to filter. */
  group?: string;
}

export interface NearDuplicateOptions {
  /** Smallest similarity reported. @default 0.5 */
  threshold?: number;
  /**
   * Bodies with fewer letters and digits than this are left out: a ten-character body
   * "copies" every body it appears in.
   * @default 20
   */
  minLength?: number;
  /** Called now and then with the share of the work done, from 0 to 1. */
  onProgress?: (done: number) => void;
  /** Polled now and then; when it returns true the search stops and returns what it found. */
  shouldStop?: () => boolean;
}

export interface NearDuplicatePair {
  /** Id of the earlier body (in input order). */
  a: number;
  /** Id of the later body. */
  b: number;
  /** {@link similarity} of the two bodies. */
  score: number;
  /** The longest passage they share, as written in `a`. */
  passage: string;
}

/** Bodies a key may appear in before it counts as formula and is left out of the index. */
export const MAX_POSTINGS = 48;

/** One key in SAMPLE_RATE is sampled: a 400-character body keeps up to about 100. */
const SAMPLE_RATE = 4;

/**
 * The index keys on longer grams than the measure. A key's only job is to bring two bodies
 * together, and the rarer it is the cheaper that is. In a large register a trigram recurs
 * in hundreds of unrelated bodies; a five-character run seldom recurs unless it was copied
 * or is formula. (With trigram keys, 100,000 generated bodies either lost a sixth of the
 * pairs to the posting limit or took twice as long.) A copied passage keeps its runs as well
 * as its trigrams; each edit breaks five of them instead of three, which the low candidate
 * bar absorbs.
 */
export const INDEX_GRAM_SIZE = 5;

/** Keys with fewer content characters than this (the rest stock phrases) are not sampled. */
const MIN_SAMPLE_CONTENT = 3;

/**
 * Candidates need at least this share of the expected samples: half the threshold, since
 * sampling is noisy on short bodies and dropped formula keys lower the count.
 */
const CANDIDATE_FACTOR = 0.5;

/**
 * Before the full measure, a candidate's containment is estimated from all its samples,
 * common keys included; it must reach this share of the threshold. The estimate ignores
 * weights, hence the margin.
 */
const ESTIMATE_FACTOR = 0.6;

/** Never fewer than this many shared samples: one shared key is chance. */
const MIN_SHARED_SAMPLES = 2;

const PROGRESS_EVERY = 512;

/** Multiplier of the rolling polynomial hash of a run (odd, so no unit is lost mod 2^32). */
const ROLL = 0x01000193;
/** ROLL to the power INDEX_GRAM_SIZE - 1: the weight of the unit leaving the window. */
const ROLL_OUT = (() => {
  let power = 1;
  for (let k = 1; k < INDEX_GRAM_SIZE; k++) power = Math.imul(power, ROLL);
  return power;
})();

/**
 * Appends the distinct sampled key hashes of one normalised body to `out` from `at`, sorted,
 * and returns where they end. Each run's hash rolls from the previous one (two multiplies per
 * character instead of five), then is mixed (murmur3's finaliser) so that residues are evenly
 * spread whatever the characters.
 */
function sampleKeys(text: NormalizedCodes, out: Uint32Array, at: number): number {
  const { codes, mask, length } = text;
  let count = at;
  let stockInWindow = 0;
  let rolling = 0;
  for (let i = 0; i < length; i++) {
    stockInWindow += mask[i];
    rolling = (Math.imul(rolling, ROLL) + codes[i]) | 0;
    if (i >= INDEX_GRAM_SIZE) stockInWindow -= mask[i - INDEX_GRAM_SIZE];
    if (i < INDEX_GRAM_SIZE - 1) continue;
    const h0 = rolling;
    // Drop the unit that leaves the window before the next one arrives.
    rolling = (rolling - Math.imul(codes[i - INDEX_GRAM_SIZE + 1], ROLL_OUT)) | 0;
    if (INDEX_GRAM_SIZE - stockInWindow < MIN_SAMPLE_CONTENT) continue;
    let h = Math.imul(h0 ^ (h0 >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    h = (h ^ (h >>> 16)) >>> 0;
    if (h % SAMPLE_RATE === 0) out[count++] = h;
  }
  const sorted = out.subarray(at, count).sort();
  let distinct = 0;
  for (let k = 0; k < sorted.length; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) sorted[distinct++] = sorted[k];
  return at + distinct;
}

/**
 * Orders key–body entries by key, keeping body order within a key: three stable counting
 * passes of 11 bits, each moving keys and bodies together. (A typed-array sort of millions of
 * packed doubles took longer than all the rest of the index; 2,048 buckets stay in cache
 * where 65,536 do not.)
 */
function sortByKey(keys: Uint32Array, bodies: Int32Array): { hashOf: Uint32Array; docOf: Int32Array } {
  const count = keys.length;
  let keysFrom: Uint32Array = keys;
  let bodiesFrom: Int32Array = bodies;
  let keysTo: Uint32Array = new Uint32Array(count);
  let bodiesTo: Int32Array = new Int32Array(count);
  const buckets = new Int32Array(RADIX_BUCKETS + 1);
  for (let shift = 0; shift < 32; shift += RADIX_BITS) {
    buckets.fill(0);
    for (let k = 0; k < count; k++) buckets[((keysFrom[k] >>> shift) & (RADIX_BUCKETS - 1)) + 1]++;
    for (let b = 1; b <= RADIX_BUCKETS; b++) buckets[b] += buckets[b - 1];
    for (let k = 0; k < count; k++) {
      const at = buckets[(keysFrom[k] >>> shift) & (RADIX_BUCKETS - 1)]++;
      keysTo[at] = keysFrom[k];
      bodiesTo[at] = bodiesFrom[k];
    }
    // The first pass writes fresh arrays; after it, the two pairs of buffers take turns.
    [keysFrom, bodiesFrom, keysTo, bodiesTo] =
      shift === 0 ? [keysTo, bodiesTo, new Uint32Array(count), bodies] : [keysTo, bodiesTo, keysFrom, bodiesFrom];
  }
  return { hashOf: keysFrom, docOf: bodiesFrom };
}

const RADIX_BITS = 11;
const RADIX_BUCKETS = 1 << RADIX_BITS;

/**
 * Pairs of bodies where one repeats a good part of the other: every pair whose
 * {@link similarity} reaches the threshold, found through an index of sampled five-character
 * runs rather than by comparing all pairs (on generated corpora it finds over 95% of what brute force finds).
 * Same-unit and cross-unit pairs are both returned; the caller decides which matter.
 * @example
 * findNearDuplicates([
 *   { id: 2, text: "双井街道团工委在金桃图书馆举办读书会，二十名青年职工分享了阅读心得。" },
 *   { id: 3, text: "劲松街道团工委组织植树。双井街道团工委在金桃图书馆举办读书会，二十名青年职工分享了阅读心得。" },
 * ]) // [{ a: 2, b: 3, score: 1, passage: "双井街道团工委在金桃图书馆举办读书会，二十名青年职工分享了阅读心得" }]
 */
export function findNearDuplicates(
  docs: readonly NearDuplicateDoc[],
  options: NearDuplicateOptions = {},
): NearDuplicatePair[] {
  const threshold = options.threshold ?? 0.5;
  const minLength = Math.max(GRAM_SIZE, options.minLength ?? 20);
  const { onProgress, shouldStop } = options;
  const n = docs.length;
  if (n > 2 ** 21) throw new RangeError("findNearDuplicates: at most 2,097,152 bodies");

  // Pass 1: sample every body into one array, body after body, each body's keys sorted.
  let keys = new Uint32Array(Math.max(1024, n * 64));
  let keyCount = 0;
  const text = new NormalizedCodes();
  // Whole-text hashes, so that identical short bodies are paired even with no sampled gram.
  const textHashes = new Float64Array(n).fill(-1);
  const sampleStart = new Int32Array(n + 1);
  for (let d = 0; d < n; d++) {
    sampleStart[d] = keyCount;
    if (d % PROGRESS_EVERY === 0) {
      if (shouldStop?.()) return [];
      onProgress?.((d / n) * 0.4);
    }
    if (text.load(docs[d].text ?? "") < minLength) continue;
    textHashes[d] = textHash(text.codes, text.length);
    if (keys.length < keyCount + text.length) {
      const grown = new Uint32Array(Math.max(keys.length * 2, keyCount + text.length));
      grown.set(keys.subarray(0, keyCount));
      keys = grown;
    }
    keyCount = sampleKeys(text, keys, keyCount);
  }
  sampleStart[n] = keyCount;
  const samples = keys.subarray(0, keyCount);
  // The body of each entry, then the entries ordered by key.
  const bodyOf = new Int32Array(keyCount);
  for (let d = 0; d < n; d++) bodyOf.fill(d, sampleStart[d], sampleStart[d + 1]);
  const { hashOf, docOf } = sortByKey(samples, bodyOf);
  const packedCount = keyCount;

  // Pass 2: group equal grams; keep the groups of 2 to MAX_POSTINGS bodies. Within a group
  // bodies are in order, so each entry only needs where its group ends: the bodies after it.
  const groupEnd = new Int32Array(packedCount);
  const indexedSamples = new Int32Array(n);
  const docEntryCount = new Int32Array(n + 1);
  for (let start = 0; start < packedCount; ) {
    let end = start + 1;
    while (end < packedCount && hashOf[end] === hashOf[start]) end++;
    if (end - start <= MAX_POSTINGS) {
      for (let k = start; k < end; k++) indexedSamples[docOf[k]]++;
      if (end - start >= 2) {
        groupEnd.fill(end, start, end - 1);
        for (let k = start; k < end - 1; k++) docEntryCount[docOf[k] + 1]++;
      }
    }
    start = end;
  }

  // Each body's grouped entries, in body order (a counting sort).
  const docEntryStart = docEntryCount;
  for (let d = 0; d < n; d++) docEntryStart[d + 1] += docEntryStart[d];
  const docEntries = new Int32Array(docEntryStart[n]);
  const fill = docEntryStart.slice(0, n);
  for (let k = 0; k < packedCount; k++) if (groupEnd[k] > 0) docEntries[fill[docOf[k]]++] = k;

  const sameText = groupIdentical(textHashes);

  // Pass 3: count shared samples with each later body, verify the promising ones.
  const shared = new Int32Array(n);
  const touched: number[] = [];
  const profiles = new ProfileCache(docs);
  const found: { first: number; second: number; score: number }[] = [];
  for (let d = 0; d < n; d++) {
    if (d % PROGRESS_EVERY === 0) {
      if (shouldStop?.()) break;
      onProgress?.(0.4 + (d / n) * 0.6);
    }
    for (let e = docEntryStart[d]; e < docEntryStart[d + 1]; e++) {
      const entry = docEntries[e];
      for (let k = entry + 1; k < groupEnd[entry]; k++) {
        const other = docOf[k];
        if (shared[other]++ === 0) touched.push(other);
      }
    }
    for (let other = sameText[d]; other >= 0; other = sameText[other]) {
      if (shared[other] === 0) touched.push(other);
      shared[other] += n; // always a candidate
    }
    // Touched in index order, not body order; the pairs are sorted once at the end.
    for (const other of touched) {
      const expected = Math.min(indexedSamples[d], indexedSamples[other]);
      const needed = Math.max(MIN_SHARED_SAMPLES, Math.ceil(CANDIDATE_FACTOR * threshold * expected));
      if (shared[other] >= needed && sampledContainment(samples, sampleStart, d, other) >= ESTIMATE_FACTOR * threshold) {
        const score = similarityOfProfiles(profiles.get(d), profiles.get(other));
        if (score >= threshold) found.push({ first: d, second: other, score });
      }
      shared[other] = 0;
    }
    touched.length = 0;
  }
  found.sort((x, y) => x.first - y.first || x.second - y.second);
  onProgress?.(1);
  return found.map(({ first, second, score }) => ({
    a: docs[first].id,
    b: docs[second].id,
    score,
    passage: sharedPassage(docs[first].text ?? "", docs[second].text ?? ""),
  }));
}

/** Shared samples of two bodies over the smaller sample: a cheap estimate of containment. */
function sampledContainment(samples: Uint32Array, start: Int32Array, x: number, y: number): number {
  let i = start[x];
  let j = start[y];
  const endX = start[x + 1];
  const endY = start[y + 1];
  const smaller = Math.min(endX - i, endY - j);
  if (smaller === 0) return 1; // nothing sampled (identical short bodies): let the measure decide
  let shared = 0;
  while (i < endX && j < endY) {
    if (samples[i] === samples[j]) {
      shared++;
      i++;
      j++;
    } else if (samples[i] < samples[j]) i++;
    else j++;
  }
  return shared / smaller;
}

/** A 52-bit hash of a whole normalised text: two independent 26-bit FNV-style hashes. */
function textHash(codes: Uint16Array, length: number): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < length; i++) {
    const c = codes[i];
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
  }
  return ((h1 >>> 6) * 0x4000000) + (h2 >>> 6);
}

/**
 * For each body, the next later body with the same text hash, or -1: a chain through each
 * set of identical bodies. A hash collision only adds a candidate, which verification drops.
 */
function groupIdentical(hashes: Float64Array): Int32Array {
  const order = Array.from(hashes.keys())
    .filter((d) => hashes[d] >= 0)
    .sort((x, y) => hashes[x] - hashes[y] || x - y);
  const next = new Int32Array(hashes.length).fill(-1);
  for (let k = 0; k + 1 < order.length; k++) {
    if (hashes[order[k]] === hashes[order[k + 1]]) next[order[k]] = order[k + 1];
  }
  return next;
}

/**
 * Profiles of the bodies being verified. A body copied many times is verified against each
 * copy, so its profile is kept; the cache is emptied when it grows, to bound memory on
 * registers where many bodies are candidates.
 */
class ProfileCache {
  private readonly cache = new Map<number, SimilarityProfile>();
  constructor(private readonly docs: readonly NearDuplicateDoc[]) {}

  get(index: number): SimilarityProfile {
    let profile = this.cache.get(index);
    if (!profile) {
      if (this.cache.size >= 4096) this.cache.clear();
      profile = profileText(this.docs[index].text ?? "");
      this.cache.set(index, profile);
    }
    return profile;
  }
}
