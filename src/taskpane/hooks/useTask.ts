import { useCallback, useRef, useState } from "react";
import { isCancelled } from "../engine-client";

/** The state of one long piece of work: shown as a ProgressBar with a cancel button. */
export interface TaskState {
  running: boolean;
  /** 0–1, or undefined while the amount of work is unknown. */
  progress?: number;
  /** What is happening, for the progress label. */
  label?: string;
  error?: string;
  cancelled: boolean;
}

export interface TaskControls {
  report(progress: number | undefined, label?: string): void;
  signal: AbortSignal;
}

/**
 * Runs async work one piece at a time with progress and cancellation. A cancelled task is
 * neither an error nor a result: `cancelled` is set and the work's result is dropped.
 */
export function useTask() {
  const [state, setState] = useState<TaskState>({ running: false, cancelled: false });
  const controller = useRef<AbortController | undefined>(undefined);

  const run = useCallback(async <T,>(work: (controls: TaskControls) => Promise<T>, label?: string): Promise<T | undefined> => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setState({ running: true, cancelled: false, label });
    try {
      const result = await work({
        signal: abort.signal,
        report: (progress, next) => {
          if (!abort.signal.aborted) setState((s) => ({ ...s, progress, label: next ?? s.label }));
        },
      });
      if (abort.signal.aborted) return undefined;
      setState({ running: false, cancelled: false });
      return result;
    } catch (error) {
      const cancelled = abort.signal.aborted || isCancelled(error) || (error as Error)?.name === "AbortError";
      setState({ running: false, cancelled, error: cancelled ? undefined : error instanceof Error ? error.message : String(error) });
      return undefined;
    } finally {
      if (controller.current === abort) controller.current = undefined;
    }
  }, []);

  const cancel = useCallback(() => controller.current?.abort(), []);
  const clearError = useCallback(() => setState((s) => ({ ...s, error: undefined, cancelled: false })), []);
  return { state, run, cancel, clearError };
}
