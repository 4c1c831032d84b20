import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../src/engine/cells";
import { parseDate, type DayDate } from "../../src/engine/dates";
import type { Issue } from "../../src/engine/issues";
import { chaoyangInfo } from "../../src/engine/presets/chaoyang-info";
import type { SheetData } from "../../src/engine/sheet";
import { RULES, ruleInfo, validateWorkbook } from "../../src/engine/validate";
import { shortenPassage } from "../../src/engine/validate/duplicates";

/**
 * Validation scenarios, script-lab style: each fixture is a whole workbook (sheets as 2-D
 * arrays) with the issues it must produce, no more and no fewer.
 */
interface Expected {
  rule: string;
  /** Default: the register sheet, 信息报送. */
  sheet?: string;
  cell?: string;
  unit?: string;
  period?: string;
  /** Text the message must contain. */
  message?: string;
  suggestion?: string;
}

interface Fixture {
  description: string;
  period?: string;
  today: string;
  sheets: { name: string; rows: CellValue[][]; merges?: string[] }[];
  expected: Expected[];
}

const FIXTURES = join(__dirname, "../fixtures/validate");
const fixtures = readdirSync(FIXTURES)
  .filter((file) => file.endsWith(".json"))
  .map((file) => ({ name: file.replace(/\.json$/, ""), ...(JSON.parse(readFileSync(join(FIXTURES, file), "utf8")) as Fixture) }));

function day(text: string): DayDate {
  const parsed = parseDate(text);
  if (!parsed.ok) throw new Error(`fixture date ${text}`);
  return parsed.date;
}

function toSheets(fixture: Fixture): SheetData[] {
  return fixture.sheets.map((s) => ({ name: s.name, originRow: 0, originColumn: 0, values: s.rows, ...(s.merges ? { merges: s.merges } : {}) }));
}

/** Where an issue points: its sheet and cell, or its unit and period. */
function where(issue: { rule: string; sheet?: string; cell?: string; unit?: string; period?: string }): string {
  return issue.unit !== undefined ? `${issue.rule} ${issue.unit} ${issue.period}` : `${issue.rule} ${issue.sheet ?? "信息报送"}!${issue.cell}`;
}

describe("validation fixtures", () => {
  it.each(fixtures.map((f) => [f.name, f] as const))("%s", (_name, fixture) => {
    const result = validateWorkbook(toSheets(fixture), { rubric: chaoyangInfo, period: fixture.period, today: day(fixture.today) });
    expect(result.ok).toBe(true);
    expect([...new Set(result.issues.map(where))].sort()).toEqual([...new Set(fixture.expected.map(where))].sort());
    for (const expected of fixture.expected) {
      const found = result.issues.filter((issue) => where(issue) === where(expected));
      if (expected.message) expect(found.map((i) => i.message).join("\n")).toContain(expected.message);
      if (expected.suggestion) expect(found.map((i) => i.suggestion).join("\n")).toContain(expected.suggestion);
    }
    for (const issue of result.issues) {
      expect(issue.severity).toBe(ruleInfo(issue.rule).severity);
      expect(issue.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("has a fixture that trips every rule that can come from a workbook, and a clean one", () => {
    const tripped = new Set(fixtures.flatMap((f) => f.expected.map((e) => e.rule)));
    const workbookRules = RULES.filter((rule) => rule.scope !== "workbook").map((rule) => rule.id);
    expect(workbookRules.filter((id) => !tripped.has(id))).toEqual([]);
    expect(fixtures.filter((f) => f.expected.length === 0).length).toBeGreaterThan(0);
  });
});

describe("validateWorkbook", () => {
  const fixture = fixtures.find((f) => f.name === "near-duplicate")!;
  const today = day("2013-03-31");

  it("counts register rows and issues by severity", () => {
    const result = validateWorkbook(toSheets(fixtures.find((f) => f.name === "repeated-header")!), { rubric: chaoyangInfo, today, period: "2013-03" });
    // Two data rows; the repeated header is not one of them.
    expect(result.summary).toEqual({ errors: 0, warnings: 2, infos: 0, rows: 2 });
    expect(result.period?.key).toBe("2013-03");
  });

  it("takes the latest year in the register when no period is given", () => {
    const result = validateWorkbook(toSheets(fixture), { rubric: chaoyangInfo, today });
    expect(result.period?.key).toBe("2013");
  });

  it("reports a workbook it cannot work on as one issue, not an exception", () => {
    const noRoster = validateWorkbook([toSheets(fixture)[1]], { rubric: chaoyangInfo, today });
    expect(noRoster.ok).toBe(false);
    expect(noRoster.issues.map((i) => i.rule)).toEqual(["no-roster"]);
    const badPeriod = validateWorkbook(toSheets(fixture), { rubric: chaoyangInfo, today, period: "2013Q5" });
    expect(badPeriod.ok).toBe(false);
    expect(badPeriod.issues.map((i) => i.rule)).toEqual(["bad-period"]);
  });

  it("still reports every row when no date in the register can be read", () => {
    const sheets = toSheets(fixture);
    sheets[1] = { ...sheets[1], values: sheets[1].values.map((row, r) => (r === 0 ? row : row.map((v, c) => (c === 1 ? "某日" : v)))) };
    const result = validateWorkbook(sheets, { rubric: chaoyangInfo, today });
    expect(result.ok).toBe(true);
    expect(result.period).toBeUndefined();
    expect(result.issues.filter((i) => i.rule === "bad-date")).toHaveLength(sheets[1].values.length - 1);
  });

  it("stops when asked, and reports progress up to the end otherwise", () => {
    const progress: number[] = [];
    const done = validateWorkbook(toSheets(fixture), { rubric: chaoyangInfo, today, onProgress: (p) => progress.push(p) });
    expect(done.stopped).toBe(false);
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    const stopped = validateWorkbook(toSheets(fixture), { rubric: chaoyangInfo, today, shouldStop: () => true });
    expect(stopped.stopped).toBe(true);
    expect(stopped.issues.some((i) => i.rule === "near-duplicate")).toBe(false);
  });

  it("catalogues every rule once, with both languages", () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const rule of RULES) {
      expect(rule.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(rule.en).toMatch(/^[A-Z]/);
    }
  });
});

describe("shortenPassage", () => {
  it("keeps a short passage whole and cuts a long one to its head and tail", () => {
    expect(shortenPassage("沿着光华路两侧逐一清理")).toBe("沿着光华路两侧逐一清理");
    const long = Array.from({ length: 100 }, (_, i) => String.fromCharCode(0x4e00 + i)).join("");
    const short = shortenPassage(long);
    expect([...short]).toHaveLength(61);
    expect(short.startsWith(long.slice(0, 40))).toBe(true);
    expect(short.endsWith(`…${long.slice(80)}`)).toBe(true);
  });
});

describe("robustness", () => {
  const cell: fc.Arbitrary<CellValue> = fc.oneof(
    fc.constantFrom<CellValue>(null, undefined, "", " ", true, 0, 41340, -1, 1e308, Number.NaN, "单位", "日期", "类型", "系统", "正文", "字数", "活动日期", "违规情况", "采用情况"),
    fc.constantFrom<CellValue>("双井街道团工委", "双井街道团委", "事件类", "综合", "2013-03-05", "2013年2月30日", "基层信息", "北京团讯", "重复", "A1:B2"),
    fc.string({ maxLength: 12 }),
    fc.double(),
    fc.integer({ min: -100_000, max: 3_000_000 }),
  );
  const grid = fc.array(fc.array(cell, { maxLength: 10 }), { maxLength: 14 });
  const sheetData = fc.record({
    name: fc.constantFrom("单位名单", "信息报送", "Sheet3"),
    originRow: fc.nat(5),
    originColumn: fc.nat(5),
    values: grid,
    merges: fc.option(fc.array(fc.constantFrom("A1:A3", "B2:C9", "Z99", "bad", "C3:A1", ""), { maxLength: 3 }), { nil: undefined }),
  });
  // Headers planted in the first rows, so random sheets often reach the checks past table finding.
  const planted = fc.tuple(grid, fc.boolean()).map(([rows, roster]) => [
    roster ? ["单位名称", "所属系统", "代码"] : ["单位", "报送日期", "信息类型", "标题", "字数", "采用情况", "活动日期", "违规情况", "正文"],
    ...rows,
  ]);

  it("never throws on random sheets, and counts what it returns", () => {
    fc.assert(
      fc.property(fc.array(sheetData, { maxLength: 3 }), planted, planted, fc.constantFrom(undefined, "2013", "2013Q1", "2013-03", "13", ""), (sheets, a, b, period) => {
        const all = [...sheets, { name: "甲", originRow: 0, originColumn: 0, values: a }, { name: "乙", originRow: 2, originColumn: 1, values: b }];
        const result = validateWorkbook(all, { rubric: chaoyangInfo, period, today: { year: 2013, month: 6, day: 30 } });
        const counted = result.summary.errors + result.summary.warnings + result.summary.infos;
        expect(counted).toBe(result.issues.length);
        for (const issue of result.issues as Issue[]) expect(() => ruleInfo(issue.rule)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});
