/**
 * Timing and memory helpers. Shared machines are noisy, so every figure is a median of
 * repeated runs and is reported next to a baseline measured in the same process.
 */

/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Wall-clock and CPU time of one run, in milliseconds. */
export interface Timing {
  /** Median wall-clock time. */
  ms: number;
  /**
   * Median CPU time of the process (user + system). On a shared machine wall time includes
   * waiting for a core; CPU time does not, so it is the steadier figure of the work done.
   */
  cpuMs: number;
  times: number[];
}

/**
 * Runs `fn` once to warm up (unless `warmup` is 0), then `runs` times, and returns the median
 * times with the last result. Garbage is collected before each run, when the process allows
 * it, so one run's garbage is not billed to the next.
 */
export function timeMedian<T>(fn: () => T, runs: number, warmup = 1): Timing & { result: T } {
  let result = undefined as T;
  for (let i = 0; i < warmup; i++) result = fn();
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    collectGarbage();
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    result = fn();
    times.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return { ms: median(times), cpuMs: median(cpu), times, result };
}

/** Peak resident memory of this process so far, in bytes. */
export function peakRss(): number {
  return process.resourceUsage().maxRSS * 1024;
}

/** Resident memory now, in bytes, after collecting garbage when allowed. */
export function currentRss(): number {
  collectGarbage();
  return process.memoryUsage().rss;
}

/**
 * The exponent k of cost ≈ c · size^k, by least squares on log(size) against log(cost).
 * 1 is linear; 2 is quadratic.
 * @example fitExponent([1000, 10000, 100000], [1, 10, 100]) // 1
 */
export function fitExponent(sizes: readonly number[], costs: readonly number[]): number {
  const xs = sizes.map(Math.log);
  const ys = costs.map(Math.log);
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return num / den;
}

/** "12.3 ms" or "4.56 s". */
export function formatMs(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 10) return `${ms.toFixed(0)} ms`;
  return `${ms.toFixed(2)} ms`;
}

/** "1.2 MB" or "340 KB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** "12.3×" with a sensible number of digits. */
export function formatRatio(ratio: number): string {
  return `${ratio >= 100 ? ratio.toFixed(0) : ratio >= 10 ? ratio.toFixed(1) : ratio.toFixed(2)}×`;
}

/** A Markdown table. */
export function table(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const line = (cells: readonly (string | number)[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}
