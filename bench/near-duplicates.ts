/**
 * Benchmark of the near-duplicate finder (issue: near-duplicates at scale).
 *
 *   npx tsx bench/near-duplicates.ts [--quick]
 *
 * For 2,000, 20,000 and 100,000 synthetic bodies of about 400 characters it prints:
 * - the time to find the pairs, wall clock and CPU (CPU time is steadier on a shared machine);
 * - a baseline measured in the same run: normalising and trigramming every body, the least
 *   any method must do, and the ratio of the finder's time to it;
 * - peak memory (resident set) so far;
 * - recall against brute force on a sample: every pair of the first bodies is compared with
 *   `similarity`, and the share of pairs at or above the threshold that the finder returned.
 * Small sizes are repeated and the median reported.
 */
import { cpus, loadavg } from "node:os";
import { findNearDuplicates } from "../src/engine/near-duplicates";
import {
  GRAM_SIZE,
  gramKey,
  normalizeForSimilarity,
  profileText,
  similarityOfProfiles,
  stockMask,
} from "../src/engine/similarity";
import { generateCorpus, type CorpusDoc } from "../test/support/corpus";

const THRESHOLD = 0.5;
const MIN_LENGTH = 20;
const quick = process.argv.includes("--quick");
const sizes = quick ? [2_000, 20_000] : [2_000, 20_000, 100_000];
const BRUTE_FORCE_SAMPLE = 1_500;

interface Timing {
  wallMs: number;
  cpuMs: number;
}

function time(run: () => void): Timing {
  const cpu = process.cpuUsage();
  const start = performance.now();
  run();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

function median(timings: Timing[]): Timing {
  const middle = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return { wallMs: middle(timings.map((t) => t.wallMs)), cpuMs: middle(timings.map((t) => t.cpuMs)) };
}

/** The floor: what any n-gram method pays before comparing anything. */
function baseline(docs: readonly CorpusDoc[]): void {
  let checksum = 0;
  for (const doc of docs) {
    const normalized = normalizeForSimilarity(doc.text);
    const mask = stockMask(normalized);
    for (let i = 0; i + GRAM_SIZE <= normalized.length; i++) checksum += gramKey(normalized, i) % 7 + mask[i];
  }
  if (checksum < 0) console.log(checksum); // keeps the loop from being optimised away
}

/** Share of the brute-force pairs among the first bodies that the finder returned. */
function recall(docs: readonly CorpusDoc[], found: ReadonlySet<string>): { pairs: number; recall: number } {
  const sample = docs.slice(0, BRUTE_FORCE_SAMPLE);
  const profiles = sample.map((doc) => profileText(doc.text));
  let pairs = 0;
  let hits = 0;
  for (let i = 0; i < profiles.length; i++) {
    if (profiles[i].normalized.length < MIN_LENGTH) continue;
    for (let j = i + 1; j < profiles.length; j++) {
      if (profiles[j].normalized.length < MIN_LENGTH) continue;
      if (similarityOfProfiles(profiles[i], profiles[j]) < THRESHOLD) continue;
      pairs++;
      if (found.has(`${sample[i].id}-${sample[j].id}`)) hits++;
    }
  }
  return { pairs, recall: pairs === 0 ? 1 : hits / pairs };
}

const format = (t: Timing) => `${(t.wallMs / 1000).toFixed(2)} s wall, ${(t.cpuMs / 1000).toFixed(2)} s CPU`;

console.log(`near-duplicates: threshold ${THRESHOLD}, bodies of about 400 characters`);
// Other work on the machine slows both the finder and the baseline: read the ratio first.
console.log(`machine: ${cpus().length} cores, load average ${loadavg()[0].toFixed(1)} at start`);
for (const size of sizes) {
  const { docs } = generateCorpus({ size, seed: 20140307 + size });
  const repeats = size <= 2_000 ? 5 : size <= 20_000 ? 3 : 1;
  const baselines: Timing[] = [];
  const runs: Timing[] = [];
  let pairs: ReturnType<typeof findNearDuplicates> = [];
  for (let r = 0; r < repeats; r++) {
    baselines.push(time(() => baseline(docs)));
    runs.push(time(() => (pairs = findNearDuplicates(docs, { threshold: THRESHOLD, minLength: MIN_LENGTH }))));
  }
  const base = median(baselines);
  const run = median(runs);
  const found = new Set(pairs.map((p) => `${p.a}-${p.b}`));
  const measured = recall(docs, found);
  const peakMb = process.resourceUsage().maxRSS / 1024;
  console.log(
    `${size.toLocaleString("en")} bodies (median of ${repeats}): ${format(run)}; ${pairs.length} pairs` +
      `\n  baseline (normalise + trigrams): ${format(base)}; ratio ${(run.cpuMs / base.cpuMs).toFixed(1)}x CPU` +
      `\n  recall vs brute force on the first ${Math.min(size, BRUTE_FORCE_SAMPLE)}: ` +
      `${(measured.recall * 100).toFixed(1)}% of ${measured.pairs} pairs` +
      `\n  peak memory so far: ${peakMb.toFixed(0)} MB; load average ${loadavg()[0].toFixed(1)}`,
  );
}
