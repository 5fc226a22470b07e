import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { users, type Role, type User } from "@/db/schema";
import { hashPassword, verifyAgainstDummy, verifyPassword, type HashWait } from "@/lib/auth/password";
import { PASSWORD_MAX, passwordProblems } from "@/lib/auth/password-rules";
import { claimSignInAttempt, clearFailures } from "@/lib/auth/throttle";
import { claim, LIMITS } from "@/lib/rate-limit";
import { signUpLimitPerAddress } from "@/lib/env";
import { ok, refuse, type Result } from "@/lib/result";
import { endAllSessions } from "./sessions";

export const passwordField = z.string({ error: "Enter a password." }).superRefine((value, ctx) => {
  for (const message of passwordProblems(value)) ctx.addIssue({ code: "custom", message });
});

export const emailField = z
  .string({ error: "Enter your email address." })
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter an email address like name@school.org."));

export const nameField = z
  .string({ error: "Enter your name." })
  .trim()
  .min(1, "Enter your name.")
  .max(100, "Use at most 100 characters for your name.");

export const signUpSchema = z.object({
  name: nameField,
  email: emailField,
  password: passwordField,
  role: z.enum(["teacher", "student"], { error: "Choose whether you are a teacher or a student." }),
});

type SignUpInput = z.infer<typeof signUpSchema>;

/** What the app may show of a user: never the hash. */
export type PublicUser = Pick<User, "id" | "email" | "name" | "role" | "mustChangePassword">;

const publicColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  mustChangePassword: users.mustChangePassword,
};

export type CreateUserResult = Result<{ user: PublicUser }, "email-taken", keyof SignUpInput>;

/** The sign-up form adds "Sign in instead" as a link beside it (reason "email-taken"). */
const EMAIL_TAKEN = "An account with this email already exists.";

export async function createUser(input: {
  db: Executor;
  name: string;
  email: string;
  password: string;
  role: Role;
  /** Tests may lower the scrypt cost; production code never passes this. */
  hashParams?: Parameters<typeof hashPassword>[1];
  /** A sign-up someone is waiting on is refused when the hash queue is full; seeding waits. */
  whenBusy?: HashWait["whenBusy"];
}): Promise<CreateUserResult> {
  // A taken email is answered before paying for a hash (128 MiB and ~100 ms of scrypt).
  if (await findByEmail(input.db, input.email)) return refuse("email-taken", { email: [EMAIL_TAKEN] });
  const passwordHash = await hashPassword(input.password, input.hashParams, { whenBusy: input.whenBusy });
  try {
    const [user] = await input.db
      .insert(users)
      .values({ name: input.name.trim(), email: input.email.trim(), role: input.role, passwordHash })
      .returning(publicColumns);
    if (!user) throw new Error("insert returned no row");
    return ok({ user });
  } catch (e) {
    // The unique index on lower(email) is the check: no race between two sign-ups.
    if (isUniqueViolation(e)) {
      return refuse("email-taken", { email: [EMAIL_TAKEN] });
    }
    throw e;
  }
}

export type SignUpResult =
  CreateUserResult | { ok: false; reason: "throttled"; retryAt: Date; fieldErrors?: undefined };

/**
 * Sign-up as the public form does it: counted against the address's limit and
 * the limit over everyone before anything else, so a script making accounts
 * is stopped before it costs a hash each.
 */
export async function signUp(
  input: SignUpInput & {
    db: Executor;
    clientAddress: string;
    hashParams?: Parameters<typeof hashPassword>[1];
  },
): Promise<SignUpResult> {
  const limited = await claim({
    db: input.db,
    limits: [
      { limit: { ...LIMITS.signUpPerAddress, max: signUpLimitPerAddress() }, key: input.clientAddress },
      { limit: LIMITS.signUpOverall, key: "all" },
    ],
  });
  if (limited.limited) return { ok: false, reason: "throttled", retryAt: limited.retryAt };
  return createUser({ ...input, whenBusy: "refuse" });
}

async function findByEmail(db: Executor, email: string): Promise<User | undefined> {
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`)
    .limit(1);
  return user;
}

export type AuthenticateResult =
  | { ok: true; user: PublicUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAt: Date };

export async function authenticate(input: {
  db: Executor;
  email: string;
  password: string;
  clientAddress: string;
}): Promise<AuthenticateResult> {
  // Claimed before the password is checked, so parallel guesses count against each other.
  const throttle = await claimSignInAttempt(input);
  if (throttle.blocked) return { ok: false, reason: "throttled", retryAt: throttle.retryAt };

  const password = input.password.slice(0, PASSWORD_MAX * 4);
  const user = input.email.length <= 254 ? await findByEmail(input.db, input.email) : undefined;
  const busy = { whenBusy: "refuse" } as const;
  const valid = user
    ? await verifyPassword(password, user.passwordHash, busy)
    : await verifyAgainstDummy(password, busy);
  // A wrong password leaves the claim in place as the failure it is.
  if (!user || !valid) return { ok: false, reason: "invalid" };
  await clearFailures(input);
  return { ok: true, user: pick(user) };
}

function pick(user: User): PublicUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    mustChangePassword: user.mustChangePassword,
  };
}

export async function getUserById(input: { db: Executor; userId: string }): Promise<PublicUser | undefined> {
  const [user] = await input.db.select(publicColumns).from(users).where(eq(users.id, input.userId)).limit(1);
  return user;
}

/** Ends every session of the user, this one included. */
export async function signOutEverywhere(input: { db: Executor; userId: string }): Promise<void> {
  await endAllSessions(input);
}

export const changePasswordSchema = z
  .object({
    currentPassword: z
      .string({ error: "Enter your current password." })
      .min(1, "Enter your current password."),
    newPassword: passwordField,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two new passwords are not the same.",
  });

export type ChangePasswordResult =
  | Result<object, "wrong-password", "currentPassword">
  | { ok: false; reason: "throttled"; retryAt: Date; fieldErrors?: undefined };

/**
 * Changing the password ends every session, this one included. Checking the
 * current password is a sign-in attempt: it is claimed against the same
 * limits, so a stolen session cannot guess the password faster than the
 * sign-in form allows.
 */
export async function changePassword(input: {
  db: Executor;
  userId: string;
  currentPassword: string;
  newPassword: string;
  clientAddress: string;
  hashParams?: Parameters<typeof hashPassword>[1];
}): Promise<ChangePasswordResult> {
  if (!z.uuid().safeParse(input.userId).success)
    return refuse("wrong-password", { currentPassword: [NOT_CURRENT] });
  const [user] = await input.db.select().from(users).where(eq(users.id, input.userId)).limit(1);
  if (!user) return refuse("wrong-password", { currentPassword: [NOT_CURRENT] });
  const throttle = await claimSignInAttempt({
    db: input.db,
    email: user.email,
    clientAddress: input.clientAddress,
  });
  if (throttle.blocked) return { ok: false, reason: "throttled", retryAt: throttle.retryAt };
  const busy = { whenBusy: "refuse" } as const;
  if (!(await verifyPassword(input.currentPassword.slice(0, PASSWORD_MAX * 4), user.passwordHash, busy)))
    return refuse("wrong-password", { currentPassword: [NOT_CURRENT] });
  await clearFailures({ db: input.db, email: user.email, clientAddress: input.clientAddress });
  const passwordHash = await hashPassword(input.newPassword, input.hashParams, busy);
  await input.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, input.userId));
    await endAllSessions({ db: tx, userId: input.userId });
  });
  return ok();
}

const NOT_CURRENT = "That is not your current password.";
