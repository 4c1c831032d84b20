/**
 * Preview mode: the task pane beside a grid of the bundled sample workbook, in a plain
 * browser. The pane is the real one; only its port is the in-memory workbook.
 */
import { FluentProvider, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { Root } from "react-dom/client";
import { buildSampleWorkbook } from "../../sample/sample-workbook";
import { App } from "../components/App";
import { createEngineClient, spawnEngineWorker } from "../engine-client";
import { languageOf, type Language } from "../i18n/strings";
import { ServicesProvider, type PaneServices } from "../services";
import { MemoryWorkbook } from "./memory-workbook";
import { PreviewGrid } from "./PreviewGrid";

/** Excel's task pane is about this wide; the preview keeps the pane at that size. */
const PANE_WIDTH = 380;

const useStyles = makeStyles({
  page: { display: "flex", height: "100vh", overflow: "hidden", backgroundColor: tokens.colorNeutralBackground2 },
  grid: { flexGrow: 1, minWidth: 0 },
  pane: {
    width: `${PANE_WIDTH}px`,
    flexShrink: 0,
    overflowY: "auto",
    borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

/** The preview workbook: the sample's sheets in an in-memory port. */
export function samplePreviewWorkbook(): MemoryWorkbook {
  const sample = buildSampleWorkbook();
  return new MemoryWorkbook(sample.sheets.map((sheet) => ({ name: sheet.name, values: sheet.values })));
}

function PreviewPage({ initialLanguage }: { initialLanguage: Language }) {
  const styles = useStyles();
  const [language, setLanguage] = useState(initialLanguage);
  const workbook = useMemo(samplePreviewWorkbook, []);
  const services = useMemo<PaneServices>(
    () => ({ port: workbook, engine: createEngineClient(spawnEngineWorker), mode: "preview", today: () => new Date() }),
    [workbook],
  );
  return (
    <ServicesProvider services={services} language={language}>
      <div className={styles.page}>
        <div className={styles.grid}>
          <PreviewGrid workbook={workbook} />
        </div>
        <aside className={styles.pane} data-testid="task-pane">
          <App onToggleLanguage={() => setLanguage((l) => (l === "zh" ? "en" : "zh"))} />
        </aside>
      </div>
    </ServicesProvider>
  );
}

export function renderPreview(root: Root): void {
  root.render(
    <FluentProvider theme={webLightTheme}>
      <PreviewPage initialLanguage={languageOf(navigator.language)} />
    </FluentProvider>,
  );
  // The preview fills the window like a spreadsheet: no page margin, no page scroll.
  document.body.style.margin = "0";
}
