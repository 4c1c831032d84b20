/**
 * Round trips per user action against the mock workbook, for the benchmark: the sync count and
 * the largest request and response of reading a register (validate) and of writing ranking
 * sheets (rank) at a given size.
 */
import { OfficeWorkbook } from "../../src/excel/office-workbook";
import { readAllSheets } from "../../src/port/read-all";
import { rankingSpec, registerGrid } from "../port/spec-fixtures";
import { FakeExcel } from "./fake-excel";

export interface RoundTrips {
  action: "read register" | "write ranking";
  rows: number;
  syncs: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
}

export async function measureRoundTrips(rows: number): Promise<RoundTrips[]> {
  const excel = new FakeExcel();
  excel.addSheet("信息报送", registerGrid(rows - 1));
  const port = new OfficeWorkbook(excel.run, { settings: excel.settings, supports: () => true });
  const measure = async (action: RoundTrips["action"], work: () => Promise<unknown>): Promise<RoundTrips> => {
    excel.resetStats();
    await work();
    return { action, rows, syncs: excel.syncCount, maxRequestBytes: excel.maxRequestBytes, maxResponseBytes: excel.maxResponseBytes };
  };
  return [
    await measure("read register", () => readAllSheets(port)),
    await measure("write ranking", () => port.writeSheets([rankingSpec(rows)])),
  ];
}

// Run directly: npx tsx test/excel/round-trips.ts
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const rows of [100, 10_000, 100_000]) for (const line of await measureRoundTrips(rows)) console.log(JSON.stringify(line));
}
