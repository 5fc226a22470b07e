import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres, type Database, type Db } from "@/db/client";
import { THROTTLE } from "@/lib/auth/throttle";
import { authenticate, createUser } from "@/lib/users/accounts";
import { FAST_HASH, setupTestDatabase, uniqueEmail } from "../support/db";

/**
 * Sign-in throttling must hold across server instances. Each Next.js server
 * process has its own connection pool and nothing else in common but the
 * database, so two separate pools on one PostgreSQL stand for two processes:
 * failures counted through one must lock the account out through the other.
 * (On PGlite, which one process owns, both "processes" share the one handle;
 * the concurrency test still applies there.)
 */
const t = setupTestDatabase();
const onPostgres = process.env.TEST_DB_DRIVER === "postgres";
let second: Database | undefined;

beforeAll(async () => {
  if (onPostgres) second = await openPostgres(process.env.TEST_DATABASE_URL ?? "");
});
afterAll(async () => {
  await second?.close();
});

/** The two "server processes". */
const processes = (): [Db, Db] => [t.db(), second?.db ?? t.db()];

async function makeUser() {
  const password = "the right password";
  const result = await createUser({
    db: t.db(),
    name: "Throttled Person",
    email: uniqueEmail("throttle"),
    password,
    role: "student",
    hashParams: FAST_HASH,
  });
  if (!result.ok) throw new Error("could not create user");
  return { ...result.user, password };
}

let n = 0;
const address = () => `203.0.113.${++n}-${process.pid}-${Math.random().toString(36).slice(2, 6)}`;

describe("sign-in throttling across server processes", () => {
  it("adds up failures made through two processes and locks the guessing address out on both", async () => {
    const user = await makeUser();
    const [a, b] = processes();
    if (onPostgres) expect(a).not.toBe(b);
    const guesser = address();
    for (let i = 0; i < THROTTLE.perAccountAndAddress; i++) {
      const db = i % 2 === 0 ? a : b;
      const r = await authenticate({ db, email: user.email, password: `wrong ${i}`, clientAddress: guesser });
      expect(r).toEqual({ ok: false, reason: "invalid" });
    }
    for (const db of [a, b]) {
      const r = await authenticate({
        db,
        email: user.email,
        password: user.password,
        clientAddress: guesser,
      });
      expect(r).toMatchObject({ ok: false, reason: "throttled" });
    }
  });

  it("checks at most the limit's worth of passwords from a burst of parallel guesses on both processes", async () => {
    const user = await makeUser();
    const [a, b] = processes();
    const limit = THROTTLE.perAccountAndAddress;
    const guesser = address();
    const burst = 3 * limit;
    const results = await Promise.all(
      Array.from({ length: burst }, (_, i) =>
        authenticate({
          db: i % 2 === 0 ? a : b,
          email: user.email,
          password: `guess ${i}`,
          clientAddress: guesser,
        }),
      ),
    );
    // A password that was checked answers "invalid"; the rest were refused unchecked.
    let checked = results.filter((r) => !r.ok && r.reason === "invalid").length;
    expect(checked).toBeLessThanOrEqual(limit);
    expect(results.filter((r) => !r.ok && r.reason === "throttled")).toHaveLength(burst - checked);
    // Guessing on, one at a time, never gets more than the limit checked in all.
    for (let i = 0; i < limit; i++) {
      const r = await authenticate({
        db: i % 2 === 0 ? b : a,
        email: user.email,
        password: `more ${i}`,
        clientAddress: guesser,
      });
      if (!r.ok && r.reason === "invalid") checked++;
    }
    expect(checked).toBe(limit);
    for (const db of [a, b]) {
      expect(
        await authenticate({ db, email: user.email, password: user.password, clientAddress: guesser }),
      ).toMatchObject({ ok: false, reason: "throttled" });
    }
  });

  it("still lets the right password in under the limit, through either process", async () => {
    const user = await makeUser();
    const [a, b] = processes();
    const me = address();
    for (let i = 0; i < THROTTLE.perAccountAndAddress - 1; i++) {
      await authenticate({ db: i % 2 ? a : b, email: user.email, password: `wrong ${i}`, clientAddress: me });
    }
    expect(
      await authenticate({ db: b, email: user.email, password: user.password, clientAddress: me }),
    ).toMatchObject({ ok: true, user: { id: user.id } });
  });
});
