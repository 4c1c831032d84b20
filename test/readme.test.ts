import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { withRulesTable } from "../scripts/readme-rules";
import { COMMANDS } from "../src/cli/main";

const readme = readFileSync("README.md", "utf8");

describe("README", () => {
  it("lists every validation rule as the catalogue has it (npx tsx scripts/readme-rules.ts)", () => {
    expect(readme).toBe(withRulesTable(readme));
  });

  it("shows every league command", () => {
    for (const name of Object.keys(COMMANDS)) expect(readme).toContain(`league ${name}`);
  });

  it("lists every custom function with an example formula", () => {
    const source = readFileSync("src/functions/functions.ts", "utf8");
    const ids = [...source.matchAll(/@customfunction\s+(\w+)/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(10);
    for (const id of ids) expect(readme).toMatch(new RegExp(`\\| ${id} \\| \`=LEAGUE\\.${id}\\(`));
  });

  it("gives the set-up commands in order", () => {
    const install = readme.indexOf("npm install\nnpm test");
    expect(install).toBeGreaterThan(0);
    expect(readme.indexOf("npm start")).toBeGreaterThan(install);
    expect(readme.indexOf("npm run demo")).toBeGreaterThan(readme.indexOf("npm start"));
    expect(readme.indexOf("## Deploy")).toBeGreaterThan(readme.indexOf("npm run demo"));
  });
});
