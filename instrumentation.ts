/**
 * Runs once when a server process starts, before it takes requests: opens the
 * database (applying migrations on the embedded one), loads the shipped
 * articles and, in development, the demo accounts, and prints them.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // `next build` loads this file in several worker processes; the database is not theirs to open.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startServer } = await import("./app/_lib/startup");
  await startServer();
}
