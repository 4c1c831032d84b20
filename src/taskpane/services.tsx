/**
 * What the components get instead of Office.js: the workbook port, the engine worker and the
 * UI strings, through React context. The host (Excel or the preview) decides what goes in.
 */
import { createContext, useContext, type ReactNode } from "react";
import type { WorkbookPort } from "../port/workbook-port";
import type { EngineClient } from "./engine-client";
import { CATALOGUES, type Language, type Strings } from "./i18n/strings";

export interface PaneServices {
  port: WorkbookPort;
  engine: EngineClient;
  mode: "excel" | "preview";
  /** Today's date for checks like "not after today"; a parameter so tests can fix it. */
  today: () => Date;
}

const ServicesContext = createContext<PaneServices | undefined>(undefined);
const StringsContext = createContext<{ strings: Strings; language: Language }>({ strings: CATALOGUES.zh, language: "zh" });

export function ServicesProvider(props: { services: PaneServices; language: Language; children: ReactNode }) {
  return (
    <ServicesContext.Provider value={props.services}>
      <StringsContext.Provider value={{ strings: CATALOGUES[props.language], language: props.language }}>{props.children}</StringsContext.Provider>
    </ServicesContext.Provider>
  );
}

export function useServices(): PaneServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error("useServices outside ServicesProvider");
  return services;
}

export function useStrings(): Strings {
  return useContext(StringsContext).strings;
}

export function useLanguage(): Language {
  return useContext(StringsContext).language;
}
