/**
 * The pane's side of the engine worker: one request at a time, progress as it comes, and
 * cancel by terminating the worker (the engine runs synchronously inside it, so a message
 * could not reach it mid-job). The next request starts a fresh worker.
 */
import type { EngineRequest, EngineResult, JobMessage, WorkerMessage } from "../worker/protocol";

export interface RunOptions {
  onProgress?: (done: number) => void;
  signal?: AbortSignal;
}

/** Anything with the shape of a dedicated Worker; tests and other hosts may pass their own. */
export type WorkerLike = Pick<Worker, "postMessage" | "terminate"> & {
  onmessage: ((event: MessageEvent<WorkerMessage>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
};

export interface EngineClient {
  run<R extends EngineRequest>(request: R, options?: RunOptions): Promise<EngineResult<R["kind"]>>;
  dispose(): void;
}

/** The error a cancelled run rejects with; `isCancelled` recognises it. */
export class CancelledError extends Error {
  constructor() {
    super("cancelled");
    this.name = "CancelledError";
  }
}

export function isCancelled(error: unknown): boolean {
  return error instanceof CancelledError;
}

export function createEngineClient(spawn: () => WorkerLike): EngineClient {
  let worker: WorkerLike | undefined;
  let nextId = 1;
  let busy: Promise<unknown> = Promise.resolve();

  const stop = () => {
    worker?.terminate();
    worker = undefined;
  };

  const runOne = <R extends EngineRequest>(request: R, options: RunOptions) =>
    new Promise<EngineResult<R["kind"]>>((resolve, reject) => {
      if (options.signal?.aborted) return reject(new CancelledError());
      const active = (worker ??= spawn());
      const id = nextId++;
      const onAbort = () => {
        stop();
        reject(new CancelledError());
      };
      options.signal?.addEventListener("abort", onAbort, { once: true });
      const settle = () => {
        options.signal?.removeEventListener("abort", onAbort);
        active.onmessage = null;
        active.onerror = null;
      };
      active.onmessage = (event) => {
        const message = event.data;
        if (message.id !== id) return;
        if (message.type === "progress") options.onProgress?.(message.done);
        else if (message.type === "result") {
          settle();
          resolve(message.result as EngineResult<R["kind"]>);
        } else {
          settle();
          reject(new Error(message.message));
        }
      };
      active.onerror = (event) => {
        settle();
        stop();
        reject(new Error(event.message || "engine worker failed"));
      };
      active.postMessage({ id, request } satisfies JobMessage);
    });

  return {
    run(request, options = {}) {
      // Queue behind the running job: the worker answers one job at a time.
      const result = busy.then(() => runOne(request, options));
      busy = result.catch(() => undefined);
      return result;
    },
    dispose: stop,
  };
}

/** The real worker, bundled by webpack as its own chunk. */
export function spawnEngineWorker(): WorkerLike {
  return new Worker(new URL("../worker/engine.worker.ts", import.meta.url)) as WorkerLike;
}
