import { getDatabase } from "@/db";
import { DataDirLockedError } from "@/db/pglite-lock";
import { warmAnalysis } from "@/lib/analysis";
import { authSecret, databaseTarget, env, shouldSeedDemo } from "@/lib/env";
import { stampPeerAddresses } from "@/lib/http/client-address";
import { describeError, redactQueryErrorsInLogs } from "@/lib/log";
import { prepareContent } from "@/lib/startup";

/** Errors of a data directory that will not become writable by waiting. */
const DIRECTORY_CODES = new Set(["EACCES", "EROFS", "EPERM", "ENOTDIR", "ENOSPC", "EEXIST", "EISDIR"]);

export async function startServer(): Promise<void> {
  const log = (line: string) => console.log(`[newsquiz] ${line}`);
  // Before anything can take a request: per-address limits read the socket's address from this stamp,
  // and no log line (Next's reports of uncaught errors included) may print a query's parameters.
  stampPeerAddresses();
  redactQueryErrorsInLogs();
  try {
    // A bad environment or a production server without a secret must not start at all.
    env();
    authSecret();
  } catch (e) {
    console.error(`\n[newsquiz] ${(e as Error).message}\n`);
    process.exit(1);
  }
  // The analysis threads load the analyser now, not during the first upload.
  warmAnalysis();
  const target = databaseTarget();
  try {
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
    if (target.driver === "pglite") {
      // A local directory does not come back by itself the way a database server does:
      // serving errors until someone notices helps nobody.
      const code = (e as NodeJS.ErrnoException).code;
      const why =
        code && DIRECTORY_CODES.has(code)
          ? `the directory cannot be written (${code})`
          : `it failed to open (${describeError(e)})`;
      console.error(
        `\n[newsquiz] The embedded database at ${target.dir} could not be opened: ${why}. ` +
          `Make that directory writable, point PGLITE_DIR at one that is, or use a PostgreSQL server with DATABASE_URL.\n`,
      );
      process.exit(1);
    }
    const message = (e as Error).message;
    if (/relation .* does not exist/.test(message)) {
      console.error("[newsquiz] The database has no tables yet. Run `npm run db:migrate` first.");
    } else {
      console.error(`[newsquiz] Start-up failed: ${describeError(e)}`);
    }
    // A database server may come back: keep serving; /api/health reports 503 and requests retry the connection.
  }
}
