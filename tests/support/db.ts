import fs from "node:fs";
import { afterAll, beforeAll, inject } from "vitest";
import { installDatabaseForTests } from "@/db";
import { openPglite, openPostgres, type Database, type Db } from "@/db/client";

/**
 * Gives a test file its own database: an in-memory PGlite loaded from the
 * migrated snapshot, or the shared real PostgreSQL. It is also installed as
 * the app's database so code that calls getDb() uses it.
 */
export function setupTestDatabase(): { db: () => Db; database: () => Database } {
  let database: Database | undefined;
  beforeAll(async () => {
    if (process.env.TEST_DB_DRIVER === "postgres") {
      database = await openPostgres(process.env.TEST_DATABASE_URL ?? "");
    } else {
      const snapshot = fs.readFileSync(inject("pgliteSnapshot"));
      database = await openPglite({ loadDataDir: new Blob([snapshot]) });
    }
    installDatabaseForTests(database);
  });
  afterAll(async () => {
    installDatabaseForTests(undefined);
    await database?.close();
  });
  return {
    db: () => {
      if (!database) throw new Error("database not ready");
      return database.db;
    },
    database: () => {
      if (!database) throw new Error("database not ready");
      return database;
    },
  };
}

let counter = 0;
/** A unique email per call, so tests on a shared server never collide. */
export function uniqueEmail(label = "user"): string {
  counter++;
  return `${label}-${Date.now().toString(36)}-${process.pid}-${counter}-${Math.random().toString(36).slice(2, 8)}@example.test`;
}

/** Cheap scrypt parameters for tests that only need a user to exist. */
export const FAST_HASH = { N: 2 ** 10, r: 8, p: 1 } as const;
