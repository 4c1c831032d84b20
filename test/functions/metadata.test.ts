import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { beforeAll, describe, expect, it } from "vitest";
import { localizeMetadata } from "../../scripts/zh-cn-metadata.mjs";
import * as wrappers from "../../src/functions/functions";

/**
 * functions.json is generated from functions.ts' JSDoc at build time; here the same generator
 * runs in-process, so the metadata is checked against the code without a webpack build.
 */
const source = fileURLToPath(new URL("../../src/functions/functions.ts", import.meta.url));

interface Parameter {
  name: string;
  description?: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: Parameter[];
  result?: { dimensionality?: string };
}

/** Every function issue 3 lists, then the assessment functions of issue 6. */
const EXPECTED_IDS = [
  "SCORE_UNIT", "SCORE_BREAKDOWN", "SCORES", "BASE_POINTS", "ITEM_POINTS", "RANK",
  "RANK_IN_GROUP", "GRADE", "WEIGHTED", "BAND", "UNIT_CODE", "SIMILARITY",
  "TIER", "VETO_STREAK", "QUOTA_TARGET",
];

let english: { functions: FunctionMetadata[] };
let chinese: { functions: FunctionMetadata[] };
let associations: { functionName: string; id: string }[];

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(source);
  expect(result.errors).toEqual([]);
  english = JSON.parse(result.metadataJson);
  associations = result.associate;
  chinese = JSON.parse(localizeMetadata(result.metadataJson, readFileSync(source, "utf8"), source));
});

describe("functions.json", () => {
  it("declares every function of the issue, and nothing else", () => {
    expect(english.functions.map((f) => f.id).sort()).toEqual([...EXPECTED_IDS].sort());
  });

  it("has ASCII ids and names, so formulas read the same in every Excel language", () => {
    for (const fn of english.functions) {
      expect(fn.id).toMatch(/^[A-Z][A-Z0-9_.]*$/);
      expect(fn.name).toBe(fn.id);
    }
  });

  it("associates every exported wrapper, by its JavaScript name", () => {
    const exported = Object.keys(wrappers).sort();
    expect(associations.map((a) => a.functionName).sort()).toEqual(exported);
  });

  it("documents every function and parameter in English", () => {
    for (const fn of english.functions) {
      expect(fn.description, fn.id).toMatch(/^[A-Z"]/);
      expect(fn.parameters.length, fn.id).toBeGreaterThan(0);
      for (const p of fn.parameters) expect(p.description, `${fn.id}.${p.name}`).toMatch(/\w{3}/);
    }
  });

  it("says in SCORE_UNIT's and SCORES' descriptions which form to use for a whole table", () => {
    const byId = new Map(english.functions.map((f) => [f.id, f]));
    expect(byId.get("SCORE_UNIT")!.description).toMatch(/whole table of units use LEAGUE\.SCORES/);
    expect(byId.get("SCORES")!.description).toMatch(/whole table/);
  });

  it("takes ranges as matrices and spills the table functions", () => {
    const byId = new Map(english.functions.map((f) => [f.id, f]));
    const dims = (id: string) => Object.fromEntries(byId.get(id)!.parameters.map((p) => [p.name, p.dimensionality ?? "scalar"]));
    expect(dims("SCORE_UNIT")).toEqual({ unit: "scalar", register: "matrix", period: "scalar", rubric: "scalar" });
    expect(dims("RANK_IN_GROUP")).toMatchObject({ values: "matrix", group: "scalar", groups: "matrix" });
    expect(dims("GRADE")).toEqual({ score: "scalar", scale: "matrix" });
    expect(dims("TIER")).toEqual({ value: "scalar", values: "matrix", tiers: "scalar" });
    expect(dims("VETO_STREAK")).toEqual({ levels: "matrix", label: "scalar", n: "scalar" });
    expect(dims("QUOTA_TARGET")).toEqual({ base: "scalar" });
    expect(byId.get("TIER")!.parameters.filter((p) => p.optional).map((p) => p.name)).toEqual(["tiers"]);
    expect(byId.get("VETO_STREAK")!.parameters.filter((p) => p.optional).map((p) => p.name)).toEqual(["label", "n"]);
    expect(byId.get("SCORES")!.result?.dimensionality).toBe("matrix");
    expect(byId.get("SCORE_BREAKDOWN")!.result?.dimensionality).toBe("matrix");
    expect(byId.get("SCORE_UNIT")!.parameters.filter((p) => p.optional).map((p) => p.name)).toEqual(["period", "rubric"]);
  });
});

describe("functions.zh-cn.json", () => {
  it("has the same functions and parameters, with Chinese descriptions", () => {
    expect(chinese.functions.map((f) => [f.id, f.parameters.map((p) => p.name)])).toEqual(
      english.functions.map((f) => [f.id, f.parameters.map((p) => p.name)]),
    );
    for (const fn of chinese.functions) {
      expect(fn.description, fn.id).toMatch(/[\u4e00-\u9fff]/);
      for (const p of fn.parameters) expect(p.description, `${fn.id}.${p.name}`).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("fails the build when a function or parameter has no Chinese text", () => {
    const text = readFileSync(source, "utf8");
    const metadata = JSON.stringify(english);
    expect(() => localizeMetadata(metadata, text.replace("@zhparam register 信息报送登记表区域，含表头行（", "@zhparam registry （"), source)).toThrow(
      /SCORE_UNIT: @zhparam register/,
    );
    expect(() => localizeMetadata(metadata, text.replace(/@zh 按任一细则预设的等次分档.*\n/, ""), source)).toThrow(/GRADE: @zh/);
  });
});
