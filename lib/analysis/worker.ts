import { parentPort } from "node:worker_threads";
import { runTask, type Task } from "./tasks";

/**
 * An analysis worker thread: runs one task at a time for lib/analysis/pool.ts.
 * A task that overruns its time budget is not asked to stop; the pool
 * terminates the whole thread and starts a fresh one.
 */
parentPort?.on("message", (message: { id: number; task: Task }) => {
  try {
    parentPort!.postMessage({ id: message.id, ok: true, value: runTask(message.task) });
  } catch (e) {
    parentPort!.postMessage({ id: message.id, ok: false, error: e instanceof Error ? e.name : "Error" });
  }
});
