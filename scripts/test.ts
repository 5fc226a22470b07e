/**
 * `npm test`: every check, in the order that fails fastest — lint, format,
 * typecheck, dead code (knip), Vitest (unit, integration and fuzz on PGlite,
 * and on PostgreSQL when TEST_DATABASE_URL is set), then Playwright against a
 * production build.
 * Ends with one line of totals.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { findChromium, HOW_TO_INSTALL_CHROMIUM } from "../tests/e2e/chromium";

type Totals = { passed: number; failed: number; skipped: number };
const totals: Totals = { passed: 0, failed: 0, skipped: 0 };
const failedSteps: string[] = [];
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

function step(name: string, command: string, args: string[]): boolean {
  console.log(`\n━━ ${name}: ${command} ${args.join(" ")}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env });
  const ok = result.status === 0;
  console.log(`━━ ${name} ${ok ? "passed" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (!ok) failedSteps.push(name);
  return ok;
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
  } catch {
    return undefined;
  }
}

fs.mkdirSync("test-results", { recursive: true });
for (const f of ["test-results/vitest.json", "test-results/playwright.json"]) fs.rmSync(f, { force: true });

step("lint", "npx", ["eslint", "."]);
step("format", "npx", ["prettier", "--check", "."]);
step("typecheck", "npx", ["tsc", "--noEmit"]);
step("dead code", "npx", ["knip"]);

if (!process.env.TEST_DATABASE_URL) {
  console.log(
    "\nTEST_DATABASE_URL is not set: integration tests run on PGlite only (CI also runs them on PostgreSQL).",
  );
}
step("vitest", "npx", [
  "vitest",
  "run",
  "--reporter=default",
  "--reporter=json",
  "--outputFile=test-results/vitest.json",
]);
const vitest = readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number }>(
  "test-results/vitest.json",
);
if (vitest) {
  totals.passed += vitest.numPassedTests;
  totals.failed += vitest.numFailedTests;
  totals.skipped += vitest.numPendingTests;
}

/** The quiz page ships at most 1.15× the JavaScript of a minimal page of the same build. */
function clientJsBudget() {
  if (step("client-js", "npx", ["tsx", "scripts/check-client-js.ts"])) totals.passed += 1;
  else totals.failed += 1;
}

const chromium = findChromium();
if (!chromium) {
  console.log(`\n${HOW_TO_INSTALL_CHROMIUM}`);
  if (process.env.E2E_REQUIRED === "1") {
    console.log("E2E_REQUIRED=1: a missing browser is a failure.");
    failedSteps.push("e2e (no Chromium)");
  } else {
    console.log("End-to-end tests SKIPPED.");
  }
  // The client JavaScript budget needs a build; end-to-end tests would have made one.
  if (step("build", "npx", ["next", "build"])) clientJsBudget();
} else {
  console.log(`\nChromium for end-to-end tests: ${chromium.path} (${chromium.source})`);
  step("e2e", "npx", ["playwright", "test"]);
  const pw = readJson<{ stats: { expected: number; unexpected: number; skipped: number; flaky: number } }>(
    "test-results/playwright.json",
  );
  if (pw) {
    totals.passed += pw.stats.expected + pw.stats.flaky;
    totals.failed += pw.stats.unexpected;
    totals.skipped += pw.stats.skipped;
  }
  clientJsBudget();
}

if (failedSteps.length > 0) {
  console.log(`\nFailed steps: ${failedSteps.join(", ")}`);
  totals.failed = Math.max(totals.failed, 1);
}
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSteps.length > 0 ? 1 : 0);
