/** Types for zh-cn-metadata.mjs, so tests written in TypeScript can import it. */
export interface ChineseText {
  description: string;
  parameters: Map<string, string>;
}
export function readChineseText(sourceText: string, fileName?: string): Map<string, ChineseText>;
export function localizeMetadata(metadataJson: string, sourceText: string, fileName?: string): string;
