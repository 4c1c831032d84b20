import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { league } from "../support/cli";
import { analyzeInfo } from "../../src/engine/analyze";
import type { CellValue } from "../../src/engine/cells";
import { chaoyangInfo } from "../../src/engine/presets/chaoyang-info";
import type { InfoRubric } from "../../src/engine/rubric/info-rubric";
import { sheetToRubric } from "../../src/engine/rubric-sheet/reader";
import { rubricToSheet } from "../../src/engine/rubric-sheet/writer";
import { readAllSheets } from "../../src/port/read-all";
import { XlsxWorkbook } from "../../src/xlsx/xlsx-workbook";
import { fixtureSheets, presetFixture, readPresetFixtures, writeXlsx, type PresetFixture } from "../support/preset-fixtures";

/**
 * `league rank`, `league validate` and `league score` by every rubric, on the preset fixture
 * workbooks written as real .xlsx files, and by a rubric sheet kept in the workbook.
 */

const dir = mkdtempSync(join(tmpdir(), "league-rubrics-"));
const fixtures = readPresetFixtures();
const assessmentFixtures = fixtures.filter((f) => f.expected.rubric !== "county-info");
const fileOf = (fixture: PresetFixture) => join(dir, `${fixture.expected.rubric}.xlsx`);
/** The fixture's options that rank and validate take too (the county method's veto line is score's). */
const periodArgs = (fixture: PresetFixture) => {
  const at = fixture.args.indexOf("--period");
  return at < 0 ? [] : ["--period", fixture.args[at + 1]];
};

beforeAll(async () => {
  for (const fixture of fixtures) await writeXlsx(fileOf(fixture), fixture.sheets);
});

describe("league rank --rubric <id> --json", () => {
  for (const fixture of fixtures) {
    const id = fixture.expected.rubric;
    it(`${id}: ranks as score does, with the preset's grade, tier and quota change on each row`, async () => {
      const { code, stdout, stderr } = await league("rank", fileOf(fixture), "--rubric", id, "--json", ...periodArgs(fixture));
      expect(stderr).not.toContain("内部错误");
      expect(code).toBe(0);
      const json = JSON.parse(stdout);
      expect(Object.keys(json)).toEqual(["rubric", "period", "method", "overall", "systems"]);
      expect(json).toMatchObject({ rubric: id, period: fixture.expected.period, method: "dense" });
      expect(json.overall.map((r: { unit: string }) => r.unit).sort()).toEqual(fixture.expected.units.map((u) => u.unit).sort());
      for (const expected of fixture.expected.units) {
        const row = json.overall.find((r: { unit: string }) => r.unit === expected.unit);
        expect(Object.keys(row).slice(0, 5)).toEqual(["rank", "unit", "system", "total", "tied"]);
        if ("total" in expected) expect(row.total).toBe(expected.total);
        // The county method's veto line is a score option; without it every unit keeps its rank.
        if ("rank" in expected && id !== "county-info") expect(row.rank).toBe(expected.rank);
        for (const key of ["grade", "tier", "quotaAdjustment"]) if (key in expected) expect(row[key]).toEqual(expected[key]);
      }
      const ranks = json.overall.map((r: { rank: number | null }) => r.rank);
      const ranked = ranks.filter((r: number | null) => r !== null);
      expect(ranks.slice(0, ranked.length)).toEqual([...ranked].sort((a: number, b: number) => a - b));
    });
  }

  it("marks ties and ranks by competition on request", async () => {
    const fixture = presetFixture("hunan-wmh");
    const { stdout } = await league("rank", fileOf(fixture), "--rubric", "hunan-wmh", "--method", "competition", "--json");
    const json = JSON.parse(stdout);
    expect(json.method).toBe("competition");
    expect(json.overall.map((r: { rank: number | null; tied: boolean }) => [r.rank, r.tied])).toEqual([[1, false], [2, true], [2, true], [4, false], [5, false], [null, false]]);
  });
});

describe("league rank --rubric <id> for people", () => {
  it("prints the unfinished unit last with — and 未完成, and the reasons for each ※", async () => {
    const { code, stdout } = await league("rank", fileOf(presetFixture("dongguan-annual")), "--rubric", "dongguan-annual");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^2017年东莞共青团年度工作考核排名（中国式排名）/);
    expect(stdout).toMatch(/排名\s+单位名称\s+总分\s+等次/);
    expect(stdout).toMatch(/\n—\s+长安镇团委\s+未完成\s+—\n/);
    expect(stdout).toContain("塘厦镇团委：材料逾期报送（截止 2018-01-26 18:00）");
  });
});

describe("league rank --rubric <id> --out", () => {
  for (const fixture of assessmentFixtures) {
    const id = fixture.expected.rubric;
    it(`${id}: adds the ranking sheets and leaves the original sheets as they were`, async () => {
      const input = fileOf(fixture);
      const out = join(dir, `${id}-ranked.xlsx`);
      const before = readFileSync(input);
      const { code, stdout } = await league("rank", input, "--rubric", id, "--out", out, "--org", "共青团某委", ...periodArgs(fixture));
      expect(code).toBe(0);
      expect(readFileSync(input).equals(before)).toBe(true);

      const ranked = await XlsxWorkbook.open(out);
      const listed = await ranked.listSheets();
      const generated = listed.filter((s) => s.ownerKey !== undefined);
      expect(stdout).toContain(`已写入 ${out}：${generated.map((s) => s.name).join("、")}`);
      expect(generated.map((s) => s.ownerKey)).toEqual([`ranking:${id}:${fixture.expected.period}`, `ranking-detail:${id}:${fixture.expected.period}`, `ranking-chart:${id}:${fixture.expected.period}`]);
      const originals = await readAllSheets(ranked);
      expect(originals.map((s) => ({ name: s.name, values: trimmed(s.values) }))).toEqual(fixtureSheets(fixture).map((s) => ({ name: s.name, values: trimmed(s.values) })));

      const publication = await ranked.readSheet(generated[0].name);
      expect(String(publication.values[0][0])).toMatch(/^共青团某委.+排名$/);
      const names = publication.values.slice(3).map((row) => String(row[1] ?? "").replace(/※$/, "")).filter(Boolean);
      expect(names.sort()).toEqual(fixture.expected.units.map((u) => String(u.unit)).sort());
    });
  }

  it("writes the chaoyang-style sheets for county-info through the information-work path", async () => {
    const fixture = presetFixture("county-info");
    const out = join(dir, "county-ranked.xlsx");
    expect((await league("rank", fileOf(fixture), "--rubric", "county-info", "--period", "2013", "--out", out)).code).toBe(0);
    const sheets = (await (await XlsxWorkbook.open(out)).listSheets()).filter((s) => s.ownerKey);
    expect(sheets.map((s) => s.ownerKey)).toEqual(["ranking:county-info:2013", "ranking-overall:county-info:2013", "ranking-detail:county-info:2013", "ranking-chart:county-info:2013"]);
  });
});

/** A grid with trailing blank cells and rows dropped, as a file stores it. */
function trimmed(values: readonly (readonly CellValue[])[]): CellValue[][] {
  const rows = values.map((row) => {
    const cells = row.map((v) => (v === "" || v === undefined ? null : v));
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    return cells;
  });
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

describe("league validate --rubric <id> for the assessment presets", () => {
  for (const fixture of assessmentFixtures) {
    const id = fixture.expected.rubric;
    it(`${id}: prints the preset's issues in the register validation's JSON shape`, async () => {
      const { code, stdout } = await league("validate", fileOf(fixture), "--rubric", id, "--json", ...periodArgs(fixture));
      const json = JSON.parse(stdout);
      expect(Object.keys(json)).toEqual(["issues", "summary"]);
      expect(Object.keys(json.summary)).toEqual(["errors", "warnings", "infos", "rows"]);
      expect(json.summary.errors).toBe(json.issues.filter((i: { severity: string }) => i.severity === "error").length);
      expect(code).toBe(json.summary.errors > 0 ? 1 : 0);
      for (const issue of json.issues) expect(Object.keys(issue).slice(0, 6)).toEqual(["rule", "severity", "sheet", "cell", "row", "message"]);
    });
  }

  it("finds the worked problems of each fixture: the missing source, the self-score gap, the wrong month", async () => {
    const rules = async (id: string) => JSON.parse((await league("validate", fileOf(presetFixture(id)), "--rubric", id, "--json")).stdout).issues.map((i: { rule: string; cell: string | null }) => `${i.rule}@${i.cell}`);
    expect(await rules("dongguan-annual")).toEqual(expect.arrayContaining(["incomplete@D6", "late-submission@G8"]));
    expect(await rules("hainan-wechat")).toContain("self-assessed-gap@A45");
    expect(await rules("hunan-wmh")).toEqual(expect.arrayContaining(["wrong-evaluation-month@H11", "too-few-evaluations@A12"]));
  });

  it("exits 1 on an error and names its cell; exits 2 when the table is not there", async () => {
    const fixture = presetFixture("hunan-wmh");
    const rows = fixture.sheets[0].rows.map((row, r) => (r === 1 ? row.map((v, c) => (c === 2 ? 12 : v)) : row));
    const file = join(dir, "hunan-over-max.xlsx");
    await writeXlsx(file, [{ name: fixture.sheets[0].name, rows }]);
    const text = await league("validate", file, "--rubric", "hunan-wmh");
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/错误 1 处/);
    expect(text.stdout).toContain("【错误】module-over-max（1 处）");
    expect(text.stdout).toContain(`${fixture.sheets[0].name}!C2  「机制规范」12 超过该模块满分 10`);

    const missing = await league("validate", fileOf(presetFixture("hunan-wmh")), "--rubric", "dongguan-annual");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("未找到年度考核表");
  });
});

describe("a chaoyang-info rubric sheet in the workbook", () => {
  const file = join(dir, "info-with-rubric.xlsx");
  const broken = join(dir, "info-with-bad-rubric.xlsx");
  let sheetName = "";
  let edited: InfoRubric;

  beforeAll(async () => {
    await writeXlsx(file, presetFixture("county-info").sheets);
    const workbook = await XlsxWorkbook.open(file);
    [sheetName] = (await workbook.writeSheets([rubricToSheet(chaoyangInfo)])).written;
    const sheet = workbook.workbook.getWorksheet(sheetName)!;
    sheet.eachRow((row) => {
      if (row.getCell(1).value === "每月条数") row.getCell(2).value = 1;
      if (row.getCell(1).value === "综合类信息加分") row.getCell(2).value = 5;
    });
    await workbook.save(file);
    const read = sheetToRubric(await (await XlsxWorkbook.open(file)).readSheet(sheetName));
    expect(read.issues).toEqual([]);
    edited = read.rubric as InfoRubric;

    sheet.eachRow((row) => {
      if (row.getCell(1).value === "每月基础分") row.getCell(2).value = "一";
      if (row.getCell(1).value === "综合类信息加分") row.getCell(2).value = "二";
    });
    await workbook.save(broken);
  });

  /** Totals by unit as the engine gives them under a rubric. */
  const totals = (rubric: InfoRubric) => {
    const result = analyzeInfo(fixtureSheets(presetFixture("county-info")), { rubric, period: "2013" });
    if (!result.ok) throw new Error("fixture does not analyse");
    return Object.fromEntries(result.analysis.scores.map((s) => [s.unit, s.total]));
  };

  it("is used by score, rank and validate instead of the preset", async () => {
    expect(totals(edited)).not.toEqual(totals(chaoyangInfo));
    const score = await league("score", file, "--period", "2013", "--json");
    expect(score.code).toBe(0);
    expect(score.stderr).toContain(`使用工作簿中的规则表「${sheetName}」`);
    expect(Object.fromEntries(JSON.parse(score.stdout).units.map((u: { unit: string; total: number }) => [u.unit, u.total]))).toEqual(totals(edited));

    const rank = await league("rank", file, "--rubric", "chaoyang-info", "--period", "2013", "--json");
    expect(rank.code).toBe(0);
    expect(rank.stderr).toContain(`使用工作簿中的规则表「${sheetName}」`);
    expect(Object.fromEntries(JSON.parse(rank.stdout).overall.map((u: { unit: string; total: number }) => [u.unit, u.total]))).toEqual(totals(edited));

    const validate = await league("validate", file, "--period", "2013", "--today", "2014-01-10", "--json");
    expect(validate.stderr).toContain(`使用工作簿中的规则表「${sheetName}」`);
    // The monthly quota the shortfalls are held to is the sheet's one item, not the preset's three.
    const quotas = (stdout: string) => [...new Set(JSON.parse(stdout).issues.map((i: { message: string }) => /少于每月 (\d+) 条/.exec(i.message)?.[1]).filter(Boolean))];
    const plain = await league("validate", fileOf(presetFixture("county-info")), "--period", "2013", "--today", "2014-01-10", "--json");
    expect(quotas(plain.stdout)).toEqual(["3"]);
    expect(quotas(validate.stdout)).toEqual(["1"]);
  });

  it("stops score, rank and validate with exit 2 and every bad cell's address when the sheet has errors", async () => {
    for (const argv of [["score"], ["rank"], ["rank", "--out", join(dir, "never.xlsx")], ["validate"]]) {
      const [command, ...rest] = argv;
      const result = await league(command, broken, "--period", "2013", ...rest);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toContain(`规则表「${sheetName}」有错误，未计分：B15 每月基础分「一」不是数字；B16 综合类信息加分「二」不是数字`);
    }
  });
});
