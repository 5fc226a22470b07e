import { getDatabase } from "@/db";
import { DataDirLockedError } from "@/db/pglite-lock";
import { authSecret, databaseTarget, env, shouldSeedDemo } from "@/lib/env";
import { prepareContent } from "@/lib/startup";

export async function startServer(): Promise<void> {
  const log = (line: string) => console.log(`[newsquiz] ${line}`);
  try {
    // A bad environment or a production server without a secret must not start at all.
    env();
    authSecret();
  } catch (e) {
    console.error(`\n[newsquiz] ${(e as Error).message}\n`);
    process.exit(1);
  }
  try {
    const target = databaseTarget();
    const started = Date.now();
    const database = await getDatabase();
    log(
      target.driver === "pglite"
        ? `Embedded PostgreSQL (PGlite) at ${target.dir} ready in ${Date.now() - started} ms.`
        : `Connected to ${target.driver === "vercel" ? "Vercel Postgres" : "PostgreSQL"}.`,
    );
    await prepareContent({ database, seedDemo: shouldSeedDemo(), log });
  } catch (e) {
    if (e instanceof DataDirLockedError) {
      console.error(`\n[newsquiz] ${e.message}\n`);
      process.exit(1);
    }
    const message = (e as Error).message;
    if (/relation .* does not exist/.test(message)) {
      console.error("[newsquiz] The database has no tables yet. Run `npm run db:migrate` first.");
    } else {
      console.error(`[newsquiz] Start-up failed: ${message}`);
    }
    // Otherwise keep serving: /api/health reports 503 and requests retry the connection.
  }
}
