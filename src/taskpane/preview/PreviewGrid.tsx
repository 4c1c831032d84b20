import { Caption1, Tab, TabList, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { cellAddress, cellText, columnLetters, parseCellAddress } from "../../engine/cells";
import { useStrings } from "../services";
import type { MemoryWorkbook } from "./memory-workbook";

/** Pixel sizes of the grid; rows are fixed-height so only the visible ones are drawn. */
const ROW_HEIGHT = 24;
const HEADER_HEIGHT = 24;
const ROW_HEADER_WIDTH = 52;
const DEFAULT_COLUMN_WIDTH = 96;
const PIXELS_PER_CHARACTER = 8;
/** Rows drawn above and below the visible ones, so scrolling never shows a gap. */
const OVERSCAN = 10;
const MIN_COLUMNS = 8;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", height: "100%", minWidth: 0, backgroundColor: tokens.colorNeutralBackground1 },
  nameBox: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    fontFamily: tokens.fontFamilyMonospace,
  },
  scroller: { flexGrow: 1, overflow: "auto", position: "relative" },
  row: { display: "flex", position: "absolute", left: 0, height: `${ROW_HEIGHT}px` },
  cell: {
    boxSizing: "border-box",
    flexShrink: 0,
    height: `${ROW_HEIGHT}px`,
    lineHeight: `${ROW_HEIGHT - 2}px`,
    paddingInline: tokens.spacingHorizontalXS,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    overflow: "hidden",
    whiteSpace: "nowrap",
    textOverflow: "ellipsis",
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground1,
  },
  number: { textAlign: "right" },
  // Text spills into empty cells to its right, as in Excel (titles of generated sheets are merged across).
  spill: { overflow: "visible", textOverflow: "clip", position: "relative", zIndex: 1 },
  heading: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    textAlign: "center",
    position: "sticky",
  },
  columnHeadings: { position: "sticky", top: 0, zIndex: 2, display: "flex" },
  rowHeading: { left: 0, zIndex: 1 },
  corner: { left: 0, zIndex: 3 },
  selected: { outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px", zIndex: 1 },
  styledHeader: { backgroundColor: tokens.colorBrandBackground2, fontWeight: tokens.fontWeightSemibold },
  bold: { fontWeight: tokens.fontWeightSemibold },
  error: { backgroundColor: tokens.colorPaletteRedBackground2 },
  warning: { backgroundColor: tokens.colorPaletteYellowBackground2 },
  info: { backgroundColor: tokens.colorPaletteBlueBackground2 },
  tabs: { borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, overflowX: "auto", flexShrink: 0 },
  owned: { fontStyle: "italic" },
});

export interface PreviewGridProps {
  workbook: MemoryWorkbook;
}

/** Re-renders on every change of the in-memory workbook. */
function useWorkbookVersion(workbook: MemoryWorkbook): number {
  const version = useRef(0);
  return useSyncExternalStore(
    (notify) =>
      workbook.subscribe(() => {
        version.current++;
        notify();
      }),
    () => version.current,
  );
}

/** A plain spreadsheet view of the preview workbook: sheet tabs, the selection, the highlight layer. */
export function PreviewGrid({ workbook }: PreviewGridProps) {
  const strings = useStrings();
  const styles = useStyles();
  const version = useWorkbookVersion(workbook);
  const selection = workbook.selection;
  const [active, setActive] = useState(workbook.sheets[0]?.name ?? "");
  const [scrollTop, setScrollTop] = useState(0);
  const [viewHeight, setViewHeight] = useState(600);
  const scroller = useRef<HTMLDivElement>(null);

  // Selecting a cell (an issue click, a generated sheet's link) shows its sheet…
  useEffect(() => {
    if (selection) setActive(selection.sheet);
  }, [selection]);

  // …and, once that sheet is drawn (so the scroll height is its own), scrolls the cell into view.
  const shownSheet = (workbook.sheets.find((s) => s.name === active) ?? workbook.sheets[0])?.name;
  useLayoutEffect(() => {
    const element = scroller.current;
    const at = selection && selection.sheet === shownSheet ? parseCellAddress(selection.cell) : null;
    if (!element || !at) return;
    const top = at.row * ROW_HEIGHT;
    if (top < element.scrollTop || top > element.scrollTop + element.clientHeight - 2 * ROW_HEIGHT - HEADER_HEIGHT) {
      element.scrollTop = Math.max(0, top - element.clientHeight / 3);
    }
    setScrollTop(element.scrollTop);
  }, [selection, shownSheet]);

  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setViewHeight(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const sheet = workbook.sheets.find((s) => s.name === active) ?? workbook.sheets[0];
  const layout = useMemo(() => {
    if (!sheet) return undefined;
    // Generated sheets have rows left empty between blocks: the arrays are sparse.
    let columns = Math.max(MIN_COLUMNS, sheet.columnWidths.length);
    for (let r = 0; r < sheet.cells.length; r++) columns = Math.max(columns, sheet.cells[r]?.length ?? 0);
    const widths = Array.from({ length: columns }, (_, c) =>
      sheet.columnWidths[c] ? Math.round(sheet.columnWidths[c] * PIXELS_PER_CHARACTER) : DEFAULT_COLUMN_WIDTH,
    );
    const marks = new Map<string, "error" | "warning" | "info">();
    for (const target of workbook.highlights) if (target.sheet === sheet.name) marks.set(target.cell, target.severity);
    const styled = new Map<string, { bold?: boolean; header?: boolean }>();
    for (const area of sheet.styles) {
      for (let r = 0; r < area.rows; r++) {
        for (let c = 0; c < area.columns; c++) {
          styled.set(cellAddress(area.row + r, area.column + c), { bold: area.style.bold, header: area.style.fill === "header" });
        }
      }
    }
    return { columns, widths, marks, styled, rows: Math.max(sheet.cells.length + 20, 50) };
    // version: the workbook mutates in place; it is the change signal.
  }, [sheet, workbook, version]);

  if (!sheet || !layout) return null;
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(layout.rows, Math.ceil((scrollTop + viewHeight) / ROW_HEIGHT) + OVERSCAN);
  const totalWidth = ROW_HEADER_WIDTH + layout.widths.reduce((a, b) => a + b, 0);
  const selectedHere = selection && selection.sheet === sheet.name ? selection.cell : undefined;

  const rows = [];
  for (let r = first; r < last; r++) {
    const values = sheet.cells[r] ?? [];
    rows.push(
      <div key={r} className={styles.row} style={{ top: HEADER_HEIGHT + r * ROW_HEIGHT, width: totalWidth }} data-row={r + 1}>
        <div className={mergeClasses(styles.cell, styles.heading, styles.rowHeading)} style={{ width: ROW_HEADER_WIDTH }}>
          {r + 1}
        </div>
        {layout.widths.map((width, c) => {
          const address = cellAddress(r, c);
          const value = values[c];
          const mark = layout.marks.get(address);
          const style = layout.styled.get(address);
          return (
            <div
              key={c}
              className={mergeClasses(
                styles.cell,
                typeof value === "number" && styles.number,
                typeof value === "string" && value !== "" && (values[c + 1] === undefined || values[c + 1] === "") && styles.spill,
                style?.header && styles.styledHeader,
                style?.bold && styles.bold,
                mark && styles[mark],
                address === selectedHere && styles.selected,
              )}
              style={{ width }}
              title={cellText(value)}
              data-cell={address}
              data-selected={address === selectedHere ? "true" : undefined}
              data-highlight={mark}
            >
              {cellText(value)}
            </div>
          );
        })}
      </div>,
    );
  }

  return (
    <section className={styles.root} aria-label="preview workbook" data-testid="preview-grid" data-sheet={sheet.name}>
      <Caption1 className={styles.nameBox} data-testid="grid-selection">
        {selection ? strings.gridSelection(selection.sheet, selection.cell) : strings.gridNoSelection}
      </Caption1>
      <div className={styles.scroller} ref={scroller} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
        <div style={{ height: HEADER_HEIGHT + layout.rows * ROW_HEIGHT, width: totalWidth, position: "relative" }}>
          <div className={styles.columnHeadings} style={{ width: totalWidth, height: HEADER_HEIGHT }}>
            <div className={mergeClasses(styles.cell, styles.heading, styles.corner)} style={{ width: ROW_HEADER_WIDTH }} />
            {layout.widths.map((width, c) => (
              <div key={c} className={mergeClasses(styles.cell, styles.heading)} style={{ width }}>
                {columnLetters(c)}
              </div>
            ))}
          </div>
          {rows}
        </div>
      </div>
      <TabList className={styles.tabs} size="small" selectedValue={sheet.name} onTabSelect={(_, data) => setActive(String(data.value))}>
        {workbook.sheets.map((s) => (
          <Tab key={s.name} value={s.name} className={s.ownerKey ? styles.owned : undefined} data-testid="sheet-tab" data-sheet={s.name}>
            {s.name}
            {s.ownerKey ? ` · ${strings.gridOwned}` : ""}
          </Tab>
        ))}
      </TabList>
    </section>
  );
}
