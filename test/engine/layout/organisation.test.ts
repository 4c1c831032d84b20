import { describe, expect, it } from "vitest";
import type { CellValue } from "../../../src/engine/cells";
import { organisationFromRoster } from "../../../src/engine/layout/organisation";
import { findTable } from "../../../src/engine/tables";
import { sheet } from "./ranking-support";

function organisationOf(values: CellValue[][]): string {
  const roster = sheet("单位名单", values);
  const match = findTable(roster.name, roster.values, "roster");
  if (!match) throw new Error("no roster table");
  return organisationFromRoster(roster, match);
}

const TABLE: CellValue[][] = [["单位名称", "系统"], ["双井街道团工委", "街道系统"]];

describe("organisationFromRoster", () => {
  it.each([
    ["a label and its value", [["组织名称", "朝阳共青团"], []], "朝阳共青团"],
    ["a label with a colon, value further right", [["组织名称：", null, " 朝阳共青团 "]], "朝阳共青团"],
    ["label and value in one cell", [["组织名称：共青团北京市朝阳区委员会"]], "共青团北京市朝阳区委员会"],
    ["an English label", [["Organisation", "Chaoyang Youth League"]], "Chaoyang Youth League"],
    ["a plain title is not a label", [["2013年基层团组织名单"]], ""],
    ["a label with no value", [["组织名称", ""]], ""],
    ["nothing above the table", [], ""],
  ] as [string, CellValue[][], string][])("%s", (_name, above, expected) => {
    expect(organisationOf([...above, ...TABLE])).toBe(expected);
  });

  it("does not read below the header row", () => {
    expect(organisationOf([...TABLE, ["组织名称", "朝阳共青团"]])).toBe("");
  });
});
