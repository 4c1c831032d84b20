/**
 * Unit login codes (RUBRICS.md §6): the pinyin initials of a unit's short name, as the
 * district website expects them (团结湖街道 → tjhjd, 常营地区 → cydq, 工商分局 → gsfj).
 *
 * The generic converter (pinyin-pro, a few hundred kilobytes of data) is loaded on first
 * use through a dynamic import, so bundles that never ask for a code do not carry it.
 * Place names are read from our own table first, since a converter reads some of them wrong.
 */
import { unitKey, unitStem } from "../names";
import { PLACE_READINGS } from "./place-readings";

/**
 * What a full name loses to become the short name, besides the league-body suffix
 * (团工委, 团委, 团总支, 团支部, and a note in brackets after it): the district the whole
 * roster shares. Longest first. A company's registered name keeps its 北京, since
 * "北京京客隆" is the company's name, not an address.
 */
export const DISTRICT_PREFIXES: readonly string[] = ["北京市朝阳区", "北京市", "朝阳区"];

type Converter = (text: string, options: { pattern: "first"; toneType: "none"; type: "array" }) => string[];

let converter: Converter | undefined;
let loading: Promise<void> | undefined;

/**
 * Loads the pinyin converter. Call once before {@link unitCodeSync}; later calls return at once.
 * @example await loadPinyin(); unitCodeSync("团结湖街道") // "tjhjd"
 */
export function loadPinyin(): Promise<void> {
  loading ??= import("pinyin-pro").then((module) => {
    converter = module.pinyin as Converter;
  });
  return loading;
}

/** True once {@link loadPinyin} has finished. */
export function isPinyinLoaded(): boolean {
  return converter !== undefined;
}

/**
 * The short name a login code is made from: without the league-body suffix, a bracketed
 * note after it, and the district prefix. A name that is nothing but those keeps them.
 * @example shortName("北京市朝阳区人力资源和社会保障局团委") // "人力资源和社会保障局"
 * @example shortName("常营地区团委") // "常营地区"
 */
export function shortName(name: string): string {
  const stem = unitStem(name) || unitKey(name);
  const prefix = DISTRICT_PREFIXES.find((p) => stem.startsWith(p) && stem.length > p.length);
  return prefix ? stem.slice(prefix.length) : stem;
}

/** Place entries, longest first, so 六里屯 wins over a shorter entry inside it. */
const placeEntries = Object.entries(PLACE_READINGS).sort((a, b) => b[0].length - a[0].length);

const HAN = /\p{Script=Han}/u;
const LETTER_OR_DIGIT = /^[a-z0-9]$/;

/** The first letter of a tone-marked syllable: "shàn" → "s", "ǎi" → "a". */
function initialOf(syllable: string): string {
  return syllable.normalize("NFD").charAt(0).toLowerCase();
}

/**
 * The login code of a unit, once {@link loadPinyin} has finished (a programmer error
 * otherwise). Letters and digits in the name are kept, lower case; other symbols dropped.
 * @example unitCodeSync("常营地区团委") // "cydq"
 * @example unitCodeSync("单县") // "sx"
 */
export function unitCodeSync(name: string): string {
  if (!converter) throw new Error("unitCodeSync: call loadPinyin() first");
  const chars = Array.from(shortName(name).normalize("NFKC").toLowerCase());
  const text = chars.join("");

  // Place readings claim their characters first; the converter fills the rest, reading the
  // whole name at once so that it sees each character's neighbours.
  const initials: (string | undefined)[] = new Array(chars.length);
  for (let i = 0; i < chars.length; ) {
    const rest = chars.slice(i).join("");
    const entry = placeEntries.find(([place]) => rest.startsWith(place));
    if (!entry) {
      i++;
      continue;
    }
    const syllables = entry[1].split(" ");
    for (let k = 0; k < syllables.length; k++) initials[i + k] = initialOf(syllables[k]);
    i += syllables.length;
  }
  let generic = converter(text, { pattern: "first", toneType: "none", type: "array" });
  // The converter gives one entry per character; if it ever does not, ask character by character.
  if (generic.length !== chars.length) generic = chars.map((c) => converter!(c, { pattern: "first", toneType: "none", type: "array" })[0] ?? "");

  let code = "";
  chars.forEach((char, i) => {
    if (HAN.test(char)) code += initials[i] ?? initialOf(generic[i] ?? "");
    else if (LETTER_OR_DIGIT.test(char)) code += char;
  });
  return code;
}

/**
 * The login code of a unit: pinyin initials of its short name, place names read right.
 * Loads the converter on first use.
 * @example await unitCode("团结湖街道团工委") // "tjhjd"
 * @example await unitCode("朝阳区卫生局团委") // "wsj"
 */
export async function unitCode(name: string): Promise<string> {
  await loadPinyin();
  return unitCodeSync(name);
}
