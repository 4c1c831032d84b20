/**
 * Which host the pane runs in. Inside Excel, Office.onReady reports the Excel host; in a plain
 * browser office.js is absent (or reports no host), and the pane runs its preview.
 */
export type PaneHost = { kind: "excel"; displayLanguage: string } | { kind: "preview" };

/** How long to wait for Office.onReady before deciding this is a plain browser. */
const OFFICE_READY_TIMEOUT_MS = 5000;

export interface OfficeLike {
  onReady(): Promise<{ host: unknown }>;
  HostType: { Excel: unknown };
  context?: { displayLanguage?: string };
}

/**
 * @example await detectHost(undefined) // { kind: "preview" }
 */
export async function detectHost(office: OfficeLike | undefined, timeoutMs = OFFICE_READY_TIMEOUT_MS): Promise<PaneHost> {
  if (!office) return { kind: "preview" };
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs));
  const info = await Promise.race([office.onReady(), timeout]);
  if (info && info.host === office.HostType.Excel) return { kind: "excel", displayLanguage: office.context?.displayLanguage ?? "zh-CN" };
  return { kind: "preview" };
}
