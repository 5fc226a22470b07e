/**
 * `npm run db:seed`: loads the shipped articles (and demo accounts in
 * development or with SEED_DEMO=1) into the configured database. The app does
 * this itself at start-up; the script is for servers migrated by hand.
 */
import { migrateDatabase, openDatabase } from "@/db/client";
import { DataDirLockedError } from "@/db/pglite-lock";
import { databaseTarget, shouldSeedDemo } from "@/lib/env";
import { prepareContent } from "@/lib/startup";

async function main() {
  const target = databaseTarget();
  const database = await openDatabase(target);
  try {
    if (database.driver === "pglite") await migrateDatabase(database);
    const { articlesAdded } = await prepareContent({
      database,
      seedDemo: shouldSeedDemo(),
      log: console.log,
    });
    if (articlesAdded === 0) console.log("Articles already loaded.");
  } finally {
    await database.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof DataDirLockedError ? e.message : `Seeding failed: ${(e as Error).message}`);
  process.exit(1);
});
