// Two small build steps the add-in needs from webpack.
import { readFileSync } from "node:fs";
import path from "node:path";
import webpack from "webpack";
import { localizeMetadata } from "./zh-cn-metadata.mjs";

const { Compilation, WebpackError, sources } = webpack;

/**
 * Emits `output` (functions.zh-cn.json) from the `input` asset (functions.json, emitted by
 * custom-functions-metadata-plugin) and the @zh / @zhparam tags of `source`.
 */
export class ZhCnMetadataPlugin {
  constructor({ source, input = "functions.json", output = "functions.zh-cn.json" }) {
    this.source = path.resolve(source);
    this.input = input;
    this.output = output;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap("ZhCnMetadataPlugin", (compilation) => {
      compilation.fileDependencies.add(this.source);
      compilation.hooks.processAssets.tap(
        { name: "ZhCnMetadataPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const english = compilation.getAsset(this.input);
          if (!english) {
            compilation.errors.push(new WebpackError(`ZhCnMetadataPlugin: ${this.input} was not generated`));
            return;
          }
          try {
            const zh = localizeMetadata(english.source.source().toString(), readFileSync(this.source, "utf8"), this.source);
            compilation.emitAsset(this.output, new sources.RawSource(zh));
          } catch (error) {
            compilation.errors.push(new WebpackError(String(error instanceof Error ? error.message : error)));
          }
        },
      );
    });
  }
}

/**
 * Fails the build when a module from a forbidden package reaches any bundle. HyperFormula is
 * GPL and is used by tests only; this makes an accidental import from src/ a build error.
 */
export class ForbidPackagesPlugin {
  constructor(packages) {
    this.markers = packages.map((name) => `${path.sep}node_modules${path.sep}${name}${path.sep}`);
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap("ForbidPackagesPlugin", (compilation) => {
      compilation.hooks.finishModules.tap("ForbidPackagesPlugin", (modules) => {
        for (const module of modules) {
          const resource = module.resource ?? "";
          const hit = this.markers.find((marker) => resource.includes(marker));
          if (hit) {
            compilation.errors.push(new WebpackError(`forbidden package in the bundle: ${resource}`));
          }
        }
      });
    });
  }
}
