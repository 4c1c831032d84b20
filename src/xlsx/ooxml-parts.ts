/**
 * The parts ExcelJS cannot write, added to a saved .xlsx package afterwards: native bar charts
 * (chart, drawing, relationships, content types) and the custom document property that marks
 * the add-in's own sheets. Every part is built as XML text with escaped values; nothing here
 * reads or changes a part that belongs to the user's sheets other than adding a <drawing> link
 * to a generated sheet.
 */
import JSZip from "jszip";
import type { ChartData } from "../port/plan";
import { quoteSheetName } from "../port/plan";

/** A chart placed on a generated sheet, as `save` collects them. */
export interface PlacedChart {
  sheet: string;
  data: ChartData;
  /** Size in cells; the spec may set it. */
  rows: number;
  columns: number;
  valueAxisTitle?: string;
}

/** The custom document property that lists the add-in's sheets. */
export const OWNED_PROPERTY = "LeagueOwnedSheets";

const NS = {
  rel: "http://schemas.openxmlformats.org/package/2006/relationships",
  officeRel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  chart: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  drawingMain: "http://schemas.openxmlformats.org/drawingml/2006/main",
  spreadsheetDrawing: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  customProps: "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties",
  vt: "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
};

const TYPES = {
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  custom: "application/vnd.openxmlformats-officedocument.custom-properties+xml",
};

/** Escapes text for XML content and attribute values. */
export function xmlEscape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

function xmlUnescape(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** Absolute reference for a chart formula: 'Sheet'!$A$2:$A$9. */
function absolute(sheet: string, range: string): string {
  return `${quoteSheetName(sheet)}!${range.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}`;
}

function stringCache(values: readonly string[]): string {
  const points = values.map((v, i) => `<c:pt idx="${i}"><c:v>${xmlEscape(v)}</c:v></c:pt>`).join("");
  return `<c:strCache><c:ptCount val="${values.length}"/>${points}</c:strCache>`;
}

function numberCache(values: readonly (number | null)[]): string {
  const points = values
    .map((v, i) => (v === null || v === undefined ? "" : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`))
    .join("");
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache>`;
}

/** A clustered horizontal bar chart, one series per system, with cached values so it draws before recalculation. */
export function chartXml(placed: PlacedChart): string {
  const { chart, categoriesRange, seriesRanges } = placed.data;
  const series = chart.series
    .map((s, i) => {
      const ranges = seriesRanges[i];
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx><c:strRef><c:f>${xmlEscape(absolute(placed.sheet, ranges.nameCell))}</c:f>${stringCache([s.name])}</c:strRef></c:tx>` +
        `<c:invertIfNegative val="0"/>` +
        `<c:cat><c:strRef><c:f>${xmlEscape(absolute(placed.sheet, categoriesRange))}</c:f>${stringCache(chart.categories)}</c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${xmlEscape(absolute(placed.sheet, ranges.values))}</c:f>${numberCache(s.values)}</c:numRef></c:val>` +
        `</c:ser>`
      );
    })
    .join("");
  const title = (text: string) =>
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${xmlEscape(text)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS.chart}" xmlns:a="${NS.drawingMain}" xmlns:r="${NS.officeRel}">` +
    `<c:roundedCorners val="0"/>` +
    `<c:chart>${title(chart.title)}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}` +
    `<c:gapWidth val="60"/><c:overlap val="100"/><c:axId val="1001"/><c:axId val="1002"/></c:barChart>` +
    // Categories run top to bottom in published order, so the category axis is reversed.
    `<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="1002"/><c:crosses val="autoZero"/>` +
    `<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="t"/>` +
    `<c:majorGridlines/>${placed.valueAxisTitle ? title(placed.valueAxisTitle) : ""}` +
    `<c:numFmt formatCode="General" sourceLinked="1"/><c:tickLblPos val="nextTo"/><c:crossAx val="1001"/><c:crosses val="max"/>` +
    `<c:crossBetween val="between"/></c:valAx></c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="0"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `</c:chartSpace>`
  );
}

function drawingXml(anchors: { placed: PlacedChart; relId: string }[]): string {
  const frames = anchors
    .map(({ placed, relId }, i) => {
      const { anchorRow, anchorColumn } = placed.data.chart;
      return (
        `<xdr:twoCellAnchor editAs="oneCell">` +
        `<xdr:from><xdr:col>${anchorColumn}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${anchorRow}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
        `<xdr:to><xdr:col>${anchorColumn + placed.columns}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${anchorRow + placed.rows}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="Chart ${i + 1}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
        `<a:graphic><a:graphicData uri="${NS.chart}"><c:chart xmlns:c="${NS.chart}" r:id="${relId}"/></a:graphicData></a:graphic>` +
        `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
      );
    })
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="${NS.spreadsheetDrawing}" xmlns:a="${NS.drawingMain}" xmlns:r="${NS.officeRel}">${frames}</xdr:wsDr>`
  );
}

function relationshipsXml(rels: { id: string; type: string; target: string }[]): string {
  const body = rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${xmlEscape(r.target)}"/>`).join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.rel}">${body}</Relationships>`;
}

/** Adds a relationship to a .rels part (creating it), returning the new id. */
async function addRelationship(zip: JSZip, relsPath: string, type: string, target: string): Promise<string> {
  const existing = await zip.file(relsPath)?.async("string");
  const ids = existing ? [...existing.matchAll(/Id="rId(\d+)"/g)].map((m) => Number(m[1])) : [];
  const id = `rId${Math.max(0, ...ids) + 1}`;
  const relation = `<Relationship Id="${id}" Type="${type}" Target="${xmlEscape(target)}"/>`;
  zip.file(relsPath, existing ? existing.replace("</Relationships>", `${relation}</Relationships>`) : relationshipsXml([{ id, type, target }]));
  return id;
}

async function addContentType(zip: JSZip, partName: string, type: string): Promise<void> {
  const path = "[Content_Types].xml";
  const types = (await zip.file(path)!.async("string")).replace(new RegExp(`<Override PartName="${partName}"[^>]*/>`), "");
  zip.file(path, types.replace("</Types>", `<Override PartName="${partName}" ContentType="${type}"/></Types>`));
}

/** Sheet name → the path of its XML part, from the workbook's relationships. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /Id="([^"]+)"/.exec(m[0])?.[1];
    const target = /Target="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const parts = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(m[0])?.[1];
    const id = /r:id="([^"]+)"/.exec(m[0])?.[1];
    if (name !== undefined && id && targets.has(id)) parts.set(xmlUnescape(name), targets.get(id)!);
  }
  return parts;
}

function nextIndex(zip: JSZip, pattern: RegExp): number {
  let max = 0;
  zip.forEach((path) => {
    const m = pattern.exec(path);
    if (m) max = Math.max(max, Number(m[1]));
  });
  return max + 1;
}

/** Elements that must follow <drawing> inside <worksheet>, in schema order. */
const AFTER_DRAWING = ["legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];

/** Adds the charts to their sheets' drawings. */
async function addCharts(zip: JSZip, charts: readonly PlacedChart[]): Promise<void> {
  const parts = await sheetParts(zip);
  const bySheet = new Map<string, PlacedChart[]>();
  for (const chart of charts) bySheet.set(chart.sheet, [...(bySheet.get(chart.sheet) ?? []), chart]);
  let chartIndex = nextIndex(zip, /^xl\/charts\/chart(\d+)\.xml$/);
  let drawingIndex = nextIndex(zip, /^xl\/drawings\/drawing(\d+)\.xml$/);
  for (const [sheet, placed] of bySheet) {
    const sheetPath = parts.get(sheet);
    if (!sheetPath) throw new Error(`图表所在的工作表不存在 / No sheet "${sheet}" for a chart`);
    const drawingPath = `xl/drawings/drawing${drawingIndex}.xml`;
    const drawingRels = `xl/drawings/_rels/drawing${drawingIndex}.xml.rels`;
    const anchors: { placed: PlacedChart; relId: string }[] = [];
    for (const chart of placed) {
      const chartPath = `xl/charts/chart${chartIndex++}.xml`;
      zip.file(chartPath, chartXml(chart));
      await addContentType(zip, `/${chartPath}`, TYPES.chart);
      const relId = await addRelationship(zip, drawingRels, `${NS.officeRel}/chart`, `../charts/${chartPath.split("/").pop()}`);
      anchors.push({ placed: chart, relId });
    }
    zip.file(drawingPath, drawingXml(anchors));
    await addContentType(zip, `/${drawingPath}`, TYPES.drawing);
    const folder = sheetPath.slice(0, sheetPath.lastIndexOf("/"));
    const file = sheetPath.slice(sheetPath.lastIndexOf("/") + 1);
    const relId = await addRelationship(zip, `${folder}/_rels/${file}.rels`, `${NS.officeRel}/drawing`, `../drawings/drawing${drawingIndex}.xml`);
    drawingIndex++;
    let xml = await zip.file(sheetPath)!.async("string");
    if (!/<worksheet\b[^>]*xmlns:r=/.test(xml)) xml = xml.replace("<worksheet", `<worksheet xmlns:r="${NS.officeRel}"`);
    const drawing = `<drawing r:id="${relId}"/>`;
    const follower = AFTER_DRAWING.map((tag) => xml.indexOf(`<${tag}`)).filter((i) => i >= 0).sort((a, b) => a - b)[0];
    xml = follower === undefined ? xml.replace("</worksheet>", `${drawing}</worksheet>`) : xml.slice(0, follower) + drawing + xml.slice(follower);
    zip.file(sheetPath, xml);
  }
}

/** Sheet name → its sheetId attribute in workbook.xml. */
async function sheetIds(zip: JSZip): Promise<Map<string, string>> {
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const ids = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(m[0])?.[1];
    const id = /sheetId="([^"]+)"/.exec(m[0])?.[1];
    if (name !== undefined && id) ids.set(xmlUnescape(name), id);
  }
  return ids;
}

interface OwnedEntry {
  name: string;
  sheetId: string;
  ownerKey: string;
}

/**
 * Writes the owned-sheets list as a custom document property (replacing any earlier one).
 * Each entry keeps the sheet's name and its sheetId, and counts only while both still match:
 * a generated sheet the user renames, or a new user sheet given an old name, is the user's.
 */
async function writeOwnedProperty(zip: JSZip, owned: Record<string, string>): Promise<void> {
  const ids = await sheetIds(zip);
  const entries: OwnedEntry[] = Object.entries(owned)
    .filter(([name]) => ids.has(name))
    .map(([name, ownerKey]) => ({ name, sheetId: ids.get(name)!, ownerKey }));
  const path = "docProps/custom.xml";
  const existing = await zip.file(path)?.async("string");
  const value = `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="PID" name="${OWNED_PROPERTY}"><vt:lpwstr>${xmlEscape(JSON.stringify(entries))}</vt:lpwstr></property>`;
  let xml: string;
  if (existing) {
    xml = existing.replace(new RegExp(`<property\\b[^>]*name="${OWNED_PROPERTY}"[^>]*>[\\s\\S]*?</property>`), "");
    xml = xml.includes("</Properties>") ? xml.replace("</Properties>", `${value}</Properties>`) : xml.replace(/<Properties([^>]*)\/>/, `<Properties$1>${value}</Properties>`);
  } else {
    xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="${NS.customProps}" xmlns:vt="${NS.vt}">${value}</Properties>`;
    await addRelationship(zip, "_rels/.rels", `${NS.officeRel}/custom-properties`, "docProps/custom.xml");
    await addContentType(zip, "/docProps/custom.xml", TYPES.custom);
  }
  // Property ids start at 2 and must be unique.
  let pid = 2;
  xml = xml.replace(/pid="[^"]*"/g, () => `pid="${pid++}"`);
  zip.file(path, xml);
}

/** Reads the owned-sheets list (sheet name → owner key) from a package, or {} when absent or unreadable. */
export async function readOwnedProperty(zip: JSZip): Promise<Record<string, string>> {
  const xml = await zip.file("docProps/custom.xml")?.async("string");
  const match = xml && new RegExp(`name="${OWNED_PROPERTY}"[^>]*>\\s*<vt:lpwstr>([\\s\\S]*?)</vt:lpwstr>`).exec(xml);
  if (!match) return {};
  try {
    const parsed = JSON.parse(xmlUnescape(match[1])) as unknown;
    if (!Array.isArray(parsed)) return {};
    const ids = await sheetIds(zip);
    const owned: Record<string, string> = {};
    for (const entry of parsed as Partial<OwnedEntry>[]) {
      if (typeof entry?.name !== "string" || typeof entry.ownerKey !== "string") continue;
      if (ids.get(entry.name) === entry.sheetId) owned[entry.name] = entry.ownerKey;
    }
    return owned;
  } catch {
    // A damaged marker means no sheet is known to be ours: every sheet is then treated as the user's.
    return {};
  }
}

/** Adds the charts and the owned-sheets property to a package ExcelJS wrote. */
export async function finishPackage(buffer: Uint8Array, charts: readonly PlacedChart[], owned: Record<string, string>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(buffer);
  if (charts.length > 0) await addCharts(zip, charts);
  await writeOwnedProperty(zip, owned);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
