import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeInfo } from "../../src/engine/analyze";
import { chaoyangInfo } from "../../src/engine/presets/chaoyang-info";
import { league } from "../support/cli";
import { buildSampleWorkbook } from "../../src/sample/sample-workbook";

const dir = mkdtempSync(join(tmpdir(), "league-cli-"));
const sample = join(dir, "sample.xlsx");

beforeAll(async () => {
  expect((await league("sample", "--out", sample)).code).toBe(0);
});

describe("league rank on a generated .xlsx", () => {
  it("prints the published ranking as JSON, agreeing with the engine on the in-memory sample", async () => {
    const { code, stdout, stderr } = await league("rank", sample, "--json");
    expect(code).toBe(0);
    expect(stderr).toContain("2013");
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(["rubric", "period", "method", "overall", "systems"]);
    expect(json).toMatchObject({ rubric: "chaoyang-info", period: "2013", method: "dense" });
    expect(json.systems.map((s: { system: string }) => s.system)).toEqual(["街道系统", "地区系统", "青工系统"]);
    expect(json.overall).toHaveLength(93);
    expect(Object.keys(json.overall[0])).toEqual(["rank", "unit", "system", "total", "tied"]);
    expect(Object.keys(json.systems[0].rows[0])).toEqual(["rank", "unit", "total", "tied"]);

    const inMemory = analyzeInfo(buildSampleWorkbook().sheets, { rubric: chaoyangInfo });
    if (!inMemory.ok) throw new Error("sample did not analyse");
    const expected = inMemory.analysis.ranking.overall.map((r) => [r.rank, r.row.unit, r.row.total]);
    expect(json.overall.map((r: { rank: number; unit: string; total: number }) => [r.rank, r.unit, r.total])).toEqual(expected);
  });

  it("ranks within each system in published order, ties sharing a rank", async () => {
    const json = JSON.parse((await league("rank", sample, "--json", "--method", "competition")).stdout);
    for (const { rows } of json.systems) {
      for (let i = 1; i < rows.length; i++) expect(rows[i].total).toBeLessThanOrEqual(rows[i - 1].total);
      for (const row of rows) expect(row.tied).toBe(rows.filter((r: { total: number }) => r.total === row.total).length > 1);
    }
    const qinggong = json.systems[2].rows;
    expect(qinggong.at(-1).rank).toBe(1 + qinggong.filter((r: { total: number }) => r.total > qinggong.at(-1).total).length);
  });

  it("prints per-system tables for people", async () => {
    const { code, stdout } = await league("rank", sample, "--period", "2013Q2");
    expect(code).toBe(0);
    expect(stdout).toContain("2013年第二季度信息上报排名");
    expect(stdout).toMatch(/街道系统[\s\S]*地区系统[\s\S]*青工系统/);
  });

  it("scores with the exact JSON shape", async () => {
    const { code, stdout } = await league("score", sample, "--json", "--period", "2013-03");
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.period).toBe("2013-03");
    expect(Object.keys(json.units[0])).toEqual(["unit", "system", "base", "bonus", "penalty", "total", "awardEligible"]);
    expect(json.units.find((u: { unit: string }) => u.unit === "望京街道团工委").awardEligible).toBe(false);
  });
});

describe("bad input gets one clear line and a non-zero exit", () => {
  it.each([
    ["a missing file", () => ["rank", join(dir, "nope.xlsx")], "找不到文件"],
    ["a file that is not .xlsx", () => { const p = join(dir, "a.csv"); writeFileSync(p, "x"); return ["rank", p]; }, "不是 .xlsx 文件"],
    ["a corrupt .xlsx", () => { const p = join(dir, "bad.xlsx"); writeFileSync(p, "not a zip"); return ["rank", p]; }, "无法读取"],
    ["an unknown period", () => ["rank", sample, "--period", "明年"], "无法识别"],
    ["an unknown option", () => ["rank", sample, "--perod", "2013"], "未知选项 --perod"],
    ["a missing sheet", () => ["rank", sample, "--units", "名单2"], "名单2"],
    ["an unknown rubric", () => ["score", sample, "--rubric", "nope"], "未知的规则"],
  ])("%s", async (_, argv, text) => {
    const { code, stdout, stderr } = await league(...argv());
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(text);
    expect(stderr.trim().split("\n").length).toBeLessThanOrEqual(2);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("a workbook with no recognisable tables", async () => {
    const path = join(dir, "empty.xlsx");
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Sheet1").addRow(["hello", "world"]);
    await workbook.xlsx.writeFile(path);
    const { code, stderr } = await league("rank", path);
    expect(code).toBe(2);
    expect(stderr).toContain("未找到单位名单");
  });
});

describe("the installed bin", () => {
  it("runs the bundled command end to end", () => {
    const out = execFileSync("node", ["bin/league.cjs", "rank", sample, "--json"], { encoding: "utf8" });
    expect(JSON.parse(out).overall).toHaveLength(93);
    const bad = spawnSync("node", ["bin/league.cjs", "rank", join(dir, "nope.xlsx")], { encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("找不到文件");
  });
});
