import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { SaxesParser } from "saxes";
import { describe, expect, it } from "vitest";
import { XlsxWorkbook, flattenValue, partsExcelJsDrops } from "../../src/xlsx/xlsx-workbook";
import { libreOffice } from "../support/system";
import { FORMULA_LOOKING_NAMES, rankingSpec, UNITS_PER_PAGE } from "../port/spec-fixtures";

/** A workbook as an office keeps it: a register with dates, rich text, a formula, a link, a merge. */
async function userWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const register = wb.addWorksheet("信息报送");
  register.addRow(["单位", "报送日期", "信息类型", "标题", "字数"]);
  register.addRow(["团结湖街道", new Date(Date.UTC(2013, 2, 7)), "事件类", { richText: [{ text: "团员" }, { text: "活动", font: { bold: true } }] }, 420]);
  register.addRow(["常营地区", 41341, "综合类", { text: "调研报告", hyperlink: "https://example.org/a" }, { formula: "E2*5", result: 2100 }]);
  register.getCell("A5").value = "合并说明";
  register.mergeCells("A5:C5");
  register.getCell("F2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF00FF00" } };
  const mine = wb.addWorksheet("信息上报排名");
  mine.getCell("B2").value = "我自己的排名草稿";
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function sheetXml(buffer: Uint8Array, sheetName: string): Promise<{ zip: JSZip; xml: string }> {
  const zip = await JSZip.loadAsync(buffer);
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const id = new RegExp(`<sheet [^>]*name="${sheetName.replace(/[()]/g, "\\$&")}"[^>]*r:id="([^"]+)"`).exec(workbook)![1];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)!;
  const path = (target[1] ?? target[2]).replace(/^\/?(xl\/)?/, "xl/");
  return { zip, xml: await zip.file(path)!.async("string") };
}

function wellFormed(xml: string): void {
  const parser = new SaxesParser({ xmlns: true });
  let failure: Error | undefined;
  parser.on("error", (error) => (failure ??= error));
  parser.write(xml).close();
  if (failure) throw failure;
}

describe("XlsxWorkbook reading", () => {
  it("reads cells as Office.js would hand them over", async () => {
    const port = await XlsxWorkbook.fromBuffer(await userWorkbook());
    const data = await port.readSheet("信息报送");
    expect(data.originRow).toBe(0);
    expect(data.values[1]).toEqual(["团结湖街道", 41340, "事件类", "团员活动", 420]);
    expect(data.values[2]).toEqual(["常营地区", 41341, "综合类", "调研报告", 2100]);
    // The covered cells of a merge are blank, as Office reports them.
    expect(data.values[4]).toEqual(["合并说明", "", "", "", ""]);
    expect(data.merges).toEqual(["A5:C5"]);
    expect(await port.listSheets()).toEqual([{ name: "信息报送" }, { name: "信息上报排名" }]);
  });

  it("flattens every ExcelJS value kind", () => {
    expect(flattenValue(new Date(Date.UTC(1900, 0, 1)))).toBe(2);
    expect(flattenValue({ formula: "A1", result: "x" })).toBe("x");
    expect(flattenValue({ error: "#N/A" })).toBe("#N/A");
    expect(flattenValue({ text: { richText: [{ text: "a" }, { text: "b" }] }, hyperlink: "#A1" } as never)).toBe("ab");
    expect(flattenValue(null)).toBe("");
  });
});

describe("XlsxWorkbook writing", () => {
  it("adds the generated sheets and leaves every original sheet and cell as it was", async () => {
    const input = await userWorkbook();
    const before = await XlsxWorkbook.fromBuffer(input);
    const originals = [await before.readSheet("信息报送"), await before.readSheet("信息上报排名")];

    const port = await XlsxWorkbook.fromBuffer(input);
    const result = await port.writeSheets([rankingSpec(10)]);
    expect(result).toEqual({ written: ["信息上报排名 (2)"], replaced: [] });
    const output = await port.toBuffer();

    const after = await XlsxWorkbook.fromBuffer(output);
    expect([await after.readSheet("信息报送"), await after.readSheet("信息上报排名")]).toEqual(originals);
    expect(after.workbook.getWorksheet("信息报送")!.getCell("F2").fill).toMatchObject({ fgColor: { argb: "FF00FF00" } });
    expect(await after.listSheets()).toEqual([{ name: "信息报送" }, { name: "信息上报排名" }, { name: "信息上报排名 (2)", ownerKey: "rank:2013" }]);

    const generated = await after.readSheet("信息上报排名 (2)");
    expect(generated.values[0][0]).toBe("朝阳共青团各系统2013年信息上报排名");
    expect(generated.merges).toEqual(expect.arrayContaining(["A1:D1", "A3:A4"]));
    const ws = after.workbook.getWorksheet("信息上报排名 (2)")!;
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "portrait", fitToWidth: 1, fitToHeight: 0, printTitlesRow: "2:2" });
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    expect(ws.getColumn(2).width).toBe(30);
    expect(ws.getCell("B2").font).toMatchObject({ bold: true });
    expect(ws.getCell("B3").border).toMatchObject({ top: { style: "thin" } });
  });

  it("writes the spec's page breaks, each after the last row of its page, and they survive a save and open", async () => {
    const port = await XlsxWorkbook.fromBuffer(await userWorkbook());
    const spec = rankingSpec(2 * UNITS_PER_PAGE + 6, { chart: false });
    await port.writeSheets([spec]);
    const { xml } = await sheetXml(await port.toBuffer(), "信息上报排名 (2)");
    // The file numbers a break by the 1-based last row of its page: 0-based 41 is row 42.
    expect([...xml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]))).toEqual(spec.rowBreaks!.map((row) => row + 1));
    expect(xml).toMatch(/<rowBreaks count="2" manualBreakCount="2">/);
  });

  it("stores formula-looking names as shared-string text, never as formulas", async () => {
    const port = await XlsxWorkbook.fromBuffer(await userWorkbook());
    await port.writeSheets([rankingSpec(6, { chart: false })]);
    const output = await port.toBuffer();
    const { zip, xml } = await sheetXml(output, "信息上报排名 (2)");
    expect(xml).not.toMatch(/<f[ >]/);
    const shared = await zip.file("xl/sharedStrings.xml")!.async("string");
    for (const name of FORMULA_LOOKING_NAMES) expect(shared).toContain(`<t>${name}</t>`);
    const names = (await (await XlsxWorkbook.fromBuffer(output)).readSheet("信息上报排名 (2)")).values.slice(2, 6).map((row) => row[1]);
    expect(names).toEqual(FORMULA_LOOKING_NAMES);
  });

  it("replaces its own sheet on the next run, after a save and open, and still spares the user's", async () => {
    const first = await XlsxWorkbook.fromBuffer(await userWorkbook());
    await first.writeSheets([rankingSpec(4), rankingSpec(3, { name: "得分明细", ownerKey: "detail:2013" })]);
    const second = await XlsxWorkbook.fromBuffer(await first.toBuffer());
    const result = await second.writeSheets([rankingSpec(8)]);
    expect(result).toEqual({ written: ["信息上报排名 (2)"], replaced: ["信息上报排名 (2)"] });
    const third = await XlsxWorkbook.fromBuffer(await second.toBuffer());
    expect((await third.listSheets()).map((s) => s.name)).toEqual(["信息报送", "信息上报排名", "得分明细", "信息上报排名 (2)"]);
    expect((await third.readSheet("信息上报排名")).values).toEqual([["我自己的排名草稿"]]);
    expect((await third.readSheet("信息上报排名 (2)")).values[9][1]).toBe("第8团委");
  });

  it("forgets ownership of a generated sheet the user renamed", async () => {
    const first = await XlsxWorkbook.fromBuffer(await userWorkbook());
    await first.writeSheets([rankingSpec(4)]);
    const saved = await first.toBuffer();
    // The user renames the generated sheet in Excel: its sheetId stays, its name changes.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(saved as unknown as ArrayBuffer);
    const zip = await JSZip.loadAsync(saved);
    const workbookXml = (await zip.file("xl/workbook.xml")!.async("string")).replace('name="信息上报排名 (2)"', 'name="我的副本"');
    zip.file("xl/workbook.xml", workbookXml);
    const renamed = await XlsxWorkbook.fromBuffer(await zip.generateAsync({ type: "uint8array" }));
    expect((await renamed.listSheets()).find((s) => s.name === "我的副本")).toEqual({ name: "我的副本" });
  });

  it("rolls back a failed write and leaves the workbook as it was", async () => {
    const port = await XlsxWorkbook.fromBuffer(await userWorkbook());
    await port.writeSheets([rankingSpec(4)]);
    const names = (await port.listSheets()).map((s) => s.name);
    const broken = rankingSpec(3, { name: "得分明细", ownerKey: "detail:2013" });
    broken.merges = [...(broken.merges ?? []), { row: 0, column: 1, rows: 2, columns: 2 }];
    await expect(port.writeSheets([rankingSpec(6), broken])).rejects.toThrow(/what was written has been removed/);
    expect((await port.listSheets()).map((s) => s.name)).toEqual(names);
    expect((await port.readSheet("信息上报排名 (2)")).values).toHaveLength(6);
  });

  it("adds a native bar chart, one series per system, as well-formed parts", async () => {
    const port = await XlsxWorkbook.fromBuffer(await userWorkbook());
    await port.writeSheets([rankingSpec(12)]);
    const output = await port.toBuffer();
    const { zip, xml } = await sheetXml(output, "信息上报排名 (2)");
    expect(xml).toMatch(/<drawing r:id="rId\d+"\/>/);
    const chart = await zip.file("xl/charts/chart1.xml")!.async("string");
    const drawing = await zip.file("xl/drawings/drawing1.xml")!.async("string");
    const types = await zip.file("[Content_Types].xml")!.async("string");
    for (const part of [chart, drawing, xml, types, await zip.file("xl/drawings/_rels/drawing1.xml.rels")!.async("string"), await zip.file("docProps/custom.xml")!.async("string")]) {
      wellFormed(part);
    }
    expect(chart).toContain('<c:barDir val="bar"/>');
    expect(chart.match(/<c:ser>/g)).toHaveLength(3);
    expect(chart).toContain("<c:f>&apos;信息上报排名 (2)&apos;!$G$2:$G$13</c:f>");
    expect(types).toContain('PartName="/xl/charts/chart1.xml"');
    expect(types).toContain('PartName="/xl/drawings/drawing1.xml"');
    // The chart's data sits in hidden columns right of the table.
    const ws = (await XlsxWorkbook.fromBuffer(output)).workbook.getWorksheet("信息上报排名 (2)")!;
    expect(ws.getCell("G1").value).toBe("街道系统");
    expect(ws.getColumn(7).hidden).toBe(true);
  });
});

const soffice = libreOffice();

describe("LibreOffice opens the generated workbook", () => {
  it.skipIf(!soffice)("converts it to a non-empty PDF", async () => {
    const dir = mkdtempSync(join(tmpdir(), "league-xlsx-"));
    const port = await XlsxWorkbook.fromBuffer(await userWorkbook());
    await port.writeSheets([rankingSpec(40)]);
    const file = join(dir, "ranked.xlsx");
    writeFileSync(file, await port.toBuffer());
    execFileSync(soffice!, ["--headless", `-env:UserInstallation=file://${dir}/profile`, "--convert-to", "pdf", "--outdir", dir, file], {
      timeout: 120_000,
    });
    const pdf = join(dir, "ranked.pdf");
    expect(statSync(pdf).size).toBeGreaterThan(1000);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
  });
});

describe("parts a save through ExcelJS would leave out", () => {
  it("names charts, pivot tables, slicers, macros and add-in settings, and nothing for plain sheets", () => {
    expect(partsExcelJsDrops(["xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/styles.xml"])).toEqual([]);
    expect(
      partsExcelJsDrops(["xl/charts/chart1.xml", "xl/charts/style1.xml", "xl/pivotTables/pivotTable1.xml", "xl/vbaProject.bin", "xl/webextensions/webextension1.xml"]),
    ).toEqual(["图表", "数据透视表", "宏", "加载项设置"]);
  });
});
