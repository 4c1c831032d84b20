/// <reference lib="webworker" />
/**
 * The engine in a Web Worker, so long checks never freeze the task pane. It answers one job
 * at a time; the pane cancels a job by terminating the worker.
 */
import { runJob } from "./jobs";
import type { JobMessage, WorkerMessage } from "./protocol";

const scope = self as unknown as DedicatedWorkerGlobalScope;

/** Progress is posted at most this often, so messages never outnumber the work. */
const PROGRESS_INTERVAL_MS = 100;

scope.onmessage = (event: MessageEvent<JobMessage>) => {
  const { id, request } = event.data;
  const post = (message: WorkerMessage) => scope.postMessage(message);
  let lastPost = 0;
  try {
    const result = runJob(request, {
      onProgress: (done) => {
        const now = Date.now();
        if (now - lastPost < PROGRESS_INTERVAL_MS && done < 1) return;
        lastPost = now;
        post({ id, type: "progress", done });
      },
    });
    post({ id, type: "result", result });
  } catch (error) {
    post({ id, type: "error", message: error instanceof Error ? error.message : String(error) });
  }
};
