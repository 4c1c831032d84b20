import { describe, expect, it } from "vitest";
import { FIELD_HEADERS, fieldText, fieldsOfHeader, findTable, type Field } from "../../src/engine/tables";
import { locateTables } from "../../src/engine/analyze";
import { sheet } from "../support/workbook";

describe("header matching", () => {
  it("accepts every header the foundation issue lists, for its field", () => {
    for (const [field, headers] of Object.entries(FIELD_HEADERS) as [Field, string[]][]) {
      for (const header of headers) expect(fieldsOfHeader(header)).toContain(field);
    }
  });

  it("ignores spaces, case, full-width forms and bracketed notes", () => {
    expect(fieldsOfHeader(" 报送 日期 ")).toEqual(["date"]);
    expect(fieldsOfHeader("ＵＮＩＴ")).toEqual(["unit"]);
    expect(fieldsOfHeader("Date")).toEqual(["date"]);
    expect(fieldsOfHeader("字数（字）")).toEqual(["length"]);
    expect(fieldsOfHeader("备用")).toEqual([]);
    expect(fieldsOfHeader(42)).toEqual([]);
  });
});

describe("finding tables", () => {
  const register = sheet("登记", [
    ["2013年信息报送登记表"],
    [],
    ["序号", "报送单位", "上报日期", "信息种类", "信息标题", "录用情况"],
    [1, "甲", "2013-01-01", "事件类", "t", ""],
  ]);
  const roster = sheet("名单", [["单位名称", "系统"], ["甲", "街道系统"]]);
  const penalties = sheet("扣分", [["单位", "日期", "原因", "备注"], ["甲", "2013-01-01", "重复信息", ""]]);

  it("finds the header row under a title and maps columns in any order", () => {
    const match = findTable("登记", register.values, "register")!;
    expect(match.headerRow).toBe(2);
    expect(match.columns).toMatchObject({ unit: 1, date: 2, type: 3, title: 4, adoptions: 5 });
  });

  it("tells the roster, the register and the penalty table apart on any sheet", () => {
    const tables = locateTables([penalties, register, roster]);
    expect([tables.register?.sheet, tables.roster?.sheet, tables.penalties?.sheet]).toEqual(["登记", "名单", "扣分"]);
  });

  it("lets a correction override the detected columns", () => {
    const match = findTable("登记", register.values, "register", { columns: { title: 0 } })!;
    expect(match.columns.title).toBe(0);
  });

  it("removes an optional field the user unmaps, but never a required one", () => {
    const match = findTable("登记", register.values, "register", { columns: { adoptions: null, unit: null } })!;
    expect(match.columns).toEqual({ unit: 1, date: 2, type: 3, title: 4 });
    // The unmapped field stays unmapped through the whole analysis: its cells are not read.
    const located = locateTables([register], { register: { sheet: "登记", columns: { title: null } } });
    expect(located.register?.columns.title).toBeUndefined();
    expect(fieldText(register.values[3], located.register!, "title")).toBe("");
  });

  it("returns null when the required headers are missing", () => {
    expect(findTable("x", [["单位", "标题"]], "register")).toBeNull();
    expect(findTable("x", [], "roster")).toBeNull();
  });
});
