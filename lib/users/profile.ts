import { eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { PASSWORD_MAX } from "@/lib/auth/password-rules";
import { claimSignInAttempt, clearFailures } from "@/lib/auth/throttle";
import { ok, refuse, type Result } from "@/lib/result";
import { emailField, nameField } from "./accounts";

/**
 * A person's own name and email. Changing the email (the sign-in name)
 * re-checks the password, counted as a sign-in attempt against the same
 * limits, so a stolen session can neither take the account over by its
 * email nor guess the password faster than the sign-in form allows. Emails
 * stay unique whatever their case (the unique index on lower(email) decides).
 */

export const profileSchema = z.object({
  name: nameField,
  email: emailField,
  currentPassword: z
    .string()
    .max(PASSWORD_MAX * 4)
    .default(""),
});

export type ProfileField = keyof z.input<typeof profileSchema>;

export type UpdateProfileResult =
  | Result<{ emailChanged: boolean }, "not-found" | "wrong-password" | "email-taken", ProfileField>
  | { ok: false; reason: "throttled"; retryAt: Date; fieldErrors?: undefined };

export async function updateProfile(input: {
  db: Executor;
  userId: string;
  name: string;
  email: string;
  currentPassword: string;
  clientAddress: string;
}): Promise<UpdateProfileResult> {
  const [user] = await input.db.select().from(users).where(eq(users.id, input.userId)).limit(1);
  if (!user) return refuse("not-found");
  const email = input.email.trim();
  // A change of case only is the same sign-in name: no password needed.
  const emailChanged = email.toLowerCase() !== user.email.toLowerCase();
  if (emailChanged) {
    if (!input.currentPassword)
      return refuse("wrong-password", {
        currentPassword: ["Enter your current password to change your email."],
      });
    const throttle = await claimSignInAttempt({
      db: input.db,
      email: user.email,
      clientAddress: input.clientAddress,
    });
    if (throttle.blocked) return { ok: false, reason: "throttled", retryAt: throttle.retryAt };
    // A wrong password leaves the claim in place as the failure it is.
    if (!(await verifyPassword(input.currentPassword, user.passwordHash, { whenBusy: "refuse" })))
      return refuse("wrong-password", { currentPassword: ["That is not your current password."] });
    await clearFailures({ db: input.db, email: user.email, clientAddress: input.clientAddress });
  }
  try {
    await input.db.update(users).set({ name: input.name.trim(), email }).where(eq(users.id, user.id));
  } catch (e) {
    if (isUniqueViolation(e))
      return refuse("email-taken", { email: ["Another account already uses this email."] });
    throw e;
  }
  return ok({ emailChanged });
}

const resetter = alias(users, "resetter");

/** What the account page shows: the person's details and the last password reset by a teacher. */
export async function getAccountDetails(input: { db: Executor; userId: string }) {
  const [row] = await input.db
    .select({
      name: users.name,
      email: users.email,
      role: users.role,
      passwordResetAt: users.passwordResetAt,
      resetByName: resetter.name,
    })
    .from(users)
    .leftJoin(resetter, eq(resetter.id, users.passwordResetBy))
    .where(eq(users.id, input.userId))
    .limit(1);
  return row;
}
