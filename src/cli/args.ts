/**
 * A small argument parser: positionals, `--flag value`, `--flag=value` and boolean flags.
 * Kept here rather than taken from a package because the command has few options and its
 * errors must be one clear Chinese line.
 */
export interface ParsedArgs {
  positionals: string[];
  options: Map<string, string>;
  flags: Set<string>;
}

export class UsageError extends Error {}

/**
 * @example parseArgs(["a.xlsx", "--period", "2013", "--json"], ["json"])
 * // positionals ["a.xlsx"], options {period: "2013"}, flags {json}
 */
export function parseArgs(argv: readonly string[], booleanFlags: readonly string[]): ParsedArgs {
  const result: ParsedArgs = { positionals: [], options: new Map(), flags: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("--")) {
      result.positionals.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (booleanFlags.includes(name)) {
      result.flags.add(name);
    } else if (inline !== undefined) {
      result.options.set(name, inline);
    } else {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith("--")) throw new UsageError(`选项 --${name} 需要一个值`);
      result.options.set(name, value);
      i++;
    }
  }
  return result;
}

/** Rejects options the command does not know, so a typo is not silently ignored. */
export function checkKnown(args: ParsedArgs, known: readonly string[]): void {
  for (const name of [...args.options.keys(), ...args.flags]) {
    if (!known.includes(name)) throw new UsageError(`未知选项 --${name}`);
  }
}
