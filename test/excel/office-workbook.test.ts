import { describe, expect, it } from "vitest";
import { HIGHLIGHT_RULE, OfficeWorkbook } from "../../src/excel/office-workbook";
import { PAYLOAD_LIMIT, FakeExcel } from "./fake-excel";
import { FORMULA_LOOKING_NAMES, rankingSpec, registerGrid, UNITS_PER_PAGE } from "../port/spec-fixtures";

function setup() {
  const excel = new FakeExcel();
  const port = new OfficeWorkbook(excel.run, { settings: excel.settings, supports: () => true });
  return { excel, port };
}

describe("OfficeWorkbook reading", () => {
  it("reads a 100,000 × 8 register in several chunks, each response under 5 MB", async () => {
    const { excel, port } = setup();
    const grid = registerGrid(99_999);
    excel.addSheet("信息报送", grid);
    const progress: number[] = [];
    const data = await port.readSheet("信息报送", { onProgress: (read) => progress.push(read) });

    expect(data.values).toEqual(grid);
    expect(data.originRow).toBe(0);
    expect(excel.syncCount).toBeGreaterThan(2);
    expect(excel.maxResponseBytes).toBeLessThan(PAYLOAD_LIMIT);
    // The whole register would not fit in one response: chunking is what made the read possible.
    expect(Buffer.byteLength(JSON.stringify(grid))).toBeGreaterThan(PAYLOAD_LIMIT);
    expect(progress.at(-1)).toBe(100_000);
  });

  it("reads a small sheet in one round trip, with its origin and merged areas", async () => {
    const { excel, port } = setup();
    const sheet = excel.addSheet("名单", [[], ["", "", "单位", "系统"], ["", "", "团结湖街道", "街道系统"]]);
    sheet.merges.push({ row: 1, column: 2, rows: 1, columns: 2 });
    const data = await port.readSheet("名单");
    expect(excel.syncCount).toBe(1);
    expect(data).toMatchObject({ originRow: 1, originColumn: 2, values: [["单位", "系统"], ["团结湖街道", "街道系统"]], merges: ["C2:D2"] });
  });

  it("reads an empty sheet as no values", async () => {
    const { excel, port } = setup();
    excel.addSheet("空");
    expect((await port.readSheet("空")).values).toEqual([]);
  });
});

describe("OfficeWorkbook writing", () => {
  it("uses the same number of syncs for 10 and 5,000 units", async () => {
    const counts: number[] = [];
    for (const units of [10, 5_000]) {
      const { excel, port } = setup();
      excel.addSheet("信息报送", registerGrid(5));
      await port.writeSheets([rankingSpec(units)]);
      counts.push(excel.syncCount);
      expect(excel.maxRequestBytes).toBeLessThan(PAYLOAD_LIMIT);
      expect(excel.calculationSuspensions).toBeGreaterThan(0);
    }
    expect(counts[0]).toBe(counts[1]);
    expect(counts[0]).toBe(3);
  });

  it("queues the spec's page breaks, each above the first row of its next page, without another sync", async () => {
    const { excel, port } = setup();
    excel.addSheet("Sheet1");
    await port.writeSheets([rankingSpec(10)]);
    const syncs = excel.syncCount;
    const long = setup();
    long.excel.addSheet("Sheet1");
    const spec = rankingSpec(2 * UNITS_PER_PAGE + 6);
    await long.port.writeSheets([spec]);
    expect(spec.rowBreaks).toEqual([41, 81]);
    expect(long.excel.sheet("信息上报排名").pageBreaks).toEqual(["A43", "A83"]);
    expect(excel.sheet("信息上报排名").pageBreaks).toEqual([]);
    expect(long.excel.syncCount).toBe(syncs);
  });

  it("writes formula-looking names as text", async () => {
    const { excel, port } = setup();
    excel.addSheet("Sheet1");
    const { written } = await port.writeSheets([rankingSpec(6)]);
    const sheet = excel.sheet(written[0]);
    expect(sheet.formulas.size).toBe(0);
    expect(sheet.values.slice(2, 6).map((row) => row[1])).toEqual(FORMULA_LOOKING_NAMES);
    // The check is meaningful: the same names written without the text format become formulas.
    const raw = excel.addSheet("raw");
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("raw").getRange("A1:D1").values = [FORMULA_LOOKING_NAMES];
      await context.sync();
    });
    expect(raw.formulas.size).toBe(4);
  });

  it("renders merges, widths, frozen panes, print setup and the chart", async () => {
    const { excel, port } = setup();
    excel.addSheet("Sheet1");
    await port.writeSheets([rankingSpec(10)]);
    const sheet = excel.sheet("信息上报排名");
    expect(sheet.merges).toContainEqual({ row: 0, column: 0, rows: 1, columns: 4 });
    expect(sheet.merges).toContainEqual({ row: 2, column: 0, rows: 2, columns: 1 });
    expect(sheet.frozen).toBe("rows:2");
    expect(sheet.properties.get("sheet|pageLayout.paperSize")).toBe("A4");
    expect(sheet.properties.get("sheet|pageLayout.zoom")).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
    expect(sheet.properties.get("page|printTitleRows")).toBe("$2:$2");
    expect(sheet.properties.get("B:B|format.columnWidth")).toBeGreaterThan(100);
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.charts[0].type).toBe("BarClustered");
    expect(sheet.charts[0].mock.plotVisibleOnly).toBe(false);
    // Chart data: hidden columns right of the table, one series column per system.
    expect(sheet.values[0].slice(5, 9)).toEqual(["", "街道系统", "地区系统", "青工系统"]);
    expect(sheet.properties.get("F:I|columnHidden")).toBe(true);
  });

  it("replaces only owned sheets of the same owner key and never touches a user sheet", async () => {
    const { excel, port } = setup();
    const user = excel.addSheet("信息上报排名", [["我的笔记"]]);
    const first = await port.writeSheets([rankingSpec(4), rankingSpec(3, { name: "得分明细", ownerKey: "detail:2013" })]);
    expect(first.written).toEqual(["信息上报排名 (2)", "得分明细"]);

    const second = await port.writeSheets([rankingSpec(8)]);
    expect(second.replaced).toEqual(["信息上报排名 (2)"]);
    expect(second.written).toEqual(["信息上报排名 (2)"]);
    expect(excel.sheets.map((s) => s.name)).toEqual(["信息上报排名", "信息上报排名 (2)", "得分明细"]);
    expect(user.values).toEqual([["我的笔记"]]);
    expect(excel.sheet("信息上报排名 (2)").values[9][1]).toBe("第8团委");

    const listed = await port.listSheets();
    expect(listed).toEqual([
      { name: "信息上报排名" },
      { name: "信息上报排名 (2)", ownerKey: "rank:2013" },
      { name: "得分明细", ownerKey: "detail:2013" },
    ]);
  });

  it("rolls back a failed write: no new sheet, the old owned sheet back under its name", async () => {
    const { excel, port } = setup();
    excel.addSheet("Sheet1", [["保留"]]);
    await port.writeSheets([rankingSpec(4)]);
    const before = excel.sheets.map((s) => s.name);
    const oldValues = excel.sheet("信息上报排名").values.map((row) => [...row]);

    excel.failWhen = (op) => op.kind === "merge" && op.sheet === "得分明细";
    await expect(port.writeSheets([rankingSpec(6), rankingSpec(3, { name: "得分明细", ownerKey: "detail:2013" })])).rejects.toThrow(
      /failed; what was written has been removed: GeneralException/,
    );
    excel.failWhen = undefined;
    expect(excel.sheets.map((s) => s.name)).toEqual(before);
    expect(excel.sheet("信息上报排名").values).toEqual(oldValues);
    expect((await port.listSheets()).filter((s) => s.ownerKey)).toEqual([{ name: "信息上报排名", ownerKey: "rank:2013" }]);
  });
});

describe("OfficeWorkbook highlights, selection, settings, input rules", () => {
  it("adds the highlight layer and clears exactly it, keeping the user's own rules", async () => {
    const { excel, port } = setup();
    const sheet = excel.addSheet("信息报送", registerGrid(20));
    sheet.conditionalFormats.push({ type: "Custom", ranges: "A1:A5", formula: () => "=A1>0", fill: () => "#00FF00" });

    await port.highlight([
      { sheet: "信息报送", cell: "A3", severity: "error" },
      { sheet: "信息报送", cell: "B4", severity: "error" },
      { sheet: "信息报送", cell: "C5", severity: "warning" },
    ]);
    const ours = sheet.conditionalFormats.filter((cf) => cf.formula() === HIGHLIGHT_RULE);
    expect(ours.map((cf) => [cf.ranges, cf.fill()])).toEqual([
      ["A3,B4", "#FFC7CE"],
      ["C5", "#FFEB9C"],
    ]);
    expect(excel.syncCount).toBe(2);

    excel.resetStats();
    await port.clearHighlights();
    expect(sheet.conditionalFormats.map((cf) => cf.formula())).toEqual(["=A1>0"]);
    expect(excel.syncCount).toBe(4);
  });

  it("activates the sheet and selects the cell", async () => {
    const { excel, port } = setup();
    excel.addSheet("A");
    excel.addSheet("信息报送");
    await port.selectCell("信息报送", "C7");
    expect(excel.activeSheet).toBe("信息报送");
    expect(excel.selection).toEqual({ sheet: "信息报送", cell: "C7" });
  });

  it("keeps settings in the document settings and saves them", async () => {
    const { excel, port } = setup();
    await port.setSetting("organisation", "朝阳团区委");
    expect(await port.getSetting("organisation")).toBe("朝阳团区委");
    expect(await port.getSetting("missing")).toBeUndefined();
    expect(excel.settings.saves).toBe(1);
  });

  it("adds dropdowns (inline and from a hidden list sheet), skips user validation, removes only its own", async () => {
    const { excel, port } = setup();
    const register = excel.addSheet("信息报送", registerGrid(5));
    register.validations.set("G2:G100", { rule: { wholeNumber: {} } });
    const units = Array.from({ length: 93 }, (_, i) => `第${i + 1}团委`);
    const added = await port.addInputRules([
      { sheet: "信息报送", range: "C2:C100", list: ["事件类", "综合类"] },
      { sheet: "信息报送", range: "A2:A100", list: units },
      { sheet: "信息报送", range: "G2:G100", list: ["x"] },
    ]);
    expect(added).toEqual(["信息报送!C2:C100", "信息报送!A2:A100"]);
    expect(register.validations.get("C2:C100")?.rule).toEqual({ list: { inCellDropDown: true, source: "事件类,综合类" } });
    expect(register.validations.get("A2:A100")?.rule).toEqual({ list: { inCellDropDown: true, source: "='下拉列表'!$A$2:$A$94" } });
    const lists = excel.sheet("下拉列表");
    expect(lists.visibility).toBe("Hidden");
    expect(lists.values[93][0]).toBe("第93团委");

    await port.removeInputRules();
    expect([...register.validations.keys()]).toEqual(["G2:G100"]);
    expect(excel.sheets.map((s) => s.name)).toEqual(["信息报送"]);
  });
});
