import { getDatabase } from "@/db";
import { pingDatabase } from "@/db/client";
import { databaseTarget } from "@/lib/env";
import { logError } from "@/lib/log";

export const dynamic = "force-dynamic";

/** Liveness and readiness in one: 200 when the database answers, 503 when it does not. */
export async function GET() {
  const driver = databaseTarget().driver;
  try {
    const database = await getDatabase();
    await pingDatabase(database.db);
    return Response.json({ status: "ok", db: driver }, { headers: { "cache-control": "no-store" } });
  } catch (e) {
    logError("health", "database unreachable", e);
    return Response.json(
      { status: "error", db: driver, message: "The database is unreachable." },
      { status: 503, headers: { "cache-control": "no-store" } },
    );
  }
}
