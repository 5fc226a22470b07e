import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

/**
 * The one place that reads process.env. Everything else asks this module, so a
 * typo in a variable name is a type error and a bad value fails at start-up with
 * a sentence, not deep inside a request.
 */
const flag = z
  .enum(["0", "1", "true", "false", ""])
  .optional()
  .transform((v) => v === "1" || v === "true");

/** An optional whole number from 0 to `max`; empty is unset. */
const wholeNumber = (name: string, max: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === "") return undefined;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > max) {
        ctx.addIssue({ code: "custom", message: `${name} must be a whole number from 0 to ${max}` });
        return z.NEVER;
      }
      return n;
    });

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .url()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  POSTGRES_URL: z
    .string()
    .url()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  PGLITE_DIR: z.string().optional(),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters").optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  SEED_DEMO: flag,
  VERCEL: z.string().optional(),
  /** Analysis worker threads (lib/analysis); 0 runs analysis in the request's thread (scripts, tests). */
  ANALYSIS_WORKERS: wholeNumber("ANALYSIS_WORKERS", 16),
  /**
   * How many proxies of ours stand in front of the server, each appending the
   * address it saw to X-Forwarded-For. 0: the socket's address is the client.
   * Unset on Vercel means 1 (Vercel's edge writes the header itself).
   */
  TRUSTED_PROXY_HOPS: wholeNumber("TRUSTED_PROXY_HOPS", 10),
  /** Sign-ups allowed from one address in 15 minutes (default 60); a school behind one address may need more. */
  SIGN_UP_LIMIT_PER_ADDRESS: wholeNumber("SIGN_UP_LIMIT_PER_ADDRESS", 100_000),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

/** Directory for local state (PGlite data, the generated development secret). */
function dataDir(): string {
  return path.join(/* turbopackIgnore: true */ process.cwd(), ".data");
}

export type DatabaseTarget =
  { driver: "pglite"; dir: string } | { driver: "postgres"; url: string } | { driver: "vercel"; url: string };

export function databaseTarget(e: Env = env()): DatabaseTarget {
  if (e.DATABASE_URL) return { driver: "postgres", url: e.DATABASE_URL };
  if (e.POSTGRES_URL) return { driver: "vercel", url: e.POSTGRES_URL };
  const dir = e.PGLITE_DIR
    ? path.resolve(/* turbopackIgnore: true */ process.cwd(), e.PGLITE_DIR)
    : path.join(dataDir(), "pglite");
  return { driver: "pglite", dir };
}

/** Demo accounts exist in development, or anywhere when SEED_DEMO=1; never in production otherwise. */
export function shouldSeedDemo(e: Env = env()): boolean {
  return e.SEED_DEMO || e.NODE_ENV === "development";
}

/**
 * The secret that signs session tokens. In production it must be given; in
 * development it is generated once and kept in .data/ so a first start needs no
 * setup and sessions survive restarts.
 */
export function authSecret(e: Env = env()): string {
  if (e.NEXTAUTH_SECRET) return e.NEXTAUTH_SECRET;
  if (e.NODE_ENV === "production") {
    throw new Error(
      "NEXTAUTH_SECRET is not set. Generate one with `openssl rand -base64 32` and set it in the environment before starting the server.",
    );
  }
  const file = path.join(dataDir(), "nextauth-secret");
  try {
    const existing = fs.readFileSync(file, "utf8").trim();
    if (existing.length >= 32) return existing;
  } catch {
    // not created yet
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = crypto.randomBytes(32).toString("base64url");
  try {
    fs.writeFileSync(file, secret + "\n", { mode: 0o600, flag: "wx" });
    return secret;
  } catch {
    // another process wrote it first: use theirs
    return fs.readFileSync(file, "utf8").trim();
  }
}

/** Proxies of ours in front of the server (see lib/http/client-address.ts). */
export function trustedProxyHops(e: Env = env()): number {
  return e.TRUSTED_PROXY_HOPS ?? (e.VERCEL ? 1 : 0);
}

/** Sign-ups allowed from one address in 15 minutes. */
export function signUpLimitPerAddress(e: Env = env()): number {
  return e.SIGN_UP_LIMIT_PER_ADDRESS ?? 60;
}

/** Worker threads for analysis: two by default, so one slow upload never holds up a quiz. */
export function analysisWorkers(e: Env = env()): number {
  return e.ANALYSIS_WORKERS ?? 2;
}

/**
 * Whether this code runs from Next's server build. Next replaces
 * `process.env.NEXT_RUNTIME` at build time (it is not in the runtime
 * environment), so it is read here literally, not through the schema.
 */
export function bundledByNext(): boolean {
  return process.env.NEXT_RUNTIME === "nodejs";
}

/** For tests: forget the parsed environment after changing process.env. */
export function resetEnvForTests(): void {
  cached = undefined;
}
