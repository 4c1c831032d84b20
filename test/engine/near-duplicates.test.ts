import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { findNearDuplicates, type NearDuplicateDoc } from "../../src/engine/near-duplicates";
import { normalizeForSimilarity, profileText, similarity, similarityOfProfiles } from "../../src/engine/similarity";
import { generateCorpus } from "../support/corpus";
import { seededRandom } from "../../src/sample/random";

/** Every pair at or above the threshold, by comparing all of them: the truth to measure against. */
function bruteForce(docs: readonly NearDuplicateDoc[], threshold: number, minLength = 20): Set<string> {
  const profiles = docs.map((d) => profileText(d.text));
  const pairs = new Set<string>();
  for (let i = 0; i < docs.length; i++) {
    if (profiles[i].normalized.length < minLength) continue;
    for (let j = i + 1; j < docs.length; j++) {
      if (profiles[j].normalized.length < minLength) continue;
      if (similarityOfProfiles(profiles[i], profiles[j]) >= threshold) pairs.add(`${docs[i].id}-${docs[j].id}`);
    }
  }
  return pairs;
}

const keysOf = (pairs: { a: number; b: number }[]) => new Set(pairs.map((p) => `${p.a}-${p.b}`));

describe("findNearDuplicates", () => {
  const corpus = generateCorpus({ size: 400, seed: 42, copyShare: 0.2 });

  it("finds at least 95% of the pairs that brute force finds", () => {
    const truth = bruteForce(corpus.docs, 0.5);
    expect(truth.size).toBeGreaterThan(40);
    const found = keysOf(findNearDuplicates(corpus.docs));
    const hits = [...truth].filter((key) => found.has(key)).length;
    expect(hits / truth.size).toBeGreaterThanOrEqual(0.95);
  });

  it("keeps its recall at a lower threshold and with short items copying long ones", () => {
    const mixed = generateCorpus({ size: 300, seed: 7, copyShare: 0.25, longShare: 0.3 });
    const truth = bruteForce(mixed.docs, 0.4);
    const found = keysOf(findNearDuplicates(mixed.docs, { threshold: 0.4 }));
    const hits = [...truth].filter((key) => found.has(key)).length;
    expect(hits / truth.size).toBeGreaterThanOrEqual(0.95);
  });

  it("finds every planted whole and lightly edited copy", () => {
    const found = keysOf(findNearDuplicates(corpus.docs));
    const planted = corpus.planted.filter((p) => p.kind === "whole" || p.kind === "edited");
    expect(planted.length).toBeGreaterThan(10);
    for (const p of planted) expect(found.has(`${p.a}-${p.b}`), `${p.kind} ${p.a}-${p.b}`).toBe(true);
  });

  it("reports only true pairs, with their similarity and shared passage", () => {
    const pairs = findNearDuplicates(corpus.docs);
    const byId = new Map(corpus.docs.map((d) => [d.id, d.text]));
    for (const pair of pairs) {
      expect(pair.a).toBeLessThan(pair.b);
      expect(pair.score).toBeGreaterThanOrEqual(0.5);
      expect(pair.score).toBe(similarity(byId.get(pair.a)!, byId.get(pair.b)!));
      expect(byId.get(pair.a)).toContain(pair.passage);
      expect(normalizeForSimilarity(pair.passage).length).toBeGreaterThanOrEqual(10);
    }
  });

  it("finds copied passages whose short runs recur in hundreds of other bodies", () => {
    // Bodies over a sixteen-character alphabet: every trigram recurs in about a hundred
    // bodies, more than an index keeps per key, while a five-character run seldom recurs
    // unless it was copied. An index keyed on trigrams loses every one of these copies (it
    // found none of them, and 89.6% of the pairs in the 100,000-body benchmark); one keyed
    // on rarer runs must find them all.
    const random = seededRandom(2013);
    const alphabet = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳";
    const noise = (length: number) =>
      Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
    const docs: NearDuplicateDoc[] = [];
    const copies: [number, number][] = [];
    for (let id = 0; id < 1_500; id++) {
      if (id >= 100 && id % 15 === 0) {
        const source = docs[Math.floor(random() * id)].text;
        const from = Math.floor(random() * (source.length - 250));
        docs.push({ id, text: noise(100) + source.slice(from, from + 250) + noise(50) });
        copies.push([docs.findIndex((d) => d.text === source), id]);
      } else docs.push({ id, text: noise(300) });
    }
    const truth = copies.filter(([a, b]) => similarity(docs[a].text, docs[b].text) >= 0.5);
    expect(truth.length).toBeGreaterThan(80);
    const found = keysOf(findNearDuplicates(docs));
    for (const [a, b] of truth) expect(found.has(`${a}-${b}`), `${a}-${b}`).toBe(true);
  });

  it("finds next to nothing in a corpus without copies", () => {
    const clean = generateCorpus({ size: 400, seed: 9, copyShare: 0 });
    expect(findNearDuplicates(clean.docs, { threshold: 0.3 })).toEqual([]);
  });

  it("is deterministic, and does not depend on input order", () => {
    const first = findNearDuplicates(corpus.docs);
    expect(findNearDuplicates(corpus.docs)).toEqual(first);
    const reversed = findNearDuplicates([...corpus.docs].reverse());
    const normalisedOrder = reversed.map((p) => (p.a < p.b ? `${p.a}-${p.b}` : `${p.b}-${p.a}`)).sort();
    expect(normalisedOrder).toEqual(first.map((p) => `${p.a}-${p.b}`).sort());
  });

  it("returns pairs by the caller's ids, in input order", () => {
    const text = corpus.docs[0].text;
    const pairs = findNearDuplicates([
      { id: 17, text, group: "双井街道团工委" },
      { id: 5, text: corpus.docs[1].text },
      { id: 3, text: "转发：" + text, group: "双井街道团工委" },
    ]);
    expect(pairs.map((p) => [p.a, p.b])).toEqual([[17, 3]]);
    expect(pairs[0].score).toBe(1);
  });

  it("leaves out bodies too short to mean anything", () => {
    const docs = [
      { id: 1, text: "见附件。" },
      { id: 2, text: "见附件。" },
      { id: 3, text: "" },
      { id: 4, text: "。。" },
    ];
    expect(findNearDuplicates(docs)).toEqual([]);
    expect(findNearDuplicates(docs, { minLength: 3 }).map((p) => [p.a, p.b])).toEqual([[1, 2]]);
    expect(findNearDuplicates([])).toEqual([]);
  });

  it("never throws on odd text", () => {
    const text = fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.constantFrom("", "   ", "团委", "\u0000\ud800"));
    fc.assert(
      fc.property(fc.array(text, { maxLength: 12 }), (texts) => {
        const pairs = findNearDuplicates(texts.map((t, id) => ({ id, text: t })), { minLength: 0 });
        for (const p of pairs) expect(p.score).toBeGreaterThanOrEqual(0.5);
      }),
    );
  });

  it("reports progress and stops when asked", () => {
    const progress: number[] = [];
    findNearDuplicates(corpus.docs, { onProgress: (done) => progress.push(done) });
    expect(progress.at(-1)).toBe(1);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    expect(findNearDuplicates(corpus.docs, { shouldStop: () => true })).toEqual([]);
  });
});
