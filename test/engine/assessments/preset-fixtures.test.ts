import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../../src/cli/main";
import { PRESETS } from "../../../src/engine/presets";
import { sheetToRubric } from "../../../src/engine/rubric-sheet/reader";
import { rubricToSheet } from "../../../src/engine/rubric-sheet/writer";
import { XlsxWorkbook } from "../../../src/xlsx/xlsx-workbook";
import { readPresetFixtures, writeXlsx } from "../../support/preset-fixtures";

/**
 * Scenario files: an input workbook as grids, the command-line options, and the expected
 * units. Each becomes a real .xlsx and goes through `league score --rubric <id> --json`.
 */
const fixtures = readPresetFixtures();
const dir = mkdtempSync(join(tmpdir(), "league-presets-"));

async function league(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe("league score --rubric <id> --json on each preset's fixture workbook", () => {
  it("has a fixture for every preset but chaoyang-info", () => {
    expect(fixtures.map((f) => f.expected.rubric).sort()).toEqual(Object.keys(PRESETS).filter((id) => id !== "chaoyang-info").sort());
  });

  for (const fixture of fixtures) {
    it(`${fixture.expected.rubric}: ${fixture.description}`, async () => {
      const file = join(dir, `${fixture.expected.rubric}.xlsx`);
      await writeXlsx(file, fixture.sheets);
      const { code, stdout, stderr } = await league("score", file, "--rubric", fixture.expected.rubric, "--json", ...fixture.args);
      expect(stderr).not.toContain("内部错误");
      expect(code).toBe(0);
      const json = JSON.parse(stdout);
      expect(Object.keys(json)).toEqual(["rubric", "period", "units"]);
      expect(json).toMatchObject({ rubric: fixture.expected.rubric, period: fixture.expected.period });
      expect(json.units).toHaveLength(fixture.expected.units.length);
      fixture.expected.units.forEach((unit, i) => expect(json.units[i]).toMatchObject(unit));
      for (const unit of json.units) expect(unit).toEqual(expect.objectContaining({ unit: expect.any(String), complete: expect.any(Boolean), awardEligible: expect.any(Boolean) }));
    });
  }

  it("prints a table for people, grades and unranked units included", async () => {
    const fixture = fixtures.find((f) => f.expected.rubric === "dongguan-annual")!;
    const file = join(dir, "people.xlsx");
    await writeXlsx(file, fixture.sheets);
    const { code, stdout } = await league("score", file, "--rubric", "dongguan-annual");
    expect(code).toBe(0);
    expect(stdout).toMatch(/排名\s+单位\s+总分\s+等次\s+评优资格/);
    expect(stdout).toContain("无（材料逾期报送（截止 2018-01-26 18:00））");
    expect(stdout).toMatch(/—\s+长安镇团委\s+未完成/);
  });

  it("refuses --veto-line on a rubric that has none, and a rubric that does not exist", async () => {
    const file = join(dir, "dongguan-annual.xlsx");
    expect((await league("score", file, "--rubric", "dongguan-annual", "--veto-line", "10")).stderr).toContain("--veto-line");
    expect((await league("score", file, "--rubric", "nanjing")).stderr).toContain("未知的规则：nanjing");
  });
});

describe("league rubric: presets as rubric sheets in real .xlsx files", () => {
  for (const id of Object.keys(PRESETS)) {
    it(`writes ${id} and reads back an equal rubric through the .xlsx port`, async () => {
      const file = join(dir, `rubric-${id}.xlsx`);
      const { code, stdout } = await league("rubric", id, "--out", file);
      expect(code).toBe(0);
      expect(stdout).toContain(file);
      const workbook = await XlsxWorkbook.open(file);
      const [info] = await workbook.listSheets();
      expect(sheetToRubric(await workbook.readSheet(info.name))).toEqual({ rubric: PRESETS[id], issues: [] });
      expect((await league("rubric", "--check", file)).code).toBe(0);
    });
  }

  it("scores by the office's edited rubric sheet in the workbook: a veto line set on the sheet", async () => {
    const fixture = fixtures.find((f) => f.expected.rubric === "county-info")!;
    const file = join(dir, "county-with-rubric.xlsx");
    await writeXlsx(file, fixture.sheets);
    const workbook = await XlsxWorkbook.open(file);
    const [name] = (await workbook.writeSheets([rubricToSheet(PRESETS["county-info"])])).written;
    const sheet = workbook.workbook.getWorksheet(name)!;
    sheet.eachRow((row) => {
      if (row.getCell(1).value === "一票否决线") row.getCell(2).value = 5;
    });
    await workbook.save(file);
    const { code, stdout, stderr } = await league("score", file, "--rubric", "county-info", "--period", "2013", "--json");
    expect(code).toBe(0);
    expect(stderr).toContain(`使用工作簿中的规则表「${name}」`);
    expect(JSON.parse(stdout).units.map((u: { vetoed: boolean }) => u.vetoed)).toEqual([false, false, true]);

    sheet.eachRow((row) => {
      if (row.getCell(1).value === "占年度考核比例(%)") row.getCell(2).value = -20;
      if (row.getCell(1).value === "每月条数") row.getCell(2).value = "三";
    });
    await workbook.save(file);
    const bad = await league("score", file, "--rubric", "county-info", "--period", "2013", "--json");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/规则表「.+」有错误，未计分：B\d+ 每月条数「三」不是数字/);
    const checked = await league("rubric", "--check", file, "--json");
    expect(checked.code).toBe(1);
    expect(JSON.parse(checked.stdout)[0].issues[0]).toMatchObject({ severity: "error", sheet: name, message: "每月条数「三」不是数字" });
  });
});
