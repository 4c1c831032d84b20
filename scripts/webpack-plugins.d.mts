/** Types for webpack-plugins.mjs, so tests written in TypeScript can import it. */
import type { Compiler } from "webpack";
export class ZhCnMetadataPlugin {
  constructor(options: { source: string; input?: string; output?: string });
  apply(compiler: Compiler): void;
}
export class ForbidPackagesPlugin {
  constructor(packages: string[]);
  apply(compiler: Compiler): void;
}
