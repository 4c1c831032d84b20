/**
 * Text normalisation shared by header matching, name matching and alias lookup.
 * Staff type the same thing many ways: full-width letters and digits, stray spaces,
 * Chinese or ASCII brackets. These helpers fold those differences away.
 */

const BRACKETS: Record<string, string> = {
  "（": "(", "）": ")", "【": "[", "】": "]", "〔": "[", "〕": "]", "［": "[", "］": "]",
  "｛": "{", "｝": "}", "《": "《", "》": "》", "“": "\"", "”": "\"", "‘": "'", "’": "'",
};

/**
 * NFKC-folds full-width forms, unifies brackets and quotes, trims and collapses spaces.
 * @example normalizeText("  朝阳区民防（地震）局　团支部 ") // "朝阳区民防(地震)局 团支部"
 */
export function normalizeText(text: string): string {
  let folded = text.normalize("NFKC");
  folded = folded.replace(/[（）【】〔〕［］｛｝“”‘’]/g, (ch) => BRACKETS[ch] ?? ch);
  return folded.replace(/\s+/g, " ").trim();
}

/**
 * The key two headers or aliases are compared by: normalised, no spaces at all, lower case.
 * @example compactKey("报送 日期") // "报送日期"
 * @example compactKey("Unit") // "unit"
 */
export function compactKey(text: string): string {
  return normalizeText(text).replace(/\s+/g, "").toLowerCase();
}

/** Full-width digits and separators become ASCII: used before parsing dates and numbers. */
export function foldDigits(text: string): string {
  return text.normalize("NFKC");
}
