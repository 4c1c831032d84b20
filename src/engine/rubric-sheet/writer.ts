import type { BandTable } from "../bands";
import type { CellBlock, SheetSpec, SpecValue } from "../layout/sheet-spec";
import type { Rubric } from "../presets";
import { encodeValue, PARAM_HEADER, sectionTitle, SHEET_MARK, SHEET_NOTE, type ParamDef, type TableDef } from "./format";
import { BAND_TABLES, BANDS, BASIC_PARAMS, BASIC_TITLE, CODECS, KIND_LABELS, PARAMS_TITLE, RANK_METHOD_LABELS, type KindCodec } from "./schema";

/** The owner key of a rubric sheet written from a preset. */
export function rubricSheetKey(id: string): string {
  return `rubric-sheet:${id}`;
}

/**
 * A rubric as an editable sheet (RUBRICS.md §7): 基本信息 and 参数 as label–value rows, then
 * one table per list (channels, penalties, weights, items, modules, tiers, quotas) and the band
 * tables with both bounds of every band, so an office can see gaps and overlaps as it edits.
 * `sheetToRubric` reads it back into an equal rubric.
 * @example rubricToSheet(findPreset("dongguan-annual")!).blocks[0].values // [["评分规则表", "可直接修改…"]]
 */
export function rubricToSheet(rubric: Rubric): SheetSpec {
  const codec = CODECS[rubric.kind] as KindCodec<Rubric>;
  const blocks: CellBlock[] = [{ row: 0, column: 0, values: [[SHEET_MARK, SHEET_NOTE]], style: { bold: true, fill: "title" } }];
  let row = 2;
  const section = (title: string, header: string[], rows: SpecValue[][]) => {
    blocks.push({ row, column: 0, values: [[sectionTitle(title)]], style: { bold: true, fill: "title" } });
    blocks.push({ row: row + 1, column: 0, values: [header], style: { bold: true, fill: "header", border: true } });
    if (rows.length > 0) blocks.push({ row: row + 2, column: 0, values: rows.map((r) => pad(r, header.length)), style: { border: true } });
    row += rows.length + 3;
  };
  const params = (title: string, defs: (ParamDef & { get: (r: Rubric) => unknown })[]) =>
    section(title, PARAM_HEADER, defs.map((d) => [d.label, encodeValue(d.type, d.get(rubric)), d.note ?? ""]));
  const table = (def: TableDef, rows: Record<string, unknown>[]) =>
    section(def.title, def.columns.map((c) => c.header), rows.map((r) => def.columns.map((c) => encodeValue(c.type, r[c.key]))));

  const basic = { id: rubric.id, name: rubric.name, kind: KIND_LABELS[rubric.kind], rankMethod: RANK_METHOD_LABELS[rubric.rankMethod] };
  params(BASIC_TITLE, BASIC_PARAMS.map((d) => ({ ...d, get: () => basic[d.key as keyof typeof basic] })));
  if (codec.params.length > 0) params(PARAMS_TITLE, codec.params);
  for (const def of codec.tables) table(def, def.rows(rubric));
  const bands = codec.bands(rubric);
  if (bands.length > 0) {
    table(BAND_TABLES, bands.map(({ role, table: t }) => ({ id: t.id, role, name: t.name, measure: t.measure, min: t.domain?.min ?? null, max: finiteOrNull(t.domain?.max) })));
    table(BANDS, bands.flatMap(({ table: t }) => bandRows(t)));
  }
  return { name: `评分规则-${rubric.id}`, ownerKey: rubricSheetKey(rubric.id), blocks, columnWidths: [22, 30, 30, 14, 12, 12], freeze: { rows: 1, columns: 0 } };
}

/** Each band with its lower bound and the upper bound the band above sets; the `below` value last. */
function bandRows(table: BandTable<string | number>): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = table.bands.map((band, i) => ({
    table: table.id,
    value: band.value,
    lower: band.atLeast,
    upper: i === 0 ? null : table.bands[i - 1].atLeast,
  }));
  if (table.below !== null) rows.push({ table: table.id, value: table.below, lower: null, upper: table.bands[table.bands.length - 1]?.atLeast ?? null });
  return rows;
}

function finiteOrNull(value: number | undefined): number | null {
  return value === undefined || !Number.isFinite(value) ? null : value;
}

function pad(row: SpecValue[], length: number): SpecValue[] {
  return row.length >= length ? row : [...row, ...Array<SpecValue>(length - row.length).fill("")];
}
