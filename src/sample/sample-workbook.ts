import { dateToSerial } from "../engine/dates";
import type { CellValue } from "../engine/cells";
import type { SheetData } from "../engine/sheet";
import { assessmentTables, type SampleUnit } from "./assessment-tables";
import { pick, randomInt, seededRandom } from "./random";
import { SEED_ROSTER } from "./seed-roster";

/**
 * The bundled sample workbook: seed 000's real roster (93 units in three systems), a year of
 * synthetic submissions, a few confirmed penalties, and a handful of planted problems for the
 * validation preview; then the input tables of the assessment presets for the same units
 * (assessment-tables.ts), after the information-work sheets so those are found first.
 * Deterministic: the same seed gives the same workbook everywhere.
 */

export const SAMPLE_YEAR = 2013;
export const SAMPLE_ORGANISATION = "朝阳共青团";

export const SHEET_NAMES = { roster: "单位名单", register: "信息报送", penalties: "扣分记录" } as const;

const REGISTER_HEADER = ["单位", "报送日期", "信息类型", "标题", "字数", "采用情况", "活动日期", "违规情况", "正文"];

/** Adoption cells as staff write them: aliases, several separators, some with two channels. */
const EVENT_ADOPTIONS = ["团区委网站", "区团委网站", "朝阳团讯", "朝阳新闻", "北京朝阳", "团市委网站", "团区委网站、朝阳团讯", "团区委网站；基层动态"];
const COMPREHENSIVE_ADOPTIONS = ["团区委网站", "北京团讯", "工作研究", "区政府内网", "团区委网站，北京团讯"];

const ACTIVITIES = ["志愿服务", "主题团日", "青春读书会", "义务植树", "文明引导", "便民服务", "法律宣传", "环保宣传", "安全知识讲座", "就业指导"];
const PLACES = ["社区", "园区", "学校", "企业", "公园", "青年之家"];

/** A planted problem: what the validation preview should find, and where. */
export interface PlantedProblem {
  rule: string;
  /** 1-based row on the register sheet. */
  row: number;
  note: string;
}

export interface SampleWorkbook {
  sheets: SheetData[];
  planted: PlantedProblem[];
}

/** Per-unit activity, so totals spread out and some units tie, as in the real table. */
function activityOf(system: string, position: number, count: number, random: () => number): number {
  // The tail of 青工系统 sent nothing in the published table (33 units share the last rank).
  if (system === "青工系统" && position >= 17) return random() < 0.7 ? 0 : 0.2;
  return Math.max(0.15, 1.3 - position / count + (random() - 0.5) * 0.2);
}

/**
 * Builds the sample workbook.
 * @example buildSampleWorkbook().sheets.map((s) => s.name)
 * // ["单位名单", "信息报送", "扣分记录", "年度考核", "微信考核", "抽查记录", "文明号考评"]
 */
export function buildSampleWorkbook(seed = 2013): SampleWorkbook {
  const random = seededRandom(seed);
  const rosterRows: CellValue[][] = [["组织名称", SAMPLE_ORGANISATION], [], ["序号", "单位名称", "所属系统"]];
  const registerRows: CellValue[][] = [REGISTER_HEADER];
  const units: (SampleUnit & { activity: number })[] = [];

  for (const { system, units: names } of SEED_ROSTER) {
    names.forEach((name, position) => {
      rosterRows.push([rosterRows.length - 2, name, system]);
      units.push({ name, system, activity: activityOf(system, position, names.length, random) });
    });
  }

  for (const { name, activity } of units) {
    for (let month = 1; month <= 12; month++) {
      const count = Math.round(activity * randomInt(random, 1, 4) + (random() < 0.1 ? -1 : 0));
      for (let i = 0; i < count; i++) {
        const comprehensive = random() < 0.12;
        const day = randomInt(random, 1, 28);
        const eventDay = Math.max(1, day - randomInt(random, 0, 2));
        const adopted = random() < 0.35 ? pick(random, comprehensive ? COMPREHENSIVE_ADOPTIONS : EVENT_ADOPTIONS) : "";
        registerRows.push([
          name,
          dateToSerial({ year: SAMPLE_YEAR, month, day }),
          comprehensive ? pick(random, ["综合类", "综合", "调研"]) : pick(random, ["事件类", "事件类", "动态信息"]),
          comprehensive
            ? `${name.replace(/团(工委|委|总支|支部)$/, "")}关于${pick(random, ACTIVITIES)}工作的思考（${month}月第${i + 1}篇）`
            : `${name}开展${pick(random, PLACES)}${pick(random, ACTIVITIES)}活动（${month}月第${i + 1}期）`,
          comprehensive ? randomInt(random, 1500, 2600) : randomInt(random, 300, 600),
          adopted,
          comprehensive ? "" : dateToSerial({ year: SAMPLE_YEAR, month, day: eventDay }),
          "",
          "",
        ]);
      }
    }
  }

  const planted = plantProblems(registerRows);
  const penaltyRows: CellValue[][] = [
    ["单位", "日期", "原因", "备注"],
    ["望京街道团工委", "2013年5月20日", "重复信息", "同一活动报送两次"],
    ["朝阳区水务局团委", "2013.9.3", "抄袭信息", "经核实"],
  ];

  const sheet = (name: string, values: CellValue[][]): SheetData => ({ name, originRow: 0, originColumn: 0, values: pad(values) });
  return {
    sheets: [
      sheet(SHEET_NAMES.roster, rosterRows),
      sheet(SHEET_NAMES.register, registerRows),
      sheet(SHEET_NAMES.penalties, penaltyRows),
      ...assessmentTables(units, seed).map((table) => sheet(table.name, table.rows)),
    ],
    planted,
  };
}

const COPIED_PASSAGE =
  "本次活动以“青春建功新时代”为主题，组织青年志愿者深入社区开展垃圾分类宣传，逐户发放宣传手册，现场演示分类方法，" +
  "并与居民签订垃圾分类承诺书。活动结束后，志愿者们还对小区公共区域进行了清扫，清理卫生死角十余处。";

/** Appends rows that each trip one validation rule, and returns where they are. */
function plantProblems(rows: CellValue[][]): PlantedProblem[] {
  const planted: PlantedProblem[] = [];
  const add = (rule: string, note: string, row: CellValue[]) => {
    rows.push(row);
    planted.push({ rule, row: rows.length, note });
  };
  const serial = (month: number, day: number) => dateToSerial({ year: SAMPLE_YEAR, month, day });
  add("unknown-unit", "单位名称写错", ["双井街到团工委", serial(4, 8), "事件类", "双井街道青年志愿者清洁家园", 420, "", serial(4, 8), "", ""]);
  add("bad-type", "类型无法识别", ["大屯街道团工委", serial(4, 9), "新闻", "大屯街道开展读书会", 380, "", serial(4, 9), "", ""]);
  add("bad-date", "不存在的日期", ["三里屯街道团工委", "2013年2月30日", "事件类", "三里屯街道春季植树", 400, "", "", "", ""]);
  add("ambiguous-channel", "基层信息有歧义", ["常营地区团委", serial(5, 6), "事件类", "常营地区开展青年联谊", 410, "基层信息", serial(5, 6), "", ""]);
  add("channel-type-mismatch", "朝阳团讯不采用综合类", ["管庄地区团委", serial(6, 12), "综合类", "管庄地区关于青年工作的调研", 2100, "朝阳团讯", "", "", ""]);
  add("length-out-of-range", "事件类字数过少", ["孙河地区团委", serial(7, 3), "事件类", "孙河地区开展安全讲座", 120, "", serial(7, 3), "", ""]);
  add("late-report", "活动后 10 天才报送", ["平房地区团委", serial(8, 15), "事件类", "平房地区开展消夏晚会", 450, "", serial(8, 5), "", ""]);
  add("near-duplicate", "正文抄自另一单位", ["八里庄街道团工委", serial(9, 10), "事件类", "八里庄街道开展垃圾分类宣传", 400, "", serial(9, 10), "", `为推进垃圾分类工作，八里庄街道团工委近日组织开展了主题活动。${COPIED_PASSAGE}`]);
  add("near-duplicate", "（被抄袭的原文）", ["左家庄街道团工委", serial(9, 2), "事件类", "左家庄街道志愿者宣传垃圾分类", 380, "团区委网站", serial(9, 2), "", `${COPIED_PASSAGE}左家庄街道团工委表示，将持续开展此类活动。`]);
  add("duplicate-item", "同一单位重复报送同一标题", ["亚运村街道团工委", serial(10, 9), "事件类", "亚运村街道开展重阳敬老活动", 400, "", serial(10, 9), "", ""]);
  add("duplicate-item", "（重复的第二条）", ["亚运村街道团工委", serial(10, 11), "事件类", "亚运村街道开展重阳敬老活动", 400, "", serial(10, 11), "重复信息", ""]);
  return planted;
}

/** Rows padded to one width, as Excel hands over a used range. */
function pad(rows: CellValue[][]): CellValue[][] {
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...Array<CellValue>(width - r.length).fill("")]);
}
