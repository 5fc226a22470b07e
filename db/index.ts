import "server-only";
import { databaseTarget } from "@/lib/env";
import { migrateDatabase, openDatabase, type Database, type Db } from "./client";

export type { Db } from "./client";

/**
 * The one database of this process. Kept on globalThis so that hot reload in
 * development, and Next's several module graphs, share one handle (PGlite
 * allows one opener per data directory). Migrations are applied on first use
 * for the embedded database; servers are migrated by `npm run db:migrate`.
 */
type Holder = { promise?: Promise<Database> };
const holder = ((globalThis as { __newsquizDb?: Holder }).__newsquizDb ??= {});

export function getDatabase(): Promise<Database> {
  holder.promise ??= (async () => {
    const target = databaseTarget();
    const database = await openDatabase(target);
    if (database.driver === "pglite") await migrateDatabase(database);
    return database;
  })().catch((e: unknown) => {
    holder.promise = undefined;
    throw e;
  });
  return holder.promise;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

/** Tests install their own database (in-memory PGlite or TEST_DATABASE_URL). */
export function installDatabaseForTests(database: Database | undefined): void {
  holder.promise = database ? Promise.resolve(database) : undefined;
}
