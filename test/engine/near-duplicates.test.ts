import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { findNearDuplicates, type NearDuplicateDoc } from "../../src/engine/near-duplicates";
import { normalizeForSimilarity, profileText, similarity, similarityOfProfiles } from "../../src/engine/similarity";
import { generateCorpus } from "../support/corpus";

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
