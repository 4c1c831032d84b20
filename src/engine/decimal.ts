/**
 * Exact decimal arithmetic for points. Rubric points are at most hundredths (0.1, 0.25…),
 * so every score is carried as an integer count of hundredths and only turned back into a
 * number at the edge. 0.1 + 0.2 then cannot cross a grade line.
 */

export const CENTS_PER_POINT = 100;

/**
 * Points as integer hundredths.
 * @example toCents(0.1) + toCents(0.2) === toCents(0.3) // true
 */
export function toCents(points: number): number {
  return Math.round(points * CENTS_PER_POINT);
}

/** Integer hundredths back to points. @example fromCents(1234) // 12.34 */
export function fromCents(cents: number): number {
  return cents / CENTS_PER_POINT;
}

/** Sum of point values without binary drift. @example sumPoints([0.1, 0.2]) // 0.3 */
export function sumPoints(values: readonly number[]): number {
  let cents = 0;
  for (const value of values) cents += toCents(value);
  return fromCents(cents);
}

/** Rounds to 2 decimals half away from zero, exactly. @example round2(2.675) // 2.68 */
export function round2(value: number): number {
  // Going through the shortest decimal string avoids 2.675 → 2.67 from binary representation.
  const [mantissa, exponent = "0"] = String(value).split("e");
  const shifted = Number(`${mantissa}e${Number(exponent) + 2}`);
  const rounded = Math.sign(shifted) * Math.round(Math.abs(shifted));
  return Number(`${rounded}e-2`);
}
