/**
 * Issue #14, finding 10: what reaches the server log and the sign-in URL when
 * a query fails. A failed insert is made real with a trigger that raises (as
 * a full disk or a dropped connection would), scoped to rows these tests
 * write, so the database's error carries the real query and parameters.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next-auth/next", async (original) =>
  (await import("../support/app-harness")).nextAuthMock(await original<object>()),
);
vi.mock("next/server", async (original) =>
  (await import("../support/app-harness")).nextServerMock(await original<object>()),
);
vi.mock("next/navigation", async (original) =>
  (await import("../support/app-harness")).navigationMock(await original<object>()),
);
vi.mock("next/cache", async () => (await import("../support/app-harness")).cacheMock());
vi.mock("next/headers", async () => (await import("../support/app-harness")).headersMock());

import { authOptions } from "@/app/_lib/auth";
import { signUpAction } from "@/app/sign-up/actions";
import { addArticleAction } from "@/app/teacher/articles/actions";
import { SIGN_IN_ERROR_UNAVAILABLE } from "@/lib/auth/sign-in-messages";
import { describeError, redactQueryErrors } from "@/lib/log";
import { createUser } from "@/lib/users/accounts";
import { form, session } from "../support/app-harness";
import { FAST_HASH, setupTestDatabase, uniqueEmail } from "../support/db";
import { ARTICLE_TEXT } from "../support/fuzz-kit";

const t = setupTestDatabase();
const MARK = `fail-on-insert-${process.pid}-${Date.now().toString(36)}`;

beforeAll(async () => {
  await t.db().execute(
    sql.raw(`create or replace function newsquiz_test_fail() returns trigger language plpgsql as $$
      begin raise exception 'could not extend file: No space left on device'; end $$`),
  );
  for (const [table, column] of [
    ["users", "name"],
    ["sign_in_failures", "email_key"],
    ["articles", "title"],
  ] as const) {
    await t.db().execute(
      sql.raw(`create trigger "fail_${table}_${MARK}" before insert on ${table} for each row
        when (new.${column} like '${MARK}%') execute function newsquiz_test_fail()`),
    );
  }
});

afterAll(async () => {
  for (const table of ["users", "sign_in_failures", "articles"])
    await t.db().execute(sql.raw(`drop trigger if exists "fail_${table}_${MARK}" on ${table}`));
});

/** Everything console.error and console.warn were given while `run` ran, as a log file would show it. */
async function logOf(run: () => Promise<unknown>): Promise<{ log: string; result: unknown }> {
  const lines: string[] = [];
  const capture = (...args: unknown[]) =>
    lines.push(args.map((a) => (a instanceof Error ? `${a.stack ?? a.message}` : String(a))).join(" "));
  const error = vi.spyOn(console, "error").mockImplementation(capture);
  const warn = vi.spyOn(console, "warn").mockImplementation(capture);
  try {
    const result = await run();
    return { log: lines.join("\n"), result };
  } finally {
    error.mockRestore();
    warn.mockRestore();
  }
}

describe("a failed query never puts its parameters in the log or the sign-in URL", () => {
  it("a sign-up whose insert fails logs the error's class and code, not the password hash or the email", async () => {
    const email = uniqueEmail("log");
    const { log, result } = await logOf(() =>
      signUpAction(
        { status: "idle" },
        form({ name: `${MARK} person`, email, password: "a secret password", role: "student" }),
      ),
    );
    expect(result).toMatchObject({ status: "error", message: expect.stringMatching(/on our side/) });
    expect(log).toContain("[action signUp] failed: QueryError");
    for (const secret of ["scrypt$", email, "a secret password", "params", "insert into"])
      expect(log.toLowerCase()).not.toContain(secret.toLowerCase());
  });

  it("a sign-in whose query fails becomes the code 'unavailable', never the query as next-auth's error", async () => {
    const provider = authOptions().providers[0] as unknown as {
      options: { authorize: (credentials: unknown, req: unknown) => Promise<unknown> };
    };
    const email = `${MARK}@example.test`;
    const { log } = await logOf(async () => {
      await expect(
        provider.options.authorize({ email, password: "a secret password" }, { headers: {} }),
      ).rejects.toThrow(new Error(SIGN_IN_ERROR_UNAVAILABLE));
    });
    expect(log).toContain("[next-auth] sign-in could not be checked: QueryError");
    expect(log).not.toContain(email);
    expect(log.toLowerCase()).not.toContain("params");
  });

  it("a failed article insert is answered with a sentence and logs none of the article", async () => {
    const teacher = await createUser({
      db: t.db(),
      name: "Logging Teacher",
      email: uniqueEmail("teacher"),
      password: "password123",
      role: "teacher",
      hashParams: FAST_HASH,
    });
    if (!teacher.ok) throw new Error("teacher");
    session.user = {
      id: teacher.user.id,
      name: "Logging Teacher",
      email: teacher.user.email,
      role: "teacher",
    };
    try {
      const { log, result } = await logOf(() =>
        addArticleAction(
          { status: "idle" },
          form({ title: `${MARK} article`, source: "", publishedOn: "", text: ARTICLE_TEXT }),
        ),
      );
      expect(result).toMatchObject({
        status: "error",
        message: expect.stringMatching(/on our side/),
        values: { text: ARTICLE_TEXT },
      });
      expect(log).toContain("[action addArticle] failed: QueryError");
      expect(log).not.toContain("Mayor Ana Ruiz");
      expect(log).not.toContain(MARK);
    } finally {
      session.user = null;
    }
  });

  it("describes errors by class and code along their causes, and redacts failed queries wherever they are logged", () => {
    const driver = Object.assign(new Error("duplicate key value violates unique constraint"), {
      code: "23505",
    });
    const query = Object.assign(
      new Error("Failed query: insert into users values ($1)\nparams: scrypt$1$2"),
      {
        name: "DrizzleQueryError",
        query: "insert into users values ($1)",
        params: ["scrypt$1$2"],
        cause: driver,
      },
    );
    expect(describeError(query)).toMatch(/^QueryError ← Error \(code 23505\)( at .*)?$/);
    const [redacted, kept] = redactQueryErrors([query, "plain text"]);
    expect(String((redacted as Error).stack)).not.toContain("scrypt$");
    expect(String((redacted as Error).message)).toMatch(/^QueryError ← Error \(code 23505\)/);
    expect(kept).toBe("plain text");
  });
});
