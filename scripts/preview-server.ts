// The task pane's preview mode, outside Excel: builds the pane alone (no custom functions, no
// office.js) into dist/preview/ and serves it on http://localhost. The browser test uses the
// same two functions, so what it checks is what `npm run preview` shows.
//
//   npx tsx scripts/preview-server.ts            build, then serve on http://localhost:3001
//   npx tsx scripts/preview-server.ts --port 0   any free port
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import HtmlWebpackPlugin from "html-webpack-plugin";
import webpack from "webpack";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const PREVIEW_DIR = path.join(root, "dist", "preview");

/**
 * The preview page's Content-Security-Policy: everything from this origin only. Unlike the
 * add-in's page it does not allow Office's CDN, so the preview cannot reach the network at
 * all; office.js is then blocked before any request and the pane starts in preview mode.
 */
export const PREVIEW_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join("; ");

/**
 * The add-in's page without office.js: outside Office there is nothing for it to do, and
 * leaving it out keeps the preview free of any request beyond localhost.
 */
function previewPage(): string {
  const template = readFileSync(path.join(root, "src", "taskpane", "taskpane.html"), "utf8");
  const page = template
    .replace(/<script[^>]*\bsrc="https:\/\/appsforoffice\.microsoft\.com[^"]*"[^>]*><\/script>\s*/g, "")
    .replace("<%= csp %>", PREVIEW_CSP);
  if (/<script[^>]*appsforoffice/.test(page)) throw new Error("could not remove office.js from the preview page");
  return page;
}

/** Builds the pane for preview in production mode; resolves with webpack's stats summary. */
export interface BuildSummary {
  assets: { name: string; size: number }[];
  ms: number;
}

export function buildPreview({ outDir = PREVIEW_DIR, mode = "production" as "production" | "development" } = {}): Promise<BuildSummary> {
  const compiler = webpack({
    mode,
    context: root,
    devtool: false, // never "eval…": the CSP forbids eval
    entry: { taskpane: "./src/taskpane/index.tsx" },
    output: { path: outDir, filename: "[name].js", chunkFilename: "[name].[contenthash:8].js", publicPath: "auto", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js", ".mjs"], extensionAlias: { ".js": [".ts", ".tsx", ".js"] } },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { noEmit: false } } },
        },
      ],
    },
    cache: { type: "filesystem", cacheDirectory: path.join(root, "node_modules", ".cache", "preview-webpack") },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        templateContent: previewPage(),
        scriptLoading: "blocking",
        inject: "body",
      }),
    ],
  });
  return new Promise((resolve, reject) => {
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error || !stats) return reject(error ?? new Error("webpack gave no stats"));
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      const assets = (stats.toJson({ all: false, assets: true }).assets ?? []).filter((a) => a.name).map((a) => ({ name: a.name, size: a.size }));
      resolve({ assets, ms: stats.endTime - stats.startTime });
    });
  });
}

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".png": "image/png", ".json": "application/json" };

/** Serves a directory on 127.0.0.1; resolves with the server and its base URL. */
export function servePreview({ dir = PREVIEW_DIR, port = 3001 } = {}): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    const file = path.join(dir, pathname === "/" ? "taskpane.html" : pathname);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end("not found");
      return;
    }
    response.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream", "Cache-Control": "no-store" });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      const bound = typeof address === "object" && address ? address.port : port;
      resolve({ server, url: `http://localhost:${bound}/taskpane.html` });
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const portArg = process.argv.indexOf("--port");
  const port = portArg > 0 ? Number(process.argv[portArg + 1]) : 3001;
  const { ms } = await buildPreview();
  const { url } = await servePreview({ port });
  console.log(`Preview built in ${(ms / 1000).toFixed(1)} s. Open ${url} (Ctrl+C to stop).`);
}
