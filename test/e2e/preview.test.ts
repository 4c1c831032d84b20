/**
 * The task pane's preview mode in Debian's Chromium: the pane opens on the sample workbook,
 * a validation finds the planted problems, an issue click selects its cell in the grid, a
 * period is checked (an unreadable one is marked at its field), the
 * 排名 tab generates the ranking sheet into the grid, rubrics switch (an assessment preset is
 * checked and ranked from its own table), and the page talks to nothing but localhost. Screenshots go to test-output/.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ASSESSMENT_SHEET_NAMES } from "../../src/sample/assessment-tables";
import { buildSampleWorkbook, SHEET_NAMES } from "../../src/sample/sample-workbook";
import { buildPreview, servePreview } from "../../scripts/preview-server";

const CHROMIUM = "/usr/bin/chromium";
const OUTPUT = path.resolve("test-output");
const available = existsSync(CHROMIUM);
if (!available && process.env.CI) throw new Error(`${CHROMIUM} is missing: the browser test must run in CI (apt-get install chromium)`);
if (!available) console.warn(`Skipping the task-pane browser test: ${CHROMIUM} is not installed (apt-get install chromium).`);

describe.skipIf(!available)("task pane preview in Chromium", () => {
  let server: Server;
  let url: string;
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  const requests: string[] = [];
  const pageErrors: string[] = [];
  let firstRenderMs = 0;

  beforeAll(async () => {
    mkdirSync(OUTPUT, { recursive: true });
    const build = await buildPreview();
    console.log(`preview build: ${(build.ms / 1000).toFixed(1)} s; ${build.assets.map((a) => `${a.name} ${(a.size / 1024).toFixed(0)} KiB`).join(", ")}`);
    ({ server, url } = await servePreview({ port: 0 }));
    profile = mkdtempSync(path.join(tmpdir(), "league-chromium-"));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
      viewport: { width: 1400, height: 900 },
      locale: "zh-CN",
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on("request", (request) => requests.push(request.url()));
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(url);
    await page.getByTestId("tab-validate").waitFor();
    firstRenderMs = await page.evaluate(() => performance.now());
    console.log(`time to first render of the pane: ${firstRenderMs.toFixed(0)} ms`);
  }, 600_000);

  afterAll(async () => {
    await context?.close();
    await new Promise((resolve) => server?.close(resolve));
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it("opens in preview mode on the sample workbook", async () => {
    await expect(page.getByTestId("preview-badge").textContent()).resolves.toBe("预览模式");
    const tabs = await page.getByTestId("sheet-tab").evaluateAll((elements) => elements.map((e) => e.getAttribute("data-sheet")));
    expect(tabs).toEqual([...Object.values(SHEET_NAMES), ...Object.values(ASSESSMENT_SHEET_NAMES)]);
    // The tables are found by their headers and their mapping is shown.
    await expect(page.getByTestId("table-register").textContent()).resolves.toContain(`「${SHEET_NAMES.register}」`);
    await expect(page.getByTestId("table-roster").textContent()).resolves.toContain(`「${SHEET_NAMES.roster}」`);
    await page.screenshot({ path: path.join(OUTPUT, "preview-open.png") });
  });

  it("runs a validation that lists every planted problem at its row", async () => {
    await page.getByTestId("run-check").click();
    await page.getByTestId("summary").waitFor({ timeout: 60_000 });
    const planted = new Map<string, number[]>();
    for (const problem of buildSampleWorkbook().planted) planted.set(problem.rule, [...(planted.get(problem.rule) ?? []), problem.row]);
    // A pair (a copy and its source, a duplicate and its first) is listed at one of its rows.
    for (const [rule, rows] of planted) {
      const group = page.getByTestId(`rule-${rule}`);
      await group.waitFor();
      const links = group.getByTestId("issue-link");
      if ((await links.count()) === 0) await group.getByRole("button").first().click();
      const cells = await links.evaluateAll((elements) => elements.map((e) => e.getAttribute("data-cell")));
      const expected = new RegExp(`^${SHEET_NAMES.register}![A-Z]+(${rows.join("|")})$`);
      expect(cells, `${rule} at row ${rows.join(" or ")}`).toContainEqual(expect.stringMatching(expected));
    }
    await page.screenshot({ path: path.join(OUTPUT, "preview-validation.png") });
  });

  it("selects an issue's cell in the grid when it is clicked", async () => {
    const unknown = buildSampleWorkbook().planted.find((p) => p.rule === "unknown-unit")!;
    const link = page.getByTestId("rule-unknown-unit").locator(`[data-cell="${SHEET_NAMES.register}!A${unknown.row}"]`);
    await link.click();
    await expect(page.getByTestId("grid-selection").textContent()).resolves.toContain(`${SHEET_NAMES.register}!A${unknown.row}`);
    const grid = page.getByTestId("preview-grid");
    await expect(grid.getAttribute("data-sheet")).resolves.toBe(SHEET_NAMES.register);
    const selected = grid.locator('[data-selected="true"]');
    await expect(selected.getAttribute("data-cell")).resolves.toBe(`A${unknown.row}`);
    await expect(selected.textContent()).resolves.toBe("双井街到团工委");
    expect(await selected.isVisible()).toBe(true);
    await page.screenshot({ path: path.join(OUTPUT, "preview-selected-issue.png") });
  });

  it("highlights the bad cells in a layer and clears it", async () => {
    await page.getByTestId("highlight").click();
    const marked = page.getByTestId("preview-grid").locator("[data-highlight]");
    await marked.first().waitFor();
    expect(await marked.count()).toBeGreaterThan(0);
    await page.getByTestId("clear-highlight").click();
    await expect.poll(() => marked.count()).toBe(0);
  });

  it("marks an unreadable period at its field instead of checking, and checks the period typed", async () => {
    const period = page.getByTestId("check-period");
    await period.fill("2013Q5");
    await expect(page.getByTestId("check-period-field").textContent()).resolves.toContain("期间「2013Q5」无法识别");
    expect(await page.getByTestId("run-check").isDisabled()).toBe(true);
    await period.fill("2013Q1");
    await expect(page.getByTestId("check-period-field").textContent()).resolves.not.toContain("无法识别");
    await page.getByTestId("run-check").click();
    await expect.poll(() => page.getByTestId("summary").textContent(), { timeout: 60_000 }).toContain("期间：2013年第一季度");
    await page.screenshot({ path: path.join(OUTPUT, "preview-validation-period.png") });
    await period.fill("");
  });

  it("generates the ranking sheet from the 排名 tab and shows it in the grid", async () => {
    await page.getByTestId("tab-rank").click();
    await page.getByTestId("ranking-preview").waitFor({ timeout: 60_000 });
    await expect(page.getByTestId("ranking-preview").textContent()).resolves.toContain("街道系统");
    await page.getByTestId("generate-ranking").click();
    await page.getByTestId("ranking-written").waitFor({ timeout: 60_000 });
    const grid = page.getByTestId("preview-grid");
    const sheet = await grid.getAttribute("data-sheet");
    expect(sheet).toBe("2013年排名");
    await expect(grid.locator('[data-cell="A1"]').textContent()).resolves.toBe("朝阳共青团各系统2013年信息上报排名");
    const tabsBefore = await page.getByTestId("sheet-tab").count();
    await page.screenshot({ path: path.join(OUTPUT, "preview-ranking.png") });

    // Generating the same period again asks first, then replaces only the add-in's own sheets.
    await page.getByTestId("generate-ranking").click();
    await page.getByTestId("confirm-replace").click();
    await page.getByTestId("ranking-written").waitFor();
    await expect.poll(() => page.getByTestId("sheet-tab").count()).toBe(tabsBefore);
    const names = await page.getByTestId("sheet-tab").evaluateAll((elements) => elements.map((e) => e.getAttribute("data-sheet")));
    expect(names).not.toContainEqual(expect.stringContaining("(2)"));
  });

  it("switches rubrics on the 规则 tab", async () => {
    await page.getByTestId("tab-rubric").click();
    await page.getByTestId("rubric-picker").click();
    await page.getByRole("option", { name: /county-info|县/ }).first().click();
    await expect(page.getByTestId("rubric-current").textContent()).resolves.toContain("county-info");
    await page.getByTestId("tab-rank").click();
    await page.getByTestId("ranking-preview").waitFor();
  });

  it("checks and ranks by an assessment preset from its own table", async () => {
    await page.getByTestId("tab-rubric").click();
    await page.getByTestId("rubric-picker").click();
    await page.getByRole("option", { name: /dongguan|东莞/ }).first().click();
    await expect(page.getByTestId("rubric-current").textContent()).resolves.toContain("dongguan-annual");

    // 校验 lists the preset's issues, at their cells of 年度考核.
    await page.getByTestId("tab-validate").click();
    await page.getByTestId("run-check").click();
    const summary = page.getByTestId("summary");
    await summary.waitFor({ timeout: 60_000 });
    await expect(summary.textContent()).resolves.toContain("93 个单位");
    const incomplete = page.getByTestId("rule-incomplete");
    await incomplete.getByRole("button").first().click();
    await expect(incomplete.getByTestId("issue-link").first().getAttribute("data-cell")).resolves.toBe(`${ASSESSMENT_SHEET_NAMES.annual}!D4`);
    await expect(incomplete.textContent()).resolves.toContain("缺少分数");
    await page.screenshot({ path: path.join(OUTPUT, "preview-assessment-validation.png") });

    // 排名 previews the grades, and generates the preset's ranking sheet.
    await page.getByTestId("tab-rank").click();
    const preview = page.getByTestId("ranking-preview");
    await preview.waitFor({ timeout: 60_000 });
    await expect(preview.textContent()).resolves.toContain("等次");
    await page.getByTestId("generate-ranking").click();
    await page.getByTestId("ranking-written").waitFor({ timeout: 60_000 });
    const grid = page.getByTestId("preview-grid");
    await expect(grid.getAttribute("data-sheet")).resolves.toBe("2017年排名");
    await expect(grid.locator('[data-cell="A1"]').textContent()).resolves.toBe("2017年东莞共青团年度工作考核排名");
    const headers = await grid.locator("[data-cell]").evaluateAll((cells) => cells.map((c) => c.textContent));
    expect(headers).toContain("等次");
    await page.screenshot({ path: path.join(OUTPUT, "preview-assessment-ranking.png") });
  });

  it("inserts a preset as a rubric sheet, offers it in the picker and ranks by it", async () => {
    await page.getByTestId("tab-rubric").click();
    await page.getByTestId("rubric-picker").click();
    await page.getByRole("option", { name: /朝阳/ }).first().click();
    await expect(page.getByTestId("rubric-current").textContent()).resolves.toContain("chaoyang-info");
    await page.getByTestId("insert-rubric-sheet").click();
    await page.getByTestId("rubric-notice").waitFor();
    const grid = page.getByTestId("preview-grid");
    const sheet = await grid.getAttribute("data-sheet");
    await expect(grid.locator('[data-cell="A1"]').textContent()).resolves.toBe("评分规则表");

    await page.getByTestId("rubric-picker").click();
    await page.getByRole("option", { name: new RegExp(`规则表「${sheet}」`) }).click();
    await expect(page.getByTestId("rubric-current").textContent()).resolves.toContain(`sheet:${sheet}`);
    await page.screenshot({ path: path.join(OUTPUT, "preview-rubric.png") });
    await page.getByTestId("tab-rank").click();
    await page.getByTestId("ranking-preview").waitFor();
    await expect(page.getByTestId("ranking-preview").textContent()).resolves.toContain("街道系统");
  });

  it("switches to English", async () => {
    await page.getByTestId("language-toggle").click();
    await page.getByRole("tab", { name: "Validate" }).waitFor();
    await page.getByRole("tab", { name: "Ranking" }).waitFor();
    await page.getByTestId("language-toggle").click();
    await page.getByRole("tab", { name: "校验" }).waitFor();
  });

  it("made no network request beyond localhost and raised no page error", () => {
    const outside = requests.filter((address) => {
      const { protocol, hostname } = new URL(address);
      return !(protocol === "data:" || protocol === "blob:" || hostname === "localhost" || hostname === "127.0.0.1");
    });
    expect(requests.length).toBeGreaterThan(0);
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
