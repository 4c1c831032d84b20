/**
 * The 校验报告 sheet: every issue of a check as one row, with a link from the row to the bad
 * cell. Plain data (a SheetSpec), written through the workbook port like any generated sheet.
 */
import type { Issue } from "../../engine/issues";
import type { CellLink, SheetSpec, SpecValue } from "../../engine/layout/sheet-spec";

export const REPORT_OWNER_KEY = "validation-report";
export const REPORT_SHEET_NAME = "校验报告";

const SEVERITY_LABELS: Record<Issue["severity"], string> = { error: "错误", warning: "警告", info: "提示" };
const HEADER = ["严重程度", "规则", "位置", "工作表", "行", "单位", "期间", "说明", "建议"];
/** The column of the header holding the link text. */
const LINK_COLUMN = 2;
/** Title, summary line, blank line, then the header. */
const HEADER_ROW = 3;

export interface ReportInput {
  issues: readonly Issue[];
  summary: { errors: number; warnings: number; infos: number; rows: number };
  /** When the check ran, as the user reads it, e.g. 2014-01-10 09:30. */
  ranAt: string;
  /** The rubric's name, for the summary line. */
  rubricName: string;
  /** @default "信息报送校验报告"; see `reportTitle` */
  title?: string;
  /** What the summary counts: register rows, or the units of an assessment. @default "行" */
  counted?: "行" | "个单位";
}

/**
 * The report's title for the rubric checked by: the register's report, or the assessment's.
 * @example reportTitle({ name: "东莞共青团年度工作考核", kind: "weighted" }) // "东莞共青团年度工作考核校验报告"
 */
export function reportTitle(rubric: { name: string; kind: string }): string {
  return rubric.kind === "info" ? "信息报送校验报告" : `${rubric.name}校验报告`;
}

/**
 * The report sheet. Messages are written as values, never formulas, so a message that
 * starts with "=" stays text (the ports write every string as text).
 * @example
 * const spec = buildReportSheet({ issues, summary, ranAt: "2014-01-10 09:30", rubricName: "朝阳信息积分" });
 * spec.links?.[0] // { row: 4, column: 2, sheet: "信息报送", cell: "B12" }
 */
export function buildReportSheet(input: ReportInput): SheetSpec {
  const { errors, warnings, infos, rows } = input.summary;
  const body: SpecValue[][] = [];
  const links: CellLink[] = [];
  input.issues.forEach((issue, i) => {
    const located = issue.sheet && issue.cell;
    if (located) links.push({ row: HEADER_ROW + 1 + i, column: LINK_COLUMN, sheet: issue.sheet!, cell: issue.cell! });
    body.push([
      SEVERITY_LABELS[issue.severity],
      issue.rule,
      located ? `${issue.sheet}!${issue.cell}` : "",
      issue.sheet ?? "",
      issue.row ?? null,
      issue.unit ?? "",
      issue.period ?? "",
      issue.message,
      issue.suggestion ?? "",
    ]);
  });
  const width = HEADER.length;
  return {
    name: REPORT_SHEET_NAME,
    ownerKey: REPORT_OWNER_KEY,
    blocks: [
      { row: 0, column: 0, values: [[input.title ?? "信息报送校验报告"]], style: { bold: true, size: 14 } },
      {
        row: 1,
        column: 0,
        values: [[`规则：${input.rubricName}；校验时间：${input.ranAt}；共检查 ${rows} ${input.counted ?? "行"}：错误 ${errors}，警告 ${warnings}，提示 ${infos}`]],
        style: { size: 10 },
      },
      { row: HEADER_ROW, column: 0, values: [HEADER], style: { bold: true, border: true, fill: "header", horizontal: "center" } },
      ...(body.length ? [{ row: HEADER_ROW + 1, column: 0, values: body, style: { border: true, wrap: true } }] : []),
    ],
    merges: [
      { row: 0, column: 0, rows: 1, columns: width },
      { row: 1, column: 0, rows: 1, columns: width },
    ],
    columnWidths: [8, 20, 14, 10, 6, 18, 10, 50, 30],
    freeze: { rows: HEADER_ROW + 1, columns: 0 },
    page: { paperSize: "A4", orientation: "landscape", fitToWidth: true, printTitleRows: { first: HEADER_ROW, last: HEADER_ROW } },
    links,
  };
}
