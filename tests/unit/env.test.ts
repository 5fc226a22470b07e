import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  analysisWorkers,
  authSecret,
  databaseTarget,
  env,
  resetEnvForTests,
  shouldSeedDemo,
  trustedProxyHops,
} from "@/lib/env";

const saved = { ...process.env };
let cwd: string;
let tmp: string;

beforeEach(() => {
  cwd = process.cwd();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "newsquiz-env-"));
  process.chdir(tmp);
  for (const k of [
    "DATABASE_URL",
    "POSTGRES_URL",
    "PGLITE_DIR",
    "NEXTAUTH_SECRET",
    "SEED_DEMO",
    "TRUSTED_PROXY_HOPS",
    "VERCEL",
    "ANALYSIS_WORKERS",
  ])
    delete process.env[k];
  resetEnvForTests();
});

afterEach(() => {
  process.chdir(cwd);
  process.env = { ...saved };
  resetEnvForTests();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const setEnv = (vars: Record<string, string>) => {
  Object.assign(process.env, vars);
  resetEnvForTests();
};

describe("environment", () => {
  it("picks PGlite in .data/pglite by default, PGLITE_DIR when given", () => {
    expect(databaseTarget()).toEqual({ driver: "pglite", dir: path.join(process.cwd(), ".data", "pglite") });
    setEnv({ PGLITE_DIR: "elsewhere/db" });
    expect(databaseTarget()).toEqual({ driver: "pglite", dir: path.join(process.cwd(), "elsewhere", "db") });
  });

  it("prefers DATABASE_URL, then POSTGRES_URL", () => {
    setEnv({ POSTGRES_URL: "postgres://v@host/db" });
    expect(databaseTarget().driver).toBe("vercel");
    setEnv({ DATABASE_URL: "postgres://u@localhost/db" });
    expect(databaseTarget()).toEqual({ driver: "postgres", url: "postgres://u@localhost/db" });
  });

  it("rejects a malformed variable with a sentence naming it", () => {
    setEnv({ DATABASE_URL: "not a url" });
    expect(() => env()).toThrow(/DATABASE_URL/);
  });

  it("generates a development secret once and keeps it in .data", () => {
    setEnv({ NODE_ENV: "development" });
    const first = authSecret();
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(fs.readFileSync(path.join(tmp, ".data", "nextauth-secret"), "utf8").trim()).toBe(first);
    expect(authSecret()).toBe(first);
  });

  it("stops a production server that has no secret, with a clear message", () => {
    setEnv({ NODE_ENV: "production" });
    expect(() => authSecret()).toThrow(/NEXTAUTH_SECRET is not set/);
    expect(fs.existsSync(path.join(tmp, ".data"))).toBe(false);
  });

  it("trusts no forwarded header by default, one hop on Vercel, and what TRUSTED_PROXY_HOPS says", () => {
    expect(trustedProxyHops()).toBe(0);
    setEnv({ VERCEL: "1" });
    expect(trustedProxyHops()).toBe(1);
    setEnv({ TRUSTED_PROXY_HOPS: "2" });
    expect(trustedProxyHops()).toBe(2);
    setEnv({ TRUSTED_PROXY_HOPS: "-1" });
    expect(() => env()).toThrow(/TRUSTED_PROXY_HOPS must be a whole number/);
  });

  it("runs analysis on two worker threads unless ANALYSIS_WORKERS says otherwise", () => {
    delete process.env.ANALYSIS_WORKERS;
    resetEnvForTests();
    expect(analysisWorkers()).toBe(2);
    setEnv({ ANALYSIS_WORKERS: "0" });
    expect(analysisWorkers()).toBe(0);
    setEnv({ ANALYSIS_WORKERS: "many" });
    expect(() => env()).toThrow(/ANALYSIS_WORKERS/);
  });

  it("seeds demo accounts in development or when asked, never in production by default", () => {
    setEnv({ NODE_ENV: "development" });
    expect(shouldSeedDemo()).toBe(true);
    setEnv({ NODE_ENV: "production" });
    expect(shouldSeedDemo()).toBe(false);
    setEnv({ NODE_ENV: "production", SEED_DEMO: "1" });
    expect(shouldSeedDemo()).toBe(true);
  });
});
