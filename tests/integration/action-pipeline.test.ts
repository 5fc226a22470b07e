/**
 * The one action pipeline (app/_lib/action.ts): who may call, what the schema
 * reads, what comes back on every kind of failure, and what is logged.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";

import { buttonAction, describeError, fieldsOf, formAction, goTo, stay } from "@/app/_lib/action";
import { addArticleAction } from "@/app/teacher/articles/actions";
import { installDatabaseForTests } from "@/db";
import { openPostgres } from "@/db/client";
import { idleResult } from "@/lib/action-result";
import { createUser } from "@/lib/users/accounts";
import { form, Interrupt, outcome, session, type Who } from "../support/app-harness";
import { FAST_HASH, setupTestDatabase, uniqueEmail } from "../support/db";

const t = setupTestDatabase();
let teacher: Who;
let student: Who;

async function person(role: "teacher" | "student"): Promise<Who> {
  const r = await createUser({
    db: t.db(),
    name: role,
    email: uniqueEmail(role),
    password: "password123",
    role,
    hashParams: FAST_HASH,
  });
  if (!r.ok) throw new Error("user");
  return { id: r.user.id, name: role, email: r.user.email, role };
}

beforeAll(async () => {
  teacher = await person("teacher");
  student = await person("student");
});

afterEach(() => {
  session.user = null;
  vi.restoreAllMocks();
});

/** What drizzle throws for a failed query: its message names the query and its parameters. */
function queryError(code: string) {
  const driver = Object.assign(new Error("terminating connection due to administrator command"), { code });
  return new Error("Failed query: insert into users values ($1) params: scrypt$secret-hash", {
    cause: driver,
  });
}

const echo = formAction({
  name: "echo",
  access: "teacher",
  page: "/teacher",
  schema: z.object({ title: z.string().min(3, "Too short."), id: z.uuid() }),
  secret: ["password"],
  run: async ({ input }) => {
    if (input.title === "database down") throw queryError("57P01");
    if (input.title === "a bug") throw new TypeError("x is not a function");
    return stay(`Saved ${input.title}.`);
  },
});

const id = "5d7c2a1b-8e3f-4c6d-b2a9-1e0f3d4c5b6a";

describe("a form action", () => {
  it("checks the session and the role before it reads the input", async () => {
    expect(await outcome(() => echo(idleResult, form({ title: "x" })))).toBe("sign-in");
    session.user = student;
    expect(await outcome(() => echo(idleResult, form({ title: "x" })))).toBe("forbidden");
  });

  it("gives every typed value back with the field errors, but never a secret", async () => {
    session.user = teacher;
    const result = await echo(
      idleResult,
      form({ title: "ab", id: "nope", password: "hunter22", note: "kept" }),
    );
    expect(result).toMatchObject({
      status: "error",
      message: "Please correct the highlighted fields.",
      fieldErrors: { title: ["Too short."], id: [expect.any(String)] },
      values: { title: "ab", id: "nope", note: "kept" },
    });
    expect(result.values).not.toHaveProperty("password");
  });

  it("answers a database error with a sentence and the values, and logs only its class and code", async () => {
    session.user = teacher;
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const result = await echo(idleResult, form({ title: "database down", id, password: "hunter22" }));
    expect(result).toMatchObject({
      status: "error",
      reason: "unavailable",
      message: expect.stringMatching(/could not reach the database/),
      values: { title: "database down", id },
    });
    const lines = logged.mock.calls.map((c) => c.join(" "));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/\[action echo\] database unreachable: Error ← Error \(code 57P01\)/);
    expect(lines[0]).not.toMatch(/secret-hash|insert into|hunter22/);
  });

  it("answers any other failure the same way, as ours", async () => {
    session.user = teacher;
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await echo(idleResult, form({ title: "a bug", id }))).toMatchObject({
      status: "error",
      reason: "failed",
      message: expect.stringMatching(/Something went wrong on our side/),
      values: { title: "a bug" },
    });
  });

  it("keeps a pasted article when the database cannot be reached, even for the session check", async () => {
    const unreachable = await openPostgres("postgres://nobody:nothing@127.0.0.1:1/none");
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    installDatabaseForTests(unreachable);
    session.user = teacher;
    const text = "A long article the teacher pasted. ".repeat(2_000);
    try {
      const result = await addArticleAction(
        idleResult,
        form({ title: "Bridge", source: "", publishedOn: "", text }),
      );
      expect(result).toMatchObject({
        status: "error",
        reason: "unavailable",
        values: { title: "Bridge", text },
      });
    } finally {
      installDatabaseForTests(t.database());
      await unreachable.close();
    }
    expect(logged.mock.calls.flat().join(" ")).not.toContain("A long article");
  });
});

const button = buttonAction({
  name: "button",
  access: "signed-in",
  page: (fields) => `/things/${String(fields.id)}`,
  unavailable: (fields) => `/things/${String(fields.id)}/unavailable`,
  schema: z.object({ id: z.uuid(), mode: z.enum(["fine", "down", "bug"]) }),
  run: async ({ input }) => {
    if (input.mode === "down") throw queryError("08006");
    if (input.mode === "bug") throw new RangeError("bad");
    return goTo(`/things/${input.id}?done=1`);
  },
});

async function destination(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return "no navigation";
  } catch (e) {
    if (e instanceof Interrupt) return e.url ?? e.outcome;
    throw e;
  }
}

describe("a button action", () => {
  it("always navigates: to where run says, not found for input no page writes, or back with a notice", async () => {
    session.user = student;
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await destination(() => button(form({ id, mode: "fine" })))).toBe(`/things/${id}?done=1`);
    expect(await destination(() => button(form({ id: "1; drop table", mode: "fine" })))).toBe("not-found");
    expect(await destination(() => button(form({ id, mode: "down" })))).toBe(`/things/${id}/unavailable`);
    expect(await destination(() => button(form({ id, mode: "bug" })))).toBe(`/things/${id}?notice=try-again`);
  });

  it("sends a signed-out person to sign in and back to the page", async () => {
    expect(await destination(() => button(form({ id, mode: "fine" })))).toBe(
      `/sign-in?callbackUrl=${encodeURIComponent(`/things/${id}`)}`,
    );
  });
});

describe("reading a form", () => {
  it("takes each field's first value, makes text storable, skips React's fields, and keeps __proto__ a field", () => {
    const f = new FormData();
    f.append("name", "A\u0000da\uD800");
    f.append("name", "second");
    f.append("$ACTION_ID_abc", "");
    f.append("__proto__", "x");
    const fields = fieldsOf(f);
    expect(fields.name).toBe("Ada\uFFFD");
    expect(Object.keys(fields)).toEqual(["name", "__proto__"]);
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
  });

  it("describes a thrown non-error without failing", () => {
    expect(describeError("boom")).toBe("string");
    expect(describeError(Object.assign(new Error("m"), { code: "23505" }))).toMatch(/^Error \(code 23505\)/);
  });
});
