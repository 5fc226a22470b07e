import { analysisWorkers } from "@/lib/env";
import type { Question } from "@/lib/quiz";
import type { MarkupVerdict } from "./markup";
import { AnalysisPool, type Lane } from "./pool";
import { bodyKey, type BankSummary, type MarkupRefusal, type PreparedUpload } from "./tasks";

export { isAnalysisError } from "./pool";
export type { BankSummary } from "./tasks";
export { MARKUP_LIMITS } from "./markup";

/**
 * The server's way to the analyser: every analysis, bank and quiz the app
 * makes goes through here, off the request thread and within a time budget.
 *
 * - An upload is measured before any DOM is built (markup.ts), then read in
 *   a worker within BUDGETS.uploadMs, after waiting at most 200 ms for its
 *   turn (pool.ts): no input under the size limit holds a request for more
 *   than 2 s, and none holds the server at all.
 * - A stored body's bank is computed once per generator version and kept in
 *   a bounded cache keyed by a hash of the body, so the review page and its
 *   actions do not re-analyse the article on every view.
 */
const BUDGETS = { uploadMs: 1_800, readMs: 10_000 } as const;

/** The bank cache holds at most this many bodies and about this many characters of questions. */
const CACHE = { entries: 64, weight: 24_000_000 } as const;

type Holder = {
  pool?: AnalysisPool;
  banks: Map<string, { summary: BankSummary; weight: number }>;
  weight: number;
  pending: Map<string, Promise<BankSummary>>;
};
const fresh = (): Holder => ({ banks: new Map(), weight: 0, pending: new Map() });
const holder: Holder = ((globalThis as { __newsquizAnalysis?: Holder }).__newsquizAnalysis ??= fresh());

function pool(): AnalysisPool {
  holder.pool ??= new AnalysisPool({ size: analysisWorkers() });
  return holder.pool;
}

/** Starts the worker threads at server start. */
export function warmAnalysis(): void {
  pool().warm();
}

/** For tests: use this pool (or a fresh default one) and forget the cache. */
export async function resetAnalysisForTests(next?: AnalysisPool): Promise<void> {
  await holder.pool?.close();
  holder.pool = next;
  holder.banks.clear();
  holder.pending.clear();
  holder.weight = 0;
}

function run<T>(task: Parameters<AnalysisPool["run"]>[0], lane: Lane, budgetMs: number): Promise<T> {
  return pool().run(task, { lane, budgetMs }) as Promise<T>;
}

export type UploadReading =
  | { ok: true; prepared: PreparedUpload }
  | { ok: false; reason: "markup"; verdict: Extract<MarkupVerdict, { ok: false }> };

/**
 * Reads an upload or a paste: the markup's measure, then HTML extraction,
 * within the upload budget; then starts the bank of what was extracted for
 * the review page. Throws PoolBusyError when uploads are queued already,
 * AnalysisTimeoutError past the budget.
 */
export async function readUpload(input: string): Promise<UploadReading> {
  // Measured in the worker too: even a linear pass over 300,000 characters of tags is 10-20 ms of a thread.
  const read = await run<PreparedUpload | MarkupRefusal>(
    { kind: "prepare-upload", input },
    "upload",
    BUDGETS.uploadMs,
  );
  if ("verdict" in read) return { ok: false, reason: "markup", verdict: read.verdict };
  // The bank is computed now, in the background, for the review page that follows: a maximum-size
  // article's analysis takes a second or two, and it is not what the upload's budget bounds.
  void bankOf(read.text).catch(() => {});
  return { ok: true, prepared: read };
}

/** The question bank, default quiz and counts of a stored body: from the cache, or computed once in a worker. */
export async function bankOf(body: string): Promise<BankSummary> {
  const key = bodyKey(body);
  const cached = holder.banks.get(key);
  if (cached) {
    holder.banks.delete(key);
    holder.banks.set(key, cached);
    return cached.summary;
  }
  const inFlight = holder.pending.get(key);
  if (inFlight) return inFlight;
  const computing = run<BankSummary>({ kind: "bank", body }, "read", BUDGETS.readMs)
    .then((summary) => {
      remember(key, summary);
      return summary;
    })
    .finally(() => holder.pending.delete(key));
  holder.pending.set(key, computing);
  return computing;
}

/** A quiz of a stored body for a seed. */
export async function quizOf(body: string, options: { seed: number; count: number }): Promise<Question[]> {
  return run<Question[]>({ kind: "quiz", body, ...options }, "read", BUDGETS.readMs);
}

function remember(key: string, summary: BankSummary): void {
  if (holder.banks.has(key)) return;
  // Prompts, options and explanations are most of a bank's size; this is near enough to bound memory.
  const weight = summary.bank.reduce((n, q) => n + q.prompt.length + q.explanation.length + 200, 0);
  if (weight > CACHE.weight) return;
  holder.banks.set(key, { summary, weight });
  holder.weight += weight;
  for (const [k, v] of holder.banks) {
    if (holder.banks.size <= CACHE.entries && holder.weight <= CACHE.weight) break;
    holder.banks.delete(k);
    holder.weight -= v.weight;
  }
}
