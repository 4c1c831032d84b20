import { describe, expect, it } from "vitest";
import type { CellValue } from "../../src/engine/cells";
import { dateToSerial } from "../../src/engine/dates";
import { disagreements, engineFigures, evaluateFormulas } from "../../bench/lib/formula-workbook";
import { generateWorkload, REGISTER_HEADER, type Workload } from "../../bench/lib/workload";

/** A workload from hand-written register rows: [unit, month, type, adoptions, violation]. */
function handWorkload(units: [string, string][], items: [string, number, string, string, string][]): Workload {
  const register: CellValue[][] = [[...REGISTER_HEADER]];
  items.forEach(([unit, month, type, adoptions, violation], i) => {
    register.push([unit, dateToSerial({ year: 2013, month, day: (i % 28) + 1 }), type, `第${i + 1}条`, 400, adoptions, violation]);
  });
  const roster: CellValue[][] = [["序号", "单位名称", "所属系统"], ...units.map(([name, system], i) => [i + 1, name, system])];
  return {
    units: units.map(([name, system]) => ({ name, system })),
    rows: items.length,
    sheets: [
      { name: "单位名单", originRow: 0, originColumn: 0, values: roster },
      { name: "信息报送", originRow: 0, originColumn: 0, values: register },
    ],
  };
}

const events = (unit: string, months: number[], perMonth: number) =>
  months.flatMap((month) => Array.from({ length: perMonth }, () => [unit, month, "事件类", "", ""] as [string, number, string, string, string]));

describe("the native-formula workbook (today's way) as a correctness oracle", () => {
  it("encodes RUBRICS §1 on its worked examples, independently of the engine", () => {
    const allButMarch = [1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    const workload = handWorkload(
      [["甲街道团工委", "街道系统"], ["乙街道团工委", "街道系统"], ["丙地区团委", "地区系统"]],
      [
        // 甲: 44 items, none in March: ≥ 36 in the year scores the full 12.
        ...events("甲街道团工委", allButMarch, 4),
        // 乙: 35 items, 10 months with ≥ 3 (one with 5), then 2 and 1: scores 10.
        ...events("乙街道团工委", [1, 2, 3, 4, 5, 6, 7, 8, 9], 3),
        ...events("乙街道团工委", [10], 5),
        ...events("乙街道团工委", [11], 2),
        // …the 35th, comprehensive, on the district site and 北京团讯: 2 + 3 + 3.
        ["乙街道团工委", 12, "综合类", "团区委网站、北京团讯", ""],
        // 丙: 朝阳团讯 does not take comprehensive items (0), an event on 朝阳新闻 (3), one penalty (−2).
        ["丙地区团委", 5, "综合类", "朝阳团讯", ""],
        ["丙地区团委", 6, "事件类", "朝阳新闻", "重复信息"],
      ],
    );
    const formulas = evaluateFormulas(workload);
    expect(formulas.get("乙街道团工委")).toEqual({ total: 10 + 8, rank: 1, systemRank: 1 });
    expect(formulas.get("甲街道团工委")).toEqual({ total: 12, rank: 2, systemRank: 2 });
    expect(formulas.get("丙地区团委")).toEqual({ total: 0 + 2 + 3 - 2, rank: 3, systemRank: 1 });
    expect(disagreements(engineFigures(workload), formulas)).toEqual([]);
  });

  it("agrees with the engine on every total and rank of a generated register", () => {
    const workload = generateWorkload({ units: 12, rows: 12 * 40, spelling: "canonical", seed: 99 });
    const engine = engineFigures(workload);
    const formulas = evaluateFormulas(workload);
    expect(engine.size).toBe(12);
    expect(disagreements(engine, formulas)).toEqual([]);
    // The register has real ties and real spread, so the ranks are a test of something.
    const totals = [...engine.values()].map((f) => f.total);
    expect(new Set(totals).size).toBeGreaterThan(3);
  });

  it("reports a unit whose figures differ", () => {
    const workload = generateWorkload({ units: 6, rows: 6 * 40, spelling: "canonical", seed: 5 });
    const engine = engineFigures(workload);
    const [first] = engine.keys();
    const tampered = new Map(evaluateFormulas(workload));
    const theirs = tampered.get(first) as { total: number; rank: number; systemRank: number };
    tampered.set(first, { ...theirs, total: theirs.total + 1 });
    const problems = disagreements(engine, tampered);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(first);
  });
});
