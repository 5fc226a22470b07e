import type { Db } from "@/db/client";

/**
 * Counts the statements a piece of code sends to the database, by wrapping
 * the driver's query method (PGlite and node-postgres both have one).
 * Statements inside a transaction go through the transaction's own client
 * and are not counted; reads, which are what pages do, are.
 */
export async function countQueries<T>(
  db: Db,
  run: () => Promise<T>,
): Promise<{ result: T; queries: number }> {
  const client = (db as unknown as { $client: { query: (...args: unknown[]) => unknown } }).$client;
  const original = client.query;
  let n = 0;
  client.query = function (this: unknown, ...args: unknown[]) {
    n++;
    return original.apply(this, args);
  };
  try {
    const result = await run();
    return { result, queries: n };
  } finally {
    client.query = original;
  }
}
