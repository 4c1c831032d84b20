import { cellText, type CellValue } from "../cells";

/**
 * Tiers by rank position, veto streaks and quota targets (RUBRICS.md §4–§5): the rules behind
 * the TIER, VETO_STREAK and QUOTA_TARGET functions and the presets that use them.
 */

/** Shares are compared in millionths, the precision a rubric sheet keeps (20.0001%). */
const SHARE_UNITS = 1_000_000;

/**
 * Sizes of `tiers` groups over `count` ranked units. Without shares the groups are near-equal
 * and the better tiers take the remainder, one each. With shares (adding up to 1) each tier
 * gets its share rounded down, and the units left over go one each to the tiers with the
 * largest fractions, the better tier first on a tie; so equal shares give the near-equal sizes.
 * @example tierSizes(18, 5) // [4, 4, 4, 3, 3]
 * @example tierSizes(18, 5, [0.1, 0.2, 0.4, 0.2, 0.1]) // [2, 4, 7, 3, 2]: 1.8, 3.6, 7.2, 3.6, 1.8
 */
export function tierSizes(count: number, tiers: number, shares?: readonly number[] | null): number[] {
  if (!Number.isInteger(tiers) || tiers < 1) throw new Error(`tierSizes: tiers must be a positive integer, got ${tiers}`);
  if (!shares) {
    const base = Math.floor(count / tiers);
    const extra = count % tiers;
    return Array.from({ length: tiers }, (_, i) => base + (i < extra ? 1 : 0));
  }
  if (shares.length !== tiers) throw new Error(`tierSizes: ${shares.length} shares for ${tiers} tiers`);
  // Integer arithmetic: count × share in millionths, so 3 × 20% is exactly 0.6 of a unit.
  const exact = shares.map((share) => count * Math.round(share * SHARE_UNITS));
  const sizes = exact.map((e) => Math.floor(e / SHARE_UNITS));
  let left = count - sizes.reduce((a, b) => a + b, 0);
  const byFraction = exact.map((e, i) => ({ i, fraction: e % SHARE_UNITS })).sort((a, b) => b.fraction - a.fraction || a.i - b.i);
  for (const { i } of byFraction) {
    if (left <= 0) break;
    sizes[i]++;
    left--;
  }
  return sizes;
}

/**
 * The tier (1 = best) of the unit at a 0-based rank position among `count` units.
 * @example tierAtPosition(4, 18, 5) // 2
 * @example tierAtPosition(2, 18, 5, [0.1, 0.2, 0.4, 0.2, 0.1]) // 2: tier 1 holds positions 0–1
 */
export function tierAtPosition(position: number, count: number, tiers: number, shares?: readonly number[] | null): number {
  let end = 0;
  const sizes = tierSizes(count, tiers, shares);
  for (let t = 0; t < sizes.length; t++) {
    end += sizes[t];
    if (position < end) return t + 1;
  }
  return tiers;
}

/**
 * The tier of a value among values, highest value first. A value's position is the number of
 * values above it, so tied values share the better tier. Null when the value is not among them.
 * @example tierOf(80, [95, 90, 85, 80, 80, 70, 60, 50, 40, 30], 5) // 2: the 80s sit at positions 3–4, tier 2 holds 2–3
 */
export function tierOf(value: number, values: readonly number[], tiers = 5): number | null {
  const finite = values.filter((v) => Number.isFinite(v));
  if (!finite.includes(value)) return null;
  const above = finite.filter((v) => v > value).length;
  return tierAtPosition(above, finite.length, tiers);
}

/**
 * True when `n` consecutive entries equal `label`. Blank entries are not checks and neither
 * count nor break a streak, so a range with empty rows reads as the checks it holds.
 * @example vetoStreak(["差", "一般", "差", "差", "差"]) // true
 * @example vetoStreak(["差", "差", "良好", "差"]) // false
 */
export function vetoStreak(levels: readonly CellValue[], label = "差", n = 3): boolean {
  if (!Number.isInteger(n) || n < 1) throw new Error(`vetoStreak: n must be a positive integer, got ${n}`);
  const wanted = label.trim();
  let run = 0;
  for (const level of levels) {
    const text = cellText(level);
    if (text === "") continue;
    run = text === wanted ? run + 1 : 0;
    if (run >= n) return true;
  }
  return false;
}

/**
 * The scale target of §5: the base quota times the multiplier (national and provincial
 * collectives a unit should have creating).
 * @example quotaTarget(10) // 100: 长沙's quota of 10
 */
export function quotaTarget(base: number, multiplier = 10): number {
  // Integers in practice; rounding to hundredths keeps 0.1-style bases exact too.
  return Math.round(base * multiplier * 100) / 100;
}
