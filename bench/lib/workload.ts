/**
 * Deterministic registers of any size for the benchmarks: a roster of N units in three
 * systems and a register of R items, mostly in the scored year with some from the year
 * before, so that period filtering is real work.
 *
 * Two spellings:
 * - "canonical": one name per channel, type labels as the rubric writes them, dates as Excel
 *   serials. This is how an office that scores with formulas keeps its register (its SEARCH
 *   over a channel table only knows one spelling), so the formula workbook and the engine
 *   read the same data.
 * - "varied": the aliases, date styles and separators staff really type, for the scale runs.
 */
import type { CellValue } from "../../src/engine/cells";
import { dateToSerial } from "../../src/engine/dates";
import type { SheetData } from "../../src/engine/sheet";
import { pick, randomInt, seededRandom } from "../../src/sample/random";

export const BENCH_YEAR = 2013;

export const SYSTEMS = ["街道系统", "地区系统", "青工系统"] as const;

/**
 * Channel spellings the canonical register uses, one per channel of the chaoyang-info preset,
 * with the points an office's channel table gives them (null: the channel does not take the type).
 * No name contains another, so SEARCH finds each exactly when it is there.
 */
export const CANONICAL_CHANNELS: readonly { name: string; event: number | null; comprehensive: number | null }[] = [
  { name: "团区委网站", event: 1, comprehensive: 3 },
  { name: "朝阳团讯", event: 3, comprehensive: null },
  { name: "朝阳新闻", event: 3, comprehensive: 3 },
  { name: "基层动态", event: 3, comprehensive: 3 },
  { name: "团市委网站", event: 3, comprehensive: null },
  { name: "北京团讯", event: null, comprehensive: 3 },
  { name: "工作研究", event: null, comprehensive: 3 },
];

/** Other ways the same channels are written (aliases the rubric knows). */
const VARIED_CHANNELS: Record<string, readonly string[]> = {
  团区委网站: ["团区委网站", "区团委网站", "团区委网站“基层信息”"],
  朝阳团讯: ["朝阳团讯", "《朝阳团讯》"],
  朝阳新闻: ["朝阳新闻", "区政府内网"],
  基层动态: ["基层动态", "北京朝阳", "区政府外网"],
  团市委网站: ["团市委网站"],
  北京团讯: ["北京团讯", "《北京团讯》"],
  工作研究: ["工作研究"],
};

export const TYPE_LABELS = { event: "事件类", comprehensive: "综合类" } as const;
const VARIED_TYPES = { event: ["事件类", "事件类", "动态信息", "事件"], comprehensive: ["综合类", "综合", "调研"] } as const;
export const PENALTY_REASONS = ["重大信息漏报", "重复信息", "抄袭信息"] as const;

export const REGISTER_HEADER = ["单位", "报送日期", "信息类型", "标题", "字数", "采用情况", "违规情况"] as const;
/** Column positions in {@link REGISTER_HEADER}. */
export const COLUMN = { unit: 0, date: 1, type: 2, title: 3, length: 4, adoptions: 5, violation: 6 } as const;

export type Spelling = "canonical" | "varied";

export interface WorkloadOptions {
  units: number;
  rows: number;
  seed?: number;
  spelling?: Spelling;
}

export interface Workload {
  units: { name: string; system: string }[];
  /** The roster sheet and the register sheet, as a port hands them to the engine. */
  sheets: SheetData[];
  /** Register data rows (without the header). */
  rows: number;
}

// Place-name characters: three of them make 64,000 distinct, plausible-looking places.
const PLACE_CHARS = "金银龙凤翠柳桃杏松竹梅兰荷菊春秋东西南北和平安康乐泰华兴盛祥瑞明光新惠民青石";
const UNIT_KINDS: Record<(typeof SYSTEMS)[number], string> = { 街道系统: "街道团工委", 地区系统: "地区团委", 青工系统: "公司团委" };

/** N distinct unit names, each with its system; deterministic. */
export function benchUnits(count: number, seed = 7): { name: string; system: string }[] {
  const base = PLACE_CHARS.length;
  if (count > base ** 3) throw new Error(`benchUnits: at most ${base ** 3} units`);
  const random = seededRandom(seed);
  // A fixed odd stride through all three-character places spreads the names out.
  const stride = 7919;
  const offset = randomInt(random, 0, base ** 3 - 1);
  return Array.from({ length: count }, (_, i) => {
    const code = (offset + i * stride) % base ** 3;
    const place = PLACE_CHARS[Math.floor(code / base / base)] + PLACE_CHARS[Math.floor(code / base) % base] + PLACE_CHARS[code % base];
    const system = SYSTEMS[i % SYSTEMS.length];
    return { name: place + UNIT_KINDS[system], system };
  });
}

/** Index of the first cumulative weight above x (binary search). */
function weightedIndex(cumulative: Float64Array, x: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function dateCell(year: number, month: number, day: number, spelling: Spelling, random: () => number): CellValue {
  if (spelling === "canonical") return dateToSerial({ year, month, day });
  const style = random();
  if (style < 0.8) return dateToSerial({ year, month, day });
  if (style < 0.9) return `${year}年${month}月${day}日`;
  if (style < 0.95) return `${year}.${month}.${day}`;
  return `${year}/${month}/${day}`;
}

function adoptionsCell(comprehensive: boolean, spelling: Spelling, random: () => number): string {
  const roll = random();
  const count = roll < 0.6 ? 0 : roll < 0.92 ? 1 : 2;
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    // Mostly a channel that takes the type; now and then one that does not (a typing slip
    // the rubric scores 0), so both sides must get the zero right.
    const slip = random() < 0.03;
    const fitting = CANONICAL_CHANNELS.filter((c) => ((comprehensive ? c.comprehensive : c.event) === null) === slip);
    const channel = pick(random, fitting).name;
    if (!names.includes(channel)) names.push(channel);
  }
  if (spelling === "canonical") return names.join("、");
  return names.map((name) => pick(random, VARIED_CHANNELS[name])).join(pick(random, ["、", "，", "；", "/"]));
}

/**
 * Builds a roster and a register.
 * @example generateWorkload({ units: 100, rows: 4000 }).sheets.map((s) => s.values.length) // [101, 4001]
 */
export function generateWorkload(options: WorkloadOptions): Workload {
  const spelling = options.spelling ?? "varied";
  const random = seededRandom(options.seed ?? 2013);
  const units = benchUnits(options.units);

  // Uneven activity, so some units pass 36 items a year, some miss months, and totals tie.
  const cumulative = new Float64Array(units.length);
  let sum = 0;
  for (let i = 0; i < units.length; i++) cumulative[i] = sum += 0.3 + 1.4 * random();

  const register: CellValue[][] = [[...REGISTER_HEADER]];
  for (let r = 0; r < options.rows; r++) {
    const unit = units[weightedIndex(cumulative, random() * sum)];
    const year = random() < 0.05 ? BENCH_YEAR - 1 : BENCH_YEAR;
    const month = randomInt(random, 1, 12);
    const day = randomInt(random, 1, 28);
    const comprehensive = random() < 0.12;
    const type = comprehensive ? "comprehensive" : "event";
    register.push([
      unit.name,
      dateCell(year, month, day, spelling, random),
      spelling === "canonical" ? TYPE_LABELS[type] : pick(random, VARIED_TYPES[type]),
      `${unit.name.slice(0, 3)}第${r + 1}条信息`,
      comprehensive ? randomInt(random, 1500, 2600) : randomInt(random, 300, 600),
      adoptionsCell(comprehensive, spelling, random),
      random() < 0.01 ? pick(random, PENALTY_REASONS) : "",
    ]);
  }

  const roster: CellValue[][] = [["序号", "单位名称", "所属系统"], ...units.map((u, i) => [i + 1, u.name, u.system])];
  const sheet = (name: string, values: CellValue[][]): SheetData => ({ name, originRow: 0, originColumn: 0, values });
  return { units, sheets: [sheet("单位名单", roster), sheet("信息报送", register)], rows: options.rows };
}
