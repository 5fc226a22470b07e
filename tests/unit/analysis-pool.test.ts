import { afterEach, describe, expect, it } from "vitest";
import { AnalysisPool, LANES } from "@/lib/analysis/pool";
import type { MarkupRefusal, PreparedUpload } from "@/lib/analysis/tasks";

/**
 * The analysis threads, for real (from source, through tsx). The budgets
 * here are short so the tests stay quick; the server's are in lib/analysis.
 */
const pools: AnalysisPool[] = [];
afterEach(async () => {
  for (const pool of pools.splice(0)) await pool.close();
});
const makePool = (size: number) => {
  const pool = new AnalysisPool({ size });
  pools.push(pool);
  return pool;
};

const SMALL = '<p>"We will open the bridge in spring," Mayor Ana Ruiz said on Tuesday.</p>';
/** Within every markup limit, and still about a second of Readability. */
const SLOW = "<div>".repeat(19) + "<span>a</span>".repeat(19_900);
const upload = { lane: "upload", budgetMs: 20_000 } as const;
const read = (r: PreparedUpload | MarkupRefusal): PreparedUpload => {
  if ("verdict" in r) throw new Error(`refused: ${r.verdict.reason}`);
  return r;
};

describe("analysis worker threads", () => {
  it("reads an upload in a worker and answers with its text, and refuses markup past the limits there", async () => {
    const pool = makePool(1);
    const done = read(await pool.run({ kind: "prepare-upload", input: SMALL }, upload));
    expect(done.text).toBe('"We will open the bridge in spring," Mayor Ana Ruiz said on Tuesday.');
    expect(done.format).toBe("html");
    expect(done.words).toBe(13);
    // Measured before any DOM is built, in the worker: the calling thread does none of it.
    expect(await pool.run({ kind: "prepare-upload", input: "<div>".repeat(58_000) }, upload)).toMatchObject({
      verdict: { reason: "too-deep" },
    });
  }, 30_000);

  it("stops a task at its budget, and the next task runs in a fresh thread", async () => {
    const pool = makePool(1);
    pool.warm();
    read(await pool.run({ kind: "prepare-upload", input: SMALL }, upload));
    await expect(
      pool.run({ kind: "prepare-upload", input: SLOW }, { lane: "upload", budgetMs: 200 }),
    ).rejects.toMatchObject({ name: "AnalysisTimeoutError" });
    expect(read(await pool.run({ kind: "prepare-upload", input: SMALL }, upload)).words).toBe(13);
  }, 30_000);

  it(`reads ${LANES.upload.running} upload at a time with ${LANES.upload.waiting} waiting (for ${LANES.upload.maxWaitMs} ms at most), and refuses the next at once`, async () => {
    const pool = makePool(2);
    const running = Array.from({ length: LANES.upload.running + LANES.upload.waiting }, () =>
      pool
        .run({ kind: "prepare-upload", input: SLOW }, { lane: "upload", budgetMs: 400 })
        .catch((e: Error) => e.name),
    );
    await expect(pool.run({ kind: "prepare-upload", input: SMALL }, upload)).rejects.toMatchObject({
      name: "PoolBusyError",
    });
    // Reading a stored article is another lane: it does not wait behind the uploads.
    const bank = await pool.run(
      { kind: "bank", body: "Ana Ruiz said the bridge would open." },
      { lane: "read", budgetMs: 20_000 },
    );
    expect(bank.stats).toBeDefined();
    // The first runs out its budget; the waiting ones are given up when their wait is over, before it:
    // no upload is answered later than its wait and its budget.
    expect(await Promise.all(running)).toEqual(["AnalysisTimeoutError", "PoolBusyError", "PoolBusyError"]);
  }, 30_000);

  it("leaves the calling thread free while a worker is busy", async () => {
    const pool = makePool(1);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    try {
      const slow = pool
        .run({ kind: "prepare-upload", input: SLOW }, { lane: "upload", budgetMs: 400 })
        .catch(() => ticks);
      // In the calling thread the timer could not fire once until the parse was done.
      expect(await slow).toBeGreaterThan(10);
    } finally {
      clearInterval(timer);
    }
  }, 30_000);
});
