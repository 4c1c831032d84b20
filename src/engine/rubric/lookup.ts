import { compactKey } from "../text";
import type { ChannelRule, InfoRubric, ItemType, PenaltyRule } from "./info-rubric";

/**
 * Alias lookups built once per rubric: item types, adoption channels and penalty reasons,
 * each matched by the compact key (no spaces, width-folded, lower case, quotes and 《》 dropped).
 */

function aliasKey(text: string): string {
  return compactKey(text).replace(/["'《》<>「」『』]/g, "");
}

/** Separators staff put between channels in one adoptions cell. */
const CHANNEL_SEPARATORS = /[、，,;；/\n\r]+/;

export type ChannelMatch =
  | { status: "ok"; channel: ChannelRule; text: string }
  | { status: "ambiguous"; channels: ChannelRule[]; text: string }
  | { status: "unknown"; text: string };

export interface RubricLookup {
  itemType(text: string): ItemType | null;
  channel(text: string): ChannelMatch;
  /** Splits an adoptions cell and matches each part. */
  channels(cell: string): ChannelMatch[];
  penalty(text: string): PenaltyRule | null;
}

const cache = new WeakMap<InfoRubric, RubricLookup>();

/** The lookups of a rubric; built on first use and kept while the rubric object lives. */
export function rubricLookup(rubric: InfoRubric): RubricLookup {
  let lookup = cache.get(rubric);
  if (!lookup) {
    lookup = buildLookup(rubric);
    cache.set(rubric, lookup);
  }
  return lookup;
}

function buildLookup(rubric: InfoRubric): RubricLookup {
  const types = new Map<string, ItemType>();
  for (const [type, rule] of Object.entries(rubric.itemTypes) as [ItemType, InfoRubric["itemTypes"][ItemType]][]) {
    for (const alias of [rule.label, ...rule.aliases]) types.set(aliasKey(alias), type);
  }
  const channels = new Map<string, ChannelRule>();
  for (const channel of rubric.channels) {
    for (const alias of [channel.name, ...channel.aliases]) channels.set(aliasKey(alias), channel);
  }
  const ambiguous = new Map<string, ChannelRule[]>();
  for (const entry of rubric.ambiguousChannels) {
    ambiguous.set(
      aliasKey(entry.alias),
      rubric.channels.filter((c) => entry.channelIds.includes(c.id)),
    );
  }
  const penalties = new Map<string, PenaltyRule>();
  for (const rule of rubric.penalties) for (const alias of [rule.reason, ...rule.aliases]) penalties.set(aliasKey(alias), rule);

  const channel = (text: string): ChannelMatch => {
    const key = aliasKey(text);
    const found = channels.get(key);
    if (found) return { status: "ok", channel: found, text };
    const many = ambiguous.get(key);
    if (many) return { status: "ambiguous", channels: many, text };
    return { status: "unknown", text };
  };
  const cachedChannel = memoByText(channel);
  return {
    itemType: memoByText((text) => types.get(aliasKey(text)) ?? null),
    channel: cachedChannel,
    channels: memoByText((cell) =>
      cell
        .split(CHANNEL_SEPARATORS)
        .map((part) => part.trim())
        .filter((part) => part !== "" && !/^(无|未采用|-|—)$/.test(part))
        .map(cachedChannel),
    ),
    penalty: memoByText((text) => penalties.get(aliasKey(text)) ?? null),
  };
}

/** Distinct spellings kept per lookup; a register repeats a handful of them on every row. */
const MEMO_LIMIT = 4096;

/**
 * Remembers a lookup by its raw text. Unicode normalisation of every type and channel cell was
 * most of the time spent reading a large register, and registers repeat the same few spellings.
 */
function memoByText<T>(lookup: (text: string) => T): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    if (seen.has(text)) return seen.get(text)!;
    const result = lookup(text);
    if (seen.size >= MEMO_LIMIT) seen.clear();
    seen.set(text, result);
    return result;
  };
}
