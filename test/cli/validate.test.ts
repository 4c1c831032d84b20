import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { league } from "../support/cli";
import { chaoyangInfo } from "../../src/engine/presets/chaoyang-info";
import { validateWorkbook } from "../../src/engine/validate";
import { buildSampleWorkbook } from "../../src/sample/sample-workbook";

const dir = mkdtempSync(join(tmpdir(), "league-validate-"));
const sample = join(dir, "sample.xlsx");
const clean = join(dir, "clean.xlsx");
const merged = join(dir, "merged.xlsx");
const TODAY = "2014-01-10";

async function writeWorkbook(path: string, sheets: Record<string, (string | number | null)[][]>, merges: Record<string, string[]> = {}) {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
    for (const range of merges[name] ?? []) sheet.mergeCells(range);
  }
  await workbook.xlsx.writeFile(path);
}

const ROSTER = [["单位名称", "所属系统"], ["双井街道团工委", "街道系统"], ["常营地区团委", "地区系统"]];
const HEADER = ["单位", "报送日期", "信息类型", "标题", "字数"];

beforeAll(async () => {
  expect((await league("sample", "--out", sample)).code).toBe(0);
  await writeWorkbook(clean, {
    单位名单: ROSTER,
    信息报送: [HEADER, ["双井街道团工委", "2013-12-02", "事件类", "双井街道冬季送温暖", 400], ["常营地区团委", "2013-12-03", "综合类", "常营地区青年工作调研", 2000]],
  });
  await writeWorkbook(
    merged,
    {
      单位名单: ROSTER,
      信息报送: [HEADER, ["双井街道团工委", "2013-12-02", "事件类", "双井街道冬季送温暖", 400], [null, "2013-12-03", "事件类", "双井街道慰问环卫工人", 400]],
    },
    { 信息报送: ["A2:A3"] },
  );
});

describe("league validate on the generated sample", () => {
  it("prints exactly the --json shape, finds every planted problem, and exits 1 on errors", async () => {
    const { code, stdout } = await league("validate", sample, "--json", "--period", "2013", "--today", TODAY);
    expect(code).toBe(1);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(["issues", "summary"]);
    expect(Object.keys(json.summary)).toEqual(["errors", "warnings", "infos", "rows"]);
    for (const issue of json.issues) {
      expect(Object.keys(issue).slice(0, 6)).toEqual(["rule", "severity", "sheet", "cell", "row", "message"]);
      expect(Object.keys(issue).slice(6).every((key) => ["suggestion", "unit", "period"].includes(key))).toBe(true);
    }
    const counts = { errors: 0, warnings: 0, infos: 0 };
    for (const issue of json.issues) counts[`${issue.severity}s` as keyof typeof counts]++;
    expect(json.summary).toMatchObject(counts);

    // A rule planted on two rows (a copy and its original, a duplicate and the first) is
    // reported on one of them, naming the other; every other planted row is reported as is.
    const { planted } = buildSampleWorkbook();
    const onRegister = json.issues.filter((i: { sheet: string }) => i.sheet === "信息报送");
    for (const rule of new Set(planted.map((p) => p.rule))) {
      const rows = planted.filter((p) => p.rule === rule).map((p) => p.row);
      const found = onRegister.filter((i: { rule: string; row: number }) => i.rule === rule && rows.includes(i.row));
      if (rows.length === 1) expect(found, rule).toHaveLength(1);
      else {
        expect(found, rule).toHaveLength(1);
        const other = rows.find((row) => row !== found[0].row)!;
        expect(found[0].message).toContain(`第 ${other} 行`);
      }
    }
    const copy = onRegister.find((i: { rule: string }) => i.rule === "near-duplicate");
    expect(copy.message).toContain("（左家庄街道团工委）");
    expect(copy.message).toContain("组织青年志愿者深入社区开展垃圾分类宣传");

    const quota = json.issues.filter((i: { rule: string }) => i.rule === "quota-shortfall");
    expect(quota.length).toBeGreaterThan(0);
    for (const issue of quota) expect(issue).toMatchObject({ sheet: null, cell: null, row: null, severity: "info" });
  });

  it("finds the same issues as the engine on the in-memory workbook the task pane previews", async () => {
    const { stdout } = await league("validate", sample, "--json", "--period", "2013", "--today", TODAY);
    const fromFile = JSON.parse(stdout);
    const inMemory = validateWorkbook(buildSampleWorkbook().sheets, { rubric: chaoyangInfo, period: "2013", today: { year: 2014, month: 1, day: 10 } });
    const key = (i: { rule: string; sheet?: string | null; cell?: string | null; unit?: string; period?: string; message: string }) =>
      [i.rule, i.sheet ?? "", i.cell ?? "", i.unit ?? "", i.period ?? "", i.message].join("|");
    expect(fromFile.issues.map(key)).toEqual(inMemory.issues.map(key));
    expect(fromFile.summary).toEqual(inMemory.summary);
  });

  it("prints a readable report grouped by rule, errors first", async () => {
    const { code, stdout, stderr } = await league("validate", sample, "--today", TODAY);
    expect(code).toBe(1);
    expect(stderr).toContain("2013");
    expect(stdout).toMatch(/^校验「信息报送」\d+ 行，定额期间 2013（截至 2014-01-10）/);
    expect(stdout).toMatch(/【错误】[\s\S]*【警告】[\s\S]*【提示】/);
    expect(stdout).toContain("（unknown-unit，1 处）");
    expect(stdout).toMatch(/信息报送!A\d+ {2}单位「双井街到团工委」不在单位名单中 → 是否为：双井街道团工委/);
    expect(stdout).toContain("…另有");
  });
});

describe("league validate exit codes", () => {
  it("exits 0 on a clean register", async () => {
    const { code, stdout } = await league("validate", clean, "--json", "--period", "2013-12", "--today", "2013-12-31");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ issues: [], summary: { errors: 0, warnings: 0, infos: 0, rows: 2 } });
    expect((await league("validate", clean, "--period", "2013-12", "--today", "2013-12-31")).stdout).toContain("未发现问题。");
  });

  it("reads merged cells from the file and reports them", async () => {
    const { code, stdout } = await league("validate", merged, "--json", "--period", "2013-12", "--today", "2013-12-31");
    expect(code).toBe(1);
    const found = JSON.parse(stdout).issues.map((i: { rule: string; cell: string }) => `${i.rule}@${i.cell}`);
    expect(found.sort()).toEqual(["merged-cells@A2", "missing-field@A3"]);
  });

  it("exits 2 with one line when it cannot run", async () => {
    const missing = await league("validate", join(dir, "nope.xlsx"));
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split("\n")).toHaveLength(1);

    const noRoster = join(dir, "no-roster.xlsx");
    await writeWorkbook(noRoster, { 信息报送: [HEADER] });
    const result = await league("validate", noRoster, "--json");
    expect(result).toMatchObject({ code: 2, stdout: "" });
    expect(result.stderr).toContain("未找到单位名单");

    const badPeriod = await league("validate", clean, "--period", "2013Q5");
    expect(badPeriod.code).toBe(2);
    expect(badPeriod.stderr).toContain("2013Q5");

    const notXlsx = join(dir, "notes.xlsx");
    writeFileSync(notXlsx, "not a workbook");
    expect((await league("validate", notXlsx)).code).toBe(2);
    expect((await league("validate", clean, "--today", "昨天")).code).toBe(2);
  });

  it("runs from the bundled bin", () => {
    const run = spawnSync("node", ["bin/league.cjs", "validate", sample, "--json", "--today", TODAY], { encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).summary.errors).toBeGreaterThan(0);
    const clear = spawnSync("node", ["bin/league.cjs", "validate", clean, "--period", "2013-12", "--today", "2013-12-31"], { encoding: "utf8" });
    expect(clear.status).toBe(0);
  });
});
