import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import webpack from "webpack";
import { describe, expect, it } from "vitest";
import { ForbidPackagesPlugin } from "../../scripts/webpack-plugins.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|js|mjs)$/.test(name) ? [full] : [];
  });
}

/** Compiles a one-file entry with the forbidding plugin; resolves with webpack's error messages. */
function compile(entrySource: string): Promise<string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), "league-bundle-"));
  writeFileSync(path.join(dir, "entry.js"), entrySource);
  const compiler = webpack({
    mode: "development",
    context: root,
    entry: path.join(dir, "entry.js"),
    output: { path: path.join(dir, "out") },
    resolve: { modules: [path.join(root, "node_modules")] },
    plugins: [new ForbidPackagesPlugin(["hyperformula"])],
  });
  return new Promise((resolve, reject) => {
    compiler.run((error, stats) => {
      compiler.close(() => rmSync(dir, { recursive: true, force: true }));
      if (error || !stats) reject(error);
      else resolve(stats.compilation.errors.map((e) => e.message));
    });
  });
}

describe("HyperFormula stays out of the add-in", () => {
  it("is imported by no shipping source file", () => {
    const offenders = sourceFiles(path.join(root, "src")).filter((file) => /from\s+["']hyperformula|import\(\s*["']hyperformula|require\(\s*["']hyperformula/.test(readFileSync(file, "utf8")));
    expect(offenders).toEqual([]);
  });

  it("fails the webpack build when any module of it reaches a bundle", async () => {
    // By file path: the package's exports field hides package.json from a bare import.
    const file = JSON.stringify(path.join(root, "node_modules", "hyperformula", "package.json"));
    const errors = await compile(`import meta from ${file}; console.log(meta.name);`);
    expect(errors.join("\n")).toMatch(/forbidden package in the bundle: .*node_modules[\\/]hyperformula[\\/]package\.json/);
  });

  it("lets other packages through", async () => {
    const file = JSON.stringify(path.join(root, "node_modules", "fast-check", "package.json"));
    expect(await compile(`import meta from ${file}; console.log(meta.name);`)).toEqual([]);
  });
});
