import crypto from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Executor } from "@/db/client";
import { classes, classMembers, users } from "@/db/schema";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { clearAccountFailures } from "@/lib/auth/throttle";
import { ok, refuse, type Result } from "@/lib/result";
import { passwordField } from "./accounts";
import { endAllSessions } from "./sessions";

/**
 * A teacher resets the password of a student in one of their classes: the
 * student gets a one-time temporary password (the teacher is shown it once
 * and hands it over), every session of the student ends, and the next
 * sign-in must choose a new password before anything else (requireUser sends
 * them to /account/new-password). The reset is recorded on the student's
 * account, who did it and when, and shown on their account page.
 */

/** Letters and digits that are not read one for another (no 0/o, 1/l/i, 5/s, 8/b, 2/z). */
const TEMPORARY_ALPHABET = "acdefghjkmnpqrtuvwxy34679";

/** Four groups of four, like "kq7m-4tpx-9wha-3rfe": easy to read aloud, about 74 bits. */
export function temporaryPassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < 4; g++) {
    let group = "";
    for (let i = 0; i < 4; i++) group += TEMPORARY_ALPHABET[crypto.randomInt(TEMPORARY_ALPHABET.length)];
    groups.push(group);
  }
  return groups.join("-");
}

export type ResetResult = Result<
  { temporaryPassword: string; studentName: string },
  "not-found" | "already-reset"
>;

/** A student in a live class of this teacher's: whom the teacher may reset (never a teacher). */
const resettableBy = (teacherId: string, classId?: string) =>
  and(
    eq(users.role, "student"),
    sql`exists (select 1 from ${classMembers} m join ${classes} c on c.id = m.class_id
      where m.student_id = ${users.id} and c.teacher_id = ${teacherId} and c.deleted_at is null
        ${classId ? sql`and c.id = ${classId}` : sql``})`,
  );

/** The student on the reset page (of this teacher's class), with the last reset the page was made after. */
export async function getStudentForReset(input: {
  db: Executor;
  teacherId: string;
  classId: string;
  studentId: string;
}) {
  const [row] = await input.db
    .select({ id: users.id, name: users.name, email: users.email, passwordResetAt: users.passwordResetAt })
    .from(users)
    .where(and(eq(users.id, input.studentId), resettableBy(input.teacherId, input.classId)))
    .limit(1);
  return row;
}

/**
 * Resets the password of a student who is in a live class of this teacher's
 * (the where clause says so: another teacher's student, a teacher, or the
 * teacher themself finds nothing). Ends every session of the student.
 *
 * `seenResetAt` is the last reset the teacher's page showed (null: none).
 * When the student's differs, the form was posted again (a reload of the page
 * a form without JavaScript came back on posts it again) or another teacher
 * reset meanwhile: nothing changes, so the temporary password already handed
 * over keeps working.
 */
export async function resetStudentPassword(input: {
  db: Db;
  teacherId: string;
  studentId: string;
  seenResetAt?: Date | null;
  now?: Date;
  /** Tests may lower the scrypt cost; production code never passes this. */
  hashParams?: Parameters<typeof hashPassword>[1];
}): Promise<ResetResult> {
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password, input.hashParams, { whenBusy: "refuse" });
  const now = input.now ?? new Date();
  const seen =
    input.seenResetAt === undefined
      ? undefined
      : input.seenResetAt === null
        ? isNull(users.passwordResetAt)
        : eq(users.passwordResetAt, input.seenResetAt);
  return input.db.transaction(async (tx) => {
    const [student] = await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: true, passwordResetAt: now, passwordResetBy: input.teacherId })
      .where(and(eq(users.id, input.studentId), resettableBy(input.teacherId), seen))
      .returning({ id: users.id, name: users.name, email: users.email });
    if (!student) {
      const [exists] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.id, input.studentId), resettableBy(input.teacherId)))
        .limit(1);
      return refuse(exists ? "already-reset" : "not-found");
    }
    await endAllSessions({ db: tx, userId: student.id });
    // Guesses at the old password say nothing about the new one: the student may sign in at once.
    await clearAccountFailures({ db: tx, email: student.email });
    return ok({ temporaryPassword: password, studentName: student.name });
  });
}

export const newPasswordSchema = z
  .object({ newPassword: passwordField, confirmPassword: z.string() })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two new passwords are not the same.",
  });

export type SetNewPasswordResult = Result<object, "not-pending" | "same-as-temporary", "newPassword">;

/**
 * The student's own new password after a reset: only while one is pending,
 * and not the temporary one (the teacher knows it). Every session ends, this
 * one too, as with any password change: they sign in with the new password.
 */
export async function setPasswordAfterReset(input: {
  db: Db;
  userId: string;
  newPassword: string;
  hashParams?: Parameters<typeof hashPassword>[1];
}): Promise<SetNewPasswordResult> {
  const [user] = await input.db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(and(eq(users.id, input.userId), eq(users.mustChangePassword, true)))
    .limit(1);
  if (!user) return refuse("not-pending");
  if (await verifyPassword(input.newPassword, user.passwordHash, { whenBusy: "refuse" }))
    return refuse("same-as-temporary", {
      newPassword: ["Choose a password of your own, not the temporary one your teacher gave you."],
    });
  const passwordHash = await hashPassword(input.newPassword, input.hashParams, { whenBusy: "refuse" });
  return input.db.transaction(async (tx) => {
    const done = await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false })
      .where(and(eq(users.id, input.userId), eq(users.mustChangePassword, true)))
      .returning({ id: users.id });
    if (done.length === 0) return refuse("not-pending");
    await endAllSessions({ db: tx, userId: input.userId });
    return ok();
  });
}
