import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { CellValue } from "../../src/engine/cells";
import type { SheetData } from "../../src/engine/sheet";
import { sheet } from "./workbook";

/**
 * The preset scenario files in test/fixtures/presets: an input workbook as grids, the
 * command-line options, and the expected units. Tests read them as sheets for the engine, or
 * write them as real .xlsx files for the command line.
 */
export interface PresetFixture {
  description: string;
  args: string[];
  sheets: { name: string; rows: CellValue[][] }[];
  expected: { rubric: string; period: string; units: Record<string, unknown>[] };
}

const fixtureDir = join(__dirname, "../fixtures/presets");

export function readPresetFixtures(): PresetFixture[] {
  return readdirSync(fixtureDir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(fixtureDir, f), "utf8")) as PresetFixture);
}

export function presetFixture(rubric: string): PresetFixture {
  const found = readPresetFixtures().find((f) => f.expected.rubric === rubric);
  if (!found) throw new Error(`no preset fixture for ${rubric}`);
  return found;
}

/** The fixture's workbook as the sheets a port would hand over. */
export function fixtureSheets(fixture: PresetFixture): SheetData[] {
  return fixture.sheets.map(({ name, rows }) => sheet(name, rows));
}

/** The value of a `--name value` pair among the fixture's command-line options. */
export function fixtureOption(fixture: PresetFixture, name: string): string | undefined {
  const at = fixture.args.indexOf(`--${name}`);
  return at < 0 ? undefined : fixture.args[at + 1];
}

/** Writes grids as a real .xlsx, one worksheet per grid, blank cells left empty. */
export async function writeXlsx(path: string, sheets: PresetFixture["sheets"]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const { name, rows } of sheets) {
    const worksheet = workbook.addWorksheet(name);
    rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== null && value !== undefined) worksheet.getCell(r + 1, c + 1).value = value as ExcelJS.CellValue;
      }),
    );
  }
  await workbook.xlsx.writeFile(path);
}
