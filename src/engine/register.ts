import { cellAddress, cellText, isBlank, type CellValue } from "./cells";
import { parseDate, type DayDate } from "./dates";
import type { Issue, Severity } from "./issues";
import { FIELD_LABELS, MESSAGES } from "./messages";
import type { UnitMatcher } from "./names";
import type { RosterUnit } from "./roster";
import type { ChannelRule, InfoRubric, ItemType, PenaltyRule } from "./rubric/info-rubric";
import { rubricLookup } from "./rubric/lookup";
import type { SheetData } from "./sheet";
import { isBlankRow, isRepeatedHeader, type Field, type TableMatch } from "./tables";

const REQUIRED_FIELDS = ["unit", "date", "type"] as const;
const NO_ADOPTIONS: ChannelRule[] = Object.freeze([]) as unknown as ChannelRule[];

/** One submitted item (一条信息) that can be scored. */
export interface RegisterItem {
  /** 1-based sheet row, as Excel shows it. */
  row: number;
  unit: RosterUnit;
  date: DayDate;
  type: ItemType;
  title: string;
  body: string;
  /** 字数 when given, else the body's length, else null. */
  length: number | null;
  /** Channels that adopted it and take its type. */
  adoptions: ChannelRule[];
  /** A confirmed penalty recorded on the row itself. */
  violation: PenaltyRule | null;
  eventDate: DayDate | null;
}

export interface ParsedRegister {
  items: RegisterItem[];
  issues: Issue[];
  /** Non-blank data rows seen. */
  rows: number;
}

/**
 * Reads the register table into items. Rows that cannot be scored (no unit, unknown unit,
 * bad type or date) become issues and are left out; adoption problems are warnings and the
 * adoption scores 0.
 */
export function parseRegister(
  sheet: SheetData,
  table: TableMatch,
  units: UnitMatcher<RosterUnit>,
  rubric: InfoRubric,
): ParsedRegister {
  const lookup = rubricLookup(rubric);
  const items: RegisterItem[] = [];
  const issues: Issue[] = [];
  const col = table.columns;
  const typeLabels = [rubric.itemTypes.event.label, rubric.itemTypes.comprehensive.label];
  let rows = 0;
  // Helpers are made once per table, not per row: a register can hold 400,000 rows.
  const valueOf = (values: readonly CellValue[], field: Field): CellValue => {
    const column = col[field];
    return column === undefined ? null : values[column];
  };
  const report = (sheetRow: number, rule: string, severity: Severity, field: Field, message: string, suggestion?: string) => {
    const cell = cellAddress(sheetRow, sheet.originColumn + (col[field] ?? 0));
    issues.push({ rule, severity, sheet: sheet.name, cell, row: sheetRow + 1, message, ...(suggestion ? { suggestion } : {}) });
  };

  for (let r = table.firstDataRow; r < table.endRow; r++) {
    const values = sheet.values[r];
    // A header pasted again mid-table is not an item; validation reports it as repeated-header.
    if (isBlankRow(values) || isRepeatedHeader(values, table)) continue;
    rows++;
    const sheetRow = sheet.originRow + r;
    let usable = true;
    for (const field of REQUIRED_FIELDS) {
      if (isBlank(valueOf(values, field))) {
        report(sheetRow, "missing-field", "error", field, MESSAGES.missingField(FIELD_LABELS[field]));
        usable = false;
      }
    }

    const unitText = cellText(valueOf(values, "unit"));
    let unit: RosterUnit | null = null;
    if (unitText) {
      const match = units.match(unitText);
      if (match.status === "none") {
        report(sheetRow, "unknown-unit", "error", "unit", MESSAGES.unknownUnit(unitText), MESSAGES.unknownUnitSuggestion(match.suggestions));
        usable = false;
      } else unit = match.unit;
    }

    const typeText = cellText(valueOf(values, "type"));
    const type = typeText ? lookup.itemType(typeText) : null;
    if (typeText && !type) {
      report(sheetRow, "bad-type", "error", "type", MESSAGES.badType(typeText, typeLabels));
      usable = false;
    }

    const dateParse = parseDate(valueOf(values, "date"));
    if (!dateParse.ok && dateParse.problem !== "blank") {
      const text = cellText(valueOf(values, "date"));
      report(sheetRow, "bad-date", "error", "date", dateParse.problem === "impossible" ? MESSAGES.impossibleDate(text) : MESSAGES.badDate(text));
      usable = false;
    }

    const matches = lookup.channels(cellText(valueOf(values, "adoptions")));
    // Most items are not adopted: they share one empty list instead of allocating their own.
    const adoptions: ChannelRule[] = matches.length === 0 ? NO_ADOPTIONS : [];
    for (const match of matches) {
      if (match.status === "unknown") report(sheetRow, "unknown-channel", "warning", "adoptions", MESSAGES.unknownChannel(match.text));
      else if (match.status === "ambiguous") {
        report(sheetRow, "ambiguous-channel", "warning", "adoptions", MESSAGES.ambiguousChannel(match.text, match.channels.map((c) => c.name)));
      } else if (type && match.channel.points[type] === null) {
        report(sheetRow, "channel-type-mismatch", "warning", "adoptions", MESSAGES.channelTypeMismatch(match.channel.name, rubric.itemTypes[type].label));
      } else if (!adoptions.includes(match.channel)) adoptions.push(match.channel);
    }

    const violationText = cellText(valueOf(values, "violation"));
    const violation = violationText ? lookup.penalty(violationText) : null;
    if (violationText && !violation && !/^(无|否|-|—)$/.test(violationText)) {
      report(sheetRow, "bad-violation", "error", "violation", MESSAGES.badViolation(violationText, rubric.penalties.map((p) => p.reason)));
    }

    if (!usable || !unit || !type || !dateParse.ok) continue;
    const body = cellText(valueOf(values, "body"));
    const lengthCell = valueOf(values, "length");
    const eventDate = parseDate(valueOf(values, "eventDate"));
    items.push({
      row: sheetRow + 1,
      unit,
      date: dateParse.date,
      type,
      title: cellText(valueOf(values, "title")),
      body,
      length: typeof lengthCell === "number" ? lengthCell : Number(cellText(lengthCell)) || (body ? [...body].length : null),
      adoptions,
      violation,
      eventDate: eventDate.ok ? eventDate.date : null,
    });
  }
  return { items, issues, rows };
}
