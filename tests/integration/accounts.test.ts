import { describe, expect, it } from "vitest";
import { THROTTLE } from "@/lib/auth/throttle";
import {
  authenticate,
  changePassword,
  createUser,
  getUserById,
  signOutEverywhere,
  signUpSchema,
} from "@/lib/users/accounts";
import { FAST_HASH, uniqueEmail, setupTestDatabase } from "../support/db";

const t = setupTestDatabase();

async function makeUser(password = "a good password", role: "teacher" | "student" = "student") {
  const email = uniqueEmail(role);
  const result = await createUser({
    db: t.db(),
    name: "Test Person",
    email,
    password,
    role,
    hashParams: FAST_HASH,
  });
  if (!result.ok) throw new Error("could not create user");
  return { ...result.user, password };
}

let addressCounter = 0;
const address = () =>
  `198.51.100.${++addressCounter}-${process.pid}-${Math.random().toString(36).slice(2, 6)}`;

describe("sign-up", () => {
  it("refuses a second account whose email differs only in case", async () => {
    const user = await makeUser();
    const again = await createUser({
      db: t.db(),
      name: "Someone Else",
      email: `  ${user.email.toUpperCase()} `,
      password: "another password",
      role: "teacher",
      hashParams: FAST_HASH,
    });
    expect(again).toEqual({
      ok: false,
      reason: "email-taken",
      fieldErrors: { email: ["An account with this email already exists."] },
    });
  });

  it("states every rule a sign-up breaks, field by field", () => {
    const parsed = signUpSchema.safeParse({
      name: " ",
      email: "not-an-email",
      password: "short",
      role: "admin",
    });
    expect(parsed.success).toBe(false);
    const fields = Object.fromEntries(parsed.error!.issues.map((i) => [String(i.path[0]), i.message]));
    expect(fields).toEqual({
      name: "Enter your name.",
      email: "Enter an email address like name@school.org.",
      password: "Use at least 8 characters.",
      role: "Choose whether you are a teacher or a student.",
    });
  });

  it("never returns the password hash", async () => {
    const user = await makeUser();
    expect(Object.keys(user).sort()).toEqual(["email", "id", "name", "password", "role", "sessionVersion"]);
    expect(Object.keys((await getUserById({ db: t.db(), userId: user.id }))!)).not.toContain("passwordHash");
  });
});

describe("sign-in", () => {
  it("accepts the right password with the email in any case", async () => {
    const user = await makeUser();
    const result = await authenticate({
      db: t.db(),
      email: user.email.toUpperCase(),
      password: user.password,
      clientAddress: address(),
    });
    expect(result).toMatchObject({ ok: true, user: { id: user.id, role: "student" } });
  });

  it("refuses a wrong password and an unknown email alike", async () => {
    const user = await makeUser();
    const ip = address();
    expect(
      await authenticate({ db: t.db(), email: user.email, password: "wrong password", clientAddress: ip }),
    ).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(
      await authenticate({
        db: t.db(),
        email: uniqueEmail("nobody"),
        password: "wrong password",
        clientAddress: ip,
      }),
    ).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it(`locks an account after ${THROTTLE.perAccount} failures, even for the right password, and says until when`, async () => {
    const user = await makeUser();
    const before = Date.now();
    for (let i = 0; i < THROTTLE.perAccount; i++) {
      // Each from a different address: the per-account limit is what trips.
      await authenticate({ db: t.db(), email: user.email, password: `wrong ${i}`, clientAddress: address() });
    }
    const result = await authenticate({
      db: t.db(),
      email: user.email,
      password: user.password,
      clientAddress: address(),
    });
    expect(result.ok).toBe(false);
    if (result.ok || result.reason !== "throttled") throw new Error("expected throttled");
    const wait = result.retryAt.getTime() - before;
    expect(wait).toBeGreaterThan(THROTTLE.windowMs - 60_000);
    expect(wait).toBeLessThanOrEqual(THROTTLE.windowMs + 60_000);
  });

  it(`limits one address to ${THROTTLE.perAddress} failures across many accounts`, async () => {
    const ip = address();
    for (let i = 0; i < THROTTLE.perAddress; i++) {
      await authenticate({
        db: t.db(),
        email: uniqueEmail("spray"),
        password: "guess guess",
        clientAddress: ip,
      });
    }
    const victim = await makeUser();
    const blocked = await authenticate({
      db: t.db(),
      email: victim.email,
      password: victim.password,
      clientAddress: ip,
    });
    expect(blocked).toMatchObject({ ok: false, reason: "throttled" });
    const elsewhere = await authenticate({
      db: t.db(),
      email: victim.email,
      password: victim.password,
      clientAddress: address(),
    });
    expect(elsewhere.ok).toBe(true);
  });

  it("forgives an account's earlier failures after a successful sign-in", async () => {
    const user = await makeUser();
    for (let i = 0; i < THROTTLE.perAccount - 1; i++) {
      await authenticate({ db: t.db(), email: user.email, password: "nope nope", clientAddress: address() });
    }
    expect(
      (
        await authenticate({
          db: t.db(),
          email: user.email,
          password: user.password,
          clientAddress: address(),
        })
      ).ok,
    ).toBe(true);
    await authenticate({ db: t.db(), email: user.email, password: "nope nope", clientAddress: address() });
    expect(
      (
        await authenticate({
          db: t.db(),
          email: user.email,
          password: user.password,
          clientAddress: address(),
        })
      ).ok,
    ).toBe(true);
  });
});

describe("ending sessions", () => {
  it("moves the session version on with sign-out-everywhere", async () => {
    const user = await makeUser();
    await signOutEverywhere({ db: t.db(), userId: user.id });
    expect((await getUserById({ db: t.db(), userId: user.id }))?.sessionVersion).toBe(
      user.sessionVersion + 1,
    );
  });

  it("changes a password only with the current one, and ends old sessions", async () => {
    const user = await makeUser();
    const wrong = await changePassword({
      db: t.db(),
      userId: user.id,
      currentPassword: "not it at all",
      newPassword: "brand new pass",
    });
    expect(wrong).toEqual({
      ok: false,
      reason: "wrong-password",
      fieldErrors: { currentPassword: ["That is not your current password."] },
    });
    const right = await changePassword({
      db: t.db(),
      userId: user.id,
      currentPassword: user.password,
      newPassword: "brand new pass",
    });
    expect(right).toEqual({ ok: true, sessionVersion: user.sessionVersion + 1 });
    expect(
      (
        await authenticate({
          db: t.db(),
          email: user.email,
          password: user.password,
          clientAddress: address(),
        })
      ).ok,
    ).toBe(false);
    expect(
      (
        await authenticate({
          db: t.db(),
          email: user.email,
          password: "brand new pass",
          clientAddress: address(),
        })
      ).ok,
    ).toBe(true);
  });
});
