import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { users, type Role, type User } from "@/db/schema";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";
import { PASSWORD_MAX, passwordProblems } from "@/lib/auth/password-rules";
import { claimSignInAttempt, clearAccountFailures } from "@/lib/auth/throttle";
import { ok, refuse, type Result } from "@/lib/result";

const passwordField = z.string({ error: "Enter a password." }).superRefine((value, ctx) => {
  for (const message of passwordProblems(value)) ctx.addIssue({ code: "custom", message });
});

const emailField = z
  .string({ error: "Enter your email address." })
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter an email address like name@school.org."));

export const signUpSchema = z.object({
  name: z
    .string({ error: "Enter your name." })
    .trim()
    .min(1, "Enter your name.")
    .max(100, "Use at most 100 characters for your name."),
  email: emailField,
  password: passwordField,
  role: z.enum(["teacher", "student"], { error: "Choose whether you are a teacher or a student." }),
});

type SignUpInput = z.infer<typeof signUpSchema>;

/** What the app may show of a user: never the hash. */
export type PublicUser = Pick<User, "id" | "email" | "name" | "role" | "sessionVersion">;

const publicColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  sessionVersion: users.sessionVersion,
};

export type CreateUserResult = Result<{ user: PublicUser }, "email-taken", keyof SignUpInput>;

export async function createUser(input: {
  db: Executor;
  name: string;
  email: string;
  password: string;
  role: Role;
  /** Tests may lower the scrypt cost; production code never passes this. */
  hashParams?: Parameters<typeof hashPassword>[1];
}): Promise<CreateUserResult> {
  const passwordHash = await hashPassword(input.password, input.hashParams);
  try {
    const [user] = await input.db
      .insert(users)
      .values({ name: input.name.trim(), email: input.email.trim(), role: input.role, passwordHash })
      .returning(publicColumns);
    if (!user) throw new Error("insert returned no row");
    return ok({ user });
  } catch (e) {
    // The unique index on lower(email) is the check: no race between two sign-ups. The form adds
    // "Sign in instead" as a link (reason "email-taken").
    if (isUniqueViolation(e)) {
      return refuse("email-taken", {
        email: ["An account with this email already exists."],
      });
    }
    throw e;
  }
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
  const valid = user ? await verifyPassword(password, user.passwordHash) : await verifyAgainstDummy(password);
  // A wrong password leaves the claim in place as the failure it is.
  if (!user || !valid) return { ok: false, reason: "invalid" };
  await clearAccountFailures(input);
  return { ok: true, user: pick(user) };
}

function pick(user: User): PublicUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    sessionVersion: user.sessionVersion,
  };
}

export async function getUserById(input: { db: Executor; userId: string }): Promise<PublicUser | undefined> {
  const [user] = await input.db.select(publicColumns).from(users).where(eq(users.id, input.userId)).limit(1);
  return user;
}

/** Ends every session of the user, this one included. */
export async function signOutEverywhere(input: { db: Executor; userId: string }): Promise<void> {
  await input.db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, input.userId));
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

export type ChangePasswordResult = Result<{ sessionVersion: number }, "wrong-password", "currentPassword">;

/** Changing the password ends every other session (the version moves on). */
export async function changePassword(input: {
  db: Executor;
  userId: string;
  currentPassword: string;
  newPassword: string;
}): Promise<ChangePasswordResult> {
  const [user] = await input.db.select().from(users).where(eq(users.id, input.userId)).limit(1);
  if (!user || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    return refuse("wrong-password", { currentPassword: ["That is not your current password."] });
  }
  const passwordHash = await hashPassword(input.newPassword);
  const [updated] = await input.db
    .update(users)
    .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, input.userId))
    .returning({ sessionVersion: users.sessionVersion });
  return ok({ sessionVersion: updated?.sessionVersion ?? user.sessionVersion + 1 });
}
