/**
 * The promises every workbook port keeps, checked through the port interface alone, against
 * the Office.js port (on the mock workbook), the .xlsx port and the in-memory port.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { Grid } from "../../src/engine/cells";
import { OfficeWorkbook } from "../../src/excel/office-workbook";
import { readAllSheets } from "../../src/port/read-all";
import type { WorkbookPort } from "../../src/port/workbook-port";
import { MemoryWorkbook } from "../../src/taskpane/preview/memory-workbook";
import { XlsxWorkbook } from "../../src/xlsx/xlsx-workbook";
import { FakeExcel } from "../excel/fake-excel";
import { FORMULA_LOOKING_NAMES, rankingSpec, UNITS_PER_PAGE } from "./spec-fixtures";

const USER_SHEETS: { name: string; values: Grid }[] = [
  { name: "单位名单", values: [["单位", "系统"], ["团结湖街道", "街道系统"], ["常营地区", "地区系统"]] },
  { name: "信息上报排名", values: [["我的草稿", 1]] },
];

const factories: Record<string, () => Promise<WorkbookPort>> = {
  office: async () => {
    const excel = new FakeExcel();
    for (const sheet of USER_SHEETS) excel.addSheet(sheet.name, sheet.values);
    return new OfficeWorkbook(excel.run, { settings: excel.settings, supports: () => true });
  },
  xlsx: async () => {
    const wb = new ExcelJS.Workbook();
    for (const sheet of USER_SHEETS) wb.addWorksheet(sheet.name).addRows(sheet.values);
    return XlsxWorkbook.fromBuffer(new Uint8Array(await wb.xlsx.writeBuffer()));
  },
  memory: async () => new MemoryWorkbook(USER_SHEETS),
};

describe.each(Object.entries(factories))("%s port", (_host, create) => {
  it("reads user sheets with their origin", async () => {
    const port = await create();
    const sheets = await readAllSheets(port);
    expect(sheets.map((s) => [s.name, s.originRow, s.originColumn, s.values])).toEqual(USER_SHEETS.map((s) => [s.name, 0, 0, s.values]));
  });

  it("writes a generated sheet beside a user sheet of the same name, text kept as text", async () => {
    const port = await create();
    const result = await port.writeSheets([rankingSpec(6, { chart: false })]);
    expect(result).toEqual({ written: ["信息上报排名 (2)"], replaced: [] });
    const data = await port.readSheet("信息上报排名 (2)");
    expect(data.values.slice(2, 6).map((row) => row[1])).toEqual(FORMULA_LOOKING_NAMES);
    expect(data.values[1]).toEqual(["排名", "单位名称", "得分", "系统"]);
    expect(data.merges).toEqual(expect.arrayContaining(["A1:D1", "A3:A4"]));
    expect((await port.readSheet("信息上报排名")).values).toEqual([["我的草稿", 1]]);
    // readAllSheets skips generated sheets unless asked.
    expect((await readAllSheets(port)).map((s) => s.name)).toEqual(["单位名单", "信息上报排名"]);
    expect((await readAllSheets(port, { includeOwned: true })).map((s) => s.name)).toContain("信息上报排名 (2)");
  });

  it("replaces only owned sheets with the same owner key", async () => {
    const port = await create();
    await port.writeSheets([rankingSpec(4, { chart: false }), rankingSpec(2, { name: "得分明细", ownerKey: "detail:2013", chart: false })]);
    const again = await port.writeSheets([rankingSpec(8, { chart: false })]);
    expect(again).toEqual({ written: ["信息上报排名 (2)"], replaced: ["信息上报排名 (2)"] });
    const owned = (await port.listSheets()).filter((s) => s.ownerKey).map((s) => [s.name, s.ownerKey]).sort();
    expect(owned).toEqual([
      ["信息上报排名 (2)", "rank:2013"],
      ["得分明细", "detail:2013"],
    ]);
    expect((await port.readSheet("信息上报排名 (2)")).values).toHaveLength(10);
  });

  it("leaves no half-written sheet when a write fails part-way", async () => {
    const port = await create();
    await port.writeSheets([rankingSpec(4, { chart: false })]);
    const before = await port.listSheets();
    const broken = rankingSpec(3, { name: "得分明细", ownerKey: "detail:2013", chart: false });
    // Two merged areas over the same cells: every host refuses the second.
    broken.merges = [...(broken.merges ?? []), { row: 0, column: 1, rows: 2, columns: 2 }];
    await expect(port.writeSheets([rankingSpec(6, { chart: false }), broken])).rejects.toThrow(/撤销/);
    expect(await port.listSheets()).toEqual(before);
    expect((await port.readSheet("信息上报排名 (2)")).values).toHaveLength(6);
  });

  it("keeps settings", async () => {
    const port = await create();
    await port.setSetting("organisation", "朝阳团区委");
    expect(await port.getSetting("organisation")).toBe("朝阳团区委");
    expect(await port.getSetting("nothing")).toBeUndefined();
  });

  it("selects a cell, and highlights can be added and cleared", async () => {
    const port = await create();
    await expect(port.selectCell("单位名单", "B2")).resolves.toBeUndefined();
    await port.highlight([{ sheet: "单位名单", cell: "A2", severity: "error" }]);
    await port.clearHighlights();
    await expect(port.clearHighlights()).resolves.toBeUndefined();
  });
});

describe("MemoryWorkbook preview hooks", () => {
  it("notifies subscribers of selection, sheets and highlights", async () => {
    const port = new MemoryWorkbook(USER_SHEETS);
    const events: string[] = [];
    const stop = port.subscribe((event) => events.push(event));
    await port.selectCell("单位名单", "b2");
    await port.writeSheets([rankingSpec(2)]);
    await port.highlight([{ sheet: "单位名单", cell: "A2", severity: "warning" }]);
    expect(port.highlights).toHaveLength(1);
    await port.clearHighlights();
    stop();
    await port.selectCell("单位名单", "A1");
    expect(events).toEqual(["selection", "sheets", "highlights", "highlights"]);
    expect(port.selection).toEqual({ sheet: "单位名单", cell: "A1" });
    expect(port.sheets.at(-1)?.hiddenColumns).toEqual(["F:I"]);
  });

  it("keeps the spec's page breaks as data", async () => {
    const port = new MemoryWorkbook(USER_SHEETS);
    const spec = rankingSpec(2 * UNITS_PER_PAGE + 6);
    await port.writeSheets([spec]);
    expect(port.sheets.at(-1)?.rowBreaks).toEqual([41, 81]);
    expect(port.sheets[0].rowBreaks).toEqual([]);
  });
});
