import { describe, expect, it } from "vitest";
import type { Issue } from "../../src/engine/issues";
import { groupIssues, highlightTargets } from "../../src/taskpane/logic/issue-groups";
import { REPORT_OWNER_KEY, buildReportSheet, reportTitle } from "../../src/taskpane/logic/report-sheet";
import { ruleTitle } from "../../src/taskpane/logic/rule-titles";
import { RULES } from "../../src/engine/validate/rules";
import { parseTableChoices, serializeTableChoices, withColumnChoice } from "../../src/taskpane/logic/settings";
import { CATALOGUES, languageOf } from "../../src/taskpane/i18n/strings";
import { detectHost } from "../../src/taskpane/host";
import { locateTables } from "../../src/engine/analyze";
import { isUnreadablePeriod, periodRefusal } from "../../src/taskpane/logic/period";
import { sheet } from "../support/workbook";

const issue = (rule: string, severity: Issue["severity"], cell?: string): Issue => ({
  rule,
  severity,
  message: `${rule} message`,
  ...(cell ? { sheet: "信息报送", cell, row: Number(cell.replace(/\D/g, "")) } : {}),
});

describe("groupIssues", () => {
  it("puts errors first, the largest rule first, and counts each level", () => {
    const groups = groupIssues([
      issue("late-report", "warning", "G5"),
      issue("bad-date", "error", "B3"),
      issue("quota-shortfall", "info"),
      issue("unknown-unit", "error", "A4"),
      issue("unknown-unit", "error", "A9"),
    ]);
    expect(groups.map((g) => [g.severity, g.count])).toEqual([
      ["error", 3],
      ["warning", 1],
      ["info", 1],
    ]);
    expect(groups[0].rules.map((r) => [r.rule, r.issues.length])).toEqual([
      ["unknown-unit", 2],
      ["bad-date", 1],
    ]);
    // Order inside a rule is the engine's (sheet order).
    expect(groups[0].rules[0].issues.map((i) => i.cell)).toEqual(["A4", "A9"]);
  });

  it("gives nothing for no issues", () => {
    expect(groupIssues([])).toEqual([]);
  });
});

describe("highlightTargets", () => {
  it("marks each cell once with its worst severity and skips unit-level issues", () => {
    const targets = highlightTargets([issue("late-report", "warning", "G5"), issue("bad-date", "error", "G5"), issue("quota-shortfall", "info")]);
    expect(targets).toEqual([{ sheet: "信息报送", cell: "G5", severity: "error" }]);
  });
});

describe("buildReportSheet", () => {
  const spec = buildReportSheet({
    issues: [issue("bad-date", "error", "B12"), { ...issue("quota-shortfall", "info"), unit: "团结湖街道团工委", period: "2013-03" }, { ...issue("x", "warning", "C2"), message: "=SUM(A1)" }],
    summary: { errors: 1, warnings: 1, infos: 1, rows: 40 },
    ranAt: "2014-01-10 09:30",
    rubricName: "朝阳",
  });

  it("is an owned sheet with one row per issue and a link from each located row to its cell", () => {
    expect(spec.ownerKey).toBe(REPORT_OWNER_KEY);
    const body = spec.blocks[3];
    expect(body.values).toHaveLength(3);
    expect(body.values[0].slice(0, 5)).toEqual(["错误", "bad-date", "信息报送!B12", "信息报送", 12]);
    expect(body.values[1].slice(5, 7)).toEqual(["团结湖街道团工委", "2013-03"]);
    expect(spec.links).toEqual([
      { row: body.row, column: 2, sheet: "信息报送", cell: "B12" },
      { row: body.row + 2, column: 2, sheet: "信息报送", cell: "C2" },
    ]);
  });

  it("keeps a message that looks like a formula as a plain value", () => {
    expect(spec.blocks[3].values[2][7]).toBe("=SUM(A1)");
  });

  it("summarises the run in its second row", () => {
    expect(spec.blocks[1].values[0][0]).toContain("共检查 40 行：错误 1，警告 1，提示 1");
  });
});

describe("table choices in settings", () => {
  it("round-trips and drops malformed entries", () => {
    const choices = { register: { sheet: "登记", headerRow: 2, columns: { unit: 1, date: 0 } } };
    expect(parseTableChoices(serializeTableChoices(choices))).toEqual(choices);
    expect(parseTableChoices('{"register":{"sheet":5,"columns":{"unit":-1,"date":"x"}},"roster":{"sheet":"名单"}}')).toEqual({ roster: { sheet: "名单" } });
    expect(parseTableChoices("not json")).toEqual({});
    expect(parseTableChoices(undefined)).toEqual({});
  });

  it("pins the table and moves a column from the field that had it", () => {
    const located = { sheet: "信息报送", headerRow: 0, columns: { unit: 0, date: 1, type: 2 } };
    const next = withColumnChoice({}, "register", located, "date", 2);
    expect(next.register).toEqual({ sheet: "信息报送", headerRow: 0, columns: { unit: 0, date: 2 } });
  });

  it("remembers an unmapped optional field, so the finder does not map it again from its header", () => {
    const sheets = [sheet("信息报送", [["单位", "日期", "类型", "标题", "采用情况"], ["甲", "2013-01-05", "事件类", "t", "团市委"]])];
    const located = locateTables(sheets).register!;
    expect(located.columns.adoptions).toBe(4);
    const saved = serializeTableChoices(withColumnChoice({}, "register", located, "adoptions", null));
    const restored = parseTableChoices(saved);
    expect(restored.register?.columns?.adoptions).toBeNull();
    expect(locateTables(sheets, restored).register?.columns).toEqual({ unit: 0, date: 1, type: 2, title: 3 });
  });
});

describe("languages", () => {
  it("shows Chinese for zh tags and when none is known, English otherwise", () => {
    expect(languageOf("zh-CN")).toBe("zh");
    expect(languageOf("zh-TW")).toBe("zh");
    expect(languageOf("")).toBe("zh");
    expect(languageOf("en-US")).toBe("en");
    expect(languageOf("fr-FR")).toBe("en");
    expect(languageOf("zu")).toBe("en");
  });

  it("has the same keys in both catalogues", () => {
    expect(Object.keys(CATALOGUES.en).sort()).toEqual(Object.keys(CATALOGUES.zh).sort());
    expect(Object.keys(CATALOGUES.en.fieldNames).sort()).toEqual(Object.keys(CATALOGUES.zh.fieldNames).sort());
  });
});

describe("detectHost", () => {
  const HostType = { Excel: "Excel" };
  it("is preview without office.js, or when Office reports another host", async () => {
    expect(await detectHost(undefined)).toEqual({ kind: "preview" });
    expect(await detectHost({ HostType, onReady: async () => ({ host: null }) })).toEqual({ kind: "preview" });
  });

  it("is Excel, with its display language, inside Excel", async () => {
    const office = { HostType, onReady: async () => ({ host: "Excel" }), context: { displayLanguage: "en-GB" } };
    expect(await detectHost(office)).toEqual({ kind: "excel", displayLanguage: "en-GB" });
  });

  it("falls back to preview when Office never becomes ready", async () => {
    expect(await detectHost({ HostType, onReady: () => new Promise(() => undefined) }, 10)).toEqual({ kind: "preview" });
  });
});

describe("ruleTitle", () => {
  it("names an assessment's rule by its own meaning, a register rule by the catalogue, and an unknown rule by its id", () => {
    expect(ruleTitle("duplicate-item", "zh", "assessment")).toBe("同一单位的考核项目重复");
    expect(ruleTitle("duplicate-item", "zh", "register")).toBe(RULES.find((r) => r.id === "duplicate-item")!.zh);
    expect(ruleTitle("wrong-evaluation-month", "en", "assessment")).toBe("Evaluation in the wrong month for its year");
    expect(ruleTitle("bad-band", "zh", "register")).toBe("等次区间重叠或有空档");
    expect(ruleTitle("some-new-rule", "zh", "assessment")).toBe("some-new-rule");
  });
});

describe("reportTitle", () => {
  it("titles the register's report and an assessment's by the rubric", () => {
    expect(reportTitle({ name: "朝阳信息积分", kind: "info" })).toBe("信息报送校验报告");
    expect(reportTitle({ name: "湖南青年文明号活动管理工作考评", kind: "tiered" })).toBe("湖南青年文明号活动管理工作考评校验报告");
  });
});

describe("the period field", () => {
  it("stops an unreadable information-work period before running, and lets blank mean the latest year", () => {
    for (const text of ["", "  ", "2013", "2013Q1", "2013-03", "2013年第一季度"]) expect(isUnreadablePeriod(text, "info"), text).toBe(false);
    for (const text of ["2013Q5", "2013-13", "去年", "13"]) expect(isUnreadablePeriod(text, "info"), text).toBe(true);
  });

  it("leaves assessment terms to their own reader, and picks the engine's period refusal out of its answer", () => {
    expect(isUnreadablePeriod("2015-2016", "tiered")).toBe(false);
    const refusal = issue("bad-period", "error");
    expect(periodRefusal([issue("no-table", "error"), refusal])).toBe(refusal);
    expect(periodRefusal([issue("no-table", "error")])).toBeUndefined();
  });
});
