import { spawnSync } from "node:child_process";

/** The path of a program on PATH, or undefined. */
export function findCommand(name: string): string | undefined {
  const found = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
  return found.status === 0 && found.stdout.trim() ? found.stdout.trim() : undefined;
}

/**
 * LibreOffice's command, for the "opens in a real spreadsheet program" checks. Outside CI a
 * missing LibreOffice skips them; in CI it fails, so a green CI cannot hide the skip.
 */
export function libreOffice(): string | undefined {
  const soffice = findCommand("soffice") ?? findCommand("libreoffice");
  if (!soffice && process.env.CI) throw new Error("LibreOffice is missing: CI must run these tests (apt-get install libreoffice-calc-nogui)");
  return soffice;
}
