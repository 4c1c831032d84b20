import type { CellValue } from "../engine/cells";
import { pick, randomInt, seededRandom } from "./random";

/**
 * Input tables for the assessment presets (RUBRICS.md §3–§5), filled with the sample roster's
 * units, so the sample workbook can be ranked by every preset and not only by the register.
 * Their headers are those of the preset fixtures, which is how the engine finds them. Each
 * table has its own random stream: adding or changing one never moves the register's rows.
 * A few planted rows give each preset something to report (a missing score, a late
 * submission, a spot-check veto, an evaluation in the wrong month…).
 */

/** The sheets this module adds, by preset. */
export const ASSESSMENT_SHEET_NAMES = {
  annual: "年度考核",
  wechat: "微信考核",
  spotChecks: "抽查记录",
  civility: "文明号考评",
} as const;

/** A unit of the sample roster, in roster order. */
export interface SampleUnit {
  name: string;
  system: string;
}

export interface AssessmentTable {
  name: string;
  rows: CellValue[][];
}

/** Units of each system taken into the smaller tables (the WeChat and 文明号 assessments). */
const UNITS_PER_SYSTEM = 4;

/** A number to `step` (0.05, 0.5…) without floating-point tails. */
function inSteps(value: number, step: number): number {
  const cents = Math.round(step * 100);
  return (Math.round((value * 100) / cents) * cents) / 100;
}

/** The first few units of every system: enough to rank, few enough to read. */
function leadingUnits(units: readonly SampleUnit[]): SampleUnit[] {
  const taken = new Map<string, number>();
  return units.filter((unit) => {
    const count = taken.get(unit.system) ?? 0;
    taken.set(unit.system, count + 1);
    return count < UNITS_PER_SYSTEM;
  });
}

/**
 * 年度考核 for dongguan-annual (the 2017 year, materials due 2018-01-26 18:00): every roster
 * unit with its three sources. Planted: a blank 青年评议 (未完成), a late submission, a unit
 * founded in 2017 (not a 街道 or 镇, so it cannot take awards) and a comment over 200 characters.
 */
export function annualAssessmentRows(units: readonly SampleUnit[], seed: number): CellValue[][] {
  const random = seededRandom(seed + 1);
  const rows: CellValue[][] = [["单位", "党政评价", "团内考核", "青年评议", "团内考核评语", "成立日期", "材料报送时间"]];
  units.forEach(({ name }, i) => {
    const strength = 1 - i / units.length / 3;
    const score = () => inSteps(Math.min(100, 52 + 36 * strength + randomInt(random, -8, 8)), 0.5);
    const day = randomInt(random, 15, 26);
    rows.push([name, score(), score(), score(), pick(random, ["工作扎实", "特色鲜明", "基础较好", "有待加强", ""]), "", `2018-01-${day} ${randomInt(random, 9, 17)}:00`]);
  });
  const plant = (index: number, column: number, value: CellValue) => {
    if (rows[index]) rows[index][column] = value;
  };
  plant(3, 3, null);
  plant(5, 6, "2018-01-26 18:30");
  const young = units.findIndex((unit) => !/街道|地区|镇/.test(unit.name));
  if (young >= 0) plant(young + 1, 5, "2017-06-01");
  plant(8, 4, "该单位全年围绕中心工作开展共青团工作，".repeat(12));
  return rows;
}

/** The WeChat items as offices list them: the rubric's nine, and two the office added (as in the fixture). */
const WECHAT_ITEMS: readonly { label: string; max: number }[] = [
  { label: "1、完善微信工作机制", max: 1 },
  { label: "建立微信工作年度考核制度", max: 1 },
  { label: "例会制度", max: 1 },
  { label: "公众平台开通情况", max: 0.4 },
  { label: "团员青年覆盖比例", max: 0.8 },
  { label: "微信群覆盖上报团员比例", max: 0.8 },
  { label: "层级覆盖", max: 0.5 },
  { label: "微信群管理", max: 0.5 },
  { label: "内容发布", max: 0.5 },
  { label: "微信群活跃度", max: 2 },
  { label: "其他工作", max: 0.5 },
];

/** Spot-check days of the year, shared by every unit as the office checks all at once. */
const SPOT_CHECK_DAYS = ["2013-04-02", "2013-05-10", "2013-06-18", "2013-09-12"];

/**
 * 微信考核 and 抽查记录 for hainan-wechat (2013): one row per unit and item, self-scores
 * beside assessed ones, and four spot checks per unit. Planted: a self-score far above the
 * assessed one, and a unit rated 差 three checks running (its grade is capped at 良好).
 */
export function wechatAssessmentRows(units: readonly SampleUnit[], seed: number): { scores: CellValue[][]; spotChecks: CellValue[][] } {
  const random = seededRandom(seed + 2);
  const chosen = leadingUnits(units);
  const scores: CellValue[][] = [["单位", "考核项目", "自评得分", "考评得分"]];
  chosen.forEach(({ name }, u) => {
    for (const item of WECHAT_ITEMS) {
      const assessed = inSteps(item.max * (0.6 + 0.4 * random()), 0.05);
      const self = u === 1 ? item.max : Math.min(item.max, inSteps(assessed + (random() < 0.3 ? 0.05 : 0), 0.05));
      scores.push([name, item.label, self, assessed]);
    }
  });
  const spotChecks: CellValue[][] = [["单位", "抽查日期", "发布条数"]];
  for (const day of SPOT_CHECK_DAYS) {
    chosen.forEach(({ name }, u) => spotChecks.push([name, day, u === 0 && day !== SPOT_CHECK_DAYS[3] ? randomInt(random, 0, 2) : randomInt(random, 3, 14)]));
  }
  return { scores, spotChecks };
}

/**
 * 文明号考评 for hunan-wmh (the 2015–2016 term): two evaluations per unit, in November of the
 * odd year and September of the even one. Planted: an evaluation in the wrong month, a unit
 * evaluated only once (未完成), and a unit without any non-public collective.
 */
export function civilityAssessmentRows(units: readonly SampleUnit[], seed: number): CellValue[][] {
  const random = seededRandom(seed + 3);
  const chosen = leadingUnits(units);
  const rows: CellValue[][] = [["单位", "年度", "机制规范", "基础工作", "创建规模", "品牌建设", "其他", "考评日期", "非公集体数"]];
  const maxima = [10, 20, 30, 30, 10];
  chosen.forEach(({ name }, u) => {
    for (const [year, date] of [[2015, "2015-11-20"], [2016, "2016-09-15"]] as const) {
      if (u === 2 && year === 2016) continue;
      const modules = maxima.map((max) => randomInt(random, Math.round(max * 0.6), max));
      const when = u === 4 && year === 2016 ? "2016-11-10" : date;
      rows.push([name, year, ...modules, when, u === 6 ? 0 : randomInt(random, 1, 3)]);
    }
  });
  return rows;
}

/**
 * Every assessment table of the sample, in the order the sheets are added.
 * @example assessmentTables(units, 2013).map((t) => t.name) // ["年度考核", "微信考核", "抽查记录", "文明号考评"]
 */
export function assessmentTables(units: readonly SampleUnit[], seed: number): AssessmentTable[] {
  const wechat = wechatAssessmentRows(units, seed);
  return [
    { name: ASSESSMENT_SHEET_NAMES.annual, rows: annualAssessmentRows(units, seed) },
    { name: ASSESSMENT_SHEET_NAMES.wechat, rows: wechat.scores },
    { name: ASSESSMENT_SHEET_NAMES.spotChecks, rows: wechat.spotChecks },
    { name: ASSESSMENT_SHEET_NAMES.civility, rows: civilityAssessmentRows(units, seed) },
  ];
}
