// Builds the add-in: one page (taskpane.html) that is both the task pane and the shared
// runtime of the LEAGUE.* custom functions, plus functions.json and functions.zh-cn.json.
//
//   npm run build        production bundle in dist/ (set ADDIN_BASE_URL to deploy elsewhere)
//   npm run dev-server   https://localhost:3000 with office-addin-dev-certs
import path from "node:path";
import { fileURLToPath } from "node:url";
import CopyWebpackPlugin from "copy-webpack-plugin";
import CustomFunctionsMetadataPlugin from "custom-functions-metadata-plugin";
import HtmlWebpackPlugin from "html-webpack-plugin";
import { ForbidPackagesPlugin, ZhCnMetadataPlugin } from "./scripts/webpack-plugins.mjs";

const root = path.dirname(fileURLToPath(import.meta.url));
const DEV_URL = "https://localhost:3000/";
const DEV_PORT = 3000;
const FUNCTIONS_SOURCE = "./src/functions/functions.ts";

/** The deployment URL, with a trailing slash; the manifest's localhost URLs are replaced by it. */
function deploymentUrl() {
  const url = process.env.ADDIN_BASE_URL;
  if (!url) return DEV_URL;
  if (!/^https:\/\//.test(url)) throw new Error(`ADDIN_BASE_URL must be an https URL, got ${url}`);
  return url.endsWith("/") ? url : `${url}/`;
}

/**
 * The page's Content-Security-Policy. Scripts come only from this origin and Office's CDN;
 * no eval. Styles allow inline because Fluent UI (Griffel) inserts <style> elements at run time.
 * The dev server's live reload needs its websocket.
 */
function contentSecurityPolicy(serving) {
  const office = "https://appsforoffice.microsoft.com";
  return [
    "default-src 'self'",
    `script-src 'self' ${office}`,
    "worker-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self' ${office}${serving ? ` wss://localhost:${DEV_PORT}` : ""}`,
    `frame-src ${office}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

/**
 * https options from office-addin-dev-certs. When the certificates cannot be made or trusted
 * (no sudo, a headless machine), say so and serve plain http: the bundle can still be
 * inspected in a browser, but Office only loads add-ins over https.
 */
async function httpsServer() {
  try {
    const { getHttpsServerOptions } = await import("office-addin-dev-certs");
    return { type: "https", options: await getHttpsServerOptions() };
  } catch (error) {
    console.warn(
      [
        "",
        "  No trusted development certificate: serving http://localhost:3000 instead of https.",
        "  Office will not load the add-in over http. To fix this, run",
        "    npx office-addin-dev-certs install",
        `  (reason: ${error instanceof Error ? error.message : String(error)})`,
        "",
      ].join("\n"),
    );
    return { type: "http" };
  }
}

/** The manifest with its localhost URLs moved to `baseUrl`; AppDomain takes the bare origin. */
function deployedManifest(xml, baseUrl) {
  return xml.replaceAll(DEV_URL, baseUrl).replaceAll(new URL(DEV_URL).origin, new URL(baseUrl).origin);
}

export default async (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  const serving = Boolean(env.WEBPACK_SERVE);
  const baseUrl = production ? deploymentUrl() : DEV_URL;

  return {
    context: root,
    devtool: "source-map", // never "eval…": the CSP forbids eval
    entry: {
      functions: FUNCTIONS_SOURCE,
      // The task pane shares the functions' webpack runtime and modules: one engine and one
      // register cache per workbook. functions.js stays loadable on its own, as the
      // manifest's Script element expects.
      taskpane: { import: "./src/taskpane/index.tsx", dependOn: "functions" },
    },
    output: {
      path: path.resolve(root, "dist"),
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      publicPath: "auto",
      // dist/cli is the command-line bundle (esbuild) and dist/preview the pane's preview build.
      clean: { keep: /^(cli|preview)[\\/]/ },
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".mjs"],
      extensionAlias: { ".js": [".ts", ".tsx", ".js"] },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Type checking is `npm run typecheck`; the bundle only needs the JavaScript.
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { noEmit: false } } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new ForbidPackagesPlugin(["hyperformula"]),
      new CustomFunctionsMetadataPlugin({ input: FUNCTIONS_SOURCE, output: "functions.json" }),
      new ZhCnMetadataPlugin({ source: FUNCTIONS_SOURCE }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        scriptLoading: "blocking",
        inject: "body",
        templateParameters: { csp: contentSecurityPolicy(serving) },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => deployedManifest(content.toString(), baseUrl),
          },
        ],
      }),
    ],
    devServer: serving
      ? {
          port: DEV_PORT,
          server: await httpsServer(),
          headers: { "Access-Control-Allow-Origin": "*" },
          static: { directory: path.resolve(root, "dist") },
          client: { overlay: false },
        }
      : undefined,
  };
};
