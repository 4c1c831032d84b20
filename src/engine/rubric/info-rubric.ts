/**
 * The information-work rubric (RUBRICS.md §1–§2) as plain data. Presets are values of this
 * type; a rubric sheet in the office's workbook reads back into the same type.
 */

export type ItemType = "event" | "comprehensive";
export const ITEM_TYPES: readonly ItemType[] = ["event", "comprehensive"];

export interface ItemTypeRule {
  /** The canonical label, e.g. 事件类. */
  label: string;
  /** Other ways staff write it, e.g. 动态, 动态信息. */
  aliases: string[];
  /** Guidance on size in characters, e.g. 400 for an event item. */
  guidanceLength: number;
}

/** One adoption channel and the points an adoption earns, per item type. */
export interface ChannelRule {
  id: string;
  /** The channel's full name as the rules write it. */
  name: string;
  aliases: string[];
  /** Points for an adopted item of each type; null means the channel does not take that type. */
  points: Record<ItemType, number | null>;
}

/** A name that could mean several channels, e.g. a bare 基层信息. Flagged, never guessed. */
export interface AmbiguousChannel {
  alias: string;
  channelIds: string[];
}

export interface PenaltyRule {
  /** The canonical reason, e.g. 重复信息. */
  reason: string;
  aliases: string[];
  /** Points deducted per verified case. */
  points: number;
}

export type RankMethod = "dense" | "competition";

export interface InfoRubric {
  kind: "info";
  id: string;
  /** A name staff recognise, in Chinese. */
  name: string;
  itemTypes: Record<ItemType, ItemTypeRule>;
  /** Warn when an item is under `below` × or over `above` × its type's guidance length. */
  lengthTolerance: { below: number; above: number };
  quotas: {
    /** Items a month for the month's base point. */
    monthlyItems: number;
    /** Items a year that earn the full year's base points regardless of spread. */
    yearlyItems: number;
    /** Comprehensive items a quarter. */
    quarterlyComprehensive: number;
  };
  /** Base points for one month that meets its quota. */
  basePointsPerMonth: number;
  /** Bonus for every comprehensive item sent, adopted or not. */
  comprehensiveBonus: number;
  channels: ChannelRule[];
  ambiguousChannels: AmbiguousChannel[];
  penalties: PenaltyRule[];
  /** Any verified penalty case removes the year's award eligibility. */
  penaltyRemovesEligibility: boolean;
  /** Event items should be sent within this many days of the event. */
  lateReportDays: number;
  rankMethod: RankMethod;
  /** Seed 001: information work's share of the annual assessment, and the one-vote veto line. */
  assessment: {
    /** Share of the annual assessment score, e.g. 0.2 for one fifth. */
    share: number;
    /** Annual total below which the unit loses every award; null until the office sets one. */
    vetoLine: number | null;
  };
}
