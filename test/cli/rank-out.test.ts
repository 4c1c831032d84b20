import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { league } from "../support/cli";
import { findCommand, libreOffice } from "../support/system";
import { seed000Sheets } from "../engine/layout/ranking-support";

/**
 * `league rank --out` end to end: a workbook written by ExcelJS the way an office keeps one,
 * ranked into a new file, reopened, and (when LibreOffice is installed) printed to PDF.
 */

const dir = mkdtempSync(join(tmpdir(), "league-rank-out-"));
const input = join(dir, "信息工作.xlsx");
const output = join(dir, "排名.xlsx");
/** Formula-looking unit names, added to 青工系统 with no items: they join its bottom tie. */
const TRICKY_UNITS = ["=1+2团委", "+3团委", "@SUM(1)团委", "-4团委"];

/** The input: roster with the organisation above it, the register, and sheets of the user's own. */
async function writeInput(): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const [roster, register] = seed000Sheets();
  const rosterSheet = workbook.addWorksheet("单位名单");
  rosterSheet.addRow(["组织名称", "朝阳共青团"]);
  rosterSheet.addRow([]);
  for (const row of roster.values) rosterSheet.addRow(row);
  for (const name of TRICKY_UNITS) rosterSheet.addRow([name, "青工系统"]);
  const registerSheet = workbook.addWorksheet("信息报送");
  for (const row of register.values) registerSheet.addRow(row);
  registerSheet.getColumn(4).width = 40;

  const notes = workbook.addWorksheet("备忘");
  notes.getCell("A1").value = "本表为办公室自用";
  notes.getCell("A1").font = { bold: true, size: 14 };
  notes.mergeCells("A1:D1");
  notes.getCell("A2").value = { formula: "SUM(B2:C2)", result: 5 };
  notes.getCell("B2").value = 2;
  notes.getCell("C2").value = 3;
  notes.getCell("A3").value = new Date(Date.UTC(2014, 2, 7));
  notes.getCell("A3").numFmt = "yyyy年m月d日";
  notes.getCell("B3").value = 0.25;
  notes.getCell("B3").numFmt = "0.0%";
  notes.getCell("C3").value = "007";
  notes.getColumn(1).width = 24;
  // A user sheet that already has the name the ranking sheet wants: it must stay as it is.
  workbook.addWorksheet("2013年排名").getCell("A1").value = "用户自己的排名表";
  await workbook.xlsx.writeFile(input);
}

function digest(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

let inputDigest = "";
let original: ExcelJS.Workbook;
let ranked: ExcelJS.Workbook;
let run: Awaited<ReturnType<typeof league>>;

beforeAll(async () => {
  await writeInput();
  inputDigest = digest(input);
  run = await league("rank", input, "--period", "2013", "--out", output);
  original = new ExcelJS.Workbook();
  await original.xlsx.readFile(input);
  ranked = new ExcelJS.Workbook();
  await ranked.xlsx.readFile(output);
});

/** The rows of a system's section on the publication sheet, as [rank cell, name, score]. */
function tableRows(ws: ExcelJS.Worksheet, heading: string): { firstRow: number; rows: ExcelJS.CellValue[][] } {
  let headingRow = 0;
  ws.eachRow((row, number) => {
    if (!headingRow && number > 3 && row.getCell(1).value === heading) headingRow = number;
  });
  expect(headingRow, heading).toBeGreaterThan(0);
  const rows: ExcelJS.CellValue[][] = [];
  for (let r = headingRow + 1; ws.getCell(r, 2).value !== null; r++) rows.push([1, 2, 3].map((c) => ws.getCell(r, c).value));
  return { firstRow: headingRow + 1, rows };
}

describe("league rank --out", () => {
  it("writes the ranked copy and leaves the input file as it was", () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("已写入");
    expect(digest(input)).toBe(inputDigest);
    expect(ranked.worksheets.map((ws) => ws.name)).toEqual([
      "单位名单",
      "信息报送",
      "备忘",
      "2013年排名",
      "2013年排名 (2)",
      "2013年总排名",
      "2013年得分明细",
      "2013年排名图",
    ]);
  });

  it("keeps every original sheet's cells, formats, merges and widths", () => {
    for (const before of original.worksheets) {
      const after = ranked.getWorksheet(before.name)!;
      expect(after.rowCount, before.name).toBe(before.rowCount);
      before.eachRow({ includeEmpty: true }, (row, r) => {
        row.eachCell({ includeEmpty: true }, (cell, c) => {
          const copy = after.getCell(r, c);
          expect(copy.value, `${before.name}!${cell.address}`).toEqual(cell.value);
          expect(copy.numFmt, `${before.name}!${cell.address}`).toEqual(cell.numFmt);
        });
      });
      expect(after.model.merges, before.name).toEqual(before.model.merges);
    }
    expect(ranked.getWorksheet("备忘")!.getColumn(1).width).toBe(24);
    expect(ranked.getWorksheet("备忘")!.getCell("A2").formula).toBe("SUM(B2:C2)");
  });

  it("titles the publication sheet with the organisation the roster sheet names, header repeated on every page", () => {
    const ws = ranked.getWorksheet("2013年排名 (2)")!;
    expect(ws.getCell("A1").value).toBe("朝阳共青团各系统2013年信息上报排名");
    expect(ws.getCell("A1").isMerged).toBe(true);
    expect([1, 2, 3].map((c) => ws.getCell(3, c).value)).toEqual(["排名", "单位名称", "得分"]);
    expect(ws.pageSetup).toMatchObject({ orientation: "portrait", fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:3" });
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
  });

  it("merges the bottom tie of 青工系统 into one rank cell, printed once", () => {
    const ws = ranked.getWorksheet("2013年排名 (2)")!;
    const { firstRow, rows } = tableRows(ws, "青工系统");
    expect(rows).toHaveLength(50 + TRICKY_UNITS.length);
    const tieStart = rows.findIndex((row) => row[0] === 18);
    const tie = rows.slice(tieStart);
    expect(tie).toHaveLength(33 + TRICKY_UNITS.length);
    expect(tie.every((row) => row[2] === 0)).toBe(true);
    const top = firstRow + tieStart;
    expect(ws.model.merges).toContain(`A${top}:A${top + tie.length - 1}`);
    // ExcelJS reads a merged cell's value through its master, so check the cells are merged into it.
    tie.forEach((_, i) => expect(ws.getCell(`A${top + i}`).master.address).toBe(`A${top}`));
    expect(ws.getCell(`A${top - 1}`).isMerged).toBe(false);
  });

  it("writes formula-looking unit names as text, and no formulas at all on generated sheets", () => {
    const ws = ranked.getWorksheet("2013年排名 (2)")!;
    const names = tableRows(ws, "青工系统").rows.map((row) => row[1]);
    for (const name of TRICKY_UNITS) expect(names).toContain(name);
    for (const sheet of ["2013年排名 (2)", "2013年总排名", "2013年得分明细", "2013年排名图"]) {
      ranked.getWorksheet(sheet)!.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type, `${sheet}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
          if (TRICKY_UNITS.includes(cell.value as string)) expect(cell.type).toBe(ExcelJS.ValueType.String);
        }),
      );
    }
  });

  it("adds a native bar chart part, linked from the chart sheet", async () => {
    const zip = await JSZip.loadAsync(readFileSync(output));
    const charts = Object.keys(zip.files).filter((name) => /^xl\/charts\/chart\d+\.xml$/.test(name));
    expect(charts).toHaveLength(1);
    const xml = await zip.file(charts[0])!.async("string");
    expect(xml).toContain("<c:barChart>");
    for (const system of ["街道系统", "地区系统", "青工系统"]) expect(xml).toContain(system);
    const drawings = Object.keys(zip.files).filter((name) => /^xl\/drawings\/_rels\/.*\.rels$/.test(name));
    expect(drawings.length).toBeGreaterThan(0);
  });

  it("replaces its own sheets, and only those, when run again on its output", async () => {
    const again = join(dir, "再次排名.xlsx");
    const second = await league("rank", output, "--period", "2013", "--ties", "label", "--out", again);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain("替换了");
    // The first output holds a chart ExcelJS cannot carry over: the user is told before relying on the copy.
    expect(second.stderr).toContain("原工作簿中的图表不会出现在");
    expect((await league("rank", input, "--period", "2013", "--out", join(dir, "无图表.xlsx"))).stderr).not.toContain("不会出现在");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(again);
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(ranked.worksheets.map((ws) => ws.name));
    expect(workbook.getWorksheet("2013年排名")!.getCell("A1").value).toBe("用户自己的排名表");
    const rows = tableRows(workbook.getWorksheet("2013年排名 (2)")!, "青工系统").rows;
    expect(rows.filter((row) => row[0] === "并列第18")).toHaveLength(33 + TRICKY_UNITS.length);
  });

  it.each([
    [["--ties", "zigzag"], "并列名次样式"],
    [["--out", "排名.csv"], ".xlsx"],
  ])("refuses %j with one clear line", async (options, message) => {
    const result = await league("rank", input, ...(options.includes("--out") ? options : [...options, "--out", join(dir, "x.xlsx")]));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it("refuses to write over its input", async () => {
    const result = await league("rank", input, "--out", input);
    expect(result.code).toBe(2);
    expect(digest(input)).toBe(inputDigest);
  });
});

const soffice = libreOffice();

/** Prints a workbook to PDF with LibreOffice headless; returns the PDF's path. */
function printToPdf(workbook: string): string {
  const pdfDir = mkdtempSync(join(tmpdir(), "league-pdf-"));
  // A private profile, so a LibreOffice the user has open (or a parallel test) does not interfere.
  execFileSync(
    soffice!,
    [`-env:UserInstallation=file://${pdfDir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", pdfDir, workbook],
    { stdio: "pipe", timeout: 120_000 },
  );
  return join(pdfDir, basename(workbook).replace(/\.xlsx$/, ".pdf"));
}

describe.skipIf(!soffice)("the ranked workbook in LibreOffice", () => {
  it("converts to PDF headless, and the PDF holds the published tables", () => {
    const pdf = printToPdf(output);
    expect(existsSync(pdf)).toBe(true);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    if (findCommand("pdftotext")) {
      const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
      expect(text).toContain("朝阳共青团各系统2013年信息上报排名");
      for (const heading of ["街道系统", "地区系统", "青工系统", "总排名", "=1+2团委"]) expect(text).toContain(heading);
    }
  });

  it.skipIf(!findCommand("pdftotext"))("prints a tie group that runs over a page break with its rank again at the top of the next page", async () => {
    // 40 more 青工系统 units that sent nothing: the bottom tie (rank 18) grows past a page.
    const workbook = new ExcelJS.Workbook();
    const [roster, register] = seed000Sheets();
    const rosterSheet = workbook.addWorksheet("单位名单");
    for (const row of roster.values) rosterSheet.addRow(row);
    for (let i = 1; i <= 40; i++) rosterSheet.addRow([`青工补充单位${String(i).padStart(2, "0")}团委`, "青工系统"]);
    workbook.addWorksheet("信息报送").addRows(register.values);
    const longTie = join(dir, "长并列.xlsx");
    await workbook.xlsx.writeFile(longTie);
    const result = await league("rank", longTie, "--period", "2013", "--out", join(dir, "长并列排名.xlsx"));
    expect(result.code, result.stderr).toBe(0);

    const text = execFileSync("pdftotext", ["-layout", printToPdf(join(dir, "长并列排名.xlsx")), "-"], { encoding: "utf8" });
    // Each printed page of the publication sheet: its unit rows, after the repeated header.
    const pages = text
      .split("\f")
      .filter((page) => page.includes("各系统2013年信息上报排名"))
      .map((page) => page.split("\n").filter((line) => /\S\s+\d+$/.test(line) && !line.includes("单位名称")).map((line) => line.trim()));
    // Pages whose rows are all of the tie (score 0, names under the merged rank) after the first.
    const tiePages = pages.filter((rows) => rows.length > 0 && rows.every((row) => / 0$/.test(row)));
    expect(tiePages.length).toBeGreaterThanOrEqual(1);
    for (const rows of tiePages) expect(rows[0]).toMatch(/^18\s/);
    expect(pages.flat().filter((row) => /^18\s/.test(row)).length).toBeGreaterThanOrEqual(2);
  });
});
