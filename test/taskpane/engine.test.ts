import { describe, expect, it } from "vitest";
import { parseCellAddress } from "../../src/engine/cells";
import { ASSESSMENT_SHEET_NAMES } from "../../src/sample/assessment-tables";
import { buildSampleWorkbook, SHEET_NAMES } from "../../src/sample/sample-workbook";
import { CancelledError, createEngineClient, type WorkerLike } from "../../src/taskpane/engine-client";
import { chaoyangInfo } from "../../src/engine/presets/chaoyang-info";
import { MemoryWorkbook } from "../../src/taskpane/preview/memory-workbook";
import { runJob } from "../../src/worker/jobs";
import type { JobMessage, WorkerMessage } from "../../src/worker/protocol";

const sample = buildSampleWorkbook();
const today = { year: 2014, month: 1, day: 10 };

/** The planted rows of each rule. */
function plantedRows(): Map<string, number[]> {
  const rows = new Map<string, number[]>();
  for (const planted of sample.planted) rows.set(planted.rule, [...(rows.get(planted.rule) ?? []), planted.row]);
  return rows;
}

describe("engine jobs on the sample workbook", () => {
  it("finds the register and the roster by their headers", () => {
    const { tables } = runJob({ kind: "locate", sheets: sample.sheets });
    expect(tables.register?.sheet).toBe(SHEET_NAMES.register);
    expect(tables.roster?.sheet).toBe(SHEET_NAMES.roster);
    expect(tables.penalties?.sheet).toBe(SHEET_NAMES.penalties);
  });

  it("validates, reporting every planted problem at its row, with progress up to 1", () => {
    const progress: number[] = [];
    const result = runJob(
      { kind: "validate", sheets: sample.sheets, rubricId: "chaoyang-info", today },
      { onProgress: (done) => progress.push(done) },
    );
    expect(result.ok).toBe(true);
    // A pair (a copy and its source, a duplicate and its first) is reported on one of its rows.
    for (const [rule, rows] of plantedRows()) {
      expect(result.issues.some((i) => i.rule === rule && rows.includes(i.row!)), `${rule} at row ${rows.join(" or ")}`).toBe(true);
    }
    expect(progress.at(-1)).toBe(1);
  });

  it("holds the quota to the period the pane passes, and refuses an unreadable one without checking rows", () => {
    const latest = runJob({ kind: "validate", sheets: sample.sheets, rubricId: "chaoyang-info", today });
    expect(latest.period?.key).toBe("2013");
    const quarter = runJob({ kind: "validate", sheets: sample.sheets, rubricId: "chaoyang-info", today, period: "2013Q1" });
    expect(quarter.period).toMatchObject({ kind: "quarter", key: "2013Q1" });
    const shortfalls = (result: typeof quarter) => result.issues.filter((i) => i.rule === "quota-shortfall").map((i) => i.period);
    expect(new Set(shortfalls(quarter))).toEqual(new Set(["2013-01", "2013-02", "2013-03", "2013Q1"]));
    expect(shortfalls(quarter).length).toBeLessThan(shortfalls(latest).length);
    const unreadable = runJob({ kind: "validate", sheets: sample.sheets, rubricId: "chaoyang-info", today, period: "2013Q5" });
    expect(unreadable.ok).toBe(false);
    expect(unreadable.issues.map((i) => i.rule)).toEqual(["bad-period"]);
  });

  it("previews the first rows of each system, with the organisation from the roster sheet", () => {
    const answer = runJob({ kind: "rank-preview", sheets: sample.sheets, rubricId: "chaoyang-info", method: "dense", rows: 3 });
    if (!answer.ok) throw new Error("preview failed");
    expect(answer.preview.organisation).toBe("朝阳共青团");
    expect(answer.preview.columns).toEqual([]);
    expect(answer.preview.periodKey).toBe("2013");
    expect(answer.preview.tables.map((t) => t.system)).toEqual(["街道系统", "地区系统", "青工系统"]);
    expect(answer.preview.tables.map((t) => t.units)).toEqual([24, 19, 50]);
    for (const table of answer.preview.tables) {
      expect(table.rows).toHaveLength(3);
      const totals = table.rows.map((r) => r.total);
      expect([...totals].sort((a, b) => b! - a!)).toEqual(totals);
      expect(table.rows.every((r) => r.extra.length === 0)).toBe(true);
    }
  });

  it("builds the ranking sheets with the chosen period in their title", () => {
    const answer = runJob({
      kind: "rank-sheets",
      sheets: sample.sheets,
      rubricId: "chaoyang-info",
      method: "dense",
      period: "2013Q2",
      layout: { organisation: "朝阳共青团", ties: "merge" },
    });
    if (!answer.ok) throw new Error("ranking failed");
    expect(answer.periodLabel).toBe("2013年第二季度");
    expect(answer.specs[0].blocks[0].values[0][0]).toBe("朝阳共青团各系统2013年第二季度信息上报排名");
  });

  it("refuses an unreadable period as an issue", () => {
    const answer = runJob({ kind: "rank-preview", sheets: sample.sheets, rubricId: "chaoyang-info", method: "dense", period: "去年", rows: 3 });
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.issues[0].rule).toBe("bad-period");
  });

  it("puts entry dropdowns on the unit, type and channel columns, from the first data row down", () => {
    const answer = runJob({ kind: "input-rules", sheets: sample.sheets, rubricId: "chaoyang-info" });
    if (!answer.ok) throw new Error("input rules failed");
    const byColumn = new Map(answer.rules.map((rule) => [rule.range.replace(/\d+/g, ""), rule]));
    expect([...byColumn.keys()].sort()).toEqual(["A:A", "C:C", "F:F"]);
    expect(byColumn.get("C:C")!.list).toEqual(["事件类", "综合类"]);
    expect(byColumn.get("A:A")!.list).toHaveLength(93);
    const [start, end] = byColumn.get("A:A")!.range.split(":").map((a) => parseCellAddress(a)!.row + 1);
    expect(start).toBe(2);
    expect(end).toBeGreaterThan(sample.sheets[1].values.length);
  });
});

describe("assessment presets on the sample workbook", () => {
  const rulesOf = (issues: readonly { rule: string }[]) => [...new Set(issues.map((i) => i.rule))].sort();

  it("validates each preset's table, finding the problems planted in it, in the register's issue shape", () => {
    const dongguan = runJob({ kind: "validate", sheets: sample.sheets, rubricId: "dongguan-annual", today });
    expect(dongguan.ok).toBe(true);
    expect(dongguan.summary.rows).toBe(93);
    expect(rulesOf(dongguan.issues)).toEqual(["comment-too-long", "founded-too-recently", "incomplete", "late-submission"]);
    expect(dongguan.issues.find((i) => i.rule === "incomplete")).toMatchObject({ sheet: ASSESSMENT_SHEET_NAMES.annual, cell: "D4", severity: "warning" });

    const hainan = runJob({ kind: "validate", sheets: sample.sheets, rubricId: "hainan-wechat", today });
    expect(rulesOf(hainan.issues)).toEqual(["self-assessed-gap", "spot-check-veto", "unknown-item"]);
    const hunan = runJob({ kind: "validate", sheets: sample.sheets, rubricId: "hunan-wmh", today });
    expect(rulesOf(hunan.issues)).toEqual(["missing-non-public", "too-few-evaluations", "wrong-evaluation-month"]);
    // Errors first, as the register's validation orders them.
    for (const result of [dongguan, hainan, hunan]) {
      expect(result.summary.errors + result.summary.warnings + result.summary.infos).toBe(result.issues.length);
    }
  });

  it("previews dongguan-annual as one table with its grades, the incomplete unit last and unranked", () => {
    const answer = runJob({ kind: "rank-preview", sheets: sample.sheets, rubricId: "dongguan-annual", method: "dense", rows: 100 });
    if (!answer.ok) throw new Error("preview failed");
    const { preview } = answer;
    expect(preview.periodKey).toBe("2017");
    expect(preview.organisation).toBe("");
    expect(preview.columns).toEqual(["等次"]);
    expect(preview.tables).toHaveLength(1);
    const [table] = preview.tables;
    expect(table.system).toBe("");
    expect(table.units).toBe(93);
    const last = table.rows.at(-1)!;
    expect(last).toMatchObject({ rank: null, total: null, extra: ["—"] });
    for (const row of table.rows.slice(0, -1)) {
      // The grade follows the total by the preset's bands (RUBRICS.md §3).
      const grade = row.total! >= 90 ? "好" : row.total! >= 80 ? "较好" : row.total! >= 60 ? "一般" : "差";
      expect(row.extra, row.unit).toEqual([grade]);
    }
    // Late materials and a unit founded in the year take no awards: marked ※.
    expect(table.rows.filter((r) => !r.eligible).map((r) => r.unit).sort()).toEqual(["北京市朝阳区团教工委", "左家庄街道团工委"].sort());
  });

  it("previews hunan-wmh with tiers and quota changes, in rank order", () => {
    const answer = runJob({ kind: "rank-preview", sheets: sample.sheets, rubricId: "hunan-wmh", method: "dense", rows: 5 });
    if (!answer.ok) throw new Error("preview failed");
    expect(answer.preview.columns).toEqual(["档次", "名额调整"]);
    expect(answer.preview.periodLabel).toBe("2015—2016年");
    const rows = answer.preview.tables[0].rows;
    expect(rows[0]).toMatchObject({ rank: 1, extra: [1, "+20%"] });
    const tiers = rows.map((r) => r.extra[0] as number);
    expect([...tiers].sort((a, b) => a - b)).toEqual(tiers);
  });

  it("builds a preset's ranking sheets with its title and grade column", () => {
    const answer = runJob({
      kind: "rank-sheets",
      sheets: sample.sheets,
      rubricId: "dongguan-annual",
      method: "dense",
      layout: { organisation: "", ties: "merge", extraColumns: ["base"] },
    });
    if (!answer.ok) throw new Error("ranking failed");
    expect(answer.periodLabel).toBe("2017年");
    const [ranking] = answer.specs;
    expect(ranking.name).toBe("2017年排名");
    expect(ranking.blocks[0].values[0][0]).toBe("2017年东莞共青团年度工作考核排名");
    expect(ranking.blocks.some((block) => block.values.some((row) => row.includes("等次")))).toBe(true);
  });

  it("refuses a workbook without the preset's table, as an issue", () => {
    const withoutTables = sample.sheets.filter((s) => !Object.values(ASSESSMENT_SHEET_NAMES).includes(s.name as never));
    const preview = runJob({ kind: "rank-preview", sheets: withoutTables, rubricId: "hunan-wmh", method: "dense", rows: 5 });
    expect(preview.ok).toBe(false);
    if (!preview.ok) expect(preview.issues[0].rule).toBe("no-table");
    const validation = runJob({ kind: "validate", sheets: withoutTables, rubricId: "hunan-wmh", today });
    expect(validation.ok).toBe(false);
    expect(validation.issues.map((i) => i.rule)).toEqual(["no-table"]);
  });

  it("leaves what the information-work path finds as it was without the assessment tables", () => {
    const infoSheets = sample.sheets.filter((s) => !Object.values(ASSESSMENT_SHEET_NAMES).includes(s.name as never));
    expect(infoSheets).toHaveLength(3);
    const request = { kind: "validate", rubricId: "chaoyang-info", today } as const;
    expect(runJob({ ...request, sheets: sample.sheets })).toEqual(runJob({ ...request, sheets: infoSheets }));
  });
});

describe("rubric sheets", () => {
  it("writes a preset as a rubric sheet that reads back as that preset, and ranks by it", async () => {
    const { spec } = runJob({ kind: "write-rubric", rubricId: "chaoyang-info" });
    const book = new MemoryWorkbook(sample.sheets.map((s) => ({ name: s.name, values: s.values })));
    const [name] = (await book.writeSheets([spec])).written;
    const sheet = await book.readSheet(name);
    const { found } = runJob({ kind: "rubric-sheets", sheets: [...sample.sheets, sheet] });
    expect(found).toEqual([{ sheet: name, rubric: { id: "chaoyang-info", name: chaoyangInfo.name, kind: "info" }, issues: [] }]);
    const preview = runJob({ kind: "rank-preview", sheets: sample.sheets, rubricId: `sheet:${name}`, rubricSheet: sheet, method: "dense", rows: 2 });
    const byPreset = runJob({ kind: "rank-preview", sheets: sample.sheets, rubricId: "chaoyang-info", method: "dense", rows: 2 });
    expect(preview).toEqual(byPreset);
  });

  it("refuses a rubric sheet with a bad cell, with the problem at its address", async () => {
    const { spec } = runJob({ kind: "write-rubric", rubricId: "dongguan-annual" });
    const book = new MemoryWorkbook([]);
    const [name] = (await book.writeSheets([spec])).written;
    const sheet = await book.readSheet(name);
    // Make 党政评价's weight negative.
    const weightRow = sheet.values.findIndex((row) => row[0] === "党政评价");
    expect(weightRow).toBeGreaterThan(0);
    sheet.values[weightRow][1] = -0.3;
    const { found } = runJob({ kind: "rubric-sheets", sheets: [sheet] });
    expect(found[0].rubric).toBeUndefined();
    expect(found[0].issues.length).toBeGreaterThan(0);
    expect(found[0].issues.every((issue) => issue.severity === "error" && issue.sheet === name)).toBe(true);
    const answer = runJob({ kind: "validate", sheets: sample.sheets, rubricId: `sheet:${name}`, rubricSheet: sheet, today });
    expect(answer.ok).toBe(false);
  });
});

/** A worker that answers after `delay` ms and records termination, to test the client alone. */
function fakeWorker(delay: number, log: string[]): () => WorkerLike {
  return () => {
    const worker: WorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage(message: JobMessage) {
        log.push(`job ${message.request.kind}`);
        const reply = (data: WorkerMessage) => worker.onmessage?.({ data } as MessageEvent<WorkerMessage>);
        setTimeout(() => reply({ id: message.id, type: "progress", done: 0.5 }), delay / 2);
        setTimeout(() => reply({ id: message.id, type: "result", result: { ok: true, tables: {} } }), delay);
      },
      terminate() {
        log.push("terminate");
      },
    } as WorkerLike;
    log.push("spawn");
    return worker;
  };
}

describe("engine client", () => {
  it("passes progress and the result through", async () => {
    const log: string[] = [];
    const client = createEngineClient(fakeWorker(10, log));
    const progress: number[] = [];
    const result = await client.run({ kind: "locate", sheets: [] }, { onProgress: (d) => progress.push(d) });
    expect(result).toEqual({ ok: true, tables: {} });
    expect(progress).toEqual([0.5]);
    expect(log).toEqual(["spawn", "job locate"]);
  });

  it("cancels by terminating the worker, and starts a fresh one for the next job", async () => {
    const log: string[] = [];
    const client = createEngineClient(fakeWorker(50, log));
    const abort = new AbortController();
    const running = client.run({ kind: "locate", sheets: [] }, { signal: abort.signal });
    await expect.poll(() => log).toContain("job locate");
    abort.abort();
    await expect(running).rejects.toBeInstanceOf(CancelledError);
    await client.run({ kind: "locate", sheets: [] });
    expect(log).toEqual(["spawn", "job locate", "terminate", "spawn", "job locate"]);
  });

  it("cancels a job that has not started without starting a worker", async () => {
    const log: string[] = [];
    const client = createEngineClient(fakeWorker(10, log));
    const abort = new AbortController();
    abort.abort();
    await expect(client.run({ kind: "locate", sheets: [] }, { signal: abort.signal })).rejects.toBeInstanceOf(CancelledError);
    expect(log).toEqual([]);
  });
});
