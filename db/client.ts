import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { DatabaseTarget } from "@/lib/env";
import { logError } from "@/lib/log";
import * as schema from "./schema";
import { acquireDataDirLock } from "./pglite-lock";

/**
 * Opening a database, for whichever driver the environment names. This module
 * has no "server-only" guard so scripts and tests can use it; the app goes
 * through db/index.ts, which keeps one instance per process.
 */
type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** A database handle or a transaction: what a domain function that writes accepts. */
export type Executor = Db | Tx;
type Driver = DatabaseTarget["driver"];

export type Database = {
  db: Db;
  driver: Driver;
  close(): Promise<void>;
};

const migrationsFolder = path.join(/* turbopackIgnore: true */ process.cwd(), "db", "migrations");

export async function openPglite(options: { dir?: string; loadDataDir?: Blob } = {}): Promise<Database> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  let lock: { release(): void } | undefined;
  if (options.dir) {
    lock = acquireDataDirLock(options.dir);
    fs.mkdirSync(options.dir, { recursive: true });
  }
  let client: InstanceType<typeof PGlite>;
  try {
    // The options-only form: PGlite ignores loadDataDir when given an undefined dataDir argument.
    client = new PGlite({
      ...(options.dir ? { dataDir: options.dir } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
    await client.waitReady;
  } catch (e) {
    lock?.release();
    throw e;
  }
  if (lock) {
    const release = lock.release;
    process.once("exit", release);
  }
  const db = drizzle({ client, schema, casing: "snake_case" }) as unknown as Db;
  return {
    db,
    driver: "pglite",
    async close() {
      await client.close();
      lock?.release();
    },
  };
}

export async function openPostgres(url: string): Promise<Database> {
  const { Pool } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const pool = new Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000 });
  // An idle client that loses its server (a restart) emits 'error' on the pool;
  // without a listener that would crash the process instead of being replaced.
  pool.on("error", (err) => logError("db", "idle PostgreSQL client error", err));
  const db = drizzle({ client: pool, schema, casing: "snake_case" }) as unknown as Db;
  return { db, driver: "postgres", close: () => pool.end() };
}

async function openVercelPostgres(url: string): Promise<Database> {
  const { createPool } = await import("@vercel/postgres");
  const { drizzle } = await import("drizzle-orm/vercel-postgres");
  const pool = createPool({ connectionString: url });
  const db = drizzle({ client: pool, schema, casing: "snake_case" }) as unknown as Db;
  return { db, driver: "vercel", close: () => pool.end() };
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  switch (target.driver) {
    case "pglite":
      return openPglite({ dir: target.dir });
    case "postgres":
      return openPostgres(target.url);
    case "vercel":
      return openVercelPostgres(target.url);
  }
}

export async function migrateDatabase(database: Database): Promise<void> {
  const config = { migrationsFolder };
  switch (database.driver) {
    case "pglite": {
      const { migrate } = await import("drizzle-orm/pglite/migrator");
      await migrate(database.db as never, config);
      return;
    }
    case "postgres": {
      const { migrate } = await import("drizzle-orm/node-postgres/migrator");
      await migrate(database.db as never, config);
      return;
    }
    case "vercel": {
      const { migrate } = await import("drizzle-orm/vercel-postgres/migrator");
      await migrate(database.db as never, config);
      return;
    }
  }
}

/**
 * Error codes of a database that cannot be reached or is going away: refused or
 * dropped connections, and PostgreSQL's connection-exception (08xxx) and
 * shutting-down / starting-up (57P01-57P03) states.
 */
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
]);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client was closed/i;

/**
 * Whether an error (or one it wraps: drizzle puts the driver's error in `cause`)
 * means the database could not be reached, so the same request may well work in
 * a moment, as opposed to a query that is wrong.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue = [error];
  while (queue.length > 0) {
    const e = queue.shift();
    if (!e || typeof e !== "object" || seen.has(e)) continue;
    seen.add(e);
    const { code, message, cause, errors } = e as {
      code?: unknown;
      message?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
    if (typeof message === "string" && UNAVAILABLE_MESSAGES.test(message)) return true;
    queue.push(cause, ...(Array.isArray(errors) ? errors : []));
  }
  return false;
}

export async function pingDatabase(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}
