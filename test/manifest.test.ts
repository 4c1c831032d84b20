import { readFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../", import.meta.url));
const manifestXml = readFileSync(`${root}manifest.xml`, "utf8");

type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  removeNSPrefix: true,
  // Elements that may repeat are always arrays, so lookups below never special-case one child.
  isArray: (_name, _jpath, _isLeaf, isAttribute) => !isAttribute,
});
const manifest = parser.parse(manifestXml) as XmlNode;

/** Every element under `node`, depth first, with its element name. */
function* elements(node: unknown, name = ""): Generator<{ name: string; node: XmlNode }> {
  if (Array.isArray(node)) {
    for (const item of node) yield* elements(item, name);
    return;
  }
  if (node === null || typeof node !== "object") return;
  yield { name, node: node as XmlNode };
  for (const [key, child] of Object.entries(node)) {
    if (!key.startsWith("@")) yield* elements(child, key);
  }
}

function attr(node: XmlNode, name: string): string | undefined {
  const value = node[`@${name}`];
  return typeof value === "string" ? value : undefined;
}

/** The first element with this name anywhere in the manifest. */
function find(name: string, within: unknown = manifest): XmlNode {
  for (const element of elements(within)) if (element.name === name) return element.node;
  throw new Error(`no <${name}> in manifest.xml`);
}

const resources = find("Resources");
const definitions = [...elements(resources)].filter((e) => attr(e.node, "id") !== undefined);
const definedIds = definitions.map((e) => attr(e.node, "id")!);
const usedIds = [...elements(manifest)].map((e) => attr(e.node, "resid")).filter((id): id is string => id !== undefined);

/** The DefaultValue of the resource with this id. */
function resource(id: string): XmlNode {
  const definition = definitions.find((e) => attr(e.node, "id") === id);
  if (!definition) throw new Error(`resid ${id} is not defined`);
  return definition.node;
}
function resourceValue(id: string): string {
  return attr(resource(id), "DefaultValue")!;
}
function sourceResid(extensionChild: string): string {
  const customFunctions = [...elements(manifest)].find(
    (e) => e.name === "ExtensionPoint" && attr(e.node, "type") === "CustomFunctions",
  )!.node;
  const child = find(extensionChild, customFunctions);
  return attr(find("SourceLocation", child), "resid")!;
}

describe("manifest.xml", () => {
  it("is well-formed XML", () => {
    expect(XMLValidator.validate(manifestXml)).toBe(true);
    expect(XMLValidator.validate(manifestXml.replace("</Hosts>", ""))).not.toBe(true);
  });

  it("defines every resid exactly once, and uses every one it defines", () => {
    const duplicates = definedIds.filter((id, i) => definedIds.indexOf(id) !== i);
    expect(duplicates).toEqual([]);
    expect([...new Set(usedIds)].filter((id) => !definedIds.includes(id))).toEqual([]);
    expect(definedIds.filter((id) => !usedIds.includes(id))).toEqual([]);
    // Resids are capped at 32 characters by the manifest schema.
    expect(definedIds.filter((id) => id.length > 32)).toEqual([]);
  });

  it("requires SharedRuntime 1.1 and CustomFunctionsRuntime 1.1", () => {
    const sets = [...elements(find("Requirements"))].filter((e) => e.name === "Set");
    const versions = Object.fromEntries(sets.map((e) => [attr(e.node, "Name"), attr(e.node, "MinVersion")]));
    expect(versions).toMatchObject({ SharedRuntime: "1.1", CustomFunctionsRuntime: "1.1" });
  });

  it("runs the functions and the task pane in one long-lived runtime", () => {
    const runtimes = [...elements(find("Runtimes"))].filter((e) => e.name === "Runtime");
    expect(runtimes).toHaveLength(1);
    const runtime = runtimes[0].node;
    expect(attr(runtime, "lifetime")).toBe("long");
    const runtimeResid = attr(runtime, "resid")!;

    const showTaskpane = [...elements(manifest)].find((e) => e.name === "Action" && attr(e.node, "type") === "ShowTaskpane")!;
    expect(attr(find("SourceLocation", showTaskpane.node), "resid")).toBe(runtimeResid);
    expect(sourceResid("Page")).toBe(runtimeResid);
    expect(attr(find("FunctionFile"), "resid")).toBe(runtimeResid);
    expect(resourceValue(runtimeResid)).toMatch(/^https:\/\/localhost:3000\/taskpane\.html$/);
    expect(attr(find("SourceLocation", find("DefaultSettings")), "DefaultValue")).toBe(resourceValue(runtimeResid));
  });

  it("loads functions.js and functions.json, in the LEAGUE namespace, with a zh-CN metadata override", () => {
    expect(resourceValue(sourceResid("Script"))).toMatch(/\/functions\.js$/);
    const metadata = resource(sourceResid("Metadata"));
    expect(attr(metadata, "DefaultValue")).toMatch(/\/functions\.json$/);
    const overrides = [...elements(metadata)].filter((e) => e.name === "Override");
    expect(overrides.map((e) => [attr(e.node, "Locale"), attr(e.node, "Value")])).toEqual([
      ["zh-CN", "https://localhost:3000/functions.zh-cn.json"],
    ]);

    const namespace = [...elements(manifest)].find((e) => e.name === "Namespace")!.node;
    expect(resourceValue(attr(namespace, "resid")!)).toBe("LEAGUE");
  });

  it("asks only for ReadWriteDocument and defaults to zh-CN with English names", () => {
    expect(find("OfficeApp")["Permissions"]).toEqual(["ReadWriteDocument"]);
    expect(find("OfficeApp")["DefaultLocale"]).toEqual(["zh-CN"]);
    const displayName = find("DisplayName");
    expect(attr(displayName, "DefaultValue")).toMatch(/[\u4e00-\u9fff]/);
    expect(attr(find("Override", displayName), "Locale")).toBe("en-US");
  });

  it("points every icon at a real PNG in assets/ of the declared size", () => {
    const iconUrls = [...elements(manifest)]
      .filter((e) => ["Image", "IconUrl", "HighResolutionIconUrl"].includes(e.name))
      .map((e) => attr(e.node, "DefaultValue"))
      .filter((url): url is string => url !== undefined);
    expect(iconUrls.length).toBeGreaterThanOrEqual(5);
    for (const url of iconUrls) {
      const relative = url.replace("https://localhost:3000/", "");
      expect(relative).toMatch(/^assets\/icon-\d+\.png$/);
      expect(existsSync(`${root}${relative}`), relative).toBe(true);
      const png = readFileSync(`${root}${relative}`);
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      const size = Number(/icon-(\d+)/.exec(relative)![1]);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });

  it("serves everything from one origin, so a deployment replaces a single base URL", () => {
    const urls = [...manifestXml.matchAll(/https:\/\/[^"<\s]+/g)].map((m) => m[0]).filter((u) => !u.includes("schemas.microsoft.com"));
    expect(urls.length).toBeGreaterThan(5);
    expect(urls.filter((u) => !u.startsWith("https://localhost:3000"))).toEqual([]);
  });
});
