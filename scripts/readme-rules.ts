// Regenerates the validation-rule table in README.md from the rule catalogue, so the two cannot
// drift apart (test/readme.test.ts fails when they do). Run: npx tsx scripts/readme-rules.ts
import { readFileSync, writeFileSync } from "node:fs";
import { RULES } from "../src/engine/validate/rules";

const START = "<!-- rules:start -->";
const END = "<!-- rules:end -->";

/** The Markdown table of every rule, in catalogue order. */
export function rulesTable(): string {
  const rows = RULES.map((rule) => `| \`${rule.id}\` | ${rule.severity} | ${rule.zh} | ${rule.en} |`);
  return ["| id | severity | 检查内容 | what |", "|---|---|---|---|", ...rows].join("\n");
}

/** README text with the table between the markers replaced. */
export function withRulesTable(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error("README.md has no rules markers");
  return `${readme.slice(0, start + START.length)}\n${rulesTable()}\n${readme.slice(end)}`;
}

if (process.argv[1]?.endsWith("readme-rules.ts")) {
  writeFileSync("README.md", withRulesTable(readFileSync("README.md", "utf8")));
}
