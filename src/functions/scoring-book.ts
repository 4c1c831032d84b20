import { parseInfoWorkbook, latestYear, type ParsedInfoWorkbook } from "../engine/analyze";
import type { Grid } from "../engine/cells";
import type { Period } from "../engine/dates";
import { unitKey } from "../engine/names";
import type { InfoRubric as Rubric } from "../engine/rubric/info-rubric";
import { scoreInfo, type UnitScore } from "../engine/score";
import { findTable } from "../engine/tables";
import { FunctionError } from "./host";
import { FUNCTION_MESSAGES as M } from "./messages";
import { ContentCache, firstError, registerView, wholeRange, type RegisterView } from "./register-cache";

/**
 * A register read once and scored per period on demand: what the cache keeps for each register
 * content. Built through the engine's own workbook reader, so a cell formula scores exactly as
 * the task pane and the `league` command do.
 */
export class ScoringBook {
  private readonly byPeriod = new Map<string, UnitScore[]>();

  constructor(
    readonly parsed: ParsedInfoWorkbook,
    readonly rubric: Rubric,
  ) {}

  /** The period asked for, or the latest year in the register. */
  period(requested: Period | null): Period {
    const period = requested ?? latestYear(this.parsed.items);
    if (!period) throw new FunctionError("#VALUE!", M.noPeriodInRegister);
    return period;
  }

  /** Every roster unit's score for the period, in roster order; computed once per period. */
  scores(period: Period): UnitScore[] {
    let scores = this.byPeriod.get(period.key);
    if (!scores) {
      const { roster, items, penalties } = this.parsed;
      scores = scoreInfo({ units: roster.units, items, penalties }, this.rubric, period);
      this.byPeriod.set(period.key, scores);
    }
    return scores;
  }

  /** One unit's score; #N/A when the name matches no unit. */
  unitScore(name: string, period: Period): UnitScore {
    const match = this.parsed.matcher.match(name);
    if (match.status === "none") throw new FunctionError("#N/A", M.unknownUnit(name));
    return this.scores(period)[match.unit.index];
  }
}

const REGISTER_SHEET = "登记表";
const ROSTER_SHEET = "单位名单";

/**
 * Without a roster, the units are the names the register uses, in order of first use: a unit
 * that never reported is then unknown (#N/A) rather than a silent 0.
 */
function rosterFromRegister(register: Grid): Grid {
  const table = findTable(REGISTER_SHEET, register, "register")!;
  const column = table.columns.unit!;
  // Registers repeat a few hundred names over thousands of rows: normalise each name once.
  const keyOf = new Map<string, string>();
  const seen = new Set<string>();
  const rows: Grid = [["单位", "系统"]];
  for (let r = table.firstDataRow; r < register.length; r++) {
    const cell = register[r][column];
    if (typeof cell !== "string" && typeof cell !== "number") continue;
    const name = String(cell);
    let key = keyOf.get(name);
    if (key === undefined) {
      key = unitKey(name);
      keyOf.set(name, key);
    }
    if (key === "" || seen.has(key)) continue;
    seen.add(key);
    rows.push([name.trim(), ""]);
  }
  return rows;
}

function readBook(register: Grid, roster: Grid, rubric: Rubric): ScoringBook {
  const sheets = [
    { name: REGISTER_SHEET, originRow: 0, originColumn: 0, values: register },
    { name: ROSTER_SHEET, originRow: 0, originColumn: 0, values: roster },
  ];
  const read = parseInfoWorkbook(sheets, rubric, { register: { sheet: REGISTER_SHEET }, roster: { sheet: ROSTER_SHEET } });
  // Both headers were checked before reading, so the reader finds both tables.
  if (!read.ok) throw new Error(`parseInfoWorkbook: ${read.issues[0]?.message}`);
  return new ScoringBook(read.parsed, rubric);
}

/** A cached outcome: the book, or the error every call with this content gives. */
type Cached = { book: ScoringBook } | { error: FunctionError };

function attempt(view: RegisterView, build: () => ScoringBook): Cached {
  const passedOn = firstError(view.scoring);
  if (passedOn) return { error: passedOn };
  try {
    return { book: build() };
  } catch (error) {
    if (error instanceof FunctionError) return { error };
    throw error;
  }
}

function unwrap(cached: Cached): ScoringBook {
  if ("error" in cached) throw cached.error;
  return cached.book;
}

/** Parsed registers by content; shared by every function in the workbook's runtime. */
export const bookCache = new ContentCache<Cached>(4);

/**
 * The scoring book for a register alone (SCORE_UNIT, SCORE_BREAKDOWN), from the cache when
 * the scoring cells are unchanged.
 */
export function registerBook(register: Grid, rubric: Rubric): ScoringBook {
  const view = registerView(register);
  const key = { label: `register|${rubric.id}`, slices: [view.header, view.scoring] };
  return unwrap(bookCache.get(key, () => attempt(view, () => readBook(register, rosterFromRegister(register), rubric))));
}

/** The scoring book for a register and its roster (SCORES). */
export function rosterBook(register: Grid, roster: Grid, rubric: Rubric): ScoringBook {
  const view = registerView(register);
  if (!findTable(ROSTER_SHEET, roster, "roster")) throw new FunctionError("#VALUE!", M.noRosterHeader);
  const key = { label: `roster|${rubric.id}`, slices: [view.header, view.scoring, wholeRange(roster)] };
  const book = unwrap(bookCache.get(key, () => attempt(view, () => readBook(register, roster, rubric))));
  if (book.parsed.roster.units.length === 0) throw new FunctionError("#VALUE!", M.emptyRoster);
  return book;
}
