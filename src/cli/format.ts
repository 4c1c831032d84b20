/** Terminal tables whose columns line up when cells mix Chinese and ASCII. */

/** Columns a character takes in a terminal: CJK and full-width forms take two. */
function charWidth(codePoint: number): number {
  const wide =
    (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2e80 && codePoint <= 0xa4cf) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6);
  return wide ? 2 : 1;
}

/** @example displayWidth("排名A") // 5 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch.codePointAt(0)!);
  return width;
}

/** Renders rows as aligned columns; numbers are right-aligned. */
export function renderTable(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, c) => Math.max(...cells.map((r) => displayWidth(r[c] ?? ""))));
  const line = (row: string[], raw?: (string | number)[]) =>
    row
      .map((cell, c) => {
        const pad = " ".repeat(widths[c] - displayWidth(cell));
        return typeof raw?.[c] === "number" ? pad + cell : cell + pad;
      })
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "─".repeat(w))), ...rows.map((r) => line(r.map(String), r))].join("\n") + "\n";
}
