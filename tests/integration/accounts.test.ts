import { describe, expect, it } from "vitest";
import { THROTTLE } from "@/lib/auth/throttle";
import { LIMITS } from "@/lib/rate-limit";
import {
  authenticate,
  changePassword,
  createUser,
  getUserById,
  signOutEverywhere,
  signUp,
  signUpSchema,
} from "@/lib/users/accounts";
import {
  createSession,
  endSession,
  listSessions,
  MAX_SESSIONS_PER_USER,
  userOfSession,
} from "@/lib/users/sessions";
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

  it("answers a taken email before paying for a password hash", async () => {
    const user = await makeUser();
    // Parameters scrypt refuses: had it hashed first, this would throw instead of answering.
    const again = await createUser({
      db: t.db(),
      name: "Someone Else",
      email: user.email,
      password: "another password",
      role: "student",
      hashParams: { N: 3, r: 8, p: 1 },
    });
    expect(again).toMatchObject({
      ok: false,
      fieldErrors: { email: [expect.stringMatching(/already exists/)] },
    });
  });

  it(`limits sign-ups from one address to ${LIMITS.signUpPerAddress.max} in a quarter hour`, async () => {
    const ip = address();
    const make = (clientAddress: string) =>
      signUp({
        db: t.db(),
        clientAddress,
        name: "Many Accounts",
        email: uniqueEmail("many"),
        password: "a good password",
        role: "student",
        hashParams: FAST_HASH,
      });
    for (let i = 0; i < LIMITS.signUpPerAddress.max; i++) expect((await make(ip)).ok).toBe(true);
    const refused = await make(ip);
    expect(refused).toMatchObject({ ok: false, reason: "throttled" });
    expect((await make(address())).ok).toBe(true);
  });

  it("never returns the password hash", async () => {
    const user = await makeUser();
    expect(Object.keys(user).sort()).toEqual(["email", "id", "name", "password", "role"]);
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

  it(`slows down ${THROTTLE.perAccountAndAddress} wrong guesses from one address without locking the owner out elsewhere`, async () => {
    const user = await makeUser();
    const stranger = address();
    for (let i = 0; i < THROTTLE.perAccountAndAddress; i++) {
      expect(
        await authenticate({
          db: t.db(),
          email: user.email,
          password: `guess ${i}`,
          clientAddress: stranger,
        }),
      ).toEqual({ ok: false, reason: "invalid" });
    }
    // The stranger's address is stopped, even with the right password...
    expect(
      await authenticate({ db: t.db(), email: user.email, password: user.password, clientAddress: stranger }),
    ).toMatchObject({ ok: false, reason: "throttled" });
    // ...and the owner, from their own address, signs in as usual.
    expect(
      await authenticate({
        db: t.db(),
        email: user.email,
        password: user.password,
        clientAddress: address(),
      }),
    ).toMatchObject({ ok: true });
  });

  it(`locks an account after ${THROTTLE.perAccount} failures spread over many addresses, and says until when`, async () => {
    const user = await makeUser();
    const before = Date.now();
    for (let i = 0; i < THROTTLE.perAccount; i++) {
      // Each from a different address: the per-account ceiling is what trips.
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
    // Real accounts (cheap hashes), one wrong guess each: an unknown email would cost a full hash.
    const sprayed = await Promise.all(Array.from({ length: THROTTLE.perAddress }, () => makeUser()));
    for (const account of sprayed) {
      expect(
        await authenticate({ db: t.db(), email: account.email, password: "guess guess", clientAddress: ip }),
      ).toEqual({ ok: false, reason: "invalid" });
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

  it("forgives this address's earlier failures after a right password, and not a stranger's", async () => {
    const user = await makeUser();
    const mine = address();
    const stranger = address();
    const signIn = (password: string, clientAddress: string) =>
      authenticate({ db: t.db(), email: user.email, password, clientAddress });
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < THROTTLE.perAccountAndAddress - 1; i++) await signIn("nope nope", mine);
      expect((await signIn(user.password, mine)).ok).toBe(true);
    }
    for (let i = 0; i < THROTTLE.perAccountAndAddress - 1; i++) await signIn("nope nope", stranger);
    expect((await signIn(user.password, mine)).ok).toBe(true);
    await signIn("nope nope", stranger);
    expect(await signIn(user.password, stranger)).toMatchObject({ ok: false, reason: "throttled" });
  });

  it("counts a password change's current-password check as a sign-in attempt", async () => {
    const user = await makeUser();
    const thief = address();
    for (let i = 0; i < THROTTLE.perAccountAndAddress; i++) {
      const r = await changePassword({
        db: t.db(),
        userId: user.id,
        currentPassword: `guess ${i}`,
        newPassword: "taken over now",
        clientAddress: thief,
        hashParams: FAST_HASH,
      });
      expect(r).toMatchObject({ ok: false, reason: "wrong-password" });
    }
    // Even the right password is not checked from there any more, through either door.
    expect(
      await changePassword({
        db: t.db(),
        userId: user.id,
        currentPassword: user.password,
        newPassword: "taken over now",
        clientAddress: thief,
        hashParams: FAST_HASH,
      }),
    ).toMatchObject({ ok: false, reason: "throttled" });
    expect(
      await authenticate({ db: t.db(), email: user.email, password: user.password, clientAddress: thief }),
    ).toMatchObject({ ok: false, reason: "throttled" });
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
  const session = (userId: string) =>
    createSession({
      db: t.db(),
      userId,
      userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0",
      clientAddress: "192.0.2.9",
    });

  it("ends one session by its id: that session's check fails, the others' hold", async () => {
    const user = await makeUser();
    const [a, b] = [await session(user.id), await session(user.id)];
    expect(await userOfSession({ db: t.db(), sessionId: a, userId: user.id })).toMatchObject({ id: user.id });
    expect(await endSession({ db: t.db(), userId: user.id, sessionId: a })).toBe(true);
    expect(await userOfSession({ db: t.db(), sessionId: a, userId: user.id })).toBeUndefined();
    expect(await userOfSession({ db: t.db(), sessionId: b, userId: user.id })).toMatchObject({ id: user.id });
  });

  it("lists a user's sessions with the browser and address, and ends none of another user's", async () => {
    const user = await makeUser();
    const other = await makeUser();
    const theirs = await session(other.id);
    await session(user.id);
    expect(await listSessions({ db: t.db(), userId: user.id })).toEqual([
      expect.objectContaining({ device: "Chrome on Linux", clientAddress: "192.0.2.9" }),
    ]);
    expect(await endSession({ db: t.db(), userId: user.id, sessionId: theirs })).toBe(false);
    expect(await userOfSession({ db: t.db(), sessionId: theirs, userId: other.id })).toBeDefined();
    // A session id is only good with its own user.
    expect(await userOfSession({ db: t.db(), sessionId: theirs, userId: user.id })).toBeUndefined();
  });

  it("finds no user for an expired session", async () => {
    const user = await makeUser();
    const old = await createSession({
      db: t.db(),
      userId: user.id,
      userAgent: "",
      clientAddress: "",
      now: new Date(Date.now() - 31 * 86_400_000),
    });
    expect(await userOfSession({ db: t.db(), sessionId: old, userId: user.id })).toBeUndefined();
  });

  it(`keeps at most ${MAX_SESSIONS_PER_USER} sessions per user, ending the oldest`, async () => {
    const user = await makeUser();
    const first = await session(user.id);
    for (let i = 0; i < MAX_SESSIONS_PER_USER; i++) await session(user.id);
    expect(await listSessions({ db: t.db(), userId: user.id })).toHaveLength(MAX_SESSIONS_PER_USER);
    expect(await userOfSession({ db: t.db(), sessionId: first, userId: user.id })).toBeUndefined();
  });

  it("ends every session with sign-out-everywhere", async () => {
    const user = await makeUser();
    const ids = [await session(user.id), await session(user.id)];
    await signOutEverywhere({ db: t.db(), userId: user.id });
    for (const sessionId of ids)
      expect(await userOfSession({ db: t.db(), sessionId, userId: user.id })).toBeUndefined();
  });

  it("changes a password only with the current one, and ends every session", async () => {
    const user = await makeUser();
    const before = await session(user.id);
    const wrong = await changePassword({
      db: t.db(),
      userId: user.id,
      currentPassword: "not it at all",
      newPassword: "brand new pass",
      clientAddress: address(),
    });
    expect(wrong).toEqual({
      ok: false,
      reason: "wrong-password",
      fieldErrors: { currentPassword: ["That is not your current password."] },
    });
    expect(await userOfSession({ db: t.db(), sessionId: before, userId: user.id })).toBeDefined();
    const right = await changePassword({
      db: t.db(),
      userId: user.id,
      currentPassword: user.password,
      newPassword: "brand new pass",
      clientAddress: address(),
      hashParams: FAST_HASH,
    });
    expect(right).toEqual({ ok: true });
    expect(await userOfSession({ db: t.db(), sessionId: before, userId: user.id })).toBeUndefined();
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
