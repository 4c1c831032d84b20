import { normalizeText } from "./text";

/**
 * Matching unit names as staff write them to the roster (RUBRICS.md §6): first after
 * folding widths, brackets and spaces; then by interchangeable league-body suffixes, but only
 * when exactly one roster unit fits; otherwise no match, with the nearest names suggested.
 */

/** League-body suffixes that staff use interchangeably. Longest first, so 团工委 wins over 团委. */
export const UNIT_SUFFIXES = ["团工委", "团总支", "团支部", "团委"] as const;

/**
 * The key a unit name is compared by.
 * @example unitKey(" 朝阳区民防（地震）局 团支部") // "朝阳区民防(地震)局团支部"
 */
export function unitKey(name: string): string {
  return normalizeText(name).replace(/\s+/g, "");
}

/**
 * The name without its league-body suffix. A parenthesised note after the suffix stays out
 * of the stem, so 北京市商务中心区管理委员会团工委（含机关） has the stem 北京市商务中心区管理委员会.
 * @example unitStem("双井街道团工委") // "双井街道"
 */
export function unitStem(name: string): string {
  const key = unitKey(name).replace(/\([^)]*\)$/, "");
  for (const suffix of UNIT_SUFFIXES) if (key.endsWith(suffix)) return key.slice(0, -suffix.length);
  return key;
}

export type NameMatch<T> =
  | { status: "exact"; unit: T }
  | { status: "suffix"; unit: T }
  | { status: "none"; suggestions: string[] };

/** Character bigrams, for suggesting near names. */
function bigrams(text: string): Set<string> {
  const grams = new Set<string>();
  for (let i = 0; i < text.length - 1; i++) grams.add(text.slice(i, i + 2));
  if (text.length === 1) grams.add(text);
  return grams;
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const g of a) if (b.has(g)) shared++;
  return (2 * shared) / (a.size + b.size);
}

const SUGGESTION_COUNT = 3;
const SUGGESTION_MIN_SCORE = 0.3;

/**
 * Matches raw names to roster units. Results are cached per raw name: a register repeats each
 * unit name many times.
 */
export class UnitMatcher<T extends { name: string; code?: string }> {
  private readonly byKey = new Map<string, T>();
  private readonly byStem = new Map<string, T[]>();
  private readonly byCode = new Map<string, T>();
  private readonly cache = new Map<string, NameMatch<T>>();
  private grams?: { unit: T; grams: Set<string> }[];

  constructor(private readonly units: readonly T[]) {
    for (const unit of units) {
      const key = unitKey(unit.name);
      if (!this.byKey.has(key)) this.byKey.set(key, unit);
      const stem = unitStem(unit.name);
      this.byStem.set(stem, [...(this.byStem.get(stem) ?? []), unit]);
      if (unit.code) this.byCode.set(unit.code.trim().toLowerCase(), unit);
    }
  }

  /**
   * @example new UnitMatcher([{ name: "双井街道团工委" }]).match("双井街道团委") // { status: "suffix", unit: … }
   */
  match(raw: string): NameMatch<T> {
    const cached = this.cache.get(raw);
    if (cached) return cached;
    const result = this.matchUncached(raw);
    this.cache.set(raw, result);
    return result;
  }

  private matchUncached(raw: string): NameMatch<T> {
    const key = unitKey(raw);
    const exact = this.byKey.get(key) ?? this.byCode.get(key.toLowerCase());
    if (exact) return { status: "exact", unit: exact };
    const fits = this.byStem.get(unitStem(raw)) ?? [];
    if (fits.length === 1) return { status: "suffix", unit: fits[0] };
    return { status: "none", suggestions: this.nearest(key) };
  }

  /** The roster names most like the given one, best first. */
  nearest(name: string): string[] {
    this.grams ??= this.units.map((unit) => ({ unit, grams: bigrams(unitKey(unit.name)) }));
    const target = bigrams(unitKey(name));
    return this.grams
      .map(({ unit, grams }) => ({ name: unit.name, score: dice(target, grams) }))
      .filter((s) => s.score >= SUGGESTION_MIN_SCORE)
      .sort((a, b) => b.score - a.score)
      .slice(0, SUGGESTION_COUNT)
      .map((s) => s.name);
  }
}
