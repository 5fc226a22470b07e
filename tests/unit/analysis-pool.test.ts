import { afterEach, describe, expect, it } from "vitest";
import { AnalysisPool, LANES } from "@/lib/analysis/pool";

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
/** Seconds of Readability (it is measured before reading in the app; the pool itself takes anything). */
const SLOW = "<div>".repeat(127) + "<span>a</span>".repeat(19_800);

describe("analysis worker threads", () => {
  it("reads an upload in a worker and answers with its text and bank", async () => {
    const pool = makePool(1);
    const read = await pool.run(
      { kind: "prepare-upload", input: SMALL },
      { lane: "upload", budgetMs: 20_000 },
    );
    expect(read.text).toBe('"We will open the bridge in spring," Mayor Ana Ruiz said on Tuesday.');
    expect(read.format).toBe("html");
    expect(read.words).toBe(13);
  }, 30_000);

  it("stops a task at its budget, and the next task runs in a fresh thread", async () => {
    const pool = makePool(1);
    pool.warm();
    await pool.run({ kind: "prepare-upload", input: SMALL }, { lane: "upload", budgetMs: 20_000 });
    await expect(
      pool.run({ kind: "prepare-upload", input: SLOW }, { lane: "upload", budgetMs: 200 }),
    ).rejects.toMatchObject({ name: "AnalysisTimeoutError" });
    const next = await pool.run(
      { kind: "prepare-upload", input: SMALL },
      { lane: "upload", budgetMs: 20_000 },
    );
    expect(next.words).toBe(13);
  }, 30_000);

  it(`reads ${LANES.upload.running} upload at a time with ${LANES.upload.waiting} waiting, and refuses the next at once`, async () => {
    const pool = makePool(2);
    const running = Array.from({ length: LANES.upload.running + LANES.upload.waiting }, () =>
      pool
        .run({ kind: "prepare-upload", input: SLOW }, { lane: "upload", budgetMs: 300 })
        .catch((e: Error) => e.name),
    );
    await expect(
      pool.run({ kind: "prepare-upload", input: SMALL }, { lane: "upload", budgetMs: 20_000 }),
    ).rejects.toMatchObject({ name: "PoolBusyError" });
    // Reading a stored article is another lane: it does not wait behind the uploads.
    const bank = await pool.run(
      { kind: "bank", body: "Ana Ruiz said the bridge would open." },
      { lane: "read", budgetMs: 20_000 },
    );
    expect(bank.stats).toBeDefined();
    expect(await Promise.all(running)).toEqual(running.map(() => "AnalysisTimeoutError"));
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
