import { argumentError, FunctionError, toHostError } from "./host";
import { ARGUMENT_LABELS } from "./messages";

/**
 * The one runner every LEAGUE.* function goes through. A function is declared as metadata
 * first (its id and typed parameters), then implemented against already-checked values. The
 * runner passes error arguments on, fills in defaults for omitted optional arguments, reads
 * every argument through its parameter, and turns a FunctionError into the error the host
 * shows. Implementations never see raw Excel values and never build errors for the host.
 */

export type ArgumentName = keyof typeof ARGUMENT_LABELS;

/** One parameter: how to read its raw Excel value into a checked value. */
export interface Param<T> {
  name: ArgumentName;
  /** Reads the raw value; throws FunctionError (usually #VALUE!) for a wrong argument. */
  read(raw: unknown, label: string): T;
  /** For optional parameters: the value when the argument is omitted or a blank cell. */
  fallback?: () => T;
}

type Values<P extends readonly Param<unknown>[]> = { [K in keyof P]: P[K] extends Param<infer T> ? T : never };

export interface FunctionSpec<P extends readonly Param<unknown>[], R> {
  /** The ASCII id, as in `@customfunction ID`. */
  id: string;
  params: P;
  run: (...args: Values<P>) => R;
}

/** A declared function: callable with raw Excel arguments, plus its declaration. */
export type LeagueFunction<R> = ((...raw: unknown[]) => R) & { spec: FunctionSpec<readonly Param<unknown>[], R> };

function isBlankValue(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "");
}

/** An omitted argument, a blank cell, or a one-cell range that is blank: the default applies. */
function isOmitted(raw: unknown): boolean {
  if (Array.isArray(raw) && raw.length === 1 && Array.isArray(raw[0]) && raw[0].length === 1) return isBlankValue(raw[0][0]);
  return isBlankValue(raw);
}

function hostError(error: unknown): unknown {
  return error instanceof FunctionError ? toHostError(error) : error;
}

/**
 * Declares a function and returns its runner.
 * @example
 * const DOUBLE = defineFunction({ id: "DOUBLE", params: [numberParam("value")], run: (v) => 2 * v });
 * DOUBLE(21) // 42
 * DOUBLE("x") // throws #VALUE! 「数值应为数字，现为「x」」
 */
export function defineFunction<const P extends readonly Param<unknown>[], R>(spec: FunctionSpec<P, R>): LeagueFunction<R> {
  const call = (...raw: unknown[]): R => {
    let args: unknown[];
    try {
      args = spec.params.map((param, i) => {
        const value = raw[i];
        const passedOn = argumentError(value);
        if (passedOn) throw passedOn;
        if (param.fallback && isOmitted(value)) return param.fallback();
        return param.read(value, ARGUMENT_LABELS[param.name]);
      });
    } catch (error) {
      throw hostError(error);
    }
    let result: R;
    try {
      result = spec.run(...(args as Values<P>));
    } catch (error) {
      throw hostError(error);
    }
    // Asynchronous functions (UNIT_CODE loads its dictionary on first use) reject the same way.
    if (result instanceof Promise) {
      return result.catch((error: unknown) => {
        throw hostError(error);
      }) as R;
    }
    return result;
  };
  return Object.assign(call, { spec: spec as unknown as FunctionSpec<readonly Param<unknown>[], R> });
}
