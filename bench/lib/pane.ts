/**
 * Task pane weight: the gzipped size of every script and stylesheet taskpane.html loads at
 * start, and the time to first render in headless Chromium against a blank page served by the
 * same server (so the server and browser start-up cancel out of the ratio).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { median } from "./measure";

const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const BLANK_PAGE = "<!doctype html><html><head><meta charset=\"utf-8\"><title>blank</title></head><body><div id=\"root\">blank</div></body></html>";
const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".png": "image/png", ".svg": "image/svg+xml" };

export interface PaneWeight {
  /** Every script and stylesheet fetched before the first render, in request order. */
  bundles: { file: string; bytes: number; gzipped: number }[];
  blankMs: number;
  paneMs: number;
  runs: number;
}

function serve(root: string): Promise<Server> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    if (url.pathname === "/blank.html") {
      response.writeHead(200, { "content-type": TYPES[".html"] }).end(BLANK_PAGE);
      return;
    }
    const path = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!path.startsWith(root) || !existsSync(path)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream" }).end(readFileSync(path));
  });
  return new Promise((done) => server.listen(0, "127.0.0.1", () => done(server)));
}

/**
 * Measures the built pane in `dist`. Returns why not when there is no build or no browser.
 * @example await measurePane("dist", 5) // { bundles: [{ file: "taskpane.js", … }], blankMs: 40, paneMs: 310, runs: 5 }
 */
export async function measurePane(dist: string, runs: number): Promise<PaneWeight | { unavailable: string }> {
  const htmlPath = join(dist, "taskpane.html");
  if (!existsSync(htmlPath)) return { unavailable: "no dist/taskpane.html: run `npm run build` first" };
  if (!existsSync(CHROMIUM)) return { unavailable: `no browser at ${CHROMIUM} (apt-get install chromium)` };
  const server = await serve(dist);
  const profile = mkdtempSync(join(tmpdir(), "league-bench-chromium-"));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  try {
    // office.js comes from Microsoft's CDN; answer with an empty script so nothing leaves the
    // machine and the pane opens in its preview mode.
    await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) =>
      route.request().resourceType() === "script" ? route.fulfill({ status: 200, contentType: "text/javascript", body: "" }) : route.abort(),
    );
    const { port } = server.address() as AddressInfo;
    const page = await context.newPage();
    // Time from navigation start until #root has content: the page's own first render.
    const firstRender = async (path: string) => {
      await page.goto("about:blank");
      const start = performance.now();
      await page.goto(`http://127.0.0.1:${port}/${path}`, { waitUntil: "commit" });
      await page.waitForFunction(() => (document.getElementById("root")?.childNodes.length ?? 0) > 0, undefined, { timeout: 30_000, polling: "raf" });
      return performance.now() - start;
    };
    // Every script and stylesheet fetched until the first render, lazy chunks included.
    const fetched = new Set<string>();
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.hostname === "127.0.0.1" && /\.(js|css)$/.test(url.pathname)) fetched.add(url.pathname.slice(1));
    });
    await firstRender("blank.html");
    await firstRender("taskpane.html");
    const bundles = [...fetched].map((file) => {
      const bytes = readFileSync(join(dist, file));
      return { file, bytes: bytes.length, gzipped: gzipSync(bytes, { level: 9 }).length };
    });
    const blank: number[] = [];
    const pane: number[] = [];
    for (let i = 0; i < runs; i++) {
      blank.push(await firstRender("blank.html"));
      pane.push(await firstRender("taskpane.html"));
    }
    return { bundles, blankMs: median(blank), paneMs: median(pane), runs };
  } finally {
    await context.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
