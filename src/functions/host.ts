/**
 * The one place that knows about Excel's `CustomFunctions` global. It exists only inside Excel,
 * so everything else works with `FunctionError` and runs the same in node, in HyperFormula and
 * in Excel.
 */

/** The Excel errors these functions produce or pass on. */
export type ErrorCode = "#VALUE!" | "#N/A" | "#NUM!" | "#DIV/0!" | "#REF!" | "#NAME?" | "#NULL!";

const ERROR_CODES: readonly string[] = ["#VALUE!", "#N/A", "#NUM!", "#DIV/0!", "#REF!", "#NAME?", "#NULL!"];

/** A cell error with a short Chinese message, e.g. #N/A 「登记表中没有单位「某某」」. */
export class FunctionError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "FunctionError";
  }
}

/** The part of Excel's CustomFunctions API used here (typed locally: no @types package ships it). */
interface HostCustomFunctions {
  Error?: new (code: string, message?: string) => Error & { code?: string; message?: string };
}

function host(): HostCustomFunctions | undefined {
  return (globalThis as { CustomFunctions?: HostCustomFunctions }).CustomFunctions;
}

/**
 * The error as the host wants it thrown: a CustomFunctions.Error inside Excel (which shows the
 * code in the cell and the message on hover), the FunctionError itself anywhere else.
 */
export function toHostError(error: FunctionError): Error {
  const HostError = host()?.Error;
  return HostError ? new HostError(error.code, error.message) : error;
}

/**
 * An error value that arrived as an argument (a CustomFunctions.Error from Excel, or a
 * FunctionError from another host) as a FunctionError, so it can be passed on; null otherwise.
 */
export function argumentError(value: unknown): FunctionError | null {
  if (value instanceof FunctionError) return value;
  if (value === null || typeof value !== "object") return null;
  const code = (value as { code?: unknown }).code;
  if (typeof code === "string" && ERROR_CODES.includes(code)) {
    return new FunctionError(code as ErrorCode, String((value as { message?: unknown }).message ?? ""));
  }
  return null;
}
