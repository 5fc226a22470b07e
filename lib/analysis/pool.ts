import { Worker } from "node:worker_threads";
import { bundledByNext } from "@/lib/env";
import { runTask, type Task, type TaskResult } from "./tasks";

/**
 * Worker threads for the analysis tasks, with a time budget per task and a
 * cap on what may wait. The request thread only posts a task and awaits its
 * answer, so one slow article never stops the server from answering anyone
 * else (health checks included). A task over its budget has its thread
 * terminated (JavaScript cannot be interrupted any other way) and a fresh
 * thread takes its place.
 *
 * Lanes cap work by kind: uploads (untrusted markup, the expensive kind) run
 * one at a time per process, with two more waiting at most 200 ms for their
 * turn (an upload is answered within its wait and its budget: 2 s in all);
 * reads of stored articles (banks, quizzes) share the threads with a longer
 * queue. Past a lane's queue or its wait, a task is refused (PoolBusyError)
 * and the person is told to try again in a moment.
 */
export type Lane = "upload" | "read";

export const LANES: Record<Lane, { running: number; waiting: number; maxWaitMs: number }> = {
  upload: { running: 1, waiting: 2, maxWaitMs: 200 },
  read: { running: Number.POSITIVE_INFINITY, waiting: 32, maxWaitMs: 10_000 },
};

/**
 * Whether an error is one of these, by name: Next bundles a module once per
 * graph (route handlers, pages), and the one pool on globalThis may throw the
 * other graph's class, which instanceof would not recognise.
 */
export function isAnalysisError(
  error: unknown,
  name: "PoolBusyError" | "AnalysisTimeoutError" | "AnalysisFailedError",
): boolean {
  return error instanceof Error && error.name === name;
}

class PoolBusyError extends Error {
  constructor(readonly lane: Lane) {
    super(`analysis ${lane} queue is full`);
    this.name = "PoolBusyError";
  }
}

class AnalysisTimeoutError extends Error {
  constructor(readonly budgetMs: number) {
    super(`analysis task ran over its ${budgetMs} ms budget`);
    this.name = "AnalysisTimeoutError";
  }
}

class AnalysisFailedError extends Error {
  constructor(readonly reason: string) {
    super(`analysis task failed: ${reason}`);
    this.name = "AnalysisFailedError";
  }
}

type Job = {
  task: Task;
  lane: Lane;
  budgetMs: number;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  /** Gives the job up if it is still waiting at its lane's longest wait. */
  expiry?: NodeJS.Timeout;
};

type Slot = { worker: Worker | null; job: Job | null; timer: NodeJS.Timeout | null; id: number };

export type PoolOptions = {
  /** Worker threads; 0 runs every task in the calling thread (no budget: for scripts and tests). */
  size: number;
  /** Makes a worker; the default runs lib/analysis/worker.ts. */
  spawn?: () => Worker;
};

/**
 * The worker entry. In the app, Next bundles it (Turbopack follows
 * `new Worker(new URL("./worker.ts", import.meta.url))`); run from source
 * (tests, scripts under tsx) it is TypeScript, so the thread registers tsx
 * before importing it.
 */
function spawnAnalysisWorker(): Worker {
  if (!bundledByNext()) {
    const source = import.meta.url.replace(/pool\.ts$/, "worker.ts");
    return new Worker(
      `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`,
      { eval: true },
    );
  }
  return new Worker(new URL("./worker.ts", import.meta.url));
}

export class AnalysisPool {
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  private readonly running: Record<Lane, number> = { upload: 0, read: 0 };
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: PoolOptions) {
    this.slots = Array.from({ length: Math.max(0, options.size) }, () => ({
      worker: null,
      job: null,
      timer: null,
      id: 0,
    }));
  }

  /** Runs a task within its budget; refuses it at once when its lane's queue is full. */
  run<T extends Task>(task: T, options: { lane: Lane; budgetMs: number }): Promise<TaskResult<T>> {
    if (this.slots.length === 0) {
      try {
        return Promise.resolve(runTask(task) as TaskResult<T>);
      } catch (e) {
        return Promise.reject(e instanceof Error ? e : new Error(String(e)));
      }
    }
    if (this.closed) return Promise.reject(new AnalysisFailedError("pool closed"));
    const lane = LANES[options.lane];
    const waiting = this.queue.filter((j) => j.lane === options.lane).length;
    const canStart = this.running[options.lane] < lane.running && this.slots.some((s) => !s.job);
    if (!canStart && waiting >= lane.waiting) return Promise.reject(new PoolBusyError(options.lane));
    return new Promise<TaskResult<T>>((resolve, reject) => {
      const job: Job = {
        task,
        lane: options.lane,
        budgetMs: options.budgetMs,
        resolve: resolve as (v: unknown) => void,
        reject,
      };
      this.queue.push(job);
      this.dispatch();
      if (this.queue.includes(job))
        job.expiry = setTimeout(() => {
          const at = this.queue.indexOf(job);
          if (at < 0) return;
          this.queue.splice(at, 1);
          job.reject(new PoolBusyError(job.lane));
        }, lane.maxWaitMs);
    });
  }

  /** Starts the threads now, so the first upload does not wait for one to load the analyser. */
  warm(): void {
    for (const slot of this.slots) slot.worker ??= this.spawn(slot);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) {
      if (job.expiry) clearTimeout(job.expiry);
      job.reject(new AnalysisFailedError("pool closed"));
    }
    await Promise.all(
      this.slots.map(async (slot) => {
        if (slot.timer) clearTimeout(slot.timer);
        slot.job?.reject(new AnalysisFailedError("pool closed"));
        slot.job = null;
        const worker = slot.worker;
        slot.worker = null;
        await worker?.terminate();
      }),
    );
  }

  private spawn(slot: Slot): Worker {
    const worker = (this.options.spawn ?? spawnAnalysisWorker)();
    // An idle thread must not keep a script's process alive.
    worker.unref();
    worker.on("message", (message: { id: number; ok: boolean; value?: unknown; error?: string }) => {
      if (slot.worker !== worker || !slot.job || message.id !== slot.id) return;
      const job = this.finish(slot);
      if (message.ok) job.resolve(message.value);
      else job.reject(new AnalysisFailedError(message.error ?? "error"));
      this.dispatch();
    });
    const lost = (reason: string) => {
      if (slot.worker !== worker) return;
      slot.worker = null;
      if (slot.job) this.finish(slot).reject(new AnalysisFailedError(reason));
      this.dispatch();
    };
    worker.on("error", (e) => lost(e.name));
    worker.on("exit", (code) => lost(`exit ${code}`));
    return worker;
  }

  private finish(slot: Slot): Job {
    const job = slot.job!;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    this.running[job.lane]--;
    return job;
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.job || this.closed) continue;
      const index = this.queue.findIndex((j) => this.running[j.lane] < LANES[j.lane].running);
      if (index < 0) return;
      const job = this.queue.splice(index, 1)[0]!;
      if (job.expiry) clearTimeout(job.expiry);
      slot.worker ??= this.spawn(slot);
      slot.job = job;
      slot.id = this.nextId++;
      this.running[job.lane]++;
      const worker = slot.worker;
      slot.timer = setTimeout(() => {
        if (slot.job !== job) return;
        this.finish(slot).reject(new AnalysisTimeoutError(job.budgetMs));
        // The only way to stop a busy thread; a fresh one is spawned for the next task.
        slot.worker = null;
        void worker.terminate();
        this.dispatch();
      }, job.budgetMs);
      worker.postMessage({ id: slot.id, task: job.task });
    }
  }
}
