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
 * 2. An inverted index (built by sorting key–body pairs, no per-key objects) lists the
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
  normalizeForSimilarity,
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

/**
 * A 32-bit hash of the index key at `i` (murmur3-style mixing of its units), so residues are
 * evenly spread whatever the characters.
 */
function keyHash(normalized: string, i: number): number {
  let h = 0x9e3779b1;
  for (let k = i; k < i + INDEX_GRAM_SIZE; k++) h = Math.imul(h ^ normalized.charCodeAt(k), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The distinct sampled key hashes of one normalised body, sorted. */
function sampleKeys(normalized: string, scratch: Uint32Array): Uint32Array {
  const mask = stockMask(normalized);
  let count = 0;
  let stockInWindow = 0;
  for (let i = 0; i < normalized.length; i++) {
    stockInWindow += mask[i];
    if (i >= INDEX_GRAM_SIZE) stockInWindow -= mask[i - INDEX_GRAM_SIZE];
    const first = i - INDEX_GRAM_SIZE + 1;
    if (first < 0 || INDEX_GRAM_SIZE - stockInWindow < MIN_SAMPLE_CONTENT) continue;
    const hash = keyHash(normalized, first);
    if (hash % SAMPLE_RATE === 0) scratch[count++] = hash;
  }
  const sorted = scratch.subarray(0, count).sort();
  let distinct = 0;
  for (let k = 0; k < count; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) sorted[distinct++] = sorted[k];
  return sorted.slice(0, distinct);
}

/**
 * Pairs of bodies where one repeats a good part of the other: every pair whose
 * {@link similarity} reaches the threshold, found through an index of rare trigrams rather
 * than by comparing all pairs (on generated corpora it finds over 95% of what brute force finds).
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

  // Pass 1: sample every body. Gram and body are packed into one double (32 + 21 bits), so
  // the whole index is one typed-array sort instead of millions of small arrays.
  const docFactor = 2 ** Math.max(1, Math.ceil(Math.log2(n + 1)));
  let packed = new Float64Array(Math.max(1024, n * 32));
  let packedCount = 0;
  let scratch = new Uint32Array(4096);
  // Whole-text hashes, so that identical short bodies are paired even with no sampled gram.
  const textHashes = new Float64Array(n).fill(-1);
  // Each body's samples, in body order, for estimating a candidate's containment cheaply.
  const sampleStart = new Int32Array(n + 1);
  for (let d = 0; d < n; d++) {
    sampleStart[d] = packedCount;
    if (d % PROGRESS_EVERY === 0) {
      if (shouldStop?.()) return [];
      onProgress?.((d / n) * 0.4);
    }
    const normalized = normalizeForSimilarity(docs[d].text ?? "");
    if (normalized.length < minLength) continue;
    textHashes[d] = textHash(normalized);
    if (scratch.length < normalized.length) scratch = new Uint32Array(normalized.length * 2);
    const grams = sampleKeys(normalized, scratch);
    if (packed.length < packedCount + grams.length) {
      const grown = new Float64Array(Math.max(packed.length * 2, packedCount + grams.length));
      grown.set(packed.subarray(0, packedCount));
      packed = grown;
    }
    for (const hash of grams) packed[packedCount++] = hash * docFactor + d;
  }
  sampleStart[n] = packedCount;
  const samples = new Uint32Array(packedCount);
  for (let k = 0; k < packedCount; k++) samples[k] = Math.floor(packed[k] / docFactor);
  const entries = packed.subarray(0, packedCount).sort();
  const hashOf = new Uint32Array(packedCount);
  const docOf = new Int32Array(packedCount);
  for (let k = 0; k < packedCount; k++) {
    const hash = Math.floor(entries[k] / docFactor);
    hashOf[k] = hash;
    docOf[k] = entries[k] - hash * docFactor;
  }

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
function textHash(normalized: string): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < normalized.length; i++) {
    const c = normalized.charCodeAt(i);
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
