/** Pinyin for unit login codes; the converter itself loads lazily, on first use. */
export { DISTRICT_PREFIXES, isPinyinLoaded, loadPinyin, shortName, unitCode, unitCodeSync } from "./unit-code";
export { PLACE_READINGS } from "./place-readings";
