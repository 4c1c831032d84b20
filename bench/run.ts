/**
 * `npm run bench [-- --quick] [-- --only=scale,formulas,…]`
 *
 * Measures the engine against baselines taken in the same run and prints Markdown: every
 * figure is a ratio first, with absolute times for context. Heavy work runs in child processes
 * (bench/tasks.ts, bundled with esbuild as the CLI is), one per size, so each size has its own
 * peak memory and a spreadsheet evaluation can be stopped at its time limit.
 *
 * Exits 1 when the native-formula workbook and the engine disagree on any total or rank
 * (a correctness oracle, so CI runs the quick mode), and 2 when a part could not run at all.
 * Speed targets are reported, never enforced.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { build, type Plugin } from "esbuild";
import { fitExponent, formatBytes, formatMs, formatRatio, median, table } from "./lib/measure";
import { measurePane } from "./lib/pane";

const ROOT = resolve(import.meta.dirname, "..");
// Outside dist/, which a production build empties; inside the project, so bundles find node_modules.
const OUT = join(ROOT, "node_modules", ".cache", "league-bench");
const TASKS = join(OUT, "tasks.cjs");
const CLI = join(OUT, "league.cjs");
/** Starts the bundled CLI as bin/league.cjs does. */
const CLI_BIN = join(OUT, "league-bin.cjs");
const READ_XLSX = join(OUT, "read-xlsx.cjs");

const argv = process.argv.slice(2);
const quick = argv.includes("--quick");
const only = argv.find((a) => a.startsWith("--only="))?.slice("--only=".length).split(",");
const wanted = (part: string) => !only || only.includes(part);

/** Sizes per mode: the quick mode runs the smallest, so CI finishes in well under a minute. */
const SIZES = {
  scale: quick ? [{ units: 100, rows: 4_000 }] : [{ units: 100, rows: 4_000 }, { units: 1_000, rows: 40_000 }, { units: 10_000, rows: 400_000 }],
  /** Units for the formula race; 40 items per unit, the guidance of 3 a month plus extras. */
  formulaUnits: quick ? [20] : [100, 300, 1_000],
  formulaTimeoutMs: 60_000,
  cli: quick ? { units: 100, rows: 4_000 } : { units: 1_000, rows: 40_000 },
  functions: quick ? { units: 100, rows: 4_000, calls: 200, uncachedCalls: 10 } : { units: 1_000, rows: 50_000, calls: 1_000, uncachedCalls: 20 },
  roundTrips: quick ? [100, 1_000] : [100, 10_000, 100_000],
  runs: (rows: number) => (quick ? 3 : rows >= 400_000 ? 3 : 5),
};
const ITEMS_PER_UNIT = 40;

let exitCode = 0;
const out = (text = ""): void => void process.stdout.write(`${text}\n`);
const notAvailable = (reason: string): void => out(`not available: ${reason}\n`);
const targets: { target: string; measured: string; met: boolean | null }[] = [];

interface ChildResult {
  ok: boolean;
  timedOut: boolean;
  ms: number;
  stdout: string;
  stderr: string;
}

/** Runs a command as a child process, killing it (and only it) after the timeout. */
function runChild(command: string, args: string[], timeoutMs: number): Promise<ChildResult> {
  return new Promise((done) => {
    const start = performance.now();
    const child = spawn(command, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.on("close", (code) => {
      clearTimeout(timer);
      done({ ok: code === 0 && !timedOut, timedOut, ms: performance.now() - start, stdout, stderr });
    });
  });
}

/** Runs one task of bench/tasks.ts; null when it timed out. */
async function task<T>(name: string, args: object, timeoutMs = 30 * 60_000): Promise<T | null> {
  const result = await taskLines(name, args, timeoutMs);
  return result.timedOut ? null : (result.lines[result.lines.length - 1] as T);
}

/** Runs one task and returns every JSON line it printed, also those before a timeout. */
async function taskLines(name: string, args: object, timeoutMs: number): Promise<{ timedOut: boolean; lines: unknown[] }> {
  const result = await runChild(process.execPath, ["--expose-gc", "--max-old-space-size=6144", TASKS, name, JSON.stringify(args)], timeoutMs);
  if (!result.ok && !result.timedOut) throw new Error(`task ${name} failed:\n${result.stderr.trim()}`);
  const lines = result.stdout.split("\n").filter((line) => line.startsWith("{")).map((line) => JSON.parse(line) as unknown);
  return { timedOut: result.timedOut, lines };
}

/**
 * Pieces of the project still being written must not stop the parts that do not need them: an
 * import of a file that is not there is left to fail at run time, inside the one part that uses it.
 */
const missingFilesLater: Plugin = {
  name: "missing-files-later",
  setup(builder) {
    builder.onResolve({ filter: /^\./ }, (args) => {
      const base = resolve(args.resolveDir, args.path);
      const candidates = [base, ...[".ts", ".tsx", ".js", "/index.ts"].map((ext) => base + ext)];
      return candidates.some((path) => existsSync(path)) ? undefined : { path: base, external: true };
    });
  },
};

async function bundle(): Promise<void> {
  const common = { bundle: true, platform: "node", format: "cjs", target: "node20", logLevel: "error" } as const;
  await build({ ...common, entryPoints: [join(ROOT, "bench", "tasks.ts")], outfile: TASKS, packages: "external", plugins: [missingFilesLater] });
  // The same build as `npm run build:cli`, to a file of our own.
  await build({ ...common, entryPoints: [join(ROOT, "bench", "read-xlsx.ts")], outfile: READ_XLSX, packages: "external" });
  await build({ ...common, entryPoints: [join(ROOT, "src", "cli", "main.ts")], outfile: CLI, plugins: [missingFilesLater] });
  writeFileSync(CLI_BIN, 'require("./league.cjs").run();\n');
}

function target(name: string, measured: string, met: boolean | null): void {
  targets.push({ target: name, measured, met });
}

// ─── 1. Scale ────────────────────────────────────────────────────────────────────────────────

interface ScaleScore {
  copyMs: number;
  copyCpuMs: number;
  parseMs: number;
  analyzeMs: number;
  analyzeCpuMs: number;
  scoreRankMs: number;
  rssBefore: number;
  peakRss: number;
}
interface ScaleValidate {
  copyMs: number;
  parseMs: number;
  validateMs: number;
  validateCpuMs: number;
  issues: number;
  rssBefore: number;
  peakRss: number;
}

/** Engine time against parsing the array it is handed, per size; used again by part 3. */
const engineVsParse: { rows: number; analyzeMs: number; parseMs: number }[] = [];

async function scale(): Promise<void> {
  out("## 1. Scale\n");
  out("Register of R rows and N units, aliases and mixed date styles as staff type them; period 2013.");
  out("Floor = one pass that copies every row and reads every cell; parse = JSON.parse of the same array (how Office.js hands it over).");
  out("Times are medians; CPU is the process's CPU time for the same runs (steadier than wall time on a shared machine).");
  out("Memory: resident set before the runs, and its peak during them (the register itself included).\n");
  const rows: (string | number)[][] = [];
  const scores: ScaleScore[] = [];
  const validations: ScaleValidate[] = [];
  for (const size of SIZES.scale) {
    const runs = SIZES.runs(size.rows);
    const s = (await task<ScaleScore>("scale", { ...size, runs, phase: "score" }))!;
    const v = (await task<ScaleValidate>("scale", { ...size, runs, phase: "validate" }))!;
    scores.push(s);
    validations.push(v);
    engineVsParse.push({ rows: size.rows, analyzeMs: s.analyzeMs, parseMs: s.parseMs });
    rows.push([
      size.rows.toLocaleString("en"),
      size.units.toLocaleString("en"),
      formatMs(s.copyMs),
      `${formatRatio(s.analyzeMs / s.copyMs)} (${formatMs(s.analyzeMs)})`,
      formatMs(s.analyzeCpuMs),
      `${formatRatio(s.analyzeMs / s.parseMs)}`,
      `${formatRatio(s.scoreRankMs / s.copyMs)} (${formatMs(s.scoreRankMs)})`,
      `${formatBytes(s.rssBefore)} → ${formatBytes(s.peakRss)}`,
      `${formatRatio(v.validateMs / v.copyMs)} (${formatMs(v.validateMs)}; CPU ${formatMs(v.validateCpuMs)})`,
      `${formatBytes(v.rssBefore)} → ${formatBytes(v.peakRss)}`,
    ]);
  }
  out(
    table(
      ["rows", "units", "floor (copy)", "read+score+rank ÷ floor (wall)", "CPU", "÷ JSON.parse", "score+rank only ÷ floor", "memory (score)", "validate ÷ floor", "memory (validate)"],
      rows,
    ),
  );
  if (SIZES.scale.length > 1) {
    const sizes = SIZES.scale.map((s) => s.rows);
    out(
      `\nFitted exponent of time against rows (1 = linear): read+score+rank ${fitExponent(sizes, scores.map((s) => s.analyzeMs)).toFixed(2)}, ` +
        `score+rank ${fitExponent(sizes, scores.map((s) => s.scoreRankMs)).toFixed(2)}, ` +
        `validate ${fitExponent(sizes, validations.map((v) => v.validateMs)).toFixed(2)}, floor ${fitExponent(sizes, scores.map((s) => s.copyMs)).toFixed(2)}.`,
    );
  }
  const largest = SIZES.scale[SIZES.scale.length - 1];
  const last = scores[scores.length - 1];
  target(
    `read, score and rank ${largest.rows.toLocaleString("en")} rows < 1.5 s`,
    `${formatMs(last.analyzeCpuMs)} CPU, ${formatMs(last.analyzeMs)} wall (score+rank alone ${formatMs(last.scoreRankMs)})`,
    last.analyzeCpuMs < 1500,
  );
  out("");
}

async function nearDuplicates(): Promise<void> {
  out("## 1b. Near-duplicates\n");
  const script = join(ROOT, "bench", "near-duplicates.ts");
  if (!existsSync(script)) return notAvailable("bench/near-duplicates.ts is not there yet");
  // Its smallest size alone takes most of the quick mode's minute on a busy machine.
  if (quick) return out("Skipped in quick mode: run `npm run bench` or `npx tsx bench/near-duplicates.ts`.\n");
  const result = await runChild(process.execPath, ["--import", "tsx", script], 30 * 60_000);
  if (!result.ok) return notAvailable(`bench/near-duplicates.ts failed: ${result.stderr.trim().split("\n").pop()}`);
  out("Output of bench/near-duplicates.ts:\n");
  out("```\n" + result.stdout.trim() + "\n```\n");
}

// ─── 2. Against today's way ──────────────────────────────────────────────────────────────────

interface FormulaResult {
  formulaMs: number;
  engineMs: number;
  units: number;
  disagreements: string[];
  disagreementCount: number;
}

async function formulas(): Promise<void> {
  out("## 2. Against today's way: the native-formula workbook in HyperFormula\n");
  out(`Same data (${ITEMS_PER_UNIT} items per unit, canonical spellings) as a workbook of COUNTIFS per unit and month, a SUMPRODUCT points column and bonus, and 中国式排名 by SUMPRODUCT((range>x)/COUNTIF(range,range))+1, overall and per system (bench/lib/formula-workbook.ts).`);
  out(`Formula time: building and calculating the workbook once; stopped at ${SIZES.formulaTimeoutMs / 1000} s. Engine time: median of analyze (read, score, rank) on the same sheets.\n`);
  const rows: (string | number)[][] = [];
  const largestUnits = SIZES.formulaUnits[SIZES.formulaUnits.length - 1];
  let raceBound: number | null = null;
  let raceStopped = false;
  for (const units of SIZES.formulaUnits) {
    const args = { units, rows: units * ITEMS_PER_UNIT, runs: 5 };
    let lines: unknown[];
    let timedOut: boolean;
    try {
      ({ lines, timedOut } = await taskLines("formulas", args, SIZES.formulaTimeoutMs + 30_000));
    } catch (error) {
      rows.push([units, args.rows.toLocaleString("en"), `failed: ${(error as Error).message.split("\n")[1] ?? ""}`, "—", "not compared"]);
      exitCode ||= 2;
      continue;
    }
    const engine = lines[0] as { engineMs: number } | undefined;
    const result = lines[1] as FormulaResult | undefined;
    // The child also generates data and runs the engine, so the spreadsheet's own time decides "over 60 s".
    if (result && result.disagreementCount > 0) {
      exitCode = 1;
      for (const line of result.disagreements) out(`- ${units} units: ${line}`);
    }
    if (timedOut || !result || result.formulaMs > SIZES.formulaTimeoutMs) {
      const bound = engine ? `over ${formatRatio(SIZES.formulaTimeoutMs / engine.engineMs)} faster (${formatMs(engine.engineMs)})` : "—";
      rows.push([units, args.rows.toLocaleString("en"), `over ${SIZES.formulaTimeoutMs / 1000} s (stopped)`, bound, result ? (result.disagreementCount === 0 ? `agree on all ${result.units} (finished after the limit)` : `DISAGREE on ${result.disagreementCount}`) : "not compared (stopped)"]);
      if (units === largestUnits && engine) [raceBound, raceStopped] = [SIZES.formulaTimeoutMs / engine.engineMs, true];
      continue;
    }
    if (units === largestUnits) raceBound = result.formulaMs / result.engineMs;
    const agree = result.disagreementCount === 0 ? `agree on all ${result.units} totals and ranks` : `DISAGREE on ${result.disagreementCount}`;
    rows.push([units, args.rows.toLocaleString("en"), formatMs(result.formulaMs), `${formatRatio(result.formulaMs / result.engineMs)} faster (${formatMs(result.engineMs)})`, agree]);
  }
  out(table(["units", "register rows", "formulas (HyperFormula)", "engine", "oracle"], rows));
  if (raceBound !== null) target(`≥ 100× faster than the formula workbook at ${largestUnits.toLocaleString("en")} units`, `${raceStopped ? "over " : ""}${formatRatio(raceBound)}`, raceBound >= 100);
  out("");
}

// ─── 3. Against the floor ────────────────────────────────────────────────────────────────────

async function floor(): Promise<void> {
  out("## 3. Against the floor\n");
  const { units, rows } = SIZES.cli;
  const dir = mkdtempSync(join(tmpdir(), "league-bench-"));
  try {
    const path = join(dir, "register.xlsx");
    await task("write-xlsx", { units, rows, path });
    const cliTimes: number[] = [];
    const readTimes: number[] = [];
    for (let i = 0; i < (quick ? 1 : 5); i++) {
      const read = await runChild(process.execPath, [READ_XLSX, path], 10 * 60_000);
      if (!read.ok) throw new Error(`reading with ExcelJS failed: ${read.stderr}`);
      const rank = await runChild(process.execPath, [CLI_BIN, "rank", path, "--period", "2013"], 10 * 60_000);
      if (!rank.ok) return notAvailable(`league rank failed: ${rank.stderr.trim().split("\n").pop()}`);
      // A ranking that printed nothing would make the ratio meaningless.
      if (!rank.stdout.includes("排名")) return notAvailable(`league rank printed no ranking: ${rank.stdout.slice(0, 200)}`);
      readTimes.push(read.ms);
      cliTimes.push(rank.ms);
    }
    const [cli, plain] = [median(cliTimes), median(readTimes)];
    out(`\`league rank\` on a ${rows.toLocaleString("en")}-row .xlsx (${units.toLocaleString("en")} units), whole process, against a process that opens the same file with ExcelJS and reads every cell:\n`);
    out(table(["league rank", "ExcelJS read", "ratio"], [[formatMs(cli), formatMs(plain), formatRatio(cli / plain)]]));
    target(`league rank on ${rows.toLocaleString("en")} rows ≤ 1.5× plain ExcelJS read`, formatRatio(cli / plain), cli / plain <= 1.5);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (engineVsParse.length > 0) {
    out("\nThe engine (read tables, score, rank) against JSON.parse of the array it is handed (from part 1):\n");
    out(table(["rows", "JSON.parse", "engine", "ratio"], engineVsParse.map((e) => [e.rows.toLocaleString("en"), formatMs(e.parseMs), formatMs(e.analyzeMs), formatRatio(e.analyzeMs / e.parseMs)])));
  }
  out("");
}

// ─── 4. Custom functions ─────────────────────────────────────────────────────────────────────

async function functions(): Promise<void> {
  out("## 4. Custom functions\n");
  const size = SIZES.functions;
  const r = await task<{ cachedPerCallMs: number; uncachedPerCallMs: number; scoresMs: number; mismatches: number }>("functions", size);
  if (!r) return notAvailable("timed out");
  out(`${size.calls.toLocaleString("en")} SCORE_UNIT calls over one ${size.rows.toLocaleString("en")}-row register (${size.units.toLocaleString("en")} units); uncached = the parsed-register cache cleared before each call (${size.uncachedCalls} calls timed).\n`);
  out(
    table(
      ["SCORE_UNIT per call, cached", "per call, uncached", "uncached ÷ cached", `${size.calls.toLocaleString("en")} cached calls`, "one SCORES call", `${size.calls.toLocaleString("en")} cached calls ÷ SCORES`],
      [[
        formatMs(r.cachedPerCallMs),
        formatMs(r.uncachedPerCallMs),
        formatRatio(r.uncachedPerCallMs / r.cachedPerCallMs),
        formatMs(r.cachedPerCallMs * size.calls),
        formatMs(r.scoresMs),
        formatRatio((r.cachedPerCallMs * size.calls) / r.scoresMs),
      ]],
    ),
  );
  if (r.mismatches > 0) {
    out(`\nSCORE_UNIT and SCORES disagree for ${r.mismatches} units.`);
    exitCode = 1;
  }
  target("cached SCORE_UNIT ≥ 10× cheaper than uncached", formatRatio(r.uncachedPerCallMs / r.cachedPerCallMs), r.uncachedPerCallMs / r.cachedPerCallMs >= 10);
  out("");
}

// ─── 5. Excel round trips ────────────────────────────────────────────────────────────────────

interface ActionTrips {
  syncs: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
}

async function roundTrips(): Promise<void> {
  out("## 5. Excel round trips\n");
  out("Per user action through the Office.js port against the counting mock (test/excel/fake-excel.ts). Validate = read every sheet, check, add the highlight layer; rank = read, score and rank, write the ranking sheets. Limit per request or response: 5 MB.\n");
  const rows: (string | number)[][] = [];
  const counts: { validate: number[]; rank: number[] } = { validate: [], rank: [] };
  let largest = 0;
  for (const size of SIZES.roundTrips) {
    const r = await task<{ validate: ActionTrips; rank: ActionTrips }>("round-trips", { rows: size });
    if (!r) return notAvailable("timed out");
    for (const action of ["validate", "rank"] as const) {
      const a = r[action];
      counts[action].push(a.syncs);
      largest = Math.max(largest, a.maxRequestBytes, a.maxResponseBytes);
      rows.push([size.toLocaleString("en"), action, a.syncs, formatBytes(a.maxRequestBytes), formatBytes(a.maxResponseBytes)]);
    }
  }
  out(table(["rows", "action", "context.sync() calls", "largest request", "largest response"], rows));
  const constant = (list: number[]) => list.every((n) => n === list[0]);
  const note = `validate ${counts.validate.join("/")}, rank ${counts.rank.join("/")}`;
  target("syncs per action independent of size", note, constant(counts.validate) && constant(counts.rank));
  target("largest payload < 5 MB", formatBytes(largest), largest < 5 * 1024 * 1024);
  out("");
}

// ─── 6. Task pane weight ─────────────────────────────────────────────────────────────────────

async function pane(): Promise<void> {
  out("## 6. Task pane weight\n");
  const result = await measurePane(join(ROOT, "dist"), quick ? 3 : 7);
  if ("unavailable" in result) return notAvailable(result.unavailable);
  out(table(["bundle loaded at start", "bytes", "gzipped"], result.bundles.map((b) => [b.file, formatBytes(b.bytes), formatBytes(b.gzipped)])));
  out(
    `\nFirst render in headless Chromium (median of ${result.runs}): blank page ${formatMs(result.blankMs)}, task pane ${formatMs(result.paneMs)} ` +
      `(${formatRatio(result.paneMs / result.blankMs)} the blank page). office.js is answered locally with an empty script, so the pane opens in preview mode.`,
  );
  const main = result.bundles.find((b) => /taskpane/.test(b.file));
  if (main) target("main pane bundle ≤ 300 KB gzipped", formatBytes(main.gzipped), main.gzipped <= 300 * 1024);
  out("");
}

// ─── Main ────────────────────────────────────────────────────────────────────────────────────

async function main(): Promise<void> {
  const started = performance.now();
  out(`# Benchmarks${quick ? " (quick)" : ""}\n`);
  out(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, ${formatBytes(totalmem())} RAM, Node ${process.version}. Load average at start: ${loadavg().map((l) => l.toFixed(1)).join(", ")}.\n`);
  await bundle();
  const parts: [string, () => Promise<void>][] = [
    ["scale", scale],
    ["near-duplicates", nearDuplicates],
    ["formulas", formulas],
    ["floor", floor],
    ["functions", functions],
    ["round-trips", roundTrips],
    ["pane", pane],
  ];
  for (const [name, run] of parts) {
    if (!wanted(name)) continue;
    try {
      await run();
    } catch (error) {
      notAvailable(`${name}: ${(error as Error).message.split("\n").slice(0, 3).join(" ")}`);
      if (exitCode === 0) exitCode = 2;
    }
  }
  if (targets.length > 0) {
    out("## Targets\n");
    out(table(["target", "measured", "met"], targets.map((t) => [t.target, t.measured, t.met === null ? "—" : t.met ? "yes" : "**no**"])));
    out("");
  }
  out(`Total time ${formatMs(performance.now() - started)}.${exitCode === 1 ? " FAILED: the formula workbook and the engine disagree." : ""}`);
  process.exitCode = exitCode;
}

await main();
