// Builds the zh-CN custom-function metadata (functions.zh-cn.json) from the English
// functions.json that custom-functions-metadata generates, and the Chinese text kept next to
// each function's JSDoc in src/functions/functions.ts:
//
//   /**
//    * Total points of one unit.            ← English description (functions.json)
//    * @zh 某单位的信息工作总分。              ← Chinese description
//    * @customfunction SCORE_UNIT
//    * @param unit Unit name.
//    * @zhparam unit 单位名称。                ← Chinese help for the parameter `unit`
//    */
//
// A function or parameter without Chinese text fails the build, so the two files cannot drift.
import ts from "typescript";

/** Tag text as a plain string, whatever shape the TypeScript version gives it. */
function tagText(tag) {
  const comment = tag.comment;
  if (comment === undefined) return "";
  return (typeof comment === "string" ? comment : comment.map((part) => part.text).join("")).trim();
}

/**
 * The Chinese text of every @customfunction in a source file, keyed by function id.
 * @returns {Map<string, { description: string, parameters: Map<string, string> }>}
 */
export function readChineseText(sourceText, fileName = "functions.ts") {
  const source = ts.createSourceFile(fileName, sourceText, ts.ScriptTarget.Latest, true);
  const result = new Map();
  for (const statement of source.statements) {
    if (!ts.isFunctionDeclaration(statement)) continue;
    const tags = ts.getJSDocTags(statement);
    const idTag = tags.find((tag) => tag.tagName.text.toLowerCase() === "customfunction");
    if (!idTag) continue;
    // Same rule as custom-functions-metadata: the id is the tag's first word, upper-cased,
    // or the function's name when the tag is bare.
    const id = (tagText(idTag).split(/\s+/)[0] || statement.name?.text || "").toUpperCase();
    const description = tags.filter((tag) => tag.tagName.text === "zh").map(tagText).join(" ");
    const parameters = new Map();
    for (const tag of tags.filter((t) => t.tagName.text === "zhparam")) {
      const match = /^(\S+)\s+([\s\S]+)$/.exec(tagText(tag));
      if (match) parameters.set(match[1], match[2].trim());
    }
    result.set(id, { description, parameters });
  }
  return result;
}

/**
 * functions.json with every description and parameter help replaced by its Chinese text.
 * Ids and parameter names stay ASCII, so formulas read the same in every locale.
 * Throws a list of every missing translation.
 */
export function localizeMetadata(metadataJson, sourceText, fileName) {
  const metadata = JSON.parse(metadataJson);
  const chinese = readChineseText(sourceText, fileName);
  const missing = [];
  for (const fn of metadata.functions) {
    const text = chinese.get(fn.id);
    if (!text || !text.description) {
      missing.push(`${fn.id}: @zh`);
      continue;
    }
    fn.description = text.description;
    for (const parameter of fn.parameters) {
      const help = text.parameters.get(parameter.name);
      if (help) parameter.description = help;
      else missing.push(`${fn.id}: @zhparam ${parameter.name}`);
    }
  }
  if (missing.length > 0) throw new Error(`zh-CN metadata is missing:\n  ${missing.join("\n  ")}`);
  return JSON.stringify(metadata, null, 2);
}
