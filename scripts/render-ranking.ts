/**
 * Renders the README picture of a generated ranking sheet: the bundled sample workbook is
 * ranked, the sheets are written through the .xlsx port exactly as `league rank --out` writes
 * them, LibreOffice prints the file to PDF, and poppler turns the first page into a PNG.
 *
 *   npx tsx scripts/render-ranking.ts [docs/ranking-sheet.png] [--ties merge|repeat|label]
 *
 * Needs `soffice` (apt: libreoffice-calc-nogui, fonts-noto-cjk) and `pdftoppm` (poppler-utils).
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { analyzeInfo } from "../src/engine/analyze";
import { organisationFromRoster } from "../src/engine/layout/organisation";
import { buildRankingSheets, TIE_STYLES, type TieStyle } from "../src/engine/layout/ranking-sheets";
import { chaoyangInfo } from "../src/engine/presets/chaoyang-info";
import { buildSampleWorkbook } from "../src/sample/sample-workbook";
import { XlsxWorkbook } from "../src/xlsx/xlsx-workbook";

async function render(target: string, ties: TieStyle): Promise<void> {
  const { sheets } = buildSampleWorkbook();
  const result = analyzeInfo(sheets, { rubric: chaoyangInfo, period: "2013" });
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join("; "));
  const { analysis } = result;
  const roster = analysis.tables.roster!;
  const organisation = organisationFromRoster(sheets.find((s) => s.name === roster.sheet)!, roster);
  // Only the publication sheet, so that page 1 of the PDF is its first page.
  const [publication] = buildRankingSheets(analysis, { organisation, ties, extraColumns: ["base", "bonus", "penalty"] });

  const work = mkdtempSync(join(tmpdir(), "league-render-"));
  const xlsx = join(work, "ranking.xlsx");
  const workbook = XlsxWorkbook.create();
  await workbook.writeSheets([publication]);
  await workbook.save(xlsx);
  execFileSync("soffice", [`-env:UserInstallation=file://${work}/profile`, "--headless", "--convert-to", "pdf", "--outdir", work, xlsx], { stdio: "pipe" });
  execFileSync("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", join(work, "ranking.pdf"), join(work, "page")]);
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(join(work, "page.png"), target);
  process.stdout.write(`${target}\n`);
}

const args = process.argv.slice(2);
const tiesAt = args.indexOf("--ties");
const ties = (tiesAt >= 0 ? args.splice(tiesAt, 2)[1] : "merge") as TieStyle;
if (!TIE_STYLES.includes(ties)) throw new Error(`--ties must be one of ${TIE_STYLES.join(", ")}`);
await render(resolve(args[0] ?? "docs/ranking-sheet.png"), ties);
