/**
 * The task pane's entry. Inside Excel it talks to the workbook through the Office.js port; in
 * a plain browser it loads the preview (the sample workbook in an in-memory port, with a grid)
 * as a separate chunk, so the add-in never downloads the preview's code.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { App } from "./components/App";
import { createEngineClient, spawnEngineWorker } from "./engine-client";
import { detectHost } from "./host";
import { languageOf } from "./i18n/strings";
import { ServicesProvider } from "./services";

async function start(container: HTMLElement): Promise<void> {
  const host = await detectHost(typeof Office === "undefined" ? undefined : (Office as unknown as Parameters<typeof detectHost>[0]));
  const root = createRoot(container);
  if (host.kind === "preview") {
    const { renderPreview } = await import(/* webpackChunkName: "preview" */ "./preview/PreviewApp");
    renderPreview(root);
    return;
  }
  const { OfficeWorkbook } = await import(/* webpackChunkName: "office-port" */ "../excel/office-workbook");
  const port = new OfficeWorkbook((batch) => Excel.run(batch));
  const services = { port, engine: createEngineClient(spawnEngineWorker), mode: "excel" as const, today: () => new Date() };
  root.render(
    <FluentProvider theme={webLightTheme}>
      <ServicesProvider services={services} language={languageOf(host.displayLanguage)}>
        <App />
      </ServicesProvider>
    </FluentProvider>,
  );
}

const container = document.getElementById("root");
if (container) void start(container);
