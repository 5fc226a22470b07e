/**
 * `npm run db:migrate`: applies the committed migrations to the database the
 * environment names (DATABASE_URL, POSTGRES_URL, or the embedded PGlite).
 */
import { migrateDatabase, openDatabase } from "@/db/client";
import { DataDirLockedError } from "@/db/pglite-lock";
import { databaseTarget } from "@/lib/env";

async function main() {
  const target = databaseTarget();
  const database = await openDatabase(target);
  try {
    await migrateDatabase(database);
    console.log(`Migrations applied (${target.driver}).`);
  } finally {
    await database.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof DataDirLockedError ? e.message : `Migration failed: ${(e as Error).message}`);
  process.exit(1);
});
