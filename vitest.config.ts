import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

/**
 * Three projects: pure unit tests; integration tests on in-memory PGlite; and
 * the same integration tests on a real PostgreSQL server when
 * TEST_DATABASE_URL is set (CI sets it).
 */
const integration = (name: string, driver: "pglite" | "postgres") => ({
  extends: true as const,
  test: {
    name,
    include: ["tests/integration/**/*.test.ts"],
    // The harness signs session cookies with it (tests/support/app-harness.ts).
    env: { TEST_DB_DRIVER: driver, NEXTAUTH_SECRET: "integration-tests-only-secret-0123456789abcdef" },
    globalSetup: ["tests/support/global-setup.ts"],
  },
});

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
    // Analysis runs in the test's own thread (tests/integration/analysis-pool.test.ts covers the worker threads).
    env: { ANALYSIS_WORKERS: "0" },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      integration("integration-pglite", "pglite"),
      ...(process.env.TEST_DATABASE_URL ? [integration("integration-postgres", "postgres")] : []),
    ],
  },
});
