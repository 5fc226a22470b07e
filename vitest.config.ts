import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
const FUZZ = "tests/integration/fuzz-*.test.ts";

/**
 * Projects: `unit` (pure logic, seconds: `npm run test:unit`), `integration`
 * (domain functions, pages and actions on an in-memory PGlite) and `fuzz`
 * (every action and route handler under hostile input, FUZZ_RUNS each);
 * integration and fuzz run again on a real PostgreSQL server when
 * TEST_DATABASE_URL is set (`-postgres`; CI sets it). `npm test` runs them all.
 */
const database = (name: string, include: string[], exclude: string[], driver: "pglite" | "postgres") => ({
  extends: true as const,
  test: {
    name,
    include,
    exclude,
    // The harness signs session cookies with it (tests/support/app-harness.ts).
    env: {
      TEST_DB_DRIVER: driver,
      NEXTAUTH_SECRET: "integration-tests-only-secret-0123456789abcdef",
      // Analysis in the test's own thread: tests/unit/analysis-pool.test.ts covers the worker threads.
      ANALYSIS_WORKERS: "0",
    },
    globalSetup: ["tests/support/global-setup.ts"],
    setupFiles: ["tests/support/next-mocks.ts"],
  },
});
const postgres = Boolean(process.env.TEST_DATABASE_URL);
const integration = (driver: "pglite" | "postgres") =>
  database(
    driver === "pglite" ? "integration" : "integration-postgres",
    ["tests/integration/**/*.test.ts"],
    [FUZZ],
    driver,
  );
const fuzz = (driver: "pglite" | "postgres") =>
  database(driver === "pglite" ? "fuzz" : "fuzz-postgres", [FUZZ], [], driver);

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // server-only throws outside a React Server environment; in tests the server code runs in Node.
      "server-only": path.resolve(root, "tests/support/empty-module.ts"),
    },
  },
  test: {
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      integration("pglite"),
      fuzz("pglite"),
      ...(postgres ? [integration("postgres"), fuzz("postgres")] : []),
    ],
  },
});
