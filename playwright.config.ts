import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { findChromium } from "./tests/e2e/chromium";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;
const chromium = findChromium();

/**
 * End-to-end tests run against a production build (`next build && next start`)
 * on a fresh embedded database of their own, so they never touch .data/pglite.
 */
export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  globalSetup: "./tests/e2e/global-setup.ts",
  use: {
    baseURL,
    trace: "retain-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath: chromium?.path,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    command: process.env.E2E_SKIP_BUILD
      ? `npx next start -p ${PORT}`
      : `npx next build && npx next start -p ${PORT}`,
    url: `${baseURL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      NEXT_TELEMETRY_DISABLED: "1",
      NEXTAUTH_URL: baseURL,
      NEXTAUTH_SECRET: "e2e-only-secret-that-is-long-enough-0123456789",
      PGLITE_DIR: path.join(".data", "e2e", String(process.pid)),
      SEED_DEMO: "1",
      // Every spec signs up from this machine's one address, more than the default 60 in 15 minutes.
      SIGN_UP_LIMIT_PER_ADDRESS: "10000",
      DATABASE_URL: "",
      POSTGRES_URL: "",
    },
  },
});
