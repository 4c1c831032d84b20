import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cellAddress, type Grid } from "../../../src/engine/cells";
import type { SheetSpec } from "../../../src/engine/layout/sheet-spec";
import { PRESETS } from "../../../src/engine/presets";
import { dongguanAnnualRubric } from "../../../src/engine/presets/dongguan-annual";
import { hunanWmhRubric } from "../../../src/engine/presets/hunan-wmh";
import type { TieredRubric, WeightedRubric } from "../../../src/engine/rubric/assessment-rubrics";
import { sheetToRubric } from "../../../src/engine/rubric-sheet/reader";
import { rubricToSheet } from "../../../src/engine/rubric-sheet/writer";
import type { SheetData } from "../../../src/engine/sheet";

function render(spec: SheetSpec): SheetData {
  const values: Grid = [];
  for (const block of spec.blocks) {
    block.values.forEach((row, r) => {
      const line = (values[block.row + r] ??= []);
      row.forEach((value, c) => (line[block.column + c] = value));
    });
  }
  return { name: spec.name, originRow: 0, originColumn: 0, values: Array.from(values, (row) => Array.from(row ?? [], (v) => v ?? null)) };
}

/** Names staff might use: Chinese or Latin, no list separators, no surrounding spaces. */
const name = fc.stringMatching(/^[甲乙丙丁戊己庚辛壬癸A-Za-z][甲乙丙丁戊己庚辛壬癸A-Za-z0-9]{0,5}$/);

/** Weights in whole percent that add up to 100. */
const weights = fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 5 }).map((cuts) => {
  const sorted = [...cuts].sort((a, b) => a - b);
  return [...sorted, 100].map((cut, i) => cut - (i === 0 ? 0 : sorted[i - 1]));
});

/** Descending distinct thresholds in hundredths. */
const thresholds = fc.uniqueArray(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 5 }).map((list) => list.sort((a, b) => b - a).map((n) => n / 100));

const weightedRubric: fc.Arbitrary<WeightedRubric> = fc
  .record({ weights, thresholds, names: fc.uniqueArray(name, { minLength: 12, maxLength: 12 }), markers: fc.array(name, { maxLength: 3 }) })
  .map(({ weights: w, thresholds: t, names, markers }) => ({
    ...dongguanAnnualRubric,
    components: w.map((weight, i) => ({ name: names[i], weight: weight / 100 })),
    grades: { ...dongguanAnnualRubric.grades, bands: t.map((atLeast, i) => ({ atLeast, value: names[6 + i] })), below: names[11] },
    alwaysAssessed: markers,
  }));

/** Whole-percent shares above 0 for n tiers that add up to 100, or none (near-equal tiers). */
const tierShares = (n: number) =>
  fc.option(
    fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: n - 1, maxLength: n - 1 }).map((cuts) => {
      const sorted = [...cuts].sort((a, b) => a - b);
      return [...sorted, 100].map((cut, i) => (cut - (i === 0 ? 0 : sorted[i - 1])) / 100);
    }),
    { nil: null },
  );

const tieredRubric: fc.Arbitrary<TieredRubric> = fc
  .record({
    adjustments: fc.integer({ min: 4, max: 5 }).chain((n) => fc.tuple(fc.array(fc.integer({ min: -50, max: 50 }), { minLength: n, maxLength: n }), tierShares(n))),
    quotas: fc.uniqueArray(fc.record({ unit: name, base: fc.integer({ min: 0, max: 30 }) }), { maxLength: 8, selector: (q) => q.unit }),
    multiplier: fc.integer({ min: 1, max: 20 }),
  })
  .map(({ adjustments, quotas, multiplier }) => ({
    ...hunanWmhRubric,
    tiers: adjustments[0].map((a, i) => ({ tier: i + 1, quotaAdjustment: a / 100, share: adjustments[1]?.[i] ?? null })),
    quotas,
    quotaMultiplier: multiplier,
  }));

describe("rubric sheet properties", () => {
  it("round-trips any weighted rubric with weights adding up to 100% and contiguous bands", () => {
    fc.assert(fc.property(weightedRubric, (rubric) => {
      expect(sheetToRubric(render(rubricToSheet(rubric)))).toEqual({ rubric, issues: [] });
    }));
  });

  it("round-trips any tier table and quota table", () => {
    fc.assert(fc.property(tieredRubric, (rubric) => {
      expect(sheetToRubric(render(rubricToSheet(rubric)))).toEqual({ rubric, issues: [] });
    }));
  });

  it("never falls back: any number cell of any preset turned into text is an error at that cell", () => {
    const cases = Object.values(PRESETS).flatMap((preset) => {
      const sheet = render(rubricToSheet(preset));
      return sheet.values.flatMap((row, r) => row.flatMap((value, c) => (typeof value === "number" ? [{ preset, r, c }] : [])));
    });
    fc.assert(
      fc.property(fc.constantFrom(...cases), ({ preset, r, c }) => {
        const sheet = render(rubricToSheet(preset));
        sheet.values[r][c] = "某值";
        const read = sheetToRubric(sheet);
        expect(read.rubric).toBeUndefined();
        expect(read.issues.map((i) => i.cell)).toContain(cellAddress(r, c));
      }),
      { numRuns: 200 },
    );
  });
});
